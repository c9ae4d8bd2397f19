"""Long case files for the memory tests and the benchmarks: generated cases appended to a length."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from casegen.generate import generate_case


def long_case(
    path: Path, pages: int, *, kind: str = "digital", first_seed: int = 100, distinct: int = 0
) -> Path:
    """Write a ``pages``-page PDF at ``path`` from generated ``kind`` cases with seeds from
    ``first_seed``: at most ``distinct`` different cases, cycled (0: a new case each time). The
    parts are written beside ``path``, in ``<kind>-parts/``."""
    parts: list[Path] = []
    doc = pymupdf.open()
    appended = 0
    while doc.page_count < pages:
        if distinct and appended >= distinct:
            part = parts[appended % distinct]
        else:
            seed = first_seed + appended
            part, _ = generate_case(path.parent / f"{kind}-parts", f"{kind[0]}{seed}", kind=kind, seed=seed)
            parts.append(part)
        with pymupdf.open(part) as src:
            doc.insert_pdf(src, to_page=min(src.page_count, pages - doc.page_count) - 1)
        appended += 1
    doc.save(path, garbage=3, deflate=True)
    doc.close()
    return path
