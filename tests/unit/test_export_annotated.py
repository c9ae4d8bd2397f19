"""批注版 PDF: original pages turned as the viewer shows them, standard annotations on the evidence,
a cover sheet with the score and links to the annotated pages."""

from __future__ import annotations

import dataclasses
import shutil
from itertools import cycle
from pathlib import Path

import numpy as np
import pymupdf
import pytest
from PIL import Image

from casegen import generate_case
from casereview.checking import Checker
from casereview.db import open_database
from casereview.domain.findings import Status
from casereview.domain.model import BBox, TextSource
from casereview.errors import CaseReviewError, ErrorCode
from casereview.export import collect
from casereview.export.annotated import (
    COLOURS,
    FAIL,
    MANUAL,
    REVIEW,
    displayed_to_unrotated,
    marks_of,
    write_annotated_pdf,
)
from casereview.export.collect import MACHINE
from casereview.export.model import ReviewedCase
from casereview.ingest.docx import soffice_binary
from casereview.ingest.raster import level_matrix
from casereview.library import open_case
from casereview.review.workbench import Workbench
from casereview.scoring.model import ItemStatus

BOXES = {"Highlight", "Square"}


@pytest.fixture(scope="module")
def digital(tmp_path_factory: pytest.TempPathFactory) -> tuple[ReviewedCase, Path]:
    folder = tmp_path_factory.mktemp("annotated")
    path, _ = generate_case(folder, "d1", kind="digital", seed=5, defects=["P-01", "T-12"])
    (case,) = collect([str(path)], Checker.create())
    return case, write_annotated_pdf(case, folder / "d1.annotated.pdf")


def shown(page: pymupdf.Page, annot: pymupdf.Annot) -> pymupdf.Rect:
    """Where an annotation shows on the displayed page (highlights: their quads, not the padded rect)."""
    if annot.type[1] == "Highlight":
        points = [pymupdf.Point(p) * page.rotation_matrix for p in annot.vertices]
        return pymupdf.Rect(
            min(p.x for p in points),
            min(p.y for p in points),
            max(p.x for p in points),
            max(p.y for p in points),
        )
    return annot.rect * page.rotation_matrix


def covers(rect: pymupdf.Rect, bbox: BBox | tuple[float, ...], slack: float = 2.0) -> bool:
    x0, y0, x1, y1 = bbox
    return rect.x0 <= x0 + slack and rect.y0 <= y0 + slack and rect.x1 >= x1 - slack and rect.y1 >= y1 - slack


def boxes_on(page: pymupdf.Page, subject: str, bbox: BBox) -> list[pymupdf.Annot]:
    return [
        a
        for a in page.annots()
        if a.type[1] in BOXES and a.info["subject"] == subject and covers(shown(page, a), bbox)
    ]


def close(colour: list[float] | tuple[float, ...], expected: tuple[float, float, float]) -> bool:
    return all(abs(a - b) < 0.02 for a, b in zip(colour, expected, strict=True))


