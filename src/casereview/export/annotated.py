"""批注版案卷 PDF: the original pages, turned the way the viewer shows them, with every failed or
doubtful finding and every region a reviewer marked as standard PDF annotations (highlight/square
plus a sticky note per item and page), behind a cover sheet with the score and the deducted items.

Boxes are in points on the displayed page (upright, levelled). The output keeps each original page
in its own orientation and sets ``/Rotate`` so that it shows upright; PyMuPDF places annotations in
the unrotated page frame, so every box goes through :func:`displayed_to_unrotated` first.
"""

from __future__ import annotations

import io
import os
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pymupdf
from PIL import Image, ImageOps, ImageSequence

from casereview.domain.findings import Status
from casereview.domain.model import BBox, Page, TextSource
from casereview.errors import CaseReviewError, ErrorCode
from casereview.export.annotated_cover import CjkFont, Target, add_cover, cjk_font, subset_own_fonts
from casereview.export.collect import MACHINE
from casereview.export.model import ReviewedCase
from casereview.ingest.docx import cached_docx_pdf
from casereview.ingest.pdf import open_pdf
from casereview.ingest.raster import invert, level_matrix
from casereview.office.atomic import failure_reason
from casereview.scoring.model import ItemResult, ItemStatus

Point = tuple[float, float]
Quad = tuple[Point, Point, Point, Point]  # upper-left, upper-right, lower-left, lower-right as displayed

FAIL, REVIEW, MANUAL = "fail", "review", "manual"
COLOURS: dict[str, tuple[float, float, float]] = {
    FAIL: (0.86, 0.1, 0.1),  # red: points lost
    REVIEW: (0.96, 0.6, 0.0),  # amber: waits for a reviewer
    MANUAL: (0.55, 0.2, 0.75),  # purple: a region the reviewer marked
}
LINE_MAX_HEIGHT = 36.0  # taller boxes (seals, marked regions, blocks) get a square, not a highlight
NOTE_SIZE = 20.0  # sticky-note icon, points
NOTE_GAP = 22.0


def displayed_to_unrotated(bbox: BBox, rotation: int, width: float, height: float, skew: float = 0.0) -> Quad:
    """Corners of a displayed-page box in the unrotated frame of the original page.

    ``rotation`` is the page's total clockwise turn (0/90/180/270) and ``width`` × ``height`` the
    displayed size; ``skew`` the degrees by which the viewer levelled a scan about its centre.
    """
    x0, y0, x1, y1 = bbox
    corners = [(x0, y0), (x1, y0), (x0, y1), (x1, y1)]
    if abs(skew) >= 0.01:
        m = invert(level_matrix(skew, width, height))  # levelled → as scanned
        corners = [
            (float(m[0, 0] * x + m[0, 1] * y + m[0, 2]), float(m[1, 0] * x + m[1, 1] * y + m[1, 2]))
            for x, y in corners
        ]
    a, b, c, d = (_unturn(x, y, rotation, width, height) for x, y in corners)
    return a, b, c, d


def _unturn(x: float, y: float, rotation: int, width: float, height: float) -> Point:
    turn = rotation % 360
    if turn == 0:
        return x, y
    if turn == 90:
        return y, width - x
    if turn == 180:
        return width - x, height - y
    if turn == 270:
        return height - y, x
    raise ValueError(f"rotation must be a multiple of 90, got {rotation}")


@dataclass(frozen=True)
class Mark:
    """One box to annotate and the item (or unscored rule) whose note it belongs to."""

    page: int
    bbox: BBox
    kind: str  # FAIL / REVIEW / MANUAL
    key: str  # item id, or the rule id of a finding no item scores
    author: str  # the reviewer whose decision stands, else 机器初评
    content: str


