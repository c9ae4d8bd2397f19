"""OCR engines behind a small interface: RapidOCR for real pages, a fake for tests.

Images are RGB ``uint8`` H×W×3 arrays (grey H×W also accepted), the layout PyMuPDF and PIL produce;
boxes are image pixels. Engines are picklable so a process pool can ship them to its workers,
which build their models once.
"""

from __future__ import annotations

import copy
import os
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from casereview.domain.model import BBox
from casereview.errors import ErrorCode, IngestError
from casereview.ingest.raster import sha256_image

Image = npt.NDArray[np.uint8]
Point = tuple[float, float]
Quad = tuple[Point, Point, Point, Point]


def normalise_text(text: str) -> str:
    """NFKC: RapidOCR prints full-width and ASCII forms of the same character inconsistently."""
    return unicodedata.normalize("NFKC", text).strip()


@dataclass(frozen=True)
class OcrLine:
    """One recognised line: NFKC text, its quad and axis-aligned box in image pixels."""

    text: str
    quad: Quad
    bbox: BBox
    confidence: float

    @classmethod
    def make(cls, text: str, quad: Sequence[Sequence[float]], confidence: float) -> OcrLine:
        pts = tuple((round(float(p[0]), 1), round(float(p[1]), 1)) for p in quad)
        if len(pts) != 4:
            raise ValueError(f"a quad has 4 points, got {len(pts)}")
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return cls(
            normalise_text(text),
            (pts[0], pts[1], pts[2], pts[3]),
            (min(xs), min(ys), max(xs), max(ys)),
            round(float(confidence), 4),
        )

    def to_json(self) -> dict[str, object]:
        return {"text": self.text, "quad": [list(p) for p in self.quad], "confidence": self.confidence}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> OcrLine:
        return cls.make(str(data["text"]), data["quad"], float(data["confidence"]))


class OcrEngine(ABC):
    """Recognises the text lines of one page image."""

    @property
    @abstractmethod
    def name(self) -> str: ...

    @property
    @abstractmethod
    def version(self) -> str:
        """Identifies models and settings; part of the OCR cache key."""

    @abstractmethod
    def recognize(self, image: Image) -> list[OcrLine]:
        """Lines of ``image`` (RGB uint8), in reading order as the engine returns them."""

    def detect(self, image: Image) -> list[Quad]:
        """Text-line quads only; engines with a cheaper detector override this."""
        return [line.quad for line in self.recognize(image)]

    def upside_down_share(self, image: Image, quads: Sequence[Quad] | None = None) -> float | None:
        """Share (0–1, weighted by line length) of text that reads upside down; None if unknown.

        ``quads`` are the lines to ask about (e.g. the longest of a recognition already done);
        without them the engine finds its own."""
        return None

    def load(self) -> None:  # noqa: B027 - engines without models have nothing to load
        """Load models now (a pool initializer calls this so the first page is not slow)."""

    def for_pool(self, workers: int) -> OcrEngine:
        """A copy configured to run in each of ``workers`` processes (e.g. fewer threads)."""
        return self


LineSource = Mapping[str, Sequence[OcrLine]] | Callable[[Image], Sequence[OcrLine]]


class FakeOcrEngine(OcrEngine):
    """Returns given lines: a mapping image sha256 → lines (unknown images give none) or a callable.

    A callable must be a module-level function to be usable in a process pool.
    """

    def __init__(self, lines: LineSource, version: str = "fake-1") -> None:
        self._lines = lines
        self._version = version

    @property
    def name(self) -> str:
        return "fake"

    @property
    def version(self) -> str:
        return self._version

    def recognize(self, image: Image) -> list[OcrLine]:
        if callable(self._lines):
            return list(self._lines(image))
        return list(self._lines.get(sha256_image(image), ()))


DET_MODEL = "PP-OCRv6_det_small.onnx"
REC_MODEL = "PP-OCRv6_rec_small.onnx"
CLS_MODEL = "ch_ppocr_mobile_v2.0_cls_mobile.onnx"


def rapidocr_models_dir() -> Path:
    import rapidocr

    return Path(rapidocr.__file__).resolve().parent / "models"