def test_digital_case_cover_annotations_and_text_layer(digital: tuple[ReviewedCase, Path]) -> None:
    case, out = digital
    sheet, pages = case.sheet, case.analysis.case.pages
    with pymupdf.open(out) as doc:
        assert doc.page_count == len(pages) + 1
        cover = doc[0].get_text()
        assert "案卷评查结果" in cover and case.case_number in cover and case.party in cover
        assert f"{sheet.score:g} 分" in cover and sheet.grade in cover and MACHINE in cover

        failing = [f for f in sheet.findings if f.status is Status.FAIL]
        doubtful = [f for f in sheet.findings if f.status is Status.NEEDS_REVIEW]
        assert {"P-01", "T-12"} <= {f.rule for f in failing} and doubtful
        expected_boxes = 0
        for finding in failing + doubtful:
            assert finding.item is not None and finding.evidence
            item = sheet.item(finding.item)
            red = finding.status is Status.FAIL and item.status is ItemStatus.DEDUCTED
            for ev in finding.evidence:
                expected_boxes += 1
                page = doc[ev.page]  # the cover comes first, case pages are 1-based
                hits = boxes_on(page, item.item_id, ev.bbox)
                assert hits, f"no box for {finding.rule} on page {ev.page}"
                assert all(a.info["title"] == MACHINE for a in hits)
                assert close(hits[0].colors["stroke"], COLOURS[FAIL if red else REVIEW])
                notes = [
                    a for a in page.annots() if a.type[1] == "Text" and a.info["subject"] == item.item_id
                ]
                assert len(notes) == 1
                assert item.title in notes[0].info["content"] and item.reason in notes[0].info["content"]
                if red:
                    assert f"扣分：{item.deduction:g} 分" in notes[0].info["content"]

        kept = list(doc)  # annotations are only valid while their page object lives
        annots = [(i, a) for i, p in enumerate(kept) for a in p.annots()]
        assert {a.type[1] for _, a in annots} == {"Highlight", "Text"}  # only standard types
        assert sum(a.type[1] in BOXES for _, a in annots) == expected_boxes
        passed = {i.item_id for i in sheet.items if i.status is ItemStatus.PASS}
        assert passed and not {a.info["subject"] for _, a in annots} & passed

        # The text layer of the copied pages stays, where it was.
        p01 = next(f for f in failing if f.rule == "P-01")
        number = p01.evidence[0].page
        title = pages[number - 1].spans[0]
        (hit,) = doc[number].search_for(title.text)[:1]
        assert abs(hit.x0 - title.bbox[0]) < 2 and abs(hit.y1 - title.bbox[3]) < 4

        links = {link["page"] for link in doc[0].get_links() if link["kind"] == pymupdf.LINK_GOTO}
        deducted = {ev.page for f in failing for ev in f.evidence}
        assert deducted <= links and all(list(kept[n].annots()) for n in links)


def test_reviewer_decisions_clear_and_mark(tmp_path: Path) -> None:
    path, _ = generate_case(tmp_path, "r1", kind="digital", seed=43, defects=["T-12"])
    checker = Checker.create()
    with open_database(f"sqlite:///{tmp_path / 'x.db'}") as database:
        bench = Workbench.open(database, open_case(path, database), checker, "李四")
        t12 = next(f for f in bench.sheet.findings if f.rule == "T-12")
        assert t12.item is not None
        bench.override(t12.item, 0.0, "公示记录另附")
        manual = next(i.item_id for i in bench.sheet.items if i.status is ItemStatus.PENDING)
        region = (100.0, 300.0, 420.0, 460.0)
        bench.manual(manual, 2.0, "询问笔录未记录告知事项", 3, region)
        (case,) = collect([str(bench.case_id)], checker, database)
    out = write_annotated_pdf(case, tmp_path / "r1.pdf")
    with pymupdf.open(out) as doc:
        kept = list(doc)
        subjects = {a.info["subject"] for p in kept for a in p.annots()}
        assert t12.item not in subjects  # cleared by the reviewer: nothing to point at
        (square,) = boxes_on(doc[3], manual, region)
        assert square.type[1] == "Square" and square.info["title"] == "李四"
        assert close(square.colors["stroke"], COLOURS[MANUAL])
        (note,) = [a for a in doc[3].annots() if a.type[1] == "Text" and a.info["subject"] == manual]
        assert "询问笔录未记录告知事项" in note.info["content"] and note.info["title"] == "李四"
        cover = doc[0].get_text()
        assert manual in cover and "李四" in cover and "未保存" not in cover
        assert any(link["page"] == 3 for link in doc[0].get_links())


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_displayed_to_unrotated_agrees_with_pymupdf(rotation: int) -> None:
    with pymupdf.open() as doc:
        page = doc.new_page(width=500, height=700)
        page.set_rotation(rotation)
        width, height = page.rect.width, page.rect.height
        bbox = (50.0, 80.0, 200.0, 120.0)
        quad = displayed_to_unrotated(bbox, rotation, width, height)
        expected = pymupdf.Rect(bbox) * page.derotation_matrix
        xs, ys = [p[0] for p in quad], [p[1] for p in quad]
        assert (min(xs), min(ys), max(xs), max(ys)) == pytest.approx(tuple(expected), abs=1e-6)
        assert tuple(pymupdf.Point(quad[0]) * page.rotation_matrix) == pytest.approx((50.0, 80.0), abs=1e-6)
        # A levelled scan: the corners lean back by the skew, and level onto the box again.
        skewed = displayed_to_unrotated(bbox, rotation, width, height, skew=2.0)
        level = level_matrix(2.0, width, height)
        for corner, want in zip(skewed, [(50, 80), (200, 80), (50, 120), (200, 120)], strict=True):
            upright = pymupdf.Point(corner) * page.rotation_matrix
            got = level @ np.array([upright.x, upright.y, 1.0])
            assert tuple(got) == pytest.approx(want, abs=1e-3)  # PyMuPDF points are float32
        assert (
            max(abs(a - b) for c, d in zip(quad, skewed, strict=True) for a, b in zip(c, d, strict=True)) > 1
        )


