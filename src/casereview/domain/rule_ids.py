"""The rule ids of shared/domain/rules.md, in the order of its tables: the one list of rule ids.

The rule engine runs its rules in this order (``rules.CATALOGUE``) and a standard may name only
these ids (``standards.schema``); a test checks that every id here has a registered rule and every
registered rule an id here. A constant rather than read from ``rules.base.REGISTRY``: the registry
only holds the rules whose modules have been imported, but a standard naming a catalogue id is
valid whether or not its check is implemented yet. Imports nothing from casereview, so anything
may import it.
"""

from __future__ import annotations

from typing import Final

RULE_IDS: Final[tuple[str, ...]] = (
    "D-01",
    *("D-02", "D-03"),  # compulsion and inspection files (rules/kinds.py)
    *("T-01", "T-02", "T-03", "T-04", "T-05", "T-06", "T-07", "T-11", "T-12", "T-16", "T-19"),
    *("P-01", "P-02", "P-03", "P-04", "P-05", "P-06", "P-07", "P-08", "P-10", "P-11", "P-13", "P-14"),
    # policy data and the officer roster (reasons.py, discretion.py, certificates.py)
    *("P-19", "P-20", "P-21"),
    *("C-01", "C-02", "C-03", "W-01", "S-01"),
)

KNOWN_RULES: Final[frozenset[str]] = frozenset(RULE_IDS)
