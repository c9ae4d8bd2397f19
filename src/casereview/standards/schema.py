"""The scoring-standard schema: pydantic models a ``standard.yaml`` is validated against.

Every model forbids unknown fields, so a typo such as ``pionts:`` is an error naming the line rather
than a silently ignored key. Field-level checks (rule ids, profile parameter names) raise errors at
the exact location; checks that need the whole standard (points adding up, references between
sections, duplicate ids) live in :mod:`casereview.standards.checks` and report one location per
problem through the ``standard_inconsistent`` error's context.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from casereview.domain.rule_ids import KNOWN_RULES, RULE_IDS
from casereview.errors import StandardUnavailable
from casereview.policy.model import PolicyData
from casereview.rules.base import DEFAULT_PARAMS

SCHEMA_PATH = Path("schema") / "standard.schema.json"  # relative to the scoring_standards root


def _known_rule(value: str) -> str:
    if value not in KNOWN_RULES:
        raise PydanticCustomError(
            "unknown_rule", "未知的规则编号 {rule}（可用的编号见规则目录，如 T-12、P-05）", {"rule": value}
        )
    return value


def _known_param(value: str) -> str:
    if value not in DEFAULT_PARAMS:
        raise PydanticCustomError("unknown_param", "未知的参数名 {name}", {"name": value})
    return value


RuleId = Annotated[
    str, AfterValidator(_known_rule), WithJsonSchema({"type": "string", "enum": list(RULE_IDS)})
]
ParamName = Annotated[
    str, AfterValidator(_known_param), WithJsonSchema({"type": "string", "enum": sorted(DEFAULT_PARAMS)})
]
Ident = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_.-]+$")]
Text = Annotated[str, Field(min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Category(_Model):
    id: Ident
    name: Text = Field(description="类别名称，如 执法程序")
    points: float = Field(gt=0, description="类别分值，等于其下各评查项分值之和")
    description: str = ""


class Item(_Model):
    """One line of the score sheet."""

    id: Ident
    category: Ident
    title: Text
    points: float = Field(gt=0)
    deduction: Literal["all_or_nothing", "per_violation"] = Field(
        default="all_or_nothing", description="all_or_nothing：不符合即扣全部分值；per_violation：按处计扣"
    )
    per_violation: float | None = Field(default=None, gt=0, description="每处扣分（per_violation 时必填）")
    rules: list[RuleId] = Field(default_factory=list, description="检查本项的规则；为空则为人工评查项")
    manual: bool = Field(
        default=False, description="人工评查项：由评查人员判定；若同时列出规则，规则结果仅作参考、不自动扣分"
    )
    evidence_hints: list[str] = Field(default_factory=list, description="人工评查时应展示的文书或材料")
    legal_basis: list[str] = Field(default_factory=list)
    explanation: Text = Field(
        default="{message}", description="扣分理由模板，可用 {message} {count} {limit} 等占位符"
    )
    rectification: Text = Field(description="整改要求（用于整改通知书）")
    group: Literal["立卷", "实体", "程序"] = Field(description="整改通知书中的问题分组")


class _Trigger(_Model):
    """Rules or items whose failure has an effect on the grade (veto or cap).

    A rule triggers when one of its findings is ``fail`` (and, with ``when``, its facts match) and the
    reviewer has not overridden the item scoring it to no deduction; an item triggers when it loses
    all of its points.
    """

    id: Ident
    title: Text
    rules: list[RuleId] = Field(default_factory=list)
    items: list[Ident] = Field(default_factory=list)
    when: dict[str, str] = Field(
        default_factory=dict,
        description="仅当规则结果的 facts 中该字段等于（或列表包含）给定值时触发，如 {missing: 行政处罚决定书}",
    )
    legal_basis: list[str] = Field(default_factory=list)
    note: str = ""


class Veto(_Trigger):
    effect: Literal["fail_file"] = Field(default="fail_file", description="一票否决：不论得分均评为最低等次")


class Cap(_Trigger):
    effect: Literal["no_excellent"] = Field(default="no_excellent", description="不得评为最高等次")
    max_grade: str | None = Field(default=None, description="最高可评等次，默认第二等次")


class Grade(_Model):
    name: Text
    min: float = Field(ge=0, description="该等次的最低得分（含）")


class Profile(_Model):
    name: Ident
    title: Text
    description: str = ""
    params: dict[ParamName, int | float | str] = Field(
        default_factory=dict, description="覆盖规则参数的默认值（参数名见 rules/base.py DEFAULT_PARAMS）"
    )


DataPath = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*\.yaml$")]  # no ..


class PolicyRefs(_Model):
    """Data files a province maintains beside the standard, relative to ``scoring_standards/``."""

    statutory: list[DataPath] = Field(default_factory=list, description="法定罚款幅度表")
    discretion: list[DataPath] = Field(default_factory=list, description="行政处罚裁量基准表")
    exemptions: list[DataPath] = Field(
        default_factory=list, description="轻微违法行为免予处罚（首违不罚）清单"
    )

    def files(self) -> list[str]:
        return [*self.statutory, *self.discretion, *self.exemptions]


class Standard(_Model):
    id: Annotated[str, Field(pattern=r"^[a-z0-9_]+$", description="标准编号，与所在文件夹同名")]
    name: Text
    version: Text = Field(description='内容版本，如 "2025.1"（请加引号）')
    effective_from: dt.date
    effective_to: dt.date | None = None
    description: str = ""
    total: float = Field(default=100, gt=0)
    categories: list[Category] = Field(min_length=1)
    items: list[Item] = Field(min_length=1)
    vetoes: list[Veto] = Field(default_factory=list)
    caps: list[Cap] = Field(default_factory=list)
    grades: list[Grade] = Field(min_length=2, description="等次，按最低分从高到低排列，最后一档最低分为 0")
    profiles: list[Profile] = Field(min_length=1)
    default_profile: Ident
    policy: PolicyRefs | None = Field(default=None, description="裁量基准、免罚清单等数据文件")
    _policy_data: PolicyData | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _consistent(self) -> Standard:
        from casereview.standards.checks import consistency_issues

        issues = consistency_issues(self)
        if issues:
            raise PydanticCustomError(
                "standard_inconsistent",
                "评查标准内容不一致（{count} 处）",
                {"count": len(issues), "issues": issues},
            )
        return self

    @property
    def policy_data(self) -> PolicyData | None:
        """The loaded policy files (set by the loader; None when the standard names none)."""
        return self._policy_data

    def with_policy(self, data: PolicyData) -> Standard:
        self._policy_data = data  # private: not part of the YAML, the schema or model_dump
        return self

    def item(self, item_id: str) -> Item:
        return next(i for i in self.items if i.id == item_id)

    def category(self, category_id: str) -> Category:
        return next(c for c in self.categories if c.id == category_id)

    def profile(self, name: str | None = None) -> Profile:
        wanted = name or self.default_profile
        for profile in self.profiles:
            if profile.name == wanted:
                return profile
        known = "、".join(p.name for p in self.profiles) or "无"
        raise StandardUnavailable("unknown_profile", standard=self.id, profile=wanted, known=known)

    def params(self, profile: str | None = None) -> dict[str, object]:
        """The rule parameters under ``profile``: the code defaults overridden by the profile."""
        return {**DEFAULT_PARAMS, **self.profile(profile).params}

    def grade_for(self, score: float) -> str:
        for grade in self.grades:
            if score >= grade.min:
                return grade.name
        return self.grades[-1].name

    def content_hash(self) -> str:
        """sha256 of the canonical content: comments and layout of the YAML do not change it."""
        content: dict[str, object] = self.model_dump(mode="json")
        if self._policy_data is not None:  # a changed table changes what the rules decide
            content["policy_digest"] = self._policy_data.digest
        canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def json_schema_text() -> str:
    """The JSON Schema of ``standard.yaml`` as committed under ``scoring_standards/schema/``."""
    schema = Standard.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "CaseReview 评查标准 (standard.yaml)"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_json_schema(root: Path) -> Path:
    """Regenerate the committed JSON Schema under the standards ``root``; returns its path."""
    target = root / SCHEMA_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json_schema_text(), encoding="utf-8")
    return target
