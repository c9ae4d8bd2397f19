"""Child process of the memory-budget tests: reads one file with one reader and prints one JSON line.

Usage: ``python budget_child.py READER PATH`` with READER one of case, publication, standard,
package; the budget comes from CASEREVIEW_MEMORY_BUDGET as in use. Printed: ``outcome`` (read,
reduced, refused), ``code``, ``message`` (the Chinese text a user sees), ``notices``, ``budget``,
``baseline_kib`` (resident after the imports) and ``peak_kib`` (the peak while reading: the
high-water mark is reset after the imports, so import-time garbage does not count).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from casereview.budget import default_limit
from casereview.errors import CaseReviewError, ErrorCode
from casereview.ingest import IngestOptions
from casereview.listfiles.publication_errors import PublicationListError
from casereview.listfiles.publication_file import parse_publication_list
from casereview.lists.publication_text import describe_publication_error
from casereview.messages import describe, describe_notice
from casereview.pipeline import read_case
from casereview.sessions.package_zip import read_package
from casereview.standards.loader import check_file


def _status(key: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def _read(reader: str, path: Path) -> dict[str, object]:
    if reader == "case":
        # DOCX through the text-only reader: LibreOffice would run in a process of its own.
        analysis = read_case(path, IngestOptions(use_libreoffice=False), require_documents=False)
        notices = [describe_notice(n) for n in analysis.case.notices]
        reduced = any(n.startswith("reduced_dpi:") for n in analysis.case.notices)
        return {"outcome": "reduced" if reduced else "read", "notices": notices}
    if reader == "publication":
        parsed = parse_publication_list(path)
        return {"outcome": "read", "notices": [f"{len(parsed.entries)} 条"]}
    if reader == "standard":
        _standard, problems = check_file(path)
        if not problems:
            return {"outcome": "read"}
        message = "；".join(
            f"{p.path} 第{p.line}行 {p.message}" if p.line else f"{p.path} {p.message}" for p in problems
        )
        return {"outcome": "refused", "code": ErrorCode.STANDARD_INVALID, "message": message}
    if reader == "package":
        with tempfile.TemporaryDirectory() as staging:
            read_package(path, "review", staging=Path(staging) / "s")
        return {"outcome": "read"}
    raise SystemExit(f"unknown reader {reader}")


def main(reader: str, path: str) -> None:
    baseline = _status("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current resident set
    try:
        result = _read(reader, Path(path))
    except PublicationListError as error:
        result = {"outcome": "refused", "code": error.code, "message": describe_publication_error(error)}
    except CaseReviewError as error:
        result = {"outcome": "refused", "code": error.code, "message": describe(error)}
    result.update(budget=default_limit(), baseline_kib=baseline, peak_kib=_status("VmHWM"))
    print(json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
