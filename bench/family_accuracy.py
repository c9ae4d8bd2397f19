"""Leave-one-family-out accuracy: documents, fields and rule fails per template family.

Each family (tests/families/) prints the same planned cases in its own forms. A family's figures
count as *held out* only while no reader change has been tuned on that family's errors; which change
looked at which family is logged in bench/notes.md ("Reader changes and the families they looked at"),
and ``TUNED_ON`` below must match that log.

Usage: python bench/family_accuracy.py [--families a,b] [--count 20] [--scanned 6] [--label after]
Writes bench/out/families/<label>.json and prints the table. Scanned files run the real OCR engine
(cached per page image). ``PYTHONPATH=<other checkout>/src`` measures another version of the reader
on the same files (the "before" column of the README).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import accuracy  # noqa: E402
from accuracy import _same  # noqa: E402  # one comparison of a field with its truth
from casereview.checking import Checker  # noqa: E402
from casereview.domain.findings import Status  # noqa: E402
from casereview.errors import IngestError  # noqa: E402
from casereview.ocr.scanner import OcrScanner  # noqa: E402
from casereview.pipeline import read_case  # noqa: E402
from families import FAMILIES  # noqa: E402
from families.corpus import CORPUS_DEFECTS, generate  # noqa: E402

# Families whose errors some reader change has looked at (keep in step with bench/notes.md).
TUNED_ON: frozenset[str] = frozenset(
    {
        "casegen",
        "lingnan",
        "zhongyuan",
        "bashu",
        "haixi",
        "jianghuai",
        "liaoshen",
        "saibei",
        "qilu",
        "qiannan",
        "qinlong",
        "xiangchu",
        "yunling",
    }
)
# No reader change may ever look at these families' errors or code; once one does, write a fresh one.
NEVER_SEEN: frozenset[str] = frozenset({"longjiang"})

# The same fields as the generator's accuracy bench (bench/accuracy.py), credit code included.
FIELDS = accuracy.FIELDS
TARGETS = {"documents": 0.97, "field_digital": 0.97, "field_scanned": 0.95, "recall": 0.95, "precision": 0.98}
NEEDS_REVIEW_SHARE = 0.10
SEED = 11
CORPUS_VERSION = 2  # every defect once, half the scans clean (1: a random defect half)
COUNT, SCANNED = 44, 12


class Tally:
    """Counts for one (family, group): documents, fields, rule fails, doubt on clean files."""

    def __init__(self) -> None:
        self.docs = [0, 0]
        self.fields: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self.rules: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
        self.clean_files = 0
        self.clean_fails: list[str] = []
        self.clean_findings = 0  # applicable findings on clean files
        self.clean_doubt = 0  # of which needs_review
        self.refused: list[str] = []
        self.misses: list[str] = []

    def as_json(self) -> dict[str, Any]:
        return {
            "docs": self.docs,
            "fields": dict(self.fields),
            "rules": dict(self.rules),
            "clean_files": self.clean_files,
            "clean_fails": self.clean_fails,
            "clean_findings": self.clean_findings,
            "clean_doubt": self.clean_doubt,
            "refused": self.refused,
            "misses": self.misses,
        }


def _score_case(
    tally: Tally, path: Path, truth: dict[str, Any], checker: Checker, scanner: OcrScanner
) -> None:
    expected = set(truth.get("expected_failures") or [])
    try:
        analysis = read_case(path, scanner=scanner)
    except IngestError as exc:
        tally.refused.append(f"{path.name}: {exc.code}")
        tally.docs[1] += len(truth["documents"])
        for field in FIELDS:
            if truth["fields"].get(field) is not None:
                tally.fields[field][1] += 1
        for rule in expected:
            tally.rules[rule][2] += 1
        return
    got_docs = {(d.type, d.first_page, d.last_page) for d in analysis.documents}
    for doc in truth["documents"]:
        key = (doc["type"], doc["first_page"], doc["last_page"])
        ok = key in got_docs
        tally.docs[0] += ok
        tally.docs[1] += 1
        if not ok:
            tally.misses.append(f"{path.name} doc {key}")
    fields = analysis.fields
    for field in FIELDS:
        want, got = truth["fields"].get(field), fields.get(field)
        if want is None and got is None:
            continue
        ok = _same(field, got, want)
        tally.fields[field][0] += ok
        tally.fields[field][1] += 1
        if not ok:
            tally.misses.append(f"{path.name} {field}: got {got!r} want {want!r}")
    sheet = checker.check(analysis)
    # The families print penalty files against the 27-rule contract they were written for; rules added
    # later (issue 14: discretion, exemption lists, roster) need data those forms never print.
    findings = [f for f in sheet.findings if f.rule in CORPUS_DEFECTS]
    failed = {f.rule for f in findings if f.status == Status.FAIL}
    for rule in CORPUS_DEFECTS:
        cell = tally.rules[rule]
        cell[0] += rule in failed and rule in expected
        cell[1] += rule in failed and rule not in expected
        cell[2] += rule in expected and rule not in failed
        if rule in failed and rule not in expected:
            tally.misses.append(f"{path.name} {rule}: false fail")
        elif rule in expected and rule not in failed:
            tally.misses.append(f"{path.name} {rule}: missed")
    if not expected:
        tally.clean_files += 1
        if failed:
            tally.clean_fails.append(f"{path.name}: {sorted(failed)}")
        applicable = [f for f in findings if f.status != Status.NOT_APPLICABLE]
        tally.clean_findings += len(applicable)
        tally.clean_doubt += sum(f.status == Status.NEEDS_REVIEW for f in applicable)


def corpus(name: str, count: int, scanned: int) -> list[tuple[Path, dict[str, Any]]]:
    """The family's corpus under bench/out/families/<name>, generated once per parameter set."""
    out = ROOT / "bench" / "out" / "families" / name
    stamp = out / "params.json"
    params = {"count": count, "scanned": scanned, "seed": SEED, "corpus": CORPUS_VERSION}
    if stamp.exists() and json.loads(stamp.read_text("utf-8")) == params:
        manifest = json.loads((out / "manifest.json").read_text("utf-8"))
        return [
            (out / m["file"], json.loads((out / f"{m['case_id']}.truth.json").read_text("utf-8")))
            for m in manifest
        ]
    cases = generate(name, out, count, scanned, SEED)
    stamp.write_text(json.dumps(params), "utf-8")
    return cases


