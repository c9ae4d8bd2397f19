"""OCR: the engine interface (RapidOCR, a fake for tests), the pooled and cached OCR service."""

from casereview.ocr.engine import FakeOcrEngine, OcrEngine, OcrLine, RapidOcrEngine
from casereview.ocr.service import OcrService, PageImage

__all__ = ["FakeOcrEngine", "OcrEngine", "OcrLine", "OcrService", "PageImage", "RapidOcrEngine"]
