"""D-02, D-03, P-11 and the case kind on generated compulsion (扣押) and inspection (行政检查) files."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from casegen.generate import generate_case
from casegen.kinds import make_kind_plan
from casereview.calendar import WorkCalendar
from casereview.domain import doctypes as d
from casereview.domain.casetype import COMPULSION, INSPECTION, PENALTY, detect_case_type
from casereview.domain.findings import Finding, Status
from casereview.extract.measures import REFUSED, SIGNED, period_days
from casereview.pipeline import Analysis, read_case
from casereview.rules import run_rules
from casereview.rules.base import RuleContext

RULES = ["D-02", "D-03", "P-11", "T-07", "P-01", "S-01"]


def _seed(case_type: str, defect: str, key: str, variant: str) -> int:
    """The first seed whose plan injects ``defect`` as ``variant``."""
    for seed in range(1, 200):
        plan = make_kind_plan("x", case_type, kind="digital", seed=seed, defects=[defect])
        if plan.mut.get(key) == variant:
            return seed
    raise AssertionError(f"no seed gives {defect} {variant}")


def _findings(analysis: Analysis) -> dict[str, Finding]:
    ctx = RuleContext(analysis.case, analysis.documents, analysis.extraction, WorkCalendar.default())
    return {f.rule: f for f in run_rules(ctx, RULES)}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("kinds")


def _read(out: Path, name: str, case_type: str, seed: int, defects: list[str]) -> Analysis:
    path, _ = generate_case(out, name, kind="digital", seed=seed, case_type=case_type, defects=defects)
    return read_case(path)


def test_clean_files_pass_and_are_told_apart(out: Path) -> None:
    for seed in (1, 2, 3):
        comp = _read(out, f"c{seed}", "compulsion", seed, [])
        insp = _read(out, f"i{seed}", "inspection", seed, [])
        assert detect_case_type(doc.type for doc in comp.documents) == COMPULSION
        assert detect_case_type(doc.type for doc in insp.documents) == INSPECTION
        cf, inf = _findings(comp), _findings(insp)
        assert [cf[r].status for r in ("D-02", "P-11", "T-07", "P-01", "S-01")] == [Status.PASS] * 5
        assert cf["D-03"].status == Status.NOT_APPLICABLE
        assert [inf[r].status for r in ("D-03", "P-01", "S-01")] == [Status.PASS] * 3
        assert inf["D-02"].status == inf["P-11"].status == Status.NOT_APPLICABLE
        assert all(ev.text for ev in cf["P-11"].evidence)
        assert comp.fields["compulsion_date"] is not None
        assert insp.fields["inspection_plan_date"] is not None


@pytest.mark.parametrize(
    ("variant", "says"),
    [
        ("list", "查封（扣押）物品清单"),
        ("record", "现场笔录"),
        ("release", "解除行政强制措施决定书"),
        ("service", "送达回证或当事人签收"),
    ],
)
def test_d02_fails_naming_the_missing_element(out: Path, variant: str, says: str) -> None:
    seed = _seed("compulsion", "D-02", "d02", variant)
    found = _findings(_read(out, f"d02-{variant}", "compulsion", seed, ["D-02"]))["D-02"]
    assert found.status == Status.FAIL, found.message
    assert says in found.message and "行政强制法" in found.message
    assert found.facts["missing"] and found.evidence


@pytest.mark.parametrize(
    ("variant", "says"),
    [
        ("plan", "行政检查审批表或检查方案"),
        ("signature", "被检查人签名"),
        ("result", "检查结果告知书"),
        ("officers", "持执法证的检查人员"),
    ],
)
def test_d03_fails_naming_the_missing_element(out: Path, variant: str, says: str) -> None:
    seed = _seed("inspection", "D-03", "d03", variant)
    found = _findings(_read(out, f"d03-{variant}", "inspection", seed, ["D-03"]))
    assert found["D-03"].status == Status.FAIL, found["D-03"].message
    assert says in found["D-03"].message and "国办发〔2024〕54号" in found["D-03"].message
    assert (found["P-01"].status == Status.FAIL) == (variant == "officers")
    # without the result notice there is no outgoing document whose seal S-01 could look at
    assert found["S-01"].status == (Status.NOT_APPLICABLE if variant == "result" else Status.PASS)


def test_p11_fails_without_the_audio_video_record(out: Path) -> None:
    found = _findings(_read(out, "p11", "compulsion", 5, ["P-11"]))
    assert found["P-11"].status == Status.FAIL
    assert "执法记录仪" in found["P-11"].message and "第五十四条" in found["P-11"].message
    assert found["P-11"].evidence[0].text  # the decision's title, to click on
    assert found["D-02"].status == Status.FAIL and "音像记录" in found["D-02"].message


def test_held_past_thirty_days_without_extension(out: Path) -> None:
    found = _findings(_read(out, "t07", "compulsion", 7, ["T-07"]))
    assert found["T-07"].status == Status.FAIL
    assert found["D-02"].status == Status.FAIL and "延长行政强制措施期限通知书" in found["D-02"].message


def _garble(analysis: Analysis, pages: set[int]) -> Analysis:
    from casereview.pipeline import analyse_case

    for page in analysis.case.pages:
        if page.number in pages:
            page.spans = [dataclasses.replace(s, confidence=0.3) for s in page.spans]
            page.ocr_confidence = 0.3
    return analyse_case(analysis.case)


def test_precision_first_unread_record_gives_needs_review(out: Path) -> None:
    """The inspection record's signature line missing is a fail on a clean reading and a question
    once the record is read unsurely; the audio-video reference likewise on a compulsion file."""
    seed = _seed("inspection", "D-03", "d03", "signature")
    analysis = _read(out, "d03-doubt", "inspection", seed, ["D-03"])
    record = next(doc for doc in analysis.documents if doc.type == d.JIANCHA_JILU)
    found = _findings(_garble(analysis, set(record.pages())))["D-03"]
    assert found.status == Status.NEEDS_REVIEW and "被检查人签名" in found.message
    analysis = _read(out, "p11-doubt", "compulsion", 5, ["P-11"])
    decision = next(doc for doc in analysis.documents if doc.type == d.QIANGZHI)
    found = _findings(_garble(analysis, set(decision.pages())))["P-11"]
    assert found.status == Status.NEEDS_REVIEW and "请人工核对" in found.message


def test_penalty_file_is_not_a_compulsion_file(out: Path) -> None:
    path, _ = generate_case(out, "pen", kind="digital", seed=3, defects=["T-07"])
    analysis = read_case(path)
    assert detect_case_type(doc.type for doc in analysis.documents) == PENALTY
    assert _findings(analysis)["D-03"].status == Status.NOT_APPLICABLE


def test_case_type_from_document_types() -> None:
    assert detect_case_type([d.QIANGZHI, d.JIECHU_QIANGZHI]) == COMPULSION
    assert detect_case_type([d.QIANGZHI, d.JUEDING]) == PENALTY
    assert detect_case_type([d.QIANGZHI, d.TONGZHI]) == PENALTY
    assert detect_case_type([d.JIANCHA_JILU, d.ZELING_GAIZHENG]) == INSPECTION
    assert detect_case_type([d.JIANCHA_JILU, d.QIANGZHI]) == COMPULSION
    assert detect_case_type([d.XIANCHANG, d.UNKNOWN]) == PENALTY  # unread: never a lighter standard


def test_measure_text_parsers() -> None:
    assert period_days("决定采取扣押的行政强制措施期限为三十日(自2025年3月5日起)") == 30
    assert period_days("扣押期限30日") == 30
    assert period_days("无期限说明") is None
    assert SIGNED.search("被检查人签名:检查人员签名:王某") is None  # an empty box
    match = SIGNED.search("被检查人签名:张三2025年3月5日")
    assert match is not None and match.group("name") == "张三"
    assert REFUSED.search("被检查人拒绝签名,见证人:李四")


def test_check_scores_each_file_by_its_case_type(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from casereview.cli import main

    comp, _ = generate_case(out, "cli-c", kind="digital", seed=11, case_type="compulsion", defects=["P-11"])
    insp, _ = generate_case(out, "cli-i", kind="digital", seed=12, case_type="inspection")
    pen, _ = generate_case(out, "cli-p", kind="digital", seed=13)
    assert main(["check", str(comp), str(insp), str(pen), "--format", "json", "-q"]) == 0
    objs = json.loads(capsys.readouterr().out)
    assert [o["case_type"] for o in objs] == ["compulsion", "inspection", "penalty"]
    assert [o["standard"]["id"] for o in objs] == [
        "transport_compulsion",
        "transport_inspection",
        "transport_penalty",
    ]
    p11 = next(f for f in objs[0]["findings"] if f["rule"] == "P-11")
    assert p11["status"] == "fail" and p11["item"] == "QC-03" and objs[0]["score"] < 100
    # the reviewer sets the kind: the compulsion file scored as a penalty file
    assert main(["check", str(comp), "--case-type", "penalty", "--format", "json", "-q"]) == 0
    forced = json.loads(capsys.readouterr().out)[0]
    assert forced["case_type"] == "penalty" and forced["standard"]["id"] == "transport_penalty"
    # an explicit standard applies to every file whatever its kind
    assert main(["check", str(insp), "--standard", "transport_compulsion", "--format", "json", "-q"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["standard"]["id"] == "transport_compulsion"
    assert main(["check", str(insp), "-q"]) == 0
    assert "案卷类型：行政检查案卷" in capsys.readouterr().out


def test_blank_signature_on_a_scan_may_be_handwritten(out: Path) -> None:
    """An empty 被检查人签名 box fails on a text-layer page, but on a scanned page the name may be
    handwritten (OCR reads no handwriting): needs_review, saying so."""
    from casereview.domain.model import TextSource
    from casereview.pipeline import analyse_case

    seed = _seed("inspection", "D-03", "d03", "signature")
    analysis = _read(out, "d03-hand", "inspection", seed, ["D-03"])
    assert _findings(analysis)["D-03"].status == Status.FAIL
    record = next(doc for doc in analysis.documents if doc.type == d.JIANCHA_JILU)
    for n in record.pages():
        analysis.case.pages[n - 1].source = TextSource.OCR
        analysis.case.pages[n - 1].ocr_confidence = 0.97
    found = _findings(analyse_case(analysis.case))["D-03"]
    assert found.status == Status.NEEDS_REVIEW and "手写" in found.message


def test_decision_handed_over_per_the_record(out: Path) -> None:
    """No 送达回证 and no 签收 on the decision, but the 现场笔录 says it was handed over on the spot."""
    seed = next(
        s
        for s in range(1, 200)
        if make_kind_plan("x", "compulsion", kind="digital", seed=s).mut["service"] == "receipt"
    )
    analysis = _read(out, "handed", "compulsion", seed, [])
    analysis.documents = [doc for doc in analysis.documents if doc.type != d.SONGDA]
    found = _findings(analysis)["D-02"]
    assert found.status == Status.PASS
    assert any("当场交付" in ev.text for ev in found.evidence)


@pytest.mark.parametrize(
    ("row", "doc_type"),
    [
        ("扣押决定书", d.QIANGZHI),
        ("查封(扣押)决定书", d.QIANGZHI),
        ("解除扣押决定书", d.JIECHU_QIANGZHI),
        ("延长查封(扣押)期限通知书", d.YANCHANG_QIANGZHI),
        ("行政强制措施现场笔录", d.XIANCHANG),
        ("查封(扣押)物品清单", d.QINGDAN),
        ("场所、设施、财物清单", d.QINGDAN),
        ("现场检查记录", d.JIANCHA_JILU),
        ("现场检查笔录", d.XIANCHANG),
        ("行政检查审批表", d.JIANCHA_SHENPI),
        ("检查工作方案", d.JIANCHA_FANGAN),
        ("行政检查结果告知书", d.JIANCHA_GAOZHI),
        ("某某市交通运输局行政检查方案", d.JIANCHA_FANGAN),
        ("行政强制案卷", d.FENGMIAN),
    ],
)
def test_titles_of_the_new_documents(row: str, doc_type: str) -> None:
    from casereview.segment.titles import match_title

    assert match_title(row) == doc_type
