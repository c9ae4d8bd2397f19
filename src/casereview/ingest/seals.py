"""Red seals (印章) on a rendered page, as domain Seals in PDF points."""

from __future__ import annotations

from casereview.domain.model import Seal
from casereview.ingest.raster import find_red_seals
from casereview.ingest.scan import RgbImage


def seals_on_rendering(
    image: RgbImage, dpi: float, page_number: int, origin: tuple[float, float] = (0.0, 0.0)
) -> list[Seal]:
    """Seals on ``image``, a rendering of the page from ``origin`` (points) at ``dpi``."""
    dx, dy = origin
    return [
        Seal(page_number, (x0 + dx, y0 + dy, x1 + dx, y1 + dy), ratio)
        for (x0, y0, x1, y1), ratio in find_red_seals(image, dpi)
    ]
