"""The officer roster (执法人员名单) as rules see it: name, certificate number, field, valid until.

Stored in the database by :mod:`casereview.lists.roster` and read from CSV/XLSX by
:mod:`casereview.listfiles.roster_file`; this plain form is what P-21 receives in its context.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field


def certificate_key(text: str) -> str:
    """How certificate numbers are compared: NFKC, no spaces or dashes, upper case."""
    return re.sub(r"[\s\-－—_]", "", unicodedata.normalize("NFKC", text)).upper()


@dataclass(frozen=True)
class RosterEntry:
    name: str
    certificate: str
    field: str  # 执法领域/门类, as printed
    valid_until: dt.date
    row: int  # row in the imported file (shown in findings)


@dataclass(frozen=True)
class Roster:
    source: str  # e.g. "执法人员名单.xlsx（2026-12-07 导入）"
    entries: list[RosterEntry] = field(default_factory=list)

    def find(self, certificate: str) -> RosterEntry | None:
        key = certificate_key(certificate)
        return next((e for e in self.entries if certificate_key(e.certificate) == key), None)
