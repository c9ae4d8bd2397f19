"""casereview.db on a real SQLite file: migrations, pragmas, round-trips, units of work, errors."""

from __future__ import annotations

import datetime as dt
import os
import pwd
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select, text

from casereview.db import (
    Database,
    delete_case,
    find_case_by_sha256,
    list_cases,
    load_case,
    open_database,
    save_case,
)
from casereview.db.convert import decode_value, encode_value
from casereview.db.migrate import head_revision
from casereview.db.models import Base
from casereview.domain import roles
from casereview.domain.model import (
    CaseFile,
    DateMention,
    Document,
    Evidence,
    Extraction,
    FieldValue,
    Officer,
    Page,
    Party,
    PenaltyAmount,
    Seal,
    Span,
    TextSource,
)
from casereview.errors import ErrorCode, StorageError

TABLES = {
    "case_files",
    "pages",
    "spans",
    "documents",
    "fields",
    "seals",
    # migration 0002: publication lists, reviews, decisions and the audit trail
    "publication_lists",
    "publications",
    "case_publication_dates",
    "reviews",
    "review_findings",
    "review_decisions",
    "audit_log",
    # migration 0003: field corrections and training tags
    "field_corrections",
    "training_tags",
    # migration 0004: review sessions
    "review_sessions",
    "session_reviewers",
    "session_cases",
    "assignments",
    # migration 0006: the reviewers' signing keys registered per session
    "session_reviewer_keys",
    # migration 0008: officer rosters (P-21)
    "roster_lists",
    "roster_entries",
    # migration 0009: the rectification ledger and objections (issue 15)
    "rectify_settings",
    "rectify_notices",
    "rectify_items",
    "rectify_attachments",
    "rectify_report_items",
    "objections",
    "objection_attachments",
    # migration 0010: reviewer calibration
    "calibration_gold",
    "calibration_rounds",
    "calibration_round_cases",
    "calibration_trainees",
    "calibration_answers",
    # migration 0012: the reason library
    "reasons",
}
Sample = tuple[CaseFile, list[Document], Extraction]


def build_sample(sha256: str = "a" * 64, pages: int = 3, spans: int = 4) -> Sample:
    """A small case file using every field the database stores."""
    page_list = [
        Page(
            number=n,
            width=595.276,
            height=841.89,
            source=TextSource.OCR if n % 2 else TextSource.TEXT_LAYER,
            spans=[
                Span(
                    f"第{n}页第{i}行 罚款人民币贰仟元整", (72.5, 100.0 + 14 * i, 523.25, 112.0 + 14 * i), 0.93
                )
                for i in range(spans)
            ],
            sha256=f"{n:064x}",
            origin="卷宗/扫描件.pdf",
            origin_page=n - 1,
            rotation=90 if n == 1 else 0,
            skew=0.35 if n % 2 else 0.0,
            ocr_confidence=0.912 if n % 2 else None,
            text_layer_usable=not n % 2,
            seals=[Seal(n, (400.0, 700.0, 480.0, 780.0), 0.41)] if n == pages else [],
        )
        for n in range(1, pages + 1)
    ]
    case = CaseFile(
        source="/data/案卷/2024-001.pdf",
        sha256=sha256,
        kind="folder",
        pages=page_list,
        notices=["docx_text_only"],
        file_hashes={"a.pdf": "1" * 64, "b.docx": "2" * 64},
    )
    ev = Evidence(1, (72.0, 90.0, 300.5, 104.0), "交运罚〔2024〕12号", 0.98)
    ev2 = Evidence(2, (80.0, 200.0, 260.0, 214.0), "当事人：某某运输有限公司")
    documents = [
        Document("立案登记表", 1, 1, title_evidence=Evidence(1, (200.0, 50.0, 395.0, 70.0), "立案登记表")),
        Document("送达回证", 2, 3, serves="行政处罚决定书"),
    ]
    extraction = Extraction(
        case_numbers=[FieldValue("交运罚〔2024〕12号", ev, "行政处罚决定书"), FieldValue("12号", ev2)],
        parties=[
            FieldValue(Party("某某运输有限公司", "organisation", "91350100MA2XXXXX0A", ev2), ev2, "询问笔录"),
            FieldValue(Party("张三", "individual", None, ev), ev, "立案登记表"),
        ],
        dates=[
            DateMention(dt.date(2024, 3, 1), roles.FILING, "立案登记表", ev, label="立案日期"),
            DateMention(dt.date(2024, 3, 2), roles.INQUIRY, "询问笔录", ev2, dt.time(9, 30), "询问时间"),
            DateMention(dt.date(2024, 3, 5), None, "", ev),
        ],
        amounts=[
            PenaltyAmount(2000.0, "decided", "行政处罚决定书", ev, written_in_words=2000.0),
            PenaltyAmount(1500.5, "proposed", "违法行为通知书", ev2),
        ],
        officers=[
            Officer("李四", "35010012345", "询问笔录", ev2),
            Officer("王五", None, "询问笔录", ev2),
        ],
        articles=[FieldValue("《道路运输条例》第六十三条", ev, "行政处罚决定书")],
        seals=[Seal(3, (400.0, 700.0, 480.0, 780.0), 0.41), Seal(1, (10.0, 10.0, 60.0, 60.0), 0.2)],
    )
    return case, documents, extraction


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "casereview.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    with open_database(sqlite_url(db_path)) as database:
        yield database


