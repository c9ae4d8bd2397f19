"""A family's corpus: the same balanced defect mix for every family, digital and scanned files.

Usage (from the repository root): ``PYTHONPATH=tests .venv/bin/python -m families.corpus lingnan
OUT_DIR --count 12 [--scanned 4] [--seed 11]``. Writes ``<id>.pdf`` + ``<id>.truth.json`` and
``manifest.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

from casegen.corpus import defect_groups
from casegen.plan import make_plan
from families import FAMILIES, family
from families.contract import truth, write_truth


def plans_for(count: int, seed: int) -> list[dict[str, Any]]:
    """Case specs: about a quarter clean, every defect at least once; 简易 and 听证 files included."""
    rng = random.Random(seed)
    groups = defect_groups(max(count, 2), rng)[: max(1, count - max(2, count // 4))]
    specs: list[dict[str, Any]] = [{"defects": g} for g in groups]
    while len(specs) < count:
        specs.append({"defects": []})
    rng.shuffle(specs)
    # Make sure the clean part holds a summary file and a hearing is likely somewhere.
    clean = [s for s in specs if not s["defects"]]
    if clean:
        clean[0]["procedure"] = "summary"
    return specs


def generate(name: str, out: Path, count: int, scanned: int, seed: int) -> list[tuple[Path, dict[str, Any]]]:
    module = family(name)
    out.mkdir(parents=True, exist_ok=True)
    result: list[tuple[Path, dict[str, Any]]] = []
    for i, spec in enumerate(plans_for(count, seed)):
        case_id = f"{name[:2]}{i + 1:03d}"
        is_scan = (
            i % max(1, count // max(scanned, 1)) == 0
            and sum(1 for _, t in result if t["kind"] == "scanned") < scanned
        )
        plan = make_plan(
            case_id,
            kind="scanned" if is_scan else "digital",
            seed=seed * 1000 + i,
            defects=spec["defects"],
            procedure=spec.get("procedure"),
        )
        path = out / f"{case_id}.pdf"
        docs = module.write_case(plan, path, scanned=is_scan, seed=seed * 1000 + i)
        data = truth(plan, docs, path.name, name, is_scan)
        write_truth(path, data)
        result.append((path, data))
    manifest = [
        {k: t[k] for k in ("case_id", "file", "kind", "defects", "expected_failures")} for _, t in result
    ]
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("family", choices=FAMILIES)
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=12)
    parser.add_argument("--scanned", type=int, default=3)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    cases = generate(args.family, args.out, args.count, args.scanned, args.seed)
    for path, t in cases:
        print(f"{path.name}\t{t['kind']}\t{t['procedure']}\t{t['page_count']}p\t{t['defects']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
