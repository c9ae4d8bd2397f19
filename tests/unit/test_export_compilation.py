"""典型案例汇编: tagged generated cases (digital and scanned) with identifiers planted by the generator;
none of them may be readable in the DOCX text, the PDF text layer or the OCR of the page images."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import pickle
from collections.abc import Sequence
from pathlib import Path

import docx
import numpy as np
import pymupdf
import pytest
from PIL import Image

from casegen import generate_case
from casegen.plan import make_plan
from casereview.checking import Checker
from casereview.db import open_database
from casereview.domain.model import CaseFile
from casereview.errors import CaseReviewError, ErrorCode
from casereview.export import collect, redact
from casereview.export.anonymise import ID_NUMBER, NAME, Identifier, case_identifiers, fold
from casereview.export.anonymity_check import docx_images, find_leak
from casereview.export.compilation import write_compilation
from casereview.export.compilation_content import select_entries
from casereview.export.model import ReviewedCase
from casereview.export.redact import page_images, redact_pages
from casereview.ingest.docx import soffice_binary
from casereview.library import open_case
from casereview.messages import describe
from casereview.ocr.engine import FakeOcrEngine, OcrLine, RapidOcrEngine
from casereview.ocr.engine import Image as Pixels
from casereview.office import gongwen
from casereview.pipeline import read_case
from casereview.training.tags import TagRecord, TrainingTag, add_tag

NOW = dt.datetime(2026, 11, 20, tzinfo=dt.UTC)
QUAD = ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0))
DIGITAL = {"kind": "digital", "seed": 7}  # 卢宇, individual, ordinary procedure
COMPANY = {"kind": "digital", "seed": 3, "party_kind": "organisation"}
SCANNED = {"kind": "scanned", "seed": 6, "procedure": "summary", "party_kind": "individual"}


def _planted(case_id: str, spec: dict[str, object]) -> list[str]:
    """The generator's people, ID numbers, phones, plates, addresses and codes of one case."""
    plan = make_plan(case_id, **spec)
    party = plan.party
    values = [party.plate, party.credit_code, party.legal_rep, party.phone, party.address]
    people = [p for p in (party.person, party.contact) if p is not None]
    values += [v for p in people for v in (p.name, p.id_number, p.phone, p.address)]
    if party.kind == "individual":
        values.append(party.name)
    values += [officer.name for officer in plan.officers]  # officers keep only their surname too
    return [v for v in values if v]


def _tag(tag: TrainingTag, note: str, pages: tuple[int, int] | None = None) -> TagRecord:
    first, last = pages if pages else (None, None)
    return TagRecord(1, 1, tag, first, last, note, "王培训", NOW)


def _reviewed(path: Path, tags: Sequence[TagRecord] = (), analysis: object = None) -> ReviewedCase:
    analysis = analysis or read_case(path)
    checker = Checker.create()
    return ReviewedCase(analysis, checker.check(analysis), "", "机器初评", None, tags=tuple(tags))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("cases")
    return {
        "digital": generate_case(out, "digital", **DIGITAL)[0],
        "company": generate_case(out, "company", **COMPANY)[0],
    }


@pytest.fixture
def no_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gongwen, "soffice_binary", lambda: None)


def _blind(_image: Pixels) -> list[OcrLine]:
    return []  # reads nothing: for tests about the text, not the images


