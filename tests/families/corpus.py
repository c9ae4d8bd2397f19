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

from casegen.defects import DEFECTS
from casegen.plan import make_plan
from families import FAMILIES, family
from families.contract import truth, write_truth

# Corpus v2 draws from the 27 penalty-file defects as they stood when it was defined; defects added to
# the generator later (other case kinds, issue 14) must not reshuffle every family's corpus.
CORPUS_DEFECTS: tuple[str, ...] = DEFECTS[:27]
assert len(CORPUS_DEFECTS) == 27 and CORPUS_DEFECTS[-1] == "S-01"


def plans_for(count: int, scanned: int, seed: int) -> list[dict[str, Any]]:
    """Case specs: every defect of the catalogue once (while ``count`` allows), the rest clean, two of
    the clean files 简易; half of the scanned files clean, so that a scanned clean file is no rarity."""
    rng = random.Random(seed)
    defects = list(CORPUS_DEFECTS)
    rng.shuffle(defects)
    n_defective = min(len(defects), max(1, count - max(2, count // 4)))
    specs: list[dict[str, Any]] = [{"defects": [d]} for d in defects[:n_defective]]
    specs += [{"defects": []} for _ in range(count - n_defective)]
    rng.shuffle(specs)
    clean = [s for s in specs if not s["defects"]]
    for spec in clean[:2]:
        spec["procedure"] = "summary"
    dirty = [s for s in specs if s["defects"]]
    for spec in clean[2 : 2 + scanned // 2] + dirty[: scanned - min(scanned // 2, len(clean) - 2)]:
        spec["scanned"] = True
    return specs


def generate(name: str, out: Path, count: int, scanned: int, seed: int) -> list[tuple[Path, dict[str, Any]]]:
    module = family(name)
    out.mkdir(parents=True, exist_ok=True)
    result: list[tuple[Path, dict[str, Any]]] = []
    for i, spec in enumerate(plans_for(count, scanned, seed)):
        case_id = f"{name[:2]}{i + 1:03d}"
        is_scan = bool(spec.get("scanned"))
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