def _rotated_folder(case: ReviewedCase, folder: Path, turns: list[int]) -> ReviewedCase:
    """The digital case as a folder of page images stored sideways / upside down (rotation set)."""
    folder.mkdir()
    pages = []
    with pymupdf.open(case.source) as src:
        for page, turn in zip(case.analysis.case.pages, cycle(turns), strict=False):
            pix = src[page.origin_page].get_pixmap(dpi=100, alpha=False)
            upright = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
            image = folder / f"{page.number:03d}.png"
            upright.rotate(turn, expand=True).save(image)  # PIL turns counter-clockwise
            pages.append(
                dataclasses.replace(
                    page, origin=str(image), origin_page=0, rotation=turn, source=TextSource.OCR
                )
            )
    scanned = dataclasses.replace(case.analysis.case, source=str(folder), kind="folder", pages=pages)
    return dataclasses.replace(case, analysis=dataclasses.replace(case.analysis, case=scanned))


def _ink(page: pymupdf.Page) -> np.ndarray:
    """Grey levels of the displayed page (no annotations) in 8-pixel blocks: resampling noise averages out."""
    pix = page.get_pixmap(dpi=48, colorspace=pymupdf.csGRAY, alpha=False, annots=False)
    grey = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width).astype(np.float64)
    h, w = grey.shape[0] // 8 * 8, grey.shape[1] // 8 * 8
    return grey[:h, :w].reshape(h // 8, 8, w // 8, 8).mean(axis=(1, 3))


def test_rotated_scan_shown_upright_with_boxes_on_the_text(
    digital: tuple[ReviewedCase, Path], tmp_path: Path
) -> None:
    case, _ = digital
    rotated = _rotated_folder(case, tmp_path / "scan", [90, 180, 270, 0])
    out = write_annotated_pdf(rotated, tmp_path / "scan.pdf")
    marked = {m.page for m in marks_of(rotated)}
    assert {rotated.analysis.case.pages[n - 1].rotation for n in marked} >= {90, 270}
    with pymupdf.open(out) as doc, pymupdf.open(case.source) as original:
        assert doc.page_count == len(rotated.analysis.case.pages) + 1
        for number in marked:
            page, source = doc[number], rotated.analysis.case.pages[number - 1]
            assert page.rotation == source.rotation
            upright, shown_page = _ink(original[number - 1]), _ink(page)
            assert shown_page.shape == upright.shape
            same = np.abs(shown_page - upright).mean()
            assert same < 2.0, same  # the same page, the same way up
            assert np.abs(np.rot90(shown_page, 2) - upright).mean() > 3 * same
            for mark in (m for m in marks_of(rotated) if m.page == number):
                hits = boxes_on(page, mark.key, mark.bbox)
                assert hits and covers(pymupdf.Rect(mark.bbox), tuple(shown(page, hits[0])), 3.0)
            for note in (a for a in page.annots() if a.type[1] == "Text"):
                spot = note.rect * page.rotation_matrix
                assert page.rect.width - 40 < spot.x0 and spot.x1 <= page.rect.width + 1  # right margin


def test_scanned_case_boxes_lean_with_the_skew(tmp_path: Path) -> None:
    """A real scan (OCR'd): the page is copied as scanned; boxes follow the levelling the viewer did."""
    from casereview.ocr.scanner import OcrScanner
    from casereview.pipeline import read_case

    path, _ = generate_case(tmp_path, "s1", kind="scanned", seed=5, procedure="summary")
    with OcrScanner(workers=1) as scanner:
        analysis = read_case(path, scanner=scanner)
    case = ReviewedCase(analysis, Checker.create().check(analysis), "", MACHINE, None)
    marks = marks_of(case)
    assert marks and all(m.kind in (FAIL, REVIEW) for m in marks)
    out = write_annotated_pdf(case, tmp_path / "s1.pdf")
    with pymupdf.open(out) as doc:
        assert doc.page_count == len(analysis.case.pages) + 1
        for mark in marks:
            page, source = doc[mark.page], analysis.case.pages[mark.page - 1]
            assert page.rotation == source.rotation
            (box,) = [a for a in page.annots() if a.type[1] == "Highlight" and a.info["subject"] == mark.key]
            level = level_matrix(source.skew, page.rect.width, page.rect.height)
            x0, y0, x1, y1 = mark.bbox
            for corner, want in zip(box.vertices, [(x0, y0), (x1, y0), (x0, y1), (x1, y1)], strict=True):
                upright = pymupdf.Point(corner) * page.rotation_matrix
                assert tuple(level @ np.array([upright.x, upright.y, 1.0])) == pytest.approx(want, abs=0.05)
        assert any(abs(analysis.case.pages[m.page - 1].skew) > 0.2 for m in marks)


@pytest.mark.skipif(soffice_binary() is None, reason="LibreOffice not installed")
def test_docx_case_uses_the_converted_pages(tmp_path: Path) -> None:
    path, _ = generate_case(tmp_path, "w1", kind="docx", seed=5, defects=["P-01"])
    (case,) = collect([str(path)], Checker.create())
    out = write_annotated_pdf(case, tmp_path / "w1.pdf")
    p01 = next(f for f in case.sheet.findings if f.rule == "P-01" and f.status is Status.FAIL)
    assert p01.item is not None
    with pymupdf.open(out) as doc:
        assert doc.page_count == case.analysis.case.page_count + 1
        ev = p01.evidence[0]
        page = doc[ev.page]
        assert boxes_on(page, p01.item, ev.bbox)
        assert case.analysis.case.pages[ev.page - 1].spans[0].text in page.get_text().replace("\n", "")


def test_encrypted_source_needs_its_password(digital: tuple[ReviewedCase, Path], tmp_path: Path) -> None:
    case, _ = digital
    locked = tmp_path / "locked.pdf"
    with pymupdf.open(case.source) as doc:
        doc.save(locked, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="s3cret", owner_pw="owner")
    pages = [dataclasses.replace(p, origin=str(locked)) for p in case.analysis.case.pages]
    moved = dataclasses.replace(case.analysis.case, source=str(locked), pages=pages)
    locked_case = dataclasses.replace(case, analysis=dataclasses.replace(case.analysis, case=moved))
    target = tmp_path / "out.pdf"
    for password, code in ((None, ErrorCode.ENCRYPTED), ("wrong", ErrorCode.WRONG_PASSWORD)):
        with pytest.raises(CaseReviewError) as caught:
            write_annotated_pdf(locked_case, target, password)
        assert caught.value.code is code
    assert not target.exists() and not list(tmp_path.glob(".*.tmp"))
    write_annotated_pdf(locked_case, target, "s3cret")
    with pymupdf.open(target) as doc:
        assert not doc.needs_pass and doc.page_count == len(pages) + 1
        kept = list(doc)
        assert {m.page for m in marks_of(case)} == {n for n, p in enumerate(kept) if list(p.annots())}


def test_write_failures_leave_nothing_behind(digital: tuple[ReviewedCase, Path], tmp_path: Path) -> None:
    case, _ = digital
    taken = tmp_path / "taken.pdf"
    taken.mkdir()  # a folder where the file should go: the final rename fails
    with pytest.raises(CaseReviewError) as caught:
        write_annotated_pdf(case, taken)
    assert caught.value.code is ErrorCode.WRITE_FAILED and caught.value.detail["reason"]
    assert taken.is_dir() and not list(tmp_path.glob(".*.tmp"))
    with pytest.raises(CaseReviewError) as caught:
        write_annotated_pdf(case, tmp_path / "missing" / "out.pdf")
    assert caught.value.code is ErrorCode.WRITE_FAILED

    gone = tmp_path / "gone.pdf"
    shutil.copy(case.source, gone)
    pages = [dataclasses.replace(p, origin=str(gone)) for p in case.analysis.case.pages]
    moved = dataclasses.replace(
        case,
        analysis=dataclasses.replace(
            case.analysis, case=dataclasses.replace(case.analysis.case, pages=pages)
        ),
    )
    gone.unlink()
    with pytest.raises(CaseReviewError) as caught:
        write_annotated_pdf(moved, tmp_path / "x.pdf")
    assert caught.value.code is ErrorCode.FILE_NOT_FOUND and not (tmp_path / "x.pdf").exists()


def test_long_item_table_runs_onto_more_cover_pages(
    digital: tuple[ReviewedCase, Path], tmp_path: Path
) -> None:
    case, _ = digital
    reason = "文书记载的事实与证据材料不一致，需补充调查并重新作出认定。" * 3
    items = tuple(
        i
        if i.deduction > 0
        else dataclasses.replace(i, deduction=0.5, status=ItemStatus.DEDUCTED, reason=reason)
        for i in case.sheet.items
    )
    crowded = dataclasses.replace(case, sheet=dataclasses.replace(case.sheet, items=items))
    out = write_annotated_pdf(crowded, tmp_path / "crowded.pdf")
    with pymupdf.open(out) as doc:
        covers_n = doc.page_count - case.analysis.case.page_count
        assert covers_n >= 2
        text = "".join(doc[i].get_text() for i in range(covers_n))
        assert all(i.item_id in text for i in items)
        kept = list(doc)
        links = [link for i in range(covers_n) for link in kept[i].get_links()]
        p01 = next(f for f in case.sheet.findings if f.rule == "P-01")
        wanted = {covers_n + ev.page - 1 for ev in p01.evidence}
        assert wanted <= {link["page"] for link in links}
        for index in wanted:
            assert any(a.info["subject"] == p01.item for a in kept[index].annots())


def test_docx_read_without_libreoffice_gets_its_text_drawn(
    digital: tuple[ReviewedCase, Path], tmp_path: Path
) -> None:
    from casereview.ingest.docx import text_only_pages

    case, _ = digital
    path, _ = generate_case(tmp_path, "t1", kind="docx", seed=5)
    pages = list(text_only_pages(path, 1))
    text_case = dataclasses.replace(case.analysis.case, source=str(path), kind="docx", pages=pages)
    moved = dataclasses.replace(case, analysis=dataclasses.replace(case.analysis, case=text_case))
    out = write_annotated_pdf(moved, tmp_path / "t1.pdf")
    with pymupdf.open(out) as doc:
        assert doc.page_count == len(pages) + 1
        for number in (1, len(pages)):
            drawn = doc[number].get_text().replace("\n", "")
            assert all(span.text in drawn for span in pages[number - 1].spans[:3])
    assert out.stat().st_size < 40_000 * (len(pages) + 1)  # the CJK font is embedded as subsets
