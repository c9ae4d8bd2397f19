"""Red seals (印章) on a rendered page, as domain Seals in PDF points."""

from __future__ import annotations

from casereview.domain.model import Seal
from casereview.ingest.raster import find_red_seals
from casereview.ingest.scan import RgbImage


def seals_on_rendering(image: RgbImage, dpi: float, page_number: int) -> list[Seal]:
    return [Seal(page_number, bbox, ratio) for bbox, ratio in find_red_seals(image, dpi)]
