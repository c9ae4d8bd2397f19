"""The rule engine: every rule module registers its checks in ``REGISTRY`` on import.

``run_rules`` runs them in the catalogue order of rules.md, and turns a crash of one rule into a
needs_review finding, so one bad rule never stops a check.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from casereview.calendar import CalendarDataMissing
from casereview.domain.findings import Finding
from casereview.domain.rule_ids import RULE_IDS

# Static imports, not importlib: a frozen build only bundles the modules it can see imported.
from casereview.rules import (
    certificates,
    consistency,
    discretion,
    kinds,
    procedure,
    reasons,
    time_limits,
    time_limits_after,
)
from casereview.rules.base import REGISTRY, RuleContext
from casereview.rules.common import needs_review
from casereview.rules.unread_cells import note_unread_cells

log = logging.getLogger(__name__)

CATALOGUE: tuple[str, ...] = RULE_IDS  # shared/domain/rules.md, in the order of its tables

_MODULES = (time_limits, time_limits_after, procedure, consistency, kinds, reasons, discretion, certificates)


def ordered_ids(rule_ids: Iterable[str] | None = None) -> list[str]:
    """Registered rule ids (or the wanted subset) in catalogue order; unknown extras last."""
    wanted = set(REGISTRY) if rule_ids is None else set(rule_ids) & set(REGISTRY)
    known = [rid for rid in CATALOGUE if rid in wanted]
    return known + sorted(wanted - set(CATALOGUE))


def run_rules(ctx: RuleContext, rule_ids: Iterable[str] | None = None) -> list[Finding]:
    """One finding per registered rule (or per id in ``rule_ids``), in rules.md order."""
    findings: list[Finding] = []
    for rule_id in ordered_ids(rule_ids):
        try:
            findings.append(REGISTRY[rule_id].check(ctx))
        except CalendarDataMissing as exc:
            findings.append(needs_review(rule_id, f"{exc.message}，请在节假日覆盖文件中补充该年安排。"))
        except Exception as exc:  # one broken rule must not kill the whole check
            log.exception("rule %s failed on %s", rule_id, ctx.case.source)
            findings.append(needs_review(rule_id, f"规则执行出错：{type(exc).__name__}: {exc}"))
    return note_unread_cells(ctx.case, findings)


__all__ = ["CATALOGUE", "REGISTRY", "RuleContext", "ordered_ids", "run_rules"]