def marks_of(case: ReviewedCase) -> list[Mark]:
    """Failed or doubtful findings (unless a reviewer cleared their item) and decision regions."""
    sheet = case.sheet
    results = {r.item_id: r for r in sheet.items}
    marks: list[Mark] = []
    for finding in sheet.findings:
        if finding.status not in (Status.FAIL, Status.NEEDS_REVIEW):
            continue
        result = results.get(finding.item or "")
        if result is not None and result.status in (ItemStatus.PASS, ItemStatus.NOT_APPLICABLE):
            continue  # the reviewer's word: no deduction, so nothing to point at
        fails = finding.status is Status.FAIL and (result is None or result.status is ItemStatus.DEDUCTED)
        author = result.decision.reviewer if result is not None and result.decision else MACHINE
        key = result.item_id if result is not None else finding.rule
        content = f"{finding.rule}：{finding.message}"
        for ev in finding.evidence:
            marks.append(Mark(ev.page, ev.bbox, FAIL if fails else REVIEW, key, author, content))
    for result in sheet.items:
        decision = result.decision
        if decision is not None and decision.region is not None:
            region = decision.region
            content = f"评查人员标注：{decision.reason}"
            marks.append(Mark(region.page, region.bbox, MANUAL, result.item_id, decision.reviewer, content))
    return [m for m in marks if 1 <= m.page <= len(case.analysis.case.pages)]


def write_annotated_pdf(case: ReviewedCase, path: Path, password: str | None = None) -> Path:
    """Write the annotated case file to ``path`` (atomically) and return ``path``.

    ``password`` opens an encrypted source PDF. A source that cannot be read raises its ingest
    error (encrypted, wrong password, corrupt); anything else failing raises WRITE_FAILED.
    """
    path = Path(path)
    font = cjk_font()
    marks = marks_of(case)
    tmp: Path | None = None
    try:
        doc = _assemble(case, password, font)
        try:
            _annotate(doc, case, marks)
            add_cover(doc, case, _targets(case, marks), font)
            handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            os.close(handle)
            tmp = Path(name)
            doc.save(tmp, garbage=3, deflate=True)
        finally:
            doc.close()
        tmp.replace(path)  # atomic: a reader never sees half a file
    except CaseReviewError:
        _discard(tmp)
        raise
    except (OSError, RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase) as exc:
        _discard(tmp)
        reason = failure_reason(exc)[:200]
        raise CaseReviewError(ErrorCode.WRITE_FAILED, str(path), {"reason": reason}) from exc
    return path


def _discard(tmp: Path | None) -> None:
    if tmp is not None:
        tmp.unlink(missing_ok=True)


class _Assembly:
    """The output document with the original pages appended in order (sources opened once).

    Consecutive pages of one PDF are copied in one ``insert_pdf`` call, so the fonts and images
    they share are embedded once rather than once per page.
    """

    def __init__(self, doc: pymupdf.Document, stack: ExitStack, password: str | None, font: CjkFont) -> None:
        self.doc, self.stack, self.password, self.font = doc, stack, password, font
        self.pdfs: dict[Path, pymupdf.Document] = {}
        self.run: tuple[Path, list[Page]] | None = None

    def append(self, case_source: str, page: Page) -> None:
        origin = Path(page.origin or case_source)
        if not origin.exists():
            raise CaseReviewError(ErrorCode.FILE_NOT_FOUND, str(origin))
        suffix = origin.suffix.lower()
        if suffix == ".docx" and page.source is not TextSource.DOCX_TEXT:
            origin, suffix = cached_docx_pdf(origin), ".pdf"
        if suffix == ".pdf":
            if (
                self.run is not None
                and self.run[0] == origin
                and self.run[1][-1].origin_page + 1 == page.origin_page
            ):
                self.run[1].append(page)
                return
            self.flush()
            self.run = (origin, [page])
            return
        self.flush()
        if suffix == ".docx":
            self._text_page(page)  # read without LibreOffice: there is no page image to copy
        else:
            self._image_page(origin, page)

    def flush(self) -> None:
        if self.run is None:
            return
        (origin, pages), self.run = self.run, None
        if origin not in self.pdfs:
            self.pdfs[origin] = self.stack.enter_context(open_pdf(origin, self.password))
        source = self.pdfs[origin]
        first, start = pages[0].origin_page, self.doc.page_count
        self.doc.insert_pdf(source, from_page=first, to_page=first + len(pages) - 1)
        for k, page in enumerate(pages):
            turn = source[first + k].rotation  # the source's own /Rotate, then the viewer's turn
            self.doc[start + k].set_rotation((turn + page.rotation) % 360)

    def _image_page(self, origin: Path, page: Page) -> None:
        # The page keeps the image's own orientation; /Rotate turns it the way the viewer does.
        sideways = page.rotation % 180 == 90
        width, height = (page.height, page.width) if sideways else (page.width, page.height)
        out = self.doc.new_page(width=width, height=height)
        out.insert_image(out.rect, stream=_image_bytes(origin, page.origin_page))
        out.set_rotation(page.rotation % 360)

    def _text_page(self, page: Page) -> None:
        with pymupdf.open() as scratch:
            out = scratch.new_page(width=page.width, height=page.height)
            name = self.font.install(out)
            for span in page.spans:
                x0, y0, _, y1 = span.bbox
                size = max(6.0, (y1 - y0) * 0.75)
                out.insert_text((x0, y0 + size), span.text, fontname=name, fontsize=size)
            subset_own_fonts(scratch)
            self.doc.insert_pdf(scratch)


