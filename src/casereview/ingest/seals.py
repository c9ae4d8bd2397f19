"""Seals (印章) on a rendered page, as domain Seals in PDF points: red ones by colour, and on a
black-and-white page round rings by shape (``red_ratio`` 0: present, but its colour unknown)."""

from __future__ import annotations

from casereview.domain.model import Seal
from casereview.ingest.raster import find_red_seals
from casereview.ingest.rings import find_ring_seals, is_monochrome
from casereview.ingest.scan import RgbImage


def seals_on_rendering(
    image: RgbImage, dpi: float, page_number: int, origin: tuple[float, float] = (0.0, 0.0)
) -> list[Seal]:
    """Seals on ``image``, a rendering of the page from ``origin`` (points) at ``dpi``."""
    dx, dy = origin
    red = [
        Seal(page_number, (x0 + dx, y0 + dy, x1 + dx, y1 + dy), ratio)
        for (x0, y0, x1, y1), ratio in find_red_seals(image, dpi)
    ]
    if red or not is_monochrome(image):
        return red
    return [
        Seal(page_number, (x0 + dx, y0 + dy, x1 + dx, y1 + dy), 0.0)
        for (x0, y0, x1, y1), _cover in find_ring_seals(image, dpi)
    ]
