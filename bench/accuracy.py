"""Extraction accuracy on the generator's corpus: documents (type + page range) and each field.

Usage: python bench/accuracy.py [--count 40] [--seed 7] [--out bench/out/accuracy]
Scanned kinds run the real OCR engine (cached per page image, so a re-run is fast).
"""

from __future__ import annotations

import argparse
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from casegen import generate_corpus  # noqa: E402
from casereview.extract.parsers import tidy_case_number  # noqa: E402
from casereview.ingest import IngestOptions  # noqa: E402
from casereview.ocr.scanner import OcrScanner  # noqa: E402
from casereview.pipeline import read_case  # noqa: E402

FIELDS = (
    "case_number",
    "party_name",
    "party_kind",
    "credit_code",
    "fine_amount",
    "proposed_fine",
    "violation_date",
    "filing_date",
    "notice_service_date",
    "hearing_date",
    "legal_review_date",
    "discussion_date",
    "decision_date",
    "decision_service_date",
    "payment_date",
    "publication_date",
    "closing_date",
)
GROUP = {
    "digital": "digital",
    "docx": "digital",
    "scanned": "scanned",
    "images": "scanned",
    "tiff": "scanned",
}


def _same(field: str, got: object, want: object) -> bool:
    if field == "case_number" and isinstance(want, str):
        # The product reads NFKC text and writes the year in 〔〕 as GB/T 9704 does.
        want = tidy_case_number(unicodedata.normalize("NFKC", want))
    if field in ("fine_amount", "proposed_fine") and got is not None and want is not None:
        return abs(float(got) - float(want)) < 0.01  # type: ignore[arg-type]
    return got == want


def evaluate(cases: list[tuple[Path, dict[str, object]]], workers: int | None = None) -> dict[str, object]:
    doc_hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    field_hits: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    started = time.perf_counter()
    with OcrScanner(workers=workers) as scanner:
        for path, truth in cases:
            kind = str(truth["kind"])
            group = GROUP.get(kind, "mixed")
            analysis = read_case(path, IngestOptions(), scanner)
            got_docs = {(d.type, d.first_page, d.last_page) for d in analysis.documents}
            for doc in truth["documents"]:  # type: ignore[attr-defined]
                key = (doc["type"], doc["first_page"], doc["last_page"])
                ok = key in got_docs
                doc_hits[group][0] += ok
                doc_hits[group][1] += 1
                if not ok:
                    misses.append(f"{path.name} doc {key}")
            fields = analysis.fields
            truth_fields = truth["fields"]
            assert isinstance(truth_fields, dict)
            for field in FIELDS:
                want = truth_fields.get(field)
                got = fields.get(field)
                if want is None and got is None:
                    continue
                ok = _same(field, got, want)
                field_hits[(group, field)][0] += ok
                field_hits[(group, field)][1] += 1
                if not ok:
                    misses.append(f"{path.name} [{kind}] {field}: got {got!r} want {want!r}")
    return {
        "seconds": round(time.perf_counter() - started, 1),
        "documents": {g: (h / t if t else None, t) for g, (h, t) in doc_hits.items()},
        "fields": {f"{g}/{f}": (h / t if t else None, t) for (g, f), (h, t) in sorted(field_hits.items())},
        "misses": misses,
    }


def table(result: dict[str, object]) -> str:
    lines = ["| measure | group | accuracy | n |", "|---|---|---|---|"]
    docs = result["documents"]
    assert isinstance(docs, dict)
    for group, (acc, n) in sorted(docs.items()):
        lines.append(f"| documents (type + pages) | {group} | {acc:.3f} | {n} |")
    fields = result["fields"]
    assert isinstance(fields, dict)
    for key, (acc, n) in fields.items():
        group, field = key.split("/")
        lines.append(f"| {field} | {group} | {acc:.3f} | {n} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "accuracy")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    cases = generate_corpus(args.out, args.count, args.seed)
    result = evaluate(cases, args.workers)
    print(table(result))
    print(f"\n{len(cases)} cases in {result['seconds']} s")
    misses = result["misses"]
    assert isinstance(misses, list)
    (args.out / "misses.txt").write_text("\n".join(misses), encoding="utf-8")
    print(f"{len(misses)} misses listed in {args.out / 'misses.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