def _assemble(case: ReviewedCase, password: str | None, font: CjkFont) -> pymupdf.Document:
    doc = pymupdf.open()
    try:
        with ExitStack() as stack:  # the sources stay open until every page is copied
            assembly = _Assembly(doc, stack, password, font)
            for page in case.analysis.case.pages:
                assembly.append(case.source, page)
            assembly.flush()
    except BaseException:
        doc.close()
        raise
    return doc


def _image_bytes(origin: Path, index: int) -> bytes:
    """The page image as stored when it can be embedded as is, else the frame as PNG."""
    with Image.open(origin) as img:
        frames = getattr(img, "n_frames", 1)
        upright = img.getexif().get(0x0112, 1) in (0, 1)
        if frames == 1 and upright and img.format in ("JPEG", "PNG"):
            return origin.read_bytes()
        frame = next(f for i, f in enumerate(ImageSequence.Iterator(img)) if i == index)
        picture = ImageOps.exif_transpose(frame)
        if picture.mode not in ("1", "L", "RGB"):
            picture = picture.convert("RGB")
        buffer = io.BytesIO()
        picture.save(buffer, format="PNG", optimize=False)
        return buffer.getvalue()


def _annotate(doc: pymupdf.Document, case: ReviewedCase, marks: list[Mark]) -> None:
    results = {r.item_id: r for r in case.sheet.items}
    pages = case.analysis.case.pages
    for number in sorted({m.page for m in marks}):
        mine = [m for m in marks if m.page == number]
        out = doc[number - 1]
        frame = _Frame(out, pages[number - 1])
        for mark in mine:
            _box(out, frame, mark)
        used: list[float] = []
        for key in dict.fromkeys(m.key for m in mine):  # one note per item, in order of appearance
            first = next(m for m in mine if m.key == key)
            kinds = {m.kind for m in mine if m.key == key}
            kind = FAIL if FAIL in kinds else MANUAL if MANUAL in kinds else REVIEW
            y = _free_slot(frame.scale_y(first.bbox[1]), used, frame.height)
            x = frame.width - NOTE_SIZE - 4
            ((px, py), *_) = frame.quad((x, y, x + NOTE_SIZE, y + NOTE_SIZE))
            note = out.add_text_annot((px, py), _note_text(key, results.get(key), mine), icon="Comment")
            _finish(note, kind, first.author, key, None)


