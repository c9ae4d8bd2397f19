"""Compulsion (查封/扣押) and inspection (行政检查) files: per-rule recall and precision of ``fail``,
fails on clean files and the case type told from the documents, digital and scanned apart.

Usage: python bench/kinds_accuracy.py [--digital 4] [--scanned 3] [--clean 8] [--clean-scanned 2]
[--seed 140] [--out bench/results_kinds.md]. Every file is checked as ``casereview check`` does it:
its case type detected, then scored by that type's standard. A fail is a true positive when the
generator's truth lists the rule in ``expected_failures``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from casegen.generate import generate_case  # noqa: E402
from casereview.checking import Checker  # noqa: E402
from casereview.domain.findings import Status  # noqa: E402
from casereview.ocr.scanner import OcrScanner  # noqa: E402
from casereview.pipeline import read_case  # noqa: E402

# The injected defects of the new kinds; T-07 (an existing rule) measured on compulsion files too.
INJECTED = (("D-02", "compulsion"), ("D-03", "inspection"), ("P-11", "compulsion"), ("T-07", "compulsion"))
SCANNED_RULES = ("D-02", "D-03", "P-11")


def plan(args: argparse.Namespace) -> list[tuple[str, str, list[str]]]:
    """(file kind, case type, defects) of every case."""
    specs: list[tuple[str, str, list[str]]] = []
    for rule, case_type in INJECTED:
        specs += [("digital", case_type, [rule])] * args.digital
        if rule in SCANNED_RULES:
            specs += [("scanned", case_type, [rule])] * args.scanned
    for case_type in ("compulsion", "inspection"):
        specs += [("digital", case_type, [])] * args.clean
        specs += [("scanned", case_type, [])] * args.clean_scanned
    return specs


def run(args: argparse.Namespace, out_dir: Path) -> dict[str, Any]:
    checker = Checker.create(by_case_type=True)
    rules = sorted({r for s in (checker.kinds or {}).values() for i in s.items for r in i.rules})
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    clean: dict[str, list[int]] = defaultdict(
        lambda: [0, 0, 0, 0]
    )  # files, with a fail, needs_review, findings
    types: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # right, all
    misses: list[str] = []
    started = time.perf_counter()
    specs = plan(args)
    with OcrScanner(workers=args.workers) as scanner:
        for index, (kind, case_type, defects) in enumerate(specs):
            path, truth = generate_case(
                out_dir,
                f"k{index:03d}",
                kind=kind,
                seed=args.seed + index,
                case_type=case_type,
                defects=defects,
            )
            analysis = read_case(path, scanner=scanner if kind != "digital" else None)
            told = checker.case_type_of(analysis)
            types[kind][0] += told == case_type
            types[kind][1] += 1
            if told != case_type:
                misses.append(f"{path.name} [{kind}] case type {told}, is {case_type}")
            sheet = checker.check(analysis)
            failed = {f.rule for f in sheet.findings if f.status == Status.FAIL}
            expected = set(truth["expected_failures"])
            for rule in rules:
                cell = counts[(kind, rule)]
                cell[0] += rule in failed and rule in expected
                cell[1] += rule in failed - expected
                cell[2] += rule in expected - failed
                if rule in failed ^ expected:
                    why = next((f.message for f in sheet.findings if f.rule == rule), "")
                    what = "false fail" if rule in failed else "missed"
                    misses.append(f"{path.name} [{kind} {case_type} {defects}] {rule}: {what} — {why[:120]}")
            if not defects:
                row = clean[f"{kind} {case_type}"]
                row[0] += 1
                row[1] += bool(failed)
                row[2] += sum(f.status == Status.NEEDS_REVIEW for f in sheet.findings)
                row[3] += sum(f.status != Status.NOT_APPLICABLE for f in sheet.findings)
            print(f"\r{index + 1}/{len(specs)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return {
        "seconds": round(time.perf_counter() - started, 1),
        "rules": rules,
        "counts": counts,
        "clean": clean,
        "types": types,
        "misses": misses,
        "files": len(specs),
    }


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "–"


def report(result: dict[str, Any], args: argparse.Namespace) -> str:
    lines = [
        f"# Compulsion and inspection files (issue 14): `python bench/kinds_accuracy.py --digital {args.digital} "
        f"--scanned {args.scanned} --clean {args.clean} --clean-scanned {args.clean_scanned} --seed {args.seed}`",
        "",
        f"{result['files']} generated files, {result['seconds']} s. Each file's case type is detected from its "
        "documents and it is scored by that type's standard (transport_compulsion / transport_inspection).",
        "",
        "| group | rule | injected (expected fails) | recall | precision | false fails |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for (kind, rule), (tp, fp, fn) in sorted(result["counts"].items()):
        if tp + fp + fn == 0:
            continue
        lines.append(
            f"| {kind} | {rule} | {tp + fn} | {_ratio(tp, tp + fn)} | {_ratio(tp, tp + fp)} | {fp} |"
        )
    lines += [
        "",
        "| clean files | files | files with a fail | needs_review / applicable findings |",
        "|---|---:|---:|---:|",
    ]
    for group, (n, failed, review, applicable) in sorted(result["clean"].items()):
        lines.append(f"| {group} | {n} | {failed} | {review} / {applicable} ({_ratio(review, applicable)}) |")
    lines += ["", "| group | case type told right |", "|---|---:|"]
    for kind, (right, n) in sorted(result["types"].items()):
        lines.append(f"| {kind} | {right} / {n} |")
    lines += ["", "Misses and false fails:", "", *([f"- {m}" for m in result["misses"]] or ["- none"])]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--digital", type=int, default=4, help="digital files per injected rule")
    parser.add_argument("--scanned", type=int, default=3, help="scanned files per D-02, D-03, P-11")
    parser.add_argument("--clean", type=int, default=8, help="clean digital files per case type")
    parser.add_argument("--clean-scanned", type=int, default=2, help="clean scanned files per case type")
    parser.add_argument("--seed", type=int, default=140)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        text = report(run(args, Path(tmp)), args)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
