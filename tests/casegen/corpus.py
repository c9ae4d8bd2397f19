"""A balanced corpus (kinds × clean/defective cases) and the demo case."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from casegen.defects import DEFECTS, requirements
from casegen.generate import KINDS, build_pages, generate_case
from casegen.plan import make_plan

# Defects that may not share a case: one would mask or duplicate the other's failure.
CLASHES = {
    frozenset({"D-01", "P-13"}),
    frozenset({"D-01", "T-03"}),
    frozenset({"D-01", "T-04"}),
    frozenset({"P-04", "P-02"}),
    frozenset({"S-01", "P-07"}),
    frozenset({"P-03", "C-03"}),
    frozenset({"C-01", "D-01"}),
    frozenset({"C-02", "D-01"}),
    frozenset({"P-05", "P-14"}),
}
MAX_PER_CASE = 3


def _fits(group: list[str], defect: str) -> bool:
    if defect in group or len(group) >= MAX_PER_CASE or "P-08" in group or (defect == "P-08" and group):
        return False
    if any(frozenset({defect, g}) in CLASHES for g in group):
        return False
    try:
        requirements([*group, defect])
    except ValueError:
        return False
    return True


def defect_groups(n: int, rng: random.Random) -> list[list[str]]:
    """Defect sets for the defective cases: every defect ≥3 times once n ≥ 60."""
    reps = 3 if n >= 60 else 1
    slots = [d for d in DEFECTS for _ in range(reps)]
    if n < 60:
        rng.shuffle(slots)
        return [[d] for d in slots[: max(1, n // 2)]]
    rng.shuffle(slots)
    groups: list[list[str]] = []
    target = max(len(slots) // 2, n - max(n // 4, 10))  # leave about a quarter of the corpus clean
    for d in slots:
        options = [g for g in groups if _fits(g, d)]
        if options and len(groups) >= target:
            min(options, key=len).append(d)
        elif options and rng.random() < 0.3:
            rng.choice(options).append(d)
        else:
            groups.append([d])
    return groups


def generate_corpus(
    out_dir: Path, n: int, seed: int, kinds: Sequence[str] = KINDS, calendar_traps: int | None = None
) -> list[tuple[Path, dict[str, Any]]]:
    """Write ``n`` cases with a balanced mix of kinds; returns (path, truth) pairs and writes manifest.json."""
    out_dir = Path(out_dir)
    rng = random.Random(seed)
    groups = defect_groups(n, rng)
    if len(groups) > n:
        raise ValueError(f"{n} cases cannot hold every defect three times; use n >= {len(groups)}")
    plans: list[list[str]] = groups + [[] for _ in range(n - len(groups))]
    traps = calendar_traps if calendar_traps is not None else max(1, n // 20)
    order = list(range(n))
    rng.shuffle(order)
    kind_cycle = [kinds[i % len(kinds)] for i in range(n)]
    rng.shuffle(kind_cycle)
    out: list[tuple[Path, dict[str, Any]]] = []
    clean_seen = 0
    for i, idx in enumerate(order):
        defects = plans[idx]
        trap = not defects and clean_seen < traps
        clean_seen += not defects
        out.append(
            generate_case(
                out_dir,
                f"c{i + 1:04d}",
                kind=kind_cycle[i],
                seed=seed * 1000 + i,
                defects=defects,
                calendar_trap=trap,
            )
        )
    manifest = [
        {
            "case_id": t["case_id"],
            "file": t["file"],
            "kind": t["kind"],
            "defects": t["defects"],
            "expected_failures": t["expected_failures"],
        }
        for _, t in out
    ]
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
    return out


DEMO_SEED = 2519  # found by the search below: 东莞, 16 pages, fine 2000 yuan


def make_demo_case(path: Path) -> tuple[Path, dict[str, Any]]:
    """A ~15-page digital demo case with two realistic defects: late publication (T-12) and a 笔录
    whose second officer has no certificate number (P-01). Writes ``<stem>.truth.json`` beside it."""
    path = Path(path)
    defects = ["T-12", "P-01"]
    for seed in (DEMO_SEED, *range(1, 5000)):
        plan = make_plan(path.stem, kind="digital", seed=seed, defects=defects, party_kind="individual")
        if plan.mut.get("p01") != "nocert" or plan.agency.province != "广东省" or plan.triggered:
            continue
        if plan.fine < 1000 or not 14 <= sum(len(p) for p in build_pages(plan)) <= 16:
            continue
        return generate_case(
            path.parent, path.stem, kind="digital", seed=seed, defects=defects, party_kind="individual"
        )
    raise RuntimeError("no seed gives a 15-page demo case")  # pragma: no cover
