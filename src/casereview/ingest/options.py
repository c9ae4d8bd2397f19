"""Options that shape how a case file is read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IngestOptions:
    password: str | None = None
    ocr_dpi: float = 200.0  # enough for RapidOCR on A4 (measured in design notes)
    seal_dpi: float = 36.0  # seals are ~4 cm across: 36 dpi gives ~57 px, plenty for colour detection
    detect_seals: bool = True
    force_ocr: bool = False  # OCR even pages whose text layer looks usable
    use_libreoffice: bool = True  # DOCX → PDF page images when LibreOffice is installed
    batch_pages: int = 8  # pages rendered ahead of the OCR pool (bounds memory on big scans)
    memory_budget: int | None = None  # bytes one file read may take; None: casereview.budget's default
