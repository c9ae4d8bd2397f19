"""Is a missing element really missing? Sorting a document's unmatched elements by the evidence.

An element pattern (十五日内…缴纳, 六十日…复议) is written for the wordings we know. On a form nobody
here wrote the element is usually there in other words, and a fail on it is the false fail a
reviewer trusts least. So an unmatched element is sorted three ways (rules.md: "A `fail` needs
positive evidence"):

- ``wrong``: the element is there with content the law forbids (三个月内提起诉讼, 三十日内缴纳) — a fail;
- ``absent``: not even the element's subject words are in the document (no 复议 or 诉讼 at all) — a fail;
- ``unsure``: the subject words are there but the wording was not recognised — needs_review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A period the party is given: "六十日内", "6个月内", "15天内" (a date's "3月15日前" is no period).
_PERIOD = re.compile(
    r"(?<![一二三四五六七八九十百零〇两\d月])([一二三四五六七八九十百零〇两\d]+(?:个月|日|天))(?=内)"
)


@dataclass(frozen=True)
class Cue:
    """How to tell an unrecognised element from an absent or a wrong one."""

    subject: str  # words without which the element cannot be there at all
    sentence: str = ""  # sentences about the element (for ``allowed`` periods); "" = no period check
    allowed: frozenset[str] = field(default_factory=frozenset)  # the periods the law allows


@dataclass
class Sorted:
    wrong: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)

    @property
    def failing(self) -> list[str]:
        return self.wrong + self.absent


def _sentences(flat: str, about: str) -> list[str]:
    return [s for s in re.split(r"[。；;\n]", flat) if re.search(about, s)]


def wrong_periods(flat: str, cue: Cue) -> list[str]:
    """Periods in the element's sentences that the law does not allow (六个月 → 三个月)."""
    if not cue.sentence:
        return []
    found = [m.group(1) for s in _sentences(flat, cue.sentence) for m in _PERIOD.finditer(s)]
    return [p for p in found if p not in cue.allowed]


def sort_missing(flat: str, missing: list[str], cues: dict[str, Cue]) -> Sorted:
    """Sort ``missing`` element names of a document whose text (whitespace removed) is ``flat``.
    Elements without a cue stay absent (their pattern is the whole evidence)."""
    out = Sorted()
    for name in missing:
        cue = cues.get(name)
        if cue is None or not re.search(cue.subject, flat):
            out.absent.append(name)
        elif wrong_periods(flat, cue):
            out.wrong.append(name)
        else:
            out.unsure.append(name)
    return out