def count(db: Database, table: str) -> int:
    with db.session_scope(readonly=True) as session:
        return int(session.scalar(select(func.count()).select_from(Base.metadata.tables[table])) or 0)


def test_migrate_creates_all_tables_matching_the_models(db: Database, db_path: Path) -> None:
    assert db_path.exists()
    inspector = inspect(db.engine)
    assert set(inspector.get_table_names()) == TABLES | {"alembic_version"}
    assert {ix["name"] for ix in inspector.get_indexes("case_files")} == {"ix_case_files_sha256"}
    assert {ix["name"] for ix in inspector.get_indexes("seals")} == {"ix_seals_case_id", "ix_seals_page_id"}
    assert inspector.get_unique_constraints("pages")[0]["column_names"] == ["case_id", "number"]
    with db.engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head_revision()
        # The hand-written migration and the models describe the same schema.
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_sqlite_pragmas(db: Database) -> None:
    with db.engine.connect() as connection:

        def pragma(name: str) -> object:
            return connection.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 1  # NORMAL
        assert pragma("busy_timeout") == 10_000


def test_round_trip_keeps_every_field(db: Database) -> None:
    case, documents, extraction = build_sample()
    with db.session_scope() as session:
        case_id = save_case(session, case, documents, extraction)
    with db.session_scope(readonly=True) as session:
        loaded = load_case(session, case_id)
    assert loaded == (case, documents, extraction)
    loaded_case, _, loaded_extraction = loaded
    assert loaded_case.pages[0].source is TextSource.OCR
    assert isinstance(loaded_extraction.parties[0].value, Party)
    assert loaded_extraction.dates[1].time == dt.time(9, 30)


def test_unread_table_cells_are_kept_with_the_page(db: Database) -> None:
    case, documents, extraction = build_sample(sha256="c" * 64)
    case.pages[1].cells_unread = 3  # a table read by rows on page 2
    with db.session_scope() as session:
        case_id = save_case(session, case, documents, extraction)
    with db.session_scope(readonly=True) as session:
        loaded, _, _ = load_case(session, case_id)
    assert [p.cells_unread for p in loaded.pages] == [0, 3, 0]


def test_unread_ink_is_kept_with_the_page(db: Database) -> None:
    case, documents, extraction = build_sample(sha256="d" * 64)
    case.pages[2].unread_ink = [(169.7, 614.3, 193.1, 624.4)]  # a name the OCR engine missed
    with db.session_scope() as session:
        case_id = save_case(session, case, documents, extraction)
    with db.session_scope(readonly=True) as session:
        loaded, _, _ = load_case(session, case_id)
    assert [p.unread_ink for p in loaded.pages] == [[], [], [(169.7, 614.3, 193.1, 624.4)]]


def test_same_sha256_reuses_the_stored_case(db: Database) -> None:
    case, documents, extraction = build_sample()
    with db.session_scope() as session:
        first = save_case(session, case, documents, extraction, unit="某市交通运输局")
    spans_before = count(db, "spans")
    with db.session_scope() as session:
        assert save_case(session, case, [], Extraction()) == first
        assert find_case_by_sha256(session, case.sha256) == first
    assert count(db, "spans") == spans_before
    assert count(db, "case_files") == 1

    changed = Extraction(case_numbers=[extraction.case_numbers[1]])
    with db.session_scope() as session:
        assert save_case(session, case, documents[:1], changed, replace=True, label="复查") == first
    with db.session_scope(readonly=True) as session:
        assert load_case(session, first) == (case, documents[:1], changed)
        (summary,) = list_cases(session)
    assert (summary.unit, summary.label, summary.case_number) == ("某市交通运输局", "复查", "12号")
    assert count(db, "spans") == spans_before


def test_exception_in_unit_of_work_leaves_no_rows(db: Database) -> None:
    case, documents, extraction = build_sample()
    with pytest.raises(RuntimeError, match="analysis failed"), db.session_scope() as session:
        save_case(session, case, documents, extraction)
        session.flush()
        raise RuntimeError("analysis failed")
    assert {table: count(db, table) for table in TABLES} == dict.fromkeys(TABLES, 0)


