"""Fuzzed case files: random, truncated and bit-flipped PDF, DOCX and image bytes.

Reading any of them either gives a CaseFile or raises a typed CaseReviewError; any other exception
is a crash, reported with the seed and the input's length so it can be reproduced.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest
from PIL import Image

from casereview.domain.model import CaseFile
from casereview.errors import CaseReviewError
from casereview.ingest import IngestOptions, ingest_path

# Pillow warns (it does not fail) on damaged TIFF/EXIF data; in use that is a log line, not a crash.
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning:PIL")

# LibreOffice would take seconds per DOCX: the text-only reader is what parses the XML here.
OPTIONS = IngestOptions(use_libreoffice=False)
ROUNDS = 25  # mutations per kind and per mutation style


def _pdf() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=200)  # small page: rendering fuzzed pages stays cheap
    page.insert_text((20, 40), "行政处罚决定书", fontname="china-s", fontsize=14)
    page.insert_text(
        (20, 80), "案号：粤东交罚〔2025〕00977号 罚款人民币贰仟元整", fontname="china-s", fontsize=8
    )
    page.insert_text((20, 110), "2025年3月5日", fontname="china-s", fontsize=8)
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return bytes(data)


def _docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("行政处罚决定书")
    document.add_paragraph("案号：粤东交罚〔2025〕00977号，罚款人民币贰仟元整。")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "当事人"
    table.cell(0, 1).text = "张三"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _image(fmt: str) -> bytes:
    img = Image.new("RGB", (64, 48), "white")
    for x in range(10, 50):
        img.putpixel((x, 20), (200, 0, 0))
    out = io.BytesIO()
    img.save(out, format=fmt, **({"dpi": (200, 200)} if fmt != "JPEG" else {}))
    return out.getvalue()


SAMPLES: dict[str, Callable[[], bytes]] = {
    ".pdf": _pdf,
    ".docx": _docx,
    ".png": lambda: _image("PNG"),
    ".jpg": lambda: _image("JPEG"),
    ".tif": lambda: _image("TIFF"),
}


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def _bitflip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def _splice(data: bytes, rng: random.Random) -> bytes:
    # Overwrite a run with random bytes: damages a stream or a table, not just one bit.
    start = rng.randrange(len(data))
    run = rng.randbytes(rng.randint(1, 64))
    return data[:start] + run + data[start + len(run) :]


def _random(data: bytes, rng: random.Random) -> bytes:
    head = data[:8] if rng.random() < 0.5 else b""  # keep the magic number half of the time
    return head + rng.randbytes(rng.randint(1, 4096))


MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "truncate": _truncate,
    "bitflip": _bitflip,
    "splice": _splice,
    "random": _random,
}


def read_or_typed_error(path: Path, data: bytes, seed: object) -> CaseFile | CaseReviewError:
    """Ingest ``data`` written at ``path``: the CaseFile, or the typed error; anything else fails."""
    path.write_bytes(data)
    try:
        return ingest_path(path, OPTIONS, scanner=None)
    except CaseReviewError as exc:
        assert exc.path, f"typed error without a path for seed {seed!r}"
        return exc
    except Exception as exc:  # a crash: name everything needed to reproduce it
        raise AssertionError(
            f"{path.suffix}: {type(exc).__name__}: {exc} (seed={seed!r}, {len(data)} bytes)"
        ) from exc


@pytest.mark.parametrize("suffix", sorted(SAMPLES))
def test_the_unmutated_sample_reads(suffix: str, tmp_path: Path) -> None:
    result = read_or_typed_error(tmp_path / f"case{suffix}", SAMPLES[suffix](), "original")
    assert isinstance(result, CaseFile)
    assert result.pages


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
@pytest.mark.parametrize("suffix", sorted(SAMPLES))
def test_mutated_files_read_or_raise_typed_errors(suffix: str, mutation: str, tmp_path: Path) -> None:
    original = SAMPLES[suffix]()
    outcomes: set[str] = set()
    for round_ in range(ROUNDS):
        seed = f"{suffix}:{mutation}:{round_}"
        data = MUTATIONS[mutation](original, random.Random(seed))
        result = read_or_typed_error(tmp_path / f"case{round_}{suffix}", data, seed)
        outcomes.add("ok" if isinstance(result, CaseFile) else str(result.code))
    assert outcomes  # every round ended in a CaseFile or a typed error


def test_random_bytes_with_every_suffix(tmp_path: Path) -> None:
    suffixes = [*SAMPLES, ".jpeg", ".tiff", ".bmp", ".xls", ""]
    for round_ in range(60):
        seed = f"random:{round_}"
        rng = random.Random(seed)
        suffix = suffixes[round_ % len(suffixes)]
        data = rng.randbytes(rng.randint(1, 2048))
        read_or_typed_error(tmp_path / f"r{round_}{suffix}", data, seed)
