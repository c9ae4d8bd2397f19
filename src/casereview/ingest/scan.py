"""The interface between readers and the OCR stage: page images in, positioned lines out.

Readers hand over page images (scanned PDF pages, photos, TIFF frames) in small batches so a
300-page scan never sits in memory at once; the scanner deskews, orients, recognises and maps the
boxes back to PDF points on the page as displayed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import numpy.typing as npt

from casereview.domain.model import BBox, Seal, Span
from casereview.progress import CancelToken, Progress

RgbImage = npt.NDArray[np.uint8]


@dataclass
class PageImage:
    """An RGB page image at ``dpi``; ``number`` is the page's 1-based position in the case."""

    number: int
    image: RgbImage
    dpi: float
    sha256: str
    held: int = 0  # bytes it holds of the file's memory budget, released once it is scanned


@dataclass
class ScanOutcome:
    spans: list[Span]
    rotation: int = 0
    skew: float = 0.0
    confidence: float | None = None
    seals: list[Seal] = field(default_factory=list)
    cells_unread: int = 0  # table lines across cell borders (Page.cells_unread)
    unread_ink: list[BBox] = field(default_factory=list)  # Page.unread_ink


class PageScanner(Protocol):
    def scan(self, pages: list[PageImage], progress: Progress, cancel: CancelToken) -> list[ScanOutcome]:
        """One outcome per page, in order."""
        ...