def test_list_and_delete(db: Database) -> None:
    with db.session_scope() as session:
        first = save_case(session, *build_sample("1" * 64))
        second = save_case(session, *build_sample("2" * 64, pages=1))
    with db.session_scope(readonly=True) as session:
        summaries = list_cases(session)
    assert [s.id for s in summaries] == [second, first]  # newest first
    assert summaries[1].case_number == "交运罚〔2024〕12号"
    assert summaries[1].party == "某某运输有限公司"
    assert summaries[1].page_count == 3
    assert summaries[1].imported_at.tzinfo is dt.UTC
    with db.session_scope() as session:
        assert delete_case(session, first)
        assert not delete_case(session, first)
    with db.session_scope(readonly=True) as session:
        assert [s.id for s in list_cases(session)] == [second]
        with pytest.raises(StorageError) as info:
            load_case(session, first)
    assert info.value.detail["reason"] == "not_found"
    assert count(db, "spans") == 4 and count(db, "seals") == 3


def test_value_codec() -> None:
    value = {"when": dt.date(2024, 1, 2), "at": dt.datetime(2024, 1, 2, 3, 4), "list": [1, "二", None]}
    assert decode_value(encode_value(value)) == value
    with pytest.raises(TypeError):
        encode_value(object())


def test_storing_a_300_page_case(db: Database) -> None:
    # Its speed is bench's business (make bench), not a timed assertion on a shared machine.
    case, documents, extraction = build_sample(pages=300, spans=40)
    with db.session_scope() as session:
        case_id = save_case(session, case, documents, extraction)
    assert count(db, "spans") == 12_000
    with db.session_scope(readonly=True) as session:
        assert load_case(session, case_id)[0] == case


def test_writers_in_two_threads(db: Database) -> None:
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for k in range(3):
                with db.session_scope() as session:
                    save_case(session, *build_sample(f"{n}{k}".ljust(64, "0"), pages=20, spans=10))
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert count(db, "case_files") == 6


def test_locked_database_raises_storage_error(db_path: Path) -> None:
    with open_database(sqlite_url(db_path), busy_timeout=0.2) as database:
        other = sqlite3.connect(db_path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # another process holding the write lock
            with pytest.raises(StorageError) as info, database.session_scope() as session:
                save_case(session, *build_sample())
        finally:
            other.close()
    assert info.value.code is ErrorCode.STORAGE
    assert info.value.detail["reason"] == "locked"
    assert info.value.detail["sqlite_error"] == "SQLITE_BUSY"


def _open_unprivileged(url: str) -> str:
    """The StorageError reason of open_database(url), run without root's permission override."""
    if os.geteuid() != 0:
        try:
            open_database(url).close()
        except StorageError as error:
            return str(error.detail["reason"])
        return "opened"
    # Root ignores permission bits; drop to 'nobody' in a forked child. The interpreter lives
    # under /root, so the child must not import anything new: the caller has warmed it up.
    nobody = pwd.getpwnam("nobody")
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        result = "child failed"
        try:
            os.setgroups([])
            os.setgid(nobody.pw_gid)
            os.setuid(nobody.pw_uid)
            result = _open_unprivileged(url)
        except BaseException as error:
            result = repr(error)
        finally:
            os.write(write_end, result.encode())
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end) as reader:
        result = reader.read()
    os.waitpid(pid, 0)
    return result


def test_read_only_directory_raises_storage_error(db: Database) -> None:
    # Not tmp_path: pytest makes that private to its user, 'nobody' could not even look inside.
    base = Path(tempfile.mkdtemp(prefix="casereview-ro-"))
    try:
        open_database(sqlite_url(base / "existing.db")).close()
        base.chmod(0o555)
        assert _open_unprivileged(sqlite_url(base / "new.db")) == "cannot_open"
        assert _open_unprivileged(sqlite_url(base / "existing.db")) in {"read_only", "cannot_open"}
    finally:
        base.chmod(0o755)
        shutil.rmtree(base)


def test_newer_schema_is_refused(db_path: Path) -> None:
    open_database(sqlite_url(db_path)).close()
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = 'ffffffff'")
    raw.close()
    with pytest.raises(StorageError) as info:
        open_database(sqlite_url(db_path))
    assert info.value.detail["reason"] == "schema"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("postgresql+psycopg://nobody@127.0.0.1:1/none", "unreachable"),
        ("nosuchdb://x", "bad_url"),
    ],
)
def test_unusable_url_raises_storage_error(url: str, reason: str) -> None:
    with pytest.raises(StorageError) as info:
        open_database(url)
    assert info.value.detail["reason"] == reason


def test_default_database_lives_in_the_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CASEREVIEW_DATABASE_URL", raising=False)
    monkeypatch.setenv("CASEREVIEW_DATA_DIR", str(tmp_path / "data"))
    with open_database() as database:
        assert database.dialect == "sqlite"
    assert (tmp_path / "data" / "casereview.db").is_file()


def test_in_memory_database() -> None:
    with open_database("sqlite://") as database:
        with database.session_scope() as session:
            case_id = save_case(session, *build_sample())
        with database.session_scope(readonly=True) as session:
            assert load_case(session, case_id) == build_sample()
            assert session.scalar(text("SELECT count(*) FROM spans")) == 12
