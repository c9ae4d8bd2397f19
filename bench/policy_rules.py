"""Issue 14 (penalty files): per-rule recall and precision of ``fail`` for P-19, P-20, P-21, the
P-10 flag (needs_review by contract) and fails on clean files, on generated cases, digital and
scanned (real OCR, cached per page image).

Usage: python bench/policy_rules.py [--per-rule 3] [--clean 3] [--kinds digital,scanned] [--workers 1]
Each case is checked by transport_penalty (P-10, P-19, P-20 and the 27 other rules) and by
legal_review_precheck for P-21, with the roster the generator wrote for it (tests/casegen truth).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from casegen import generate_case  # noqa: E402
from casegen.defects import POLICY_DEFECTS  # noqa: E402
from casereview.checking import Checker  # noqa: E402
from casereview.domain.findings import Finding, Status  # noqa: E402
from casereview.ocr.scanner import OcrScanner  # noqa: E402
from casereview.pipeline import read_case  # noqa: E402
from casereview.policy.roster import Roster, RosterEntry  # noqa: E402

FAIL_RULES = ("P-19", "P-20", "P-21")


def roster_of(truth: dict[str, Any]) -> Roster:
    entries = [
        RosterEntry(r["name"], r["certificate"], r["field"], dt.date.fromisoformat(r["valid_until"]), n + 2)
        for n, r in enumerate(truth["roster"])
    ]
    return Roster("生成的执法人员名单", entries)


def findings(path: Path, truth: dict[str, Any], scanner: OcrScanner | None) -> dict[str, Finding]:
    analysis = read_case(path, scanner=scanner) if scanner else read_case(path)
    penalty, legal = Checker.create(), Checker.create("legal_review_precheck")
    legal.roster = roster_of(truth)
    found = {f.rule: f for f in penalty.check(analysis).findings}
    found["P-21"] = next(f for f in legal.check(analysis).findings if f.rule == "P-21")
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-rule", type=int, default=3)
    parser.add_argument("--clean", type=int, default=3)
    parser.add_argument("--kinds", default="digital,scanned")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "policy_rules.json")
    args = parser.parse_args()
    report: dict[str, Any] = {}
    out_dir = Path(tempfile.mkdtemp(prefix="policy-bench-"))
    for kind in args.kinds.split(","):
        scanner = OcrScanner(workers=args.workers) if kind != "digital" else None
        started = time.monotonic()
        tp: Counter[str] = Counter()
        fn: Counter[str] = Counter()
        fp: Counter[str] = Counter()
        flagged = injected_p10 = clean_fails = clean_review = clean_applicable = 0
        misses: list[str] = []
        plan = [(rule, 200 + i) for rule in POLICY_DEFECTS for i in range(args.per_rule)]
        plan += [("", 300 + i) for i in range(args.clean)]
        try:
            for rule, seed in plan:
                name = f"{kind}-{rule or 'clean'}-{seed}"
                path, truth = generate_case(
                    out_dir, name, kind=kind, seed=seed, defects=[rule] if rule else []
                )
                got = findings(path, truth, scanner)
                expected = set(truth["expected_failures"])
                for r in FAIL_RULES:
                    failed = got[r].status is Status.FAIL
                    if r in expected:
                        tp[r] += failed
                        fn[r] += not failed
                        if not failed:
                            misses.append(f"{name}: {r} {got[r].status.value} {got[r].message[:80]}")
                    elif failed:
                        fp[r] += 1
                        misses.append(f"{name}: false {r} fail {got[r].message[:80]}")
                if rule == "P-10":
                    injected_p10 += 1
                    flagged += got["P-10"].status is Status.NEEDS_REVIEW
                if not rule:
                    fails = [r for r, f in got.items() if f.status is Status.FAIL]
                    clean_fails += bool(fails)
                    if fails:
                        misses.append(f"{name}: clean file fails {fails}")
                    applicable = [f for f in got.values() if f.status is not Status.NOT_APPLICABLE]
                    clean_applicable += len(applicable)
                    clean_review += sum(f.status is Status.NEEDS_REVIEW for f in applicable)
        finally:
            if scanner is not None:
                scanner.close()
        rows = {}
        for r in FAIL_RULES:
            recall = tp[r] / (tp[r] + fn[r]) if tp[r] + fn[r] else float("nan")
            precision = tp[r] / (tp[r] + fp[r]) if tp[r] + fp[r] else float("nan")
            rows[r] = {
                "injected": tp[r] + fn[r],
                "recall": recall,
                "precision": precision,
                "false_fails": fp[r],
            }
        report[kind] = {
            "rules": rows,
            "p10_flag": {"injected": injected_p10, "flagged": flagged},
            "clean": {
                "files": args.clean,
                "with_a_fail": clean_fails,
                "needs_review_share": clean_review / max(1, clean_applicable),
            },
            "notes": misses,
            "seconds": round(time.monotonic() - started, 1),
        }
        print(f"\n{kind} ({report[kind]['seconds']} s)")
        print("| rule | injected | fail recall | fail precision |")
        print("|---|---|---|---|")
        for r, row in rows.items():
            print(f"| {r} | {row['injected']} | {row['recall']:.3f} | {row['precision']:.3f} |")
        print(f"| P-10 (flag: needs_review) | {injected_p10} | {flagged}/{injected_p10} flagged | – |")
        print(
            f"clean files with any fail: {clean_fails} of {args.clean}; needs_review share on clean: "
            f"{report[kind]['clean']['needs_review_share']:.3f}"
        )
        for line in misses:
            print("  ", line)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
