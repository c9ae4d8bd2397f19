"""Per-rule recall and precision of ``fail`` on the generator's corpus, digital and scanned apart.

Usage: python bench/rules_accuracy.py [--count 60] [--seed 8]. A rule's fail is a true positive
when the generator's truth lists the rule in ``expected_failures``. Clean cases must show no fail.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from casegen import generate_corpus  # noqa: E402
from casereview.checking import Checker  # noqa: E402
from casereview.domain.findings import Status  # noqa: E402
from casereview.domain.rule_ids import RULE_IDS  # noqa: E402
from casereview.ocr.scanner import OcrScanner  # noqa: E402
from casereview.pipeline import read_case  # noqa: E402

GROUP = {"digital": "digital", "docx": "digital"}  # everything else went through OCR


def evaluate(cases: list[tuple[Path, dict[str, object]]], workers: int | None) -> dict[str, object]:
    checker = Checker.create()
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    clean_fails: dict[str, list[str]] = defaultdict(list)
    needs_review: dict[str, int] = defaultdict(int)
    misses: list[str] = []
    started = time.perf_counter()
    with OcrScanner(workers=workers) as scanner:
        for index, (path, truth) in enumerate(cases, 1):
            group = GROUP.get(str(truth["kind"]), "scanned")
            expected = set(truth.get("expected_failures") or [])  # type: ignore[arg-type]
            sheet = checker.check(read_case(path, scanner=scanner))
            failed = {f.rule for f in sheet.findings if f.status == Status.FAIL}
            needs_review[group] += sum(f.status == Status.NEEDS_REVIEW for f in sheet.findings)
            for rule in RULE_IDS:
                tp, fp, fn = (
                    rule in failed and rule in expected,
                    rule in failed - expected,
                    rule in expected - failed,
                )
                cell = counts[(group, rule)]
                cell[0] += tp
                cell[1] += fp
                cell[2] += fn
                if fp or fn:
                    misses.append(f"{path.name} [{truth['kind']}] {rule}: {'false fail' if fp else 'missed'}")
            if not expected and failed:
                clean_fails[group].append(f"{path.name}: {sorted(failed)}")
            print(f"\r{index}/{len(cases)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return {
        "seconds": round(time.perf_counter() - started, 1),
        "counts": counts,
        "clean_fails": clean_fails,
        "needs_review": needs_review,
        "misses": misses,
    }


def combine(results: list[dict[str, object]]) -> dict[str, object]:
    """One result from several corpora's: counts, clean fails, needs_review and time added up."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    clean: dict[str, list[str]] = defaultdict(list)
    needs_review: dict[str, int] = defaultdict(int)
    misses: list[str] = []
    for r in results:
        for key, cell in r["counts"].items():  # type: ignore[attr-defined]
            counts[key] = [a + b for a, b in zip(counts[key], cell, strict=True)]
        for group, names in r["clean_fails"].items():  # type: ignore[attr-defined]
            clean[group] += names
        for group, n in r["needs_review"].items():  # type: ignore[attr-defined]
            needs_review[group] += n
        misses += r["misses"]  # type: ignore[arg-type]
    seconds = round(sum(float(r["seconds"]) for r in results), 1)  # type: ignore[arg-type]
    return {
        "seconds": seconds,
        "counts": counts,
        "clean_fails": clean,
        "needs_review": needs_review,
        "misses": misses,
    }


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "–"


def table(result: dict[str, object]) -> str:
    counts = result["counts"]
    assert isinstance(counts, dict)
    lines = [
        "| rule | digital recall | digital precision | scanned recall | scanned precision |",
        "|---|---|---|---|---|",
    ]
    for rule in RULE_IDS:
        cells = []
        for group in ("digital", "scanned"):
            tp, fp, fn = counts.get((group, rule), [0, 0, 0])
            cells += [f"{_ratio(tp, tp + fn)} ({tp}/{tp + fn})", f"{_ratio(tp, tp + fp)}"]
        lines.append(f"| {rule} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def summary(result: dict[str, object]) -> str:
    clean = result["clean_fails"]
    assert isinstance(clean, dict)
    lines = [
        f"fail on clean {g} cases: {len(clean.get(g, []))} {clean.get(g, [])}" for g in ("digital", "scanned")
    ]
    lines.append(f"needs_review findings: {dict(result['needs_review'])}")  # type: ignore[call-overload]
    lines.append(f"time: {result['seconds']} s")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "rules")
    parser.add_argument("--kinds", default="", help="comma-separated generator kinds (default: all)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    kinds = tuple(k for k in args.kinds.split(",") if k)
    cases = (
        generate_corpus(args.out, args.count, args.seed, kinds=kinds)
        if kinds
        else generate_corpus(args.out, args.count, args.seed)
    )
    result = evaluate(cases, args.workers)
    print(table(result))
    print(summary(result))
    misses = result["misses"]
    assert isinstance(misses, list)
    (args.out / "misses.txt").write_text("\n".join(misses), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