def _texts(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _absent(values: Sequence[str], text: str, where: str) -> None:
    folded = fold(text)
    for value in values:
        assert fold(value) not in folded, f"{value} readable in {where}"


def test_redaction_removes_pixels_and_text(generated: dict[str, Path], tmp_path: Path) -> None:
    case = _reviewed(generated["digital"])
    identifiers = case_identifiers(case)
    decision = next(d.first_page for d in case.analysis.documents if d.type == "行政处罚决定书")
    assert "430225198403246318" in case.analysis.case.pages[decision - 1].text  # planted on the page
    out = redact_pages(case, [decision], identifiers, tmp_path / "excerpt.pdf")
    with pymupdf.open(out) as pdf:
        page = pdf[0]
        assert page.get_text().strip() == "", "the redacted page has no text layer"
        boxes = [d["rect"] for d in page.get_drawings() if d.get("fill") == (0.0, 0.0, 0.0)]
        assert len(boxes) >= 8  # name ×3, ID, address (two lines), phone, plate, account, officers
        (xref, *_), *_ = page.get_images()
        pixels = np.asarray(Image.open(io.BytesIO(pdf.extract_image(xref)["image"])).convert("L"))
        scale = pixels.shape[1] / page.rect.width
    for rect in boxes:  # the image itself is blank under every box, not just covered
        inside = pixels[
            int(rect.y0 * scale) + 1 : int(rect.y1 * scale) - 1,
            int(rect.x0 * scale) + 1 : int(rect.x1 * scale) - 1,
        ]
        assert inside.size and inside.min() == inside.max() == 255
    assert pixels.min() < 100, "the rest of the page is still there"
    (png,) = page_images(out)
    assert png.startswith(b"\x89PNG")
    assert not list(tmp_path.glob(".*")), "no temporary file left"


def test_compilation_headings_summaries_and_no_planted_identifier(
    generated: dict[str, Path], tmp_path: Path, no_libreoffice: None
) -> None:
    good = _reviewed(
        generated["digital"], [_tag(TrainingTag.GOOD, "卢宇案证据链完整，联系电话17268465632已核实。")]
    )
    poor = _reviewed(generated["company"], [_tag(TrainingTag.POOR, "法定代表人苏勇未签名。", (3, 4))])
    untagged = _reviewed(generated["digital"])
    target = tmp_path / "汇编.docx"
    result = write_compilation([untagged, poor, good], target, ocr=FakeOcrEngine(_blind))

    assert result.docx == target and result.pdf is None and result.checked_images == 3
    assert result.identifiers >= 20
    text = _texts(target)
    for expected in (
        "交通运输行政执法典型案例汇编",
        "（共收录优秀案例1件、典型差案1件）",
        "一、优秀案例",
        "（一）卢某某未取得道路运输经营许可擅自从事道路旅客运输经营案",
        "案由为未取得道路运输经营许可擅自从事道路旅客运输经营；适用一般程序；处理结果：罚款人民币30000元。",
        "评查得分",
        "2．主要亮点",
        "卢某某案证据链完整，联系电话***********已核实。",
        "二、典型差案",
        "（一）某公司",
        "2．主要问题",
        "法定代表人苏某某未签名。",
        "案卷第3页（个人信息已涂黑）",
        "案卷第4页（个人信息已涂黑）",
    ):
        assert expected in text, expected
    assert text.index("一、优秀案例") < text.index("二、典型差案")
    _absent(_planted("digital", DIGITAL) + _planted("company", COMPANY), text, "the DOCX text")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["汇编.docx"], "no work folder left"


def test_tags_from_the_database(generated: dict[str, Path], tmp_path: Path, no_libreoffice: None) -> None:
    with open_database(f"sqlite:///{tmp_path / 'x.db'}") as database:
        case_id = open_case(generated["company"], database).case_id
        assert case_id is not None
        with database.session_scope() as session:
            add_tag(session, case_id, TrainingTag.POOR, "送达回证无受送达人签名", "王培训", 12, 12)
        (case,) = collect([str(case_id)], Checker.create(), database)
    assert [t.tag for t in case.tags] == [TrainingTag.POOR]
    result = write_compilation([case], tmp_path / "c.docx", ocr=FakeOcrEngine(_blind))
    assert result.checked_images == 1 and "案卷第12页" in _texts(result.docx)


def test_readable_identifier_fails_and_leaves_nothing(
    generated: dict[str, Path], tmp_path: Path, no_libreoffice: None
) -> None:
    case = _reviewed(generated["digital"], [_tag(TrainingTag.GOOD, "规范")])

    def leaky(_image: Pixels) -> list[OcrLine]:
        return [OcrLine.make("当事人：卢宇，身份证件号：430225198403246318", QUAD, 0.99)]

    target = tmp_path / "汇编.docx"
    with pytest.raises(CaseReviewError) as caught:
        write_compilation([case], target, ocr=FakeOcrEngine(leaky))
    assert caught.value.code is ErrorCode.ANONYMISATION_FAILED
    message = describe(caught.value)
    assert message.startswith(f"匿名化核验失败：{target} 中仍可读出")
    assert "第1张图片" in message
    assert "430225198403246318" not in message and "卢宇" not in message, "the identifier is masked"
    assert list(tmp_path.iterdir()) == [], "no file and no work folder left"


def test_excerpt_pages_and_order(generated: dict[str, Path]) -> None:
    digital = _reviewed(generated["digital"])
    decision = next(d.first_page for d in digital.analysis.documents if d.type == "行政处罚决定书")
    both = dataclasses.replace(
        digital,
        tags=(
            _tag(TrainingTag.POOR, "笔录不规范", (5, 10)),
            _tag(TrainingTag.GOOD, "决定书规范"),
            _tag(TrainingTag.POOR, "笔录不规范", (5, 5)),
        ),
    )
    no_decision = dataclasses.replace(
        digital,
        analysis=dataclasses.replace(digital.analysis, documents=digital.analysis.documents[:3]),
        tags=(_tag(TrainingTag.GOOD, "立卷规范"),),
    )
    entries = select_entries([both, no_decision])
    assert [(e.tag, e.pages, e.notes) for e in entries] == [
        (TrainingTag.GOOD, [decision], ["决定书规范"]),
        (TrainingTag.GOOD, [1, 2], ["立卷规范"]),
        (TrainingTag.POOR, [5, 6, 7, 8], ["笔录不规范"]),  # at most 4 pages, notes merged
    ]


def test_a_value_wrapped_over_two_lines_is_still_a_leak() -> None:
    ids = [Identifier(NAME, "卢宇", "卢某某"), Identifier(ID_NUMBER, "430225198403246318", "*")]
    assert find_leak(["当事人：卢", "宇，男"], ids) == ids[0]
    assert find_leak(["身份证件号：4302251984 0324", "6318"], ids) == ids[1]
    assert find_leak(["当事人：卢某某", "身份证件号：******************"], ids) is None


def test_nothing_tagged_is_refused(generated: dict[str, Path], tmp_path: Path) -> None:
    with pytest.raises(CaseReviewError) as caught:
        write_compilation([_reviewed(generated["digital"])], tmp_path / "x.docx", ocr=FakeOcrEngine(_blind))
    assert caught.value.code is ErrorCode.WRITE_FAILED and "没有可汇编的案例" in describe(caught.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.skipif(soffice_binary() is None, reason="LibreOffice (soffice) is not installed")
def test_pdf_text_layer_is_checked(generated: dict[str, Path], tmp_path: Path) -> None:
    good = _reviewed(generated["digital"], [_tag(TrainingTag.GOOD, "卢宇的陈述申辩权得到保障")])
    result = write_compilation([good], tmp_path / "汇编.docx", ocr=FakeOcrEngine(_blind))
    assert result.pdf == tmp_path / "汇编.pdf"
    with pymupdf.open(result.pdf) as pdf:
        text = "".join(page.get_text() for page in pdf)
        assert any(page.get_images() for page in pdf), "the excerpt is an image in the PDF"
    assert "卢某某的陈述申辩权得到保障" in fold(text)
    _absent(_planted("digital", DIGITAL), text, "the PDF text layer")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["汇编.docx", "汇编.pdf"]


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A scanned case read with the real OCR (pickled: each test gets its own copy)."""
    out = tmp_path_factory.mktemp("scan")
    path, _ = generate_case(out, "scanned", **SCANNED)
    from casereview.ocr.scanner import OcrScanner

    with OcrScanner(workers=1) as scanner:
        analysis = read_case(path, scanner=scanner)
    return path, pickle.dumps(analysis)


def _ocr_text(images: Sequence[bytes], engine: RapidOcrEngine) -> list[str]:
    texts = []
    for blob in images:
        pixels = np.asarray(Image.open(io.BytesIO(blob)).convert("RGB"), dtype=np.uint8)
        texts.append("\n".join(line.text for line in engine.recognize(pixels)))
    return texts


@pytest.mark.ocr
@pytest.mark.slow
def test_real_ocr_finds_no_planted_identifier(
    generated: dict[str, Path], scanned: tuple[Path, bytes], tmp_path: Path
) -> None:
    scan_path, analysis = scanned
    poor = _reviewed(
        scan_path, [_tag(TrainingTag.POOR, "未载明陈述申辩情况", (1, 1))], pickle.loads(analysis)
    )
    assert poor.analysis.case.pages[0].source == "ocr"
    good = _reviewed(generated["digital"], [_tag(TrainingTag.GOOD, "文书规范")])
    result = write_compilation([good, poor], tmp_path / "汇编.docx")  # the real RapidOCR checks the images
    assert result.checked_images == 2

    planted = _planted("digital", DIGITAL) + _planted("scanned", SCANNED)
    document = docx.Document(str(result.docx))
    text = _texts(result.docx)
    for heading in ("一、优秀案例", "（一）卢某某未取得", "二、典型差案", "（一）戴某某", "适用简易程序"):
        assert heading in text, heading
    _absent(planted, text, "the DOCX text")
    texts = _ocr_text(docx_images(document), RapidOcrEngine())
    for text in texts:
        _absent(planted, text, "the OCR of the images")
    read = fold("".join(texts))
    assert "当场行政处罚决定书" in read and "行政处罚决定书" in read.replace("当场行政处罚决定书", ""), read
    if result.pdf is not None:
        with pymupdf.open(result.pdf) as pdf:
            _absent(planted, "".join(page.get_text() for page in pdf), "the PDF text layer")


@pytest.mark.ocr
@pytest.mark.slow
def test_disabled_redaction_is_caught(
    scanned: tuple[Path, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_libreoffice: None
) -> None:
    scan_path, analysis = scanned
    case = _reviewed(scan_path, [_tag(TrainingTag.POOR, "未载明陈述申辩情况")], pickle.loads(analysis))

    def nothing(_case: CaseFile, _number: int, _identifiers: object) -> list[object]:
        return []

    monkeypatch.setattr(redact, "identifier_boxes", nothing)
    with pytest.raises(CaseReviewError) as caught:
        write_compilation([case], tmp_path / "汇编.docx")
    assert caught.value.code is ErrorCode.ANONYMISATION_FAILED
    assert "图片的文字识别结果" in describe(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_identifiers_written_only_in_a_note_are_removed_and_checked(
    generated: dict[str, Path], tmp_path: Path, no_libreoffice: None
) -> None:
    """Issue 18 (5): a phone and an ID number that appear only in the trainer's note (not in the
    case) leaked into the compilation and its own verification passed."""
    note = "回访当事人亲属，电话13912345678，身份证号110101199003074514。"
    case = _reviewed(generated["digital"], [_tag(TrainingTag.GOOD, note)])
    target = tmp_path / "汇编.docx"
    write_compilation([case], target, ocr=FakeOcrEngine(_blind))
    _absent(["13912345678", "110101199003074514"], _texts(target), "the DOCX text")
