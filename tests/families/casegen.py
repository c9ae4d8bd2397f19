"""The original generator as a family: written together with the reader, so never held out."""

from __future__ import annotations

from pathlib import Path

from casegen.generate import build_pages
from casegen.images import write_digital, write_pdf
from casegen.model import Plan
from families.contract import RenderedDoc

FAMILY = "casegen"


def write_case(plan: Plan, path: Path, *, scanned: bool, seed: int) -> list[RenderedDoc]:
    import random

    docs = build_pages(plan)
    pages = [p for doc in docs for p in doc]
    if scanned:
        write_pdf(pages, path, plan.agency.name, random.Random(seed), [True] * len(pages))
    else:
        write_digital(pages, path, plan.agency.name)
    out = []
    for laid in docs:
        doc = laid[0].doc
        sealed = [i for i, lp in enumerate(laid) if any(not s.key.startswith("bank") for s in lp.seals)]
        out.append(RenderedDoc(doc.type, len(laid), doc.title, doc.serves, sealed, doc.key))
    return out