def evaluate(
    names: list[str],
    count: int,
    scanned: int,
    workers: int | None = None,
    digital_only: bool = False,
    scanned_only: bool = False,
) -> dict[str, Any]:
    checker = Checker.create()
    result: dict[str, Any] = {}
    with OcrScanner(workers=workers) as scanner:
        for name in names:
            started = time.perf_counter()
            tallies = {"digital": Tally(), "scanned": Tally()}
            for path, truth in corpus(name, count, scanned):
                if (digital_only and truth["kind"] != "digital") or (
                    scanned_only and truth["kind"] != "scanned"
                ):
                    continue
                _score_case(tallies[truth["kind"]], path, truth, checker, scanner)
                print(f"\r{name} {path.name}", end="", file=sys.stderr, flush=True)
            print(file=sys.stderr)
            result[name] = {g: t.as_json() for g, t in tallies.items()}
            result[name]["seconds"] = round(time.perf_counter() - started, 1)
    return result


def _r(a: int, b: int) -> float | None:
    return a / b if b else None


def figures(cell: dict[str, Any]) -> dict[str, Any]:
    """The headline figures of one (family, group)."""
    tp = sum(c[0] for c in cell["rules"].values())
    fp = sum(c[1] for c in cell["rules"].values())
    fn = sum(c[2] for c in cell["rules"].values())
    fields = {k: _r(*v) for k, v in cell["fields"].items() if v[1]}
    worst = min(fields.items(), key=lambda kv: kv[1] or 0.0) if fields else (None, None)
    return {
        "documents": _r(*cell["docs"]),
        "fields_mean": sum(v or 0 for v in fields.values()) / len(fields) if fields else None,
        "field_lowest": worst,
        "recall": _r(tp, tp + fn),
        "precision": _r(tp, tp + fp),
        "injected": tp + fn,
        "clean_files": cell["clean_files"],
        "clean_fails": len(cell["clean_fails"]),
        "doubt_share": _r(cell["clean_doubt"], cell["clean_findings"]),
        "refused": len(cell["refused"]),
    }


