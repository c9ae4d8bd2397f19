"""CLI: ``PYTHONPATH=tests python -m casegen --out DIR --count N --seed S [--kinds a,b] [--defect T-12 ...]``.

Without ``--defect`` it writes a balanced corpus (clean cases, every defect, calendar traps); with it,
every case carries the given defects. ``--demo PATH`` writes the demo case instead.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from casegen.corpus import generate_corpus, make_demo_case
from casegen.defects import DEFECTS
from casegen.generate import KINDS, generate_case


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="casegen", description="Synthetic transport penalty case files.")
    ap.add_argument("--out", type=Path, help="output directory")
    ap.add_argument("--count", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kinds", default=",".join(KINDS), help=f"comma-separated subset of {','.join(KINDS)}")
    ap.add_argument(
        "--defect", nargs="+", default=[], choices=DEFECTS, metavar="RULE", help="rule ids to break"
    )
    ap.add_argument("--procedure", choices=("ordinary", "summary"))
    ap.add_argument("--party", choices=("individual", "organisation"))
    ap.add_argument("--calendar-trap", action="store_true")
    ap.add_argument("--demo", type=Path, help="write the demo case to this PDF path and exit")
    args = ap.parse_args(argv)
    if args.demo:
        path, t = make_demo_case(args.demo)
        print(f"{path}: {t['page_count']} pages, defects {t['defects']}")
        return 0
    if args.out is None:
        ap.error("--out is required")
    kinds = [k for k in args.kinds.split(",") if k]
    bad = set(kinds) - set(KINDS)
    if bad:
        ap.error(f"unknown kinds: {sorted(bad)}")
    start = time.perf_counter()
    if args.defect or args.procedure or args.party or args.calendar_trap:
        for i in range(args.count):
            generate_case(
                args.out,
                f"c{i + 1:04d}",
                kind=kinds[i % len(kinds)],
                seed=args.seed * 1000 + i,
                defects=args.defect,
                procedure=args.procedure,
                party_kind=args.party,
                calendar_trap=args.calendar_trap,
            )
    else:
        generate_corpus(args.out, args.count, args.seed, kinds=kinds)
    print(f"wrote {args.count} cases to {args.out} in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