class RapidOcrEngine(OcrEngine):
    """RapidOCR 3 with the PP-OCRv6 models shipped in its wheel (never downloads).

    ``threads`` is onnxruntime's intra-op thread count; None uses all cores in-process, and
    ``for_pool`` splits the cores between pool workers. The RapidOCR object is built lazily and
    not pickled: each process builds its own.
    """

    def __init__(self, threads: int | None = None, text_score: float = 0.5, models_dir: Path | None = None):
        self.threads = threads
        self.text_score = text_score
        self.models_dir = models_dir or rapidocr_models_dir()
        for model in (DET_MODEL, REC_MODEL, CLS_MODEL):
            if not (self.models_dir / model).is_file():
                raise IngestError(
                    ErrorCode.OCR_FAILED, str(self.models_dir / model), {"reason": "model_missing"}
                )
        self._ocr: Any = None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_ocr"] = None
        return state

    @property
    def name(self) -> str:
        return "rapidocr"

    @property
    def version(self) -> str:
        models = f"{DET_MODEL}/{CLS_MODEL}/{REC_MODEL}"
        return f"rapidocr-{metadata.version('rapidocr')}/{models}/score={self.text_score}"

    def for_pool(self, workers: int) -> RapidOcrEngine:
        if self.threads is not None or workers <= 1:
            return self
        clone = copy.copy(self)
        clone._ocr = None
        clone.threads = max(1, (os.cpu_count() or 1) // workers)
        return clone

    def load(self) -> None:
        ocr = self._engine()
        # RapidOCR builds each session on first use, and a page without text never reaches cls/rec.
        for loader in ("_load_det_model", "_load_cls_model", "_load_rec_model"):
            getattr(ocr, loader)()

    def _engine(self) -> Any:
        if self._ocr is None:
            from rapidocr import RapidOCR

            threads = self.threads or -1
            self._ocr = RapidOCR(
                params={
                    "Global.log_level": "error",
                    "Global.text_score": self.text_score,
                    "Global.model_root_dir": str(self.models_dir),
                    "Det.model_path": str(self.models_dir / DET_MODEL),
                    "Cls.model_path": str(self.models_dir / CLS_MODEL),
                    "Rec.model_path": str(self.models_dir / REC_MODEL),
                    "EngineConfig.onnxruntime.intra_op_num_threads": threads,
                    "EngineConfig.onnxruntime.inter_op_num_threads": 1,
                }
            )
        return self._ocr

    def recognize(self, image: Image) -> list[OcrLine]:
        # Every call passes all switches: RapidOCR keeps per-call switches as state.
        out = self._engine()(_bgr(image), use_det=True, use_cls=True, use_rec=True)
        boxes, txts, scores = (
            getattr(out, "boxes", None),
            getattr(out, "txts", None),
            getattr(out, "scores", None),
        )
        if boxes is None or txts is None or scores is None:
            return []
        return [OcrLine.make(t, b, s) for b, t, s in zip(boxes, txts, scores, strict=True) if t.strip()]

    def detect(self, image: Image) -> list[Quad]:
        out = self._engine()(_bgr(image), use_det=True, use_cls=False, use_rec=False)
        boxes = getattr(out, "boxes", None)
        return [] if boxes is None else [OcrLine.make("", b, 1.0).quad for b in boxes]

    def upside_down_share(self, image: Image, quads: Sequence[Quad] | None = None) -> float | None:
        from rapidocr.utils.process_img import get_rotate_crop_image

        bgr = _bgr(image)
        if quads is None:
            quads = sorted(self.detect(image), key=lambda q: -abs(q[1][0] - q[0][0]))[:40]  # longest lines
        up = down = 0.0
        for quad in quads:
            crop = get_rotate_crop_image(bgr, np.array(quad, dtype=np.float32))
            res = self._engine()(crop, use_det=False, use_cls=True, use_rec=False)
            label, score = (getattr(res, "cls_res", None) or [("0", 0.0)])[0]
            weight = float(max(crop.shape[:2]))
            p180 = float(score) if "180" in str(label) else 1.0 - float(score)
            down += weight * p180
            up += weight * (1.0 - p180)
        return None if up + down == 0.0 else down / (up + down)


def _bgr(image: Image) -> Image:
    if image.ndim == 2:
        return np.ascontiguousarray(np.stack([image] * 3, axis=-1))
    return np.ascontiguousarray(image[:, :, 2::-1])  # RapidOCR treats arrays as OpenCV BGR