def _f(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def table(result: dict[str, Any], before: dict[str, Any] | None = None) -> str:
    lines = [
        "| family | held out | group | documents | fields mean / lowest | rule fails recall / precision "
        "(injected) | fails on clean files | needs_review on clean | refused |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, groups in result.items():
        held = "never seen" if name in NEVER_SEEN else ("no" if name in TUNED_ON else "yes")
        for group in ("digital", "scanned"):
            cell = groups.get(group)
            if not cell or not cell["docs"][1]:
                continue
            f = figures(cell)
            b = figures(before[name][group]) if before and name in before and group in before[name] else None
            low_name, low = f["field_lowest"]

            def was(key: str, f: dict[str, Any] = f, b: dict[str, Any] | None = b) -> str:
                return f" (was {_f(b[key])})" if b else ""

            lines.append(
                f"| {name} | {held} | {group} | {_f(f['documents'])}{was('documents')} "
                f"| {_f(f['fields_mean'])} / {_f(low)} {low_name or ''}{was('fields_mean')} "
                f"| {_f(f['recall'])} / {_f(f['precision'])} ({f['injected']}){was('precision')} "
                f"| {f['clean_fails']} in {f['clean_files']}"
                + (f" (was {b['clean_fails']})" if b else "")
                + f" | {_f(f['doubt_share'])} | {f['refused']} |"
            )
    return "\n".join(lines)


def pooled(result: dict[str, Any], names: list[str], group: str) -> dict[str, Any]:
    """The figures of several families' cells added together."""
    cells = [result[n][group] for n in names if n in result and group in result[n]]
    total: dict[str, Any] = {
        "docs": [0, 0],
        "fields": defaultdict(lambda: [0, 0]),
        "rules": defaultdict(lambda: [0, 0, 0]),
        "clean_files": 0,
        "clean_fails": [],
        "clean_findings": 0,
        "clean_doubt": 0,
        "refused": [],
    }
    for c in cells:
        total["docs"] = [a + b for a, b in zip(total["docs"], c["docs"], strict=True)]
        for k, v in c["fields"].items():
            total["fields"][k] = [a + b for a, b in zip(total["fields"][k], v, strict=True)]
        for k, v in c["rules"].items():
            total["rules"][k] = [a + b for a, b in zip(total["rules"][k], v, strict=True)]
        for key in ("clean_files", "clean_findings", "clean_doubt"):
            total[key] += c[key]
        total["clean_fails"] += c["clean_fails"]
        total["refused"] += c["refused"]
    return total


def pooled_table(result: dict[str, Any], before: dict[str, Any] | None = None) -> str:
    """Pooled figures of the never-seen families and of the families some change looked at."""
    lines = [
        "| pooled | group | documents | fields mean / lowest | rule fails recall / precision (injected) "
        "| fails on clean files | needs_review on clean |",
        "|---|---|---|---|---|---|---|",
    ]
    groups = (
        ("never seen: " + " + ".join(sorted(NEVER_SEEN & set(result))), sorted(NEVER_SEEN & set(result))),
        ("looked at: " + " + ".join(sorted(TUNED_ON & set(result))), sorted(TUNED_ON & set(result))),
    )
    for label, names in groups:
        if not names:
            continue
        for group in ("digital", "scanned"):
            f = figures(pooled(result, names, group))
            if not f["documents"]:
                continue
            b = figures(pooled(before, names, group)) if before else None
            low_name, low = f["field_lowest"]
            was = (
                f" (was {_f(b['recall'])} / {_f(b['precision'])}; {b['clean_fails']} clean fails)"
                if b
                else ""
            )
            lines.append(
                f"| {label} | {group} | {_f(f['documents'])} | {_f(f['fields_mean'])} / {_f(low)} {low_name} "
                f"| {_f(f['recall'])} / {_f(f['precision'])} ({f['injected']}){was} "
                f"| {f['clean_fails']} in {f['clean_files']} | {_f(f['doubt_share'])} |"
            )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--families", default=",".join(FAMILIES))
    parser.add_argument("--count", type=int, default=COUNT)
    parser.add_argument("--scanned", type=int, default=SCANNED)
    parser.add_argument("--label", default="after")
    parser.add_argument("--before", default="", help="label of an earlier run to compare with")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--digital-only", action="store_true", help="skip the scanned files (a quick look)")
    parser.add_argument("--scanned-only", action="store_true", help="skip the digital files")
    args = parser.parse_args()
    names = [n for n in args.families.split(",") if n]
    result = evaluate(names, args.count, args.scanned, args.workers, args.digital_only, args.scanned_only)
    out = ROOT / "bench" / "out" / "families"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{args.label}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
    before = None
    if args.before and (out / f"{args.before}.json").exists():
        before = json.loads((out / f"{args.before}.json").read_text("utf-8"))
    print(table(result, before))
    print()
    print(pooled_table(result, before))
    return 0


if __name__ == "__main__":
    sys.exit(main())
