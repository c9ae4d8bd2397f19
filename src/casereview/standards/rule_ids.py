"""The rule ids of shared/domain/rules.md, the fixed contract standards are checked against.

Kept here as a constant rather than read from ``rules.base.REGISTRY``: the registry only holds the
rules whose modules have been imported (and may be partial while rules are being written), but a
standard naming a catalogue id is valid whether or not its check is implemented yet.
"""

from __future__ import annotations

from typing import Final

RULE_IDS: Final[tuple[str, ...]] = (
    "D-01",
    "T-01",
    "T-02",
    "T-03",
    "T-04",
    "T-05",
    "T-06",
    "T-07",
    "T-11",
    "T-12",
    "T-16",
    "T-19",
    "P-01",
    "P-02",
    "P-03",
    "P-04",
    "P-05",
    "P-06",
    "P-07",
    "P-08",
    "P-13",
    "P-14",
    "C-01",
    "C-02",
    "C-03",
    "W-01",
    "S-01",
    # issue 14: compulsion (查封/扣押) and inspection files
    "D-02",
    "D-03",
    "P-11",
    # issue 14, penalty files: policy data and the officer roster (discretion.py, reasons.py, certificates.py)
    "P-10",
    "P-19",
    "P-20",
    "P-21",
)

KNOWN_RULES: Final[frozenset[str]] = frozenset(RULE_IDS)
