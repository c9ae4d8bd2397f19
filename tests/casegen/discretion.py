"""The example discretion table (scoring_standards/data/discretion/example_province.yaml) as the
generator needs it: per violation, the table entry and its levels with fine ranges and a fact.

Kept in step with the YAML by tests/unit/test_policy_rules.py (the generator never imports the
product). Clean decisions state the level whose range holds the fine; the P-20 defect states one
whose range does not.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Band:
    level: str
    low: int
    high: int
    fact: str

    def holds(self, fine: int) -> bool:
        return self.low <= fine <= self.high

    def words(self) -> str:
        def y(v: int) -> str:
            return f"{v // 10000}万元" if v >= 10000 and v % 10000 == 0 else f"{v}元"

        return f"{y(self.high)}以下" if self.low == 0 else f"{y(self.low)}以上{y(self.high)}以下"


TABLE: dict[str, tuple[str, tuple[Band, ...]]] = {
    "feifa_keyun": (
        "YS-63-2",
        (
            Band("从轻", 10000, 20000, "首次被查处"),
            Band("一般", 20000, 50000, "一年内第二次被查处"),
            Band("从重", 50000, 100000, "一年内被查处三次以上"),
        ),
    ),
    "weixian": (
        "YS-63-3",
        (
            Band("从轻", 30000, 50000, "首次被查处且未发生泄漏"),
            Band("一般", 50000, 80000, "不属于从轻、从重情形"),
            Band("从重", 80000, 100000, "一年内再次被查处"),
        ),
    ),
    "weixiedai": (
        "YS-68",
        (
            Band("从轻", 20, 50, "违法情节轻微"),
            Band("一般", 50, 100, "不属于从轻、从重情形"),
            Band("从重", 100, 200, "一年内再次被查处"),
        ),
    ),
    "zhandian": (
        "YS-70",
        (
            Band("从轻", 1000, 1500, "首次被查处，未造成乘客滞留"),
            Band("一般", 1500, 2500, "不属于从轻、从重情形"),
            Band("从重", 2500, 3000, "一年内再次被查处"),
        ),
    ),
    "chaoxian": (
        "GL-64",
        (
            Band("从轻", 0, 5000, "超限不足5吨且主动卸载"),
            Band("一般", 5000, 20000, "超限5吨以上不足20吨"),
            Band("从重", 20000, 30000, "超限20吨以上"),
        ),
    ),
    "weihu": (
        "JS-31",
        (
            Band("从轻", 1000, 2000, "涉及车辆1辆且已补做维护"),
            Band("一般", 2000, 3500, "不属于从轻、从重情形"),
            Band("从重", 3500, 5000, "拒不改正"),
        ),
    ),
    "congye": (
        "CY-45",
        (
            Band("从轻", 200, 500, "首次被查处"),
            Band("一般", 500, 1000, "不属于从轻、从重情形"),
            Band("从重", 1000, 2000, "一年内再次被查处"),
        ),
    ),
    "wangyueche": (
        "WY-34-2",
        (
            Band("从轻", 3000, 5000, "首次被查处"),
            Band("一般", 5000, 8000, "不属于从轻、从重情形"),
            Band("从重", 8000, 10000, "一年内再次被查处"),
        ),
    ),
    "peiyuan": (
        "NH-65",
        (
            Band("从轻", 10000, 30000, "缺员1名且及时补足"),
            Band("一般", 30000, 60000, "不属于从轻、从重情形"),
            Band("从重", 60000, 100000, "缺员2名以上"),
        ),
    ),
    "shiren": (
        "CZ-53",
        (
            Band("从轻", 0, 200, "能及时出示电子证书"),
            Band("一般", 200, 1000, "不属于从轻、从重情形"),
            Band("从重", 1000, 2000, "一年内再次被查处"),
        ),
    ),
}


def band_for(violation: str, fine: int) -> tuple[str, Band] | None:
    """(entry id, the first level whose range holds ``fine``)."""
    entry = TABLE.get(violation)
    if entry is None:
        return None
    band = next((b for b in entry[1] if b.holds(fine)), None)
    return (entry[0], band) if band else None


def wrong_band(violation: str, fine: int) -> tuple[str, Band] | None:
    """A level whose range does not hold ``fine`` (the P-20 defect states it)."""
    entry = TABLE.get(violation)
    if entry is None:
        return None
    band = next((b for b in entry[1] if not b.holds(fine)), None)
    return (entry[0], band) if band else None


def stated(violation: str, fine: int, mut: dict[str, str]) -> tuple[str, Band] | None:
    """The entry and level a decision states: the fine's own, or (P-20 defect) another one."""
    return wrong_band(violation, fine) if mut.get("p20") else band_for(violation, fine)
