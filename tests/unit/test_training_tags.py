"""Training tags (优秀 / 典型差案) on a real SQLite file: validation, listing, deletion and the audit log."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from casereview.db import Database, delete_case, open_database, save_case
from casereview.errors import InputError
from casereview.review import AuditAction, audit_trail
from casereview.training import TagRecord, TrainingTag, add_tag, delete_tag, list_tags

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_db import build_sample, sqlite_url


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    with open_database(sqlite_url(tmp_path / "casereview.db")) as database:
        yield database


@pytest.fixture
def case_ids(db: Database) -> tuple[int, int]:
    """Two stored cases: one of 5 pages, one of 3."""
    with db.session_scope() as session:
        first = save_case(session, *build_sample(sha256="a" * 64, pages=5, spans=1))
        second = save_case(session, *build_sample(sha256="b" * 64, pages=3, spans=1))
    return first, second


def test_add_and_list_a_whole_case_and_a_page_range(db: Database, case_ids: tuple[int, int]) -> None:
    first, second = case_ids
    with db.session_scope() as session:
        whole = add_tag(session, first, TrainingTag.GOOD, "  证据链完整，文书规范  ", "王培训")
        pages = add_tag(session, first, TrainingTag.POOR, "询问笔录只有一名执法人员", "王培训", 2, 4)
        other = add_tag(session, second, TrainingTag.POOR, "程序倒置", "李四", 3, 3)
    with db.session_scope(readonly=True) as session:
        tags = list_tags(session, first)
        everything = list_tags(session)
        poor = list_tags(session, tag=TrainingTag.POOR)
        poor_first = list_tags(session, first, TrainingTag.POOR)

    assert [t.id for t in tags] == [whole, pages]
    good, bad = tags
    assert isinstance(good, TagRecord)
    assert (good.case_id, good.tag, good.first_page, good.last_page) == (first, TrainingTag.GOOD, None, None)
    assert good.note == "证据链完整，文书规范"  # trimmed
    assert good.whole_case and not bad.whole_case
    assert (bad.tag, bad.first_page, bad.last_page, bad.reviewer) == (TrainingTag.POOR, 2, 4, "王培训")
    assert good.created_at.tzinfo is not None
    assert [t.id for t in everything] == [whole, pages, other]
    assert [t.id for t in poor] == [pages, other]
    assert [t.id for t in poor_first] == [pages]


def test_a_plain_string_tag_is_accepted_and_an_unknown_one_refused(
    db: Database, case_ids: tuple[int, int]
) -> None:
    first, _ = case_ids
    with db.session_scope() as session:
        tag_id = add_tag(session, first, "典型差案", "决定书缺救济途径", "王培训")  # type: ignore[arg-type]
        assert list_tags(session, first)[0].tag is TrainingTag.POOR
        assert tag_id > 0
        with pytest.raises(ValueError, match="一般"):
            add_tag(session, first, "一般", "说明", "王培训")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("first_page", "last_page", "note", "reviewer", "message"),
    [
        (0, 2, "说明", "王", "页码超出范围：案卷共5页"),
        (4, 6, "说明", "王", "页码超出范围：案卷共5页，填写的是第4–6页"),
        (4, 2, "说明", "王", "起始页（第4页）不能晚于结束页（第2页）"),
        (2, None, "说明", "王", "须同时填写起止页"),
        (None, 3, "说明", "王", "须同时填写起止页"),
        (None, None, "   ", "王", "请填写说明"),
        (1, 1, "说明", " ", "请填写标记人"),
    ],
)
def test_invalid_tags_are_refused_in_chinese(
    db: Database,
    case_ids: tuple[int, int],
    first_page: int | None,
    last_page: int | None,
    note: str,
    reviewer: str,
    message: str,
) -> None:
    first, _ = case_ids
    with db.session_scope() as session:
        with pytest.raises(InputError, match=message):
            add_tag(session, first, TrainingTag.GOOD, note, reviewer, first_page, last_page)
        assert list_tags(session) == []
        assert audit_trail(session, first) == []


def test_a_missing_case_is_refused(db: Database, case_ids: tuple[int, int]) -> None:
    with db.session_scope() as session, pytest.raises(InputError, match="案卷不存在（编号 999）"):
        add_tag(session, 999, TrainingTag.GOOD, "说明", "王培训")


def test_the_last_page_of_the_file_is_allowed(db: Database, case_ids: tuple[int, int]) -> None:
    _, second = case_ids
    with db.session_scope() as session:
        add_tag(session, second, TrainingTag.GOOD, "结案报告规范", "王培训", 1, 3)
        assert [(t.first_page, t.last_page) for t in list_tags(session, second)] == [(1, 3)]


def test_add_and_delete_are_audited(db: Database, case_ids: tuple[int, int]) -> None:
    first, _ = case_ids
    with db.session_scope() as session:
        tag_id = add_tag(session, first, TrainingTag.POOR, "送达回证无签收日期", "王培训", 2, 2)
    with db.session_scope() as session:
        assert delete_tag(session, tag_id, "赵管理")
        assert not delete_tag(session, tag_id, "赵管理")  # already gone: nothing to audit
    with db.session_scope(readonly=True) as session:
        assert list_tags(session, first) == []
        trail = audit_trail(session, first)

    assert [(e.action, e.actor) for e in trail] == [
        (AuditAction.TRAINING_TAG, "王培训"),
        (AuditAction.TRAINING_TAG, "赵管理"),
    ]
    added, deleted = trail
    expected = {
        "tag_id": tag_id,
        "tag": "典型差案",
        "first_page": 2,
        "last_page": 2,
        "note": "送达回证无签收日期",
    }
    assert (added.before, added.after) == (None, expected)
    assert (deleted.before, deleted.after) == (expected, None)
    assert added.case_id == deleted.case_id == first


def test_a_refused_tag_in_a_unit_of_work_rolls_back_the_rest(db: Database, case_ids: tuple[int, int]) -> None:
    first, _ = case_ids
    with pytest.raises(InputError), db.session_scope() as session:
        add_tag(session, first, TrainingTag.GOOD, "一份好案卷", "王培训")
        add_tag(session, first, TrainingTag.GOOD, "", "王培训")
    with db.session_scope(readonly=True) as session:
        assert list_tags(session) == []
        assert audit_trail(session, first) == []


def test_tags_go_with_their_case(db: Database, case_ids: tuple[int, int]) -> None:
    first, second = case_ids
    with db.session_scope() as session:
        add_tag(session, first, TrainingTag.GOOD, "好", "王培训")
        kept = add_tag(session, second, TrainingTag.GOOD, "也好", "王培训")
    with db.session_scope() as session:
        delete_case(session, first)
    with db.session_scope(readonly=True) as session:
        assert [t.id for t in list_tags(session)] == [kept]
