"""Tests of the synthetic case generator (run with ``tests`` on sys.path)."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

import docx
import pymupdf
import pytest
from PIL import Image

from casegen import DEFECTS, generate_case, generate_corpus
from casegen.cal import add_wd, is_workday, wd_between
from casegen.corpus import defect_groups
from casegen.formats import credit_check_char, daxie, id_check_digit, make_credit_code, make_id_number
from casegen.generate import build_pages, truth
from casegen.oracle import evaluate
from casegen.plan import make_plan


def _page_texts(path: Path) -> list[str]:
    with pymupdf.open(path) as doc:
        return [page.get_text() for page in doc]


def _doc(t: dict[str, Any], typ: str) -> dict[str, Any]:
    return next(d for d in t["documents"] if d["type"] == typ)


def _covers_all_pages(t: dict[str, Any]) -> None:
    expected = 1
    for d in t["documents"]:
        assert d["first_page"] == expected and d["last_page"] >= d["first_page"]
        expected = d["last_page"] + 1
    assert expected - 1 == t["page_count"] == len(t["page_sources"])


def test_formats() -> None:
    assert daxie(15000) == "壹万伍仟元整"
    assert daxie(30500) == "叁万零伍佰元整"
    assert daxie(100000) == "壹拾万元整"
    assert daxie(1050) == "壹仟零伍拾元整"
    assert id_check_digit("11010519491231002") == "X"  # GB 11643 example
    rng = random.Random(3)
    for _ in range(50):
        idn = make_id_number(rng, "441900", dt.date(1985, 6, 1), True)
        assert len(idn) == 18 and idn[-1] == id_check_digit(idn[:17])
        code = make_credit_code(rng, "441900")
        assert len(code) == 18 and code[-1] == credit_check_char(code[:17]) and "XX" not in code
    assert credit_check_char("91350100M000100Y4") == "3"  # a published code: 91350100M000100Y43


def test_digital_case_is_deterministic(tmp_path: Path) -> None:
    p1, t1 = generate_case(tmp_path / "a", "c0001", kind="digital", seed=11)
    p2, t2 = generate_case(tmp_path / "b", "c0001", kind="digital", seed=11)
    assert t1 == t2
    assert _page_texts(p1) == _page_texts(p2)
    _, t3 = generate_case(tmp_path / "c", "c0001", kind="digital", seed=12)
    assert t3 != t1


def test_digital_text_layer_and_truth(tmp_path: Path) -> None:
    path, t = generate_case(tmp_path, "c0002", kind="digital", seed=5, procedure="ordinary")
    saved = json.loads((tmp_path / "c0002.truth.json").read_text("utf-8"))
    assert saved == t and t["file"] == "c0002.pdf"
    _covers_all_pages(t)
    pages = _page_texts(path)
    assert len(pages) == t["page_count"]
    dec = _doc(t, "行政处罚决定书")
    text = "".join(pages[dec["first_page"] - 1 : dec["last_page"]]).replace("\n", "")
    assert t["fields"]["case_number"] in text and t["fields"]["party_name"] in text
    assert any(dec["first_page"] <= p <= dec["last_page"] for p in t["sealed_pages"])
    serves = {d["serves"] for d in t["documents"] if d["type"] == "送达回证"}
    assert {"违法行为通知书", "行政处罚决定书"} <= serves
    assert evaluate(t, pages) == set()  # the file itself, read back, is clean


def test_scanned_pdf_has_no_text_layer(tmp_path: Path) -> None:
    path, t = generate_case(tmp_path, "s1", kind="scanned", seed=8, procedure="summary")
    _covers_all_pages(t)
    with pymupdf.open(path) as doc:
        assert doc.page_count == t["page_count"]
        for page in doc:
            assert page.get_text().strip() == ""
            assert abs(page.rect.width - 595.28) < 0.5 and abs(page.rect.height - 841.89) < 0.5
            assert len(page.get_images()) == 1
    assert t["page_sources"] == ["scanned"] * t["page_count"]


def test_mixed_pdf_has_both_sources(tmp_path: Path) -> None:
    path, t = generate_case(tmp_path, "m1", kind="mixed", seed=21, procedure="ordinary")
    assert set(t["page_sources"]) == {"digital", "scanned"}
    for text, source in zip(_page_texts(path), t["page_sources"], strict=True):
        assert bool(text.strip()) == (source == "digital")


def test_docx_opens_with_python_docx(tmp_path: Path) -> None:
    path, t = generate_case(tmp_path, "d1", kind="docx", seed=4, procedure="ordinary")
    document = docx.Document(str(path))
    body = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for table in document.tables for row in table.rows for c in row.cells)
    assert t["fields"]["case_number"] in body + cells
    assert len(document.sections) == len(t["documents"])


def test_images_folder_and_tiff(tmp_path: Path) -> None:
    folder, t = generate_case(tmp_path, "i1", kind="images", seed=9, procedure="summary")
    files = sorted(folder.iterdir())
    assert [f.stem for f in files] == [f"{i + 1:03d}" for i in range(t["page_count"])]
    with Image.open(files[0]) as im:
        assert im.size == (1654, 2339)
    tif, t2 = generate_case(tmp_path, "t1", kind="tiff", seed=9, procedure="summary")
    with Image.open(tif) as im:
        assert getattr(im, "n_frames", 1) == t2["page_count"]


def test_t12_publication_is_late(tmp_path: Path) -> None:
    _, t = generate_case(tmp_path, "late", kind="digital", seed=3, defects=["T-12"])
    f = t["fields"]
    decision, published = (
        dt.date.fromisoformat(f["decision_date"]),
        dt.date.fromisoformat(f["publication_date"]),
    )
    assert wd_between(decision, published) > 20
    assert t["defects"] == ["T-12"] and t["expected_failures"] == ["T-12"]


def test_d01_records_the_missing_document(tmp_path: Path) -> None:
    _, t = generate_case(tmp_path, "miss", kind="digital", seed=2, defects=["D-01"])
    assert t["missing_documents"] and "D-01" in t["expected_failures"]
    present = {d["type"] for d in t["documents"]}
    assert "结案报告" not in present or "送达回证" in t["missing_documents"]


@pytest.mark.parametrize("seed", [0, 1])
def test_each_defect_breaks_only_its_rules(seed: int) -> None:
    """Layout-level check (no rendering) against the reference evaluation in ``oracle``."""
    for defects in [(), *((d,) for d in DEFECTS)]:
        plan = make_plan("x", kind="digital", seed=seed, defects=defects)
        docs = build_pages(plan)
        t = truth(plan, docs, "x", [])
        pages = ["\n".join(x.text for x in lp.texts) for d in docs for lp in d]
        assert evaluate(t, pages) == set(t["expected_failures"]), (defects, plan.notes)
        assert set(defects) <= set(t["expected_failures"])


def test_calendar_trap_is_clean_but_tight() -> None:
    plan = make_plan("trap", kind="digital", seed=7, calendar_trap=True)
    d = plan.dates
    assert d.decision_service == add_wd(d.decision, 7)
    assert d.decision_service is not None
    span = [d.decision + dt.timedelta(days=i) for i in range(1, (d.decision_service - d.decision).days + 1)]
    assert any(is_workday(x) and x.weekday() >= 5 for x in span)  # a 调休 weekend day counts
    docs = build_pages(plan)
    t = truth(plan, docs, "x", [])
    assert evaluate(t, ["\n".join(x.text for x in lp.texts) for doc in docs for lp in doc]) == set()


def test_corpus_covers_every_defect_three_times(tmp_path: Path) -> None:
    groups = defect_groups(60, random.Random(1))
    counts = Counter(d for g in groups for d in g)
    assert all(counts[d] >= 3 for d in DEFECTS) and len(groups) <= 60
    out = generate_corpus(tmp_path, 4, seed=2, kinds=("digital", "docx"))
    assert Counter(t["kind"] for _, t in out) == {"digital": 2, "docx": 2}
    assert (tmp_path / "manifest.json").exists()


@pytest.mark.parametrize("case_type", ["compulsion", "inspection"])
def test_other_case_kinds(tmp_path: Path, case_type: str) -> None:
    """Compulsion and inspection files: pages covered, their documents and dates in the truth, each
    defect recorded with the rules it breaks; a penalty defect is refused."""
    from casegen.defects import KIND_DEFECTS
    from casegen.kinds import ALLOWED

    assert len(DEFECTS) == 27 and not set(KIND_DEFECTS) & set(DEFECTS)  # other corpora draw from DEFECTS
    path, t = generate_case(tmp_path, "k", kind="digital", seed=4, case_type=case_type)
    _covers_all_pages(t)
    assert t["case_type"] == case_type and t["expected_failures"] == []
    types = {d["type"] for d in t["documents"]}
    texts = "".join(_page_texts(path))
    if case_type == "compulsion":
        assert {"现场笔录", "行政强制措施决定书", "扣押物品清单", "解除行政强制措施决定书"} <= types
        assert "行政处罚决定书" not in types and "执法记录仪" in texts
        assert t["fields"]["compulsion_date"] <= t["fields"]["compulsion_release_date"]
    else:
        assert "行政检查记录" in types and types & {"行政检查审批表", "行政检查方案"}
        assert types & {"责令改正违法行为通知书", "检查结果告知书"}
        assert t["fields"]["inspection_plan_date"] <= t["fields"]["inspection_date"]
    for defect in ALLOWED[case_type]:
        _, bad = generate_case(
            tmp_path, f"k-{defect}", kind="digital", seed=4, case_type=case_type, defects=[defect]
        )
        assert defect in bad["expected_failures"] and bad["notes"]
    _, p11 = generate_case(
        tmp_path, "k-p11", kind="digital", seed=4, case_type="compulsion", defects=["P-11"]
    )
    assert p11["expected_failures"] == ["D-02", "P-11"]
    with pytest.raises(ValueError, match="do not apply"):
        generate_case(tmp_path, "k-x", kind="digital", seed=4, case_type=case_type, defects=["T-12"])