@dataclass(frozen=True)
class _Frame:
    """The displayed frame of one output page: case-page points → unrotated output points."""

    page: pymupdf.Page
    source: Page

    @property
    def width(self) -> float:
        return float(self.page.rect.width)

    @property
    def height(self) -> float:
        return float(self.page.rect.height)

    def scale_y(self, y: float) -> float:
        return y * self.height / (self.source.height or self.height)

    def quad(self, bbox: BBox) -> Quad:
        return displayed_to_unrotated(
            bbox, int(self.page.rotation), self.width, self.height, self.source.skew
        )

    def fit(self, bbox: BBox) -> BBox:
        """``bbox`` scaled to the output page (sizes may differ by rounding) and clipped to it."""
        sx = self.width / (self.source.width or self.width)
        sy = self.height / (self.source.height or self.height)
        x0, y0, x1, y1 = bbox
        return (
            min(max(x0 * sx, 0.0), self.width),
            min(max(y0 * sy, 0.0), self.height),
            min(max(x1 * sx, 0.0), self.width),
            min(max(y1 * sy, 0.0), self.height),
        )


def _box(out: pymupdf.Page, frame: _Frame, mark: Mark) -> None:
    x0, y0, x1, y1 = frame.fit(mark.bbox)
    if x1 - x0 < 1 or y1 - y0 < 1:
        return  # a point or a box off the page: the note still tells the story
    corners = frame.quad((x0, y0, x1, y1))
    line = mark.kind != MANUAL and y1 - y0 <= LINE_MAX_HEIGHT and x1 - x0 >= y1 - y0
    if line:
        annot = out.add_highlight_annot(quads=[pymupdf.Quad(*corners)])
    else:
        xs, ys = [p[0] for p in corners], [p[1] for p in corners]
        annot = out.add_rect_annot(pymupdf.Rect(min(xs), min(ys), max(xs), max(ys)))
        annot.set_border(width=1.5)
    _finish(annot, mark.kind, mark.author, mark.key, mark.content, 0.45 if line else 1.0)


def _finish(
    annot: pymupdf.Annot, kind: str, author: str, key: str, content: str | None, opacity: float = 1.0
) -> None:
    info = {"title": author, "subject": key}
    if content is not None:
        info["content"] = content
    annot.set_info(**info)
    annot.set_colors(stroke=COLOURS[kind])
    annot.update(opacity=opacity)


def _free_slot(y: float, used: list[float], height: float) -> float:
    """A note position near ``y`` clear of the notes already on the page."""
    y = min(max(y, 4.0), height - NOTE_SIZE - 4)
    while any(abs(y - u) < NOTE_GAP for u in used):
        y += NOTE_GAP
        if y > height - NOTE_SIZE - 4:
            y = 4.0 + len(used) % 30 * 2  # a crowded page: overlap from the top, each a little lower
            break
    used.append(y)
    return y


def _note_text(key: str, result: ItemResult | None, marks: list[Mark]) -> str:
    if result is None:
        lines = [f"{key}（未计入评分项）", *dict.fromkeys(m.content for m in marks if m.key == key)]
        return "\n".join(lines)
    head = f"{result.item_id} {result.title}"
    if result.status is ItemStatus.DEDUCTED:
        amount = f"扣分：{result.deduction:g} 分（满分 {result.points:g} 分）"
        if result.decision is not None and result.proposed_deduction != result.deduction:
            amount += f"，机器建议扣 {result.proposed_deduction:g} 分"
    else:
        amount = f"状态：{result.status.value}（暂不扣分）"
    lines = [head, amount, f"理由：{result.reason}"]
    if result.decision is not None:
        lines.append(f"评查人员：{result.decision.reviewer}")
    return "\n".join(lines)


def _targets(case: ReviewedCase, marks: list[Mark]) -> list[Target]:
    """Cover-table rows: deducted items, then items awaiting a reviewer, with their marked pages."""
    rows: list[Target] = []
    waiting = (ItemStatus.NEEDS_REVIEW, ItemStatus.PENDING)
    for result in case.sheet.items:
        pages = sorted({m.page for m in marks if m.key == result.item_id})
        if result.deduction > 0 or (result.status in waiting and pages):
            rows.append(Target(result, tuple(pages)))
    rows.sort(key=lambda t: t.result.deduction <= 0)  # stable: deducted first, in standard order
    return rows
