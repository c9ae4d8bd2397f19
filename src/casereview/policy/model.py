"""Data a province maintains beside its standard: statutory fine ranges, discretion tables (裁量基准)
and exemption lists (轻微不罚 / 首违不罚), as validated pydantic models.

The files live under ``scoring_standards/data/`` and a standard names them in its ``policy:`` block
(:mod:`casereview.standards.policy_files` loads and lints them). Rules read them through
:class:`PolicyData`; nothing here imports the rules or the standards, so both may import this.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Annotated, Generic, Literal, NamedTuple, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from casereview.extract.numerals import chinese_numeral_to_int

LEVELS: tuple[str, ...] = ("减轻", "从轻", "一般", "从重")
Level = Literal["减轻", "从轻", "一般", "从重"]


class FineRange(NamedTuple):
    low: float
    high: float

    def contains(self, amount: float) -> bool:
        return self.low - 0.005 <= amount <= self.high + 0.005

    def describe(self) -> str:
        """“1万元以上10万元以下” style, as the tables print it."""
        if self.low <= 0:
            return f"{yuan(self.high)}以下"
        if self.low == self.high:
            return yuan(self.low)
        return f"{yuan(self.low)}以上{yuan(self.high)}以下"


def yuan(amount: float) -> str:
    """30000 → “3万元”, 2500 → “2500元”, 15000 → “1.5万元”."""
    if amount >= 10_000 and (amount / 10_000) * 10 == int(amount / 1_000):
        return f"{amount / 10_000:g}万元"
    return f"{amount:g}元"


_AMOUNT = r"(?P<{0}>[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+)(?P<{0}u>万元|千元|万|千|元)?"
_RANGE_FORMS = (
    re.compile(_AMOUNT.format("a") + r"(?:以上|至|到|-|~|—|–)" + _AMOUNT.format("b") + r"(?:以下)?"),
    re.compile(r"(?:不超过|最高)?" + _AMOUNT.format("b") + r"(?:以下)?"),
)
_NOISE = re.compile(r"^(?:处以?|并处|可以处|罚款)|(?:的)?罚款$|^警告(?:或者|或|,|，|、)")
_UNIT = {"万元": 10_000.0, "万": 10_000.0, "千元": 1_000.0, "千": 1_000.0, "元": 1.0}


def _amount(number: str, unit: str | None, default_unit: str | None) -> float | None:
    value: float | None
    if re.fullmatch(r"[0-9.]+", number):
        value = float(number)
    elif len(number) > 1 and not re.search("[十百千]", number):
        return None  # 两三万元: an estimate, not an amount (read digit by digit it would be 23万)
    else:
        parsed = chinese_numeral_to_int(number)
        value = float(parsed) if parsed is not None else None
    chosen = unit or default_unit
    if value is None or chosen is None:
        return None
    return value * _UNIT[chosen]


def parse_range(text: str) -> FineRange | None:
    """“1万元以上10万元以下”, “3万元以下”, “200元至1000元”, “5000元” → the range; else None.

    A bare lower bound takes the unit of the upper one (“1至10万元”); a range without any unit, or
    whose lower bound exceeds the upper, does not parse.
    """
    s = unicodedata.normalize("NFKC", "".join(text.split()))
    for _ in range(3):
        s = _NOISE.sub("", s)
    found = _RANGE_FORMS[0].fullmatch(s)
    if found:
        high = _amount(found["b"], found["bu"], None)
        low = _amount(found["a"], found["au"], found["bu"])
        if low is None or high is None or low > high:
            return None
        return FineRange(low, high)
    found = _RANGE_FORMS[1].fullmatch(s)
    if found:
        high = _amount(found["b"], found["bu"], None)
        if high is None:
            return None
        exact = not s.endswith("以下") and not s.startswith(("不超过", "最高"))
        return FineRange(high if exact else 0.0, high)
    return None


def _range_text(value: str) -> str:
    if parse_range(value) is None:
        raise PydanticCustomError(
            "fine_range",
            "罚款幅度“{value}”无法识别（应写成如“1万元以上10万元以下”“3万元以下”“200元至1000元”）",
            {"value": value},
        )
    return value


RangeText = Annotated[str, AfterValidator(_range_text)]
Text = Annotated[str, Field(min_length=1)]
_PREFIX = "中华人民共和国"


def law_key(name: str) -> str:
    """《中华人民共和国道路运输条例》（2022年修订） → 道路运输条例 (how laws are compared)."""
    s = unicodedata.normalize("NFKC", "".join(name.split())).strip("《》")
    s = re.sub(r"\([^()]*\)$", "", s)
    return s.removeprefix(_PREFIX)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Article(_Model):
    law: Text = Field(description="法律法规规章名称（书名号内），如 中华人民共和国道路运输条例")
    article: int = Field(ge=1, description="条")
    paragraph: int | None = Field(default=None, ge=1, description="款")
    item: int | None = Field(default=None, ge=1, description="项")

    def key(self) -> tuple[str, int, int | None, int | None]:
        return law_key(self.law), self.article, self.paragraph, self.item

    def cite(self) -> str:
        text = f"《{self.law}》第{self.article}条"
        if self.paragraph:
            text += f"第{self.paragraph}款"
        if self.item:
            text += f"第（{self.item}）项"
        return text


class StatutoryEntry(_Article):
    violation: Text = Field(description="违法行为")
    keywords: list[str] = Field(
        default_factory=list, description="同一条款有几种违法行为时，用于区分的案由用语"
    )
    fine: RangeText = Field(description="法定罚款幅度，如 1万元以上10万元以下")
    source: Text

    def range(self) -> FineRange:
        found = parse_range(self.fine)
        assert found is not None  # validated
        return found


class LevelRange(_Model):
    level: Level = Field(description="裁量阶次：减轻、从轻、一般、从重")
    fine: RangeText
    facts: list[Text] = Field(min_length=1, description="适用该阶次的情形")

    def range(self) -> FineRange:
        found = parse_range(self.fine)
        assert found is not None
        return found


class DiscretionEntry(_Article):
    id: Annotated[str, Field(min_length=1, max_length=40)]
    violation: Text
    keywords: list[str] = Field(default_factory=list)
    statutory: RangeText | None = Field(default=None, description="该条款的法定幅度（不填则取法定幅度表）")
    levels: list[LevelRange] = Field(min_length=1)
    source: Text

    def level(self, name: str) -> LevelRange | None:
        return next((lv for lv in self.levels if lv.level == name), None)


class ExemptionEntry(_Article):
    id: Annotated[str, Field(min_length=1, max_length=40)]
    matter: Text = Field(description="事项名称")
    kind: Literal["首违不罚", "轻微不罚"]
    keywords: list[str] = Field(default_factory=list)
    conditions: list[Text] = Field(min_length=1, description="适用条件（需同时满足）")
    source: Text


class StatutoryFile(_Model):
    kind: Literal["statutory_ranges"]
    title: Text
    source: Text
    entries: list[StatutoryEntry] = Field(min_length=1)


class DiscretionFile(_Model):
    kind: Literal["discretion_table"]
    title: Text
    issuer: Text
    source: Text
    entries: list[DiscretionEntry] = Field(min_length=1)


class ExemptionFile(_Model):
    kind: Literal["exemption_list"]
    title: Text
    issuer: Text
    scope: Literal["全国", "本省"]
    source: Text
    entries: list[ExemptionEntry] = Field(min_length=1)


PolicyFile = StatutoryFile | DiscretionFile | ExemptionFile
ArticleKey = tuple[str, int, int | None, int | None]


class Cited(NamedTuple):
    """An article as a document cites it (paragraph and item when printed)."""

    law: str
    article: int
    paragraph: int | None = None
    item: int | None = None


def _matches(entry: _Article, cited: Cited) -> bool:
    law, article, paragraph, item = entry.key()
    return (
        law == law_key(cited.law)
        and article == cited.article
        and (paragraph is None or cited.paragraph is None or paragraph == cited.paragraph)
        and (item is None or cited.item is None or item == cited.item)
    )


T = TypeVar("T")


@dataclass(frozen=True)
class Sourced(Generic[T]):
    """An entry with the file it came from (shown in findings: the reviewer can open the row)."""

    entry: T
    file: str
    title: str


E = TypeVar("E", StatutoryEntry, DiscretionEntry, ExemptionEntry)


def pick(found: list[Sourced[E]], cited: Cited, text: str) -> list[Sourced[E]]:
    """The entries for ``cited``: exact 项 first, then those whose keywords occur in ``text``."""
    found = [s for s in found if _matches(s.entry, cited)]
    if len(found) > 1 and cited.item is not None:
        exact = [s for s in found if s.entry.item == cited.item]
        found = exact or found
    if len(found) > 1:
        keyed = [s for s in found if any(k in text for k in s.entry.keywords)]
        found = keyed or found
    return found


@dataclass(frozen=True)
class PolicyData:
    """Every policy file a standard names, loaded and checked."""

    statutory: list[Sourced[StatutoryEntry]] = field(default_factory=list)
    discretion: list[Sourced[DiscretionEntry]] = field(default_factory=list)
    exemptions: list[Sourced[ExemptionEntry]] = field(default_factory=list)
    digest: str = ""  # sha256 of the canonical content (part of the standard's content hash)

    @classmethod
    def build(cls, files: list[tuple[str, PolicyFile]]) -> PolicyData:
        statutory: list[Sourced[StatutoryEntry]] = []
        discretion: list[Sourced[DiscretionEntry]] = []
        exemptions: list[Sourced[ExemptionEntry]] = []
        for name, data in files:
            if isinstance(data, StatutoryFile):
                statutory += [Sourced(e, name, data.title) for e in data.entries]
            elif isinstance(data, DiscretionFile):
                discretion += [Sourced(e, name, data.title) for e in data.entries]
            else:
                exemptions += [Sourced(e, name, data.title) for e in data.entries]
        canonical = json.dumps(
            [data.model_dump(mode="json") for _name, data in files],  # content, not where it sits
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )
        return cls(statutory, discretion, exemptions, hashlib.sha256(canonical.encode()).hexdigest())

    def statutory_range(self, entry: DiscretionEntry) -> FineRange | None:
        """The discretion entry's statutory range: its own, else the statutory table's."""
        if entry.statutory:
            return parse_range(entry.statutory)
        same = [s.entry for s in self.statutory if s.entry.key() == entry.key()]
        return same[0].range() if same else None


def row_text(facts: dict[str, object]) -> str | None:
    """The table row or list entry a P-20/P-10 finding rests on, as the review panel shows it beside
    the page (None when the finding names none)."""
    entry = facts.get("entry")
    if not entry:
        return None
    if "list" in facts:  # P-10: an exemption list entry and its conditions
        conditions = facts.get("conditions")
        joined = "；".join(str(c) for c in conditions) if isinstance(conditions, list) else ""
        return f"{facts['list']} 第{entry}项" + (f"，适用条件：{joined}" if joined else "")
    text = f"{facts.get('table', '裁量基准')} 第{entry}项"
    if "level" in facts:
        text += f"，“{facts['level']}”档次罚款幅度：{facts.get('range', '')}"
    fine = facts.get("fine")
    if isinstance(fine, int | float):
        text += f"；本案罚款：{yuan(float(fine))}"
    return text
