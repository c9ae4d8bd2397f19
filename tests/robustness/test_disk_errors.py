"""A read-only data folder and a full disk: the database refuses with a clear Chinese StorageError,
an export refuses with WRITE_FAILED "磁盘空间不足" and leaves no partial file, and nothing already
saved is lost. Root ignores file permissions, so the read-only folder is a tmpfs remounted ``ro``
(and, for permissions proper, a child running as ``nobody``); the full disk is a 2 MB tmpfs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from robust_kit import complete_cases, integrity, remount, tmpfs

from casegen import generate_case
from casereview.checking import Checker
from casereview.db import open_database
from casereview.db.failures import CANNOT_OPEN, DISK_FULL, READ_ONLY
from casereview.errors import CaseReviewError, ErrorCode, StorageError
from casereview.export import collect
from casereview.export.scoresheet import write_case_scoresheet
from casereview.library import open_case
from casereview.messages import describe


@pytest.fixture(scope="module")
def case_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("disk_cases")
    return [generate_case(root, f"d{i}", kind="digital", seed=500 + i)[0] for i in range(3)]


def variants(files: list[Path], folder: Path, count: int) -> list[Path]:
    """``count`` distinct case files (another SHA-256 each: a comment after %%EOF), same content."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(count):
        target = folder / f"v{n}.pdf"
        target.write_bytes(files[n % len(files)].read_bytes() + f"\n% variant {n}\n".encode())
        out.append(target)
    return out


# -- a read-only data folder ---------------------------------------------------------------------


def test_read_only_data_folder(
    case_files: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with tmpfs(tmp_path / "mnt", "20m") as mnt:
        monkeypatch.setenv("CASEREVIEW_DATA_DIR", str(mnt / "data"))
        monkeypatch.delenv("CASEREVIEW_DATABASE_URL", raising=False)
        with open_database() as database:  # the default: casereview.db in the data folder
            saved = open_case(case_files[0], database).case.sha256
        remount(mnt, "ro")

        with pytest.raises(StorageError) as opening:
            open_database()
        assert opening.value.detail["reason"] in (READ_ONLY, CANNOT_OPEN)
        assert "只读" in describe(opening.value), describe(opening.value)

        monkeypatch.setenv("CASEREVIEW_DATA_DIR", str(mnt / "never_created"))
        with pytest.raises(StorageError) as creating:  # the folder itself cannot be made
            open_database()
        assert creating.value.detail["reason"] == READ_ONLY
        assert "只读" in describe(creating.value), describe(creating.value)

        remount(mnt, "rw")
        monkeypatch.setenv("CASEREVIEW_DATA_DIR", str(mnt / "data"))
        with open_database() as database:  # nothing saved before was lost, and work goes on
            integrity(database)
            assert list(complete_cases(database).values()) == [saved]
            open_case(case_files[1], database)
            assert len(complete_cases(database)) == 2


NOBODY = 65534


def store_as_nobody(folder: Path, case: Path, warm_up: Path) -> tuple[str, str]:
    """In a forked child that drops to uid/gid 65534 (nobody): open the default database in
    ``folder`` and store ``case``. The StorageError's reason and Chinese message, or "stored"."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        status = 1
        try:
            os.close(read)
            with open_database(f"sqlite:///{warm_up / 'warm.db'}") as database:
                open_case(case, database)  # every module imported while still root
            os.environ["CASEREVIEW_DATA_DIR"] = str(folder)
            os.environ.pop("CASEREVIEW_DATABASE_URL", None)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            try:
                with open_database() as database:
                    open_case(variants([case], warm_up / "v", 1)[0], database)
                answer = "stored\n-"
            except StorageError as error:
                answer = f"{error.detail['reason']}\n{describe(error)}"
            os.write(write, answer.encode())
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        answer = pipe.read().decode()
    _pid, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, answer
    reason, message = answer.split("\n", 1)
    return reason, message


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to drop to the nobody user")
def test_unwritable_data_folder_for_an_ordinary_user(case_files: list[Path], tmp_path: Path) -> None:
    """Folders of root's, 0555, used by 'nobody': a new database and a store into an existing one
    are refused with the Chinese reason; the existing database is untouched."""
    existing, empty = tmp_path / "existing", tmp_path / "empty"
    with open_database(f"sqlite:///{existing / 'casereview.db'}") as database:
        saved = open_case(case_files[0], database).case.sha256
    empty.mkdir()
    warm_up = tmp_path / "warm"
    warm_up.mkdir()
    for folder in (existing, empty):
        for path in (folder, *folder.iterdir()):
            path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        for folder in (existing, empty):
            reason, message = store_as_nobody(folder, case_files[1], warm_up)
            assert reason in (READ_ONLY, CANNOT_OPEN), (folder.name, reason, message)
            assert "只读" in message or "没有写入权限" in message, message
        with open_database(f"sqlite:///{existing / 'casereview.db'}") as database:
            integrity(database)
            assert list(complete_cases(database).values()) == [saved]
    finally:
        for folder in (existing, empty):
            folder.chmod(0o755)


# -- a full disk ---------------------------------------------------------------------------------


def test_full_disk_database(case_files: list[Path], tmp_path: Path) -> None:
    files = variants(case_files, tmp_path / "variants", 60)
    with tmpfs(tmp_path / "mnt", "2m") as mnt:
        url = f"sqlite:///{mnt / 'casereview.db'}"
        reserve = mnt / "reserve.bin"  # room the user frees afterwards
        reserve.write_bytes(b"\0" * 400_000)
        stored: list[str] = []
        with open_database(url) as database:
            with pytest.raises(StorageError) as full:
                for path in files:
                    stored.append(open_case(path, database).case.sha256)
            assert full.value.detail["reason"] == DISK_FULL, full.value.detail
            message = describe(full.value)
            assert "磁盘空间不足" in message, message
            assert len(stored) >= 2, "the disk filled before two cases were stored"
            failed_at = len(stored)
            # Still full: the next store is refused the same way, and nothing is half-written.
            with pytest.raises(StorageError, match=DISK_FULL):
                open_case(files[failed_at], database)
            integrity(database)
            assert list(complete_cases(database).values()) == stored

        with open_database(url) as database:  # reopens on the full disk, earlier cases intact
            integrity(database)
            assert list(complete_cases(database).values()) == stored
        reserve.unlink()
        with open_database(url) as database:  # room again: the case that failed is stored now
            stored.append(open_case(files[failed_at], database).case.sha256)
            integrity(database)
            assert list(complete_cases(database).values()) == stored
        print(f"\nfull disk: {failed_at} case files stored in a 2 MB tmpfs before ENOSPC")


def test_export_to_a_full_disk(case_files: list[Path], tmp_path: Path) -> None:
    reviewed = collect([str(case_files[0])], Checker.create())[0]
    with tmpfs(tmp_path / "mnt", "1m") as mnt:
        with (mnt / "filler.bin").open("wb", buffering=0) as filler:
            try:
                while True:
                    filler.write(b"\0" * 65536)
            except OSError:
                pass
        target = mnt / "评分表.xlsx"
        with pytest.raises(CaseReviewError) as refused:
            write_case_scoresheet(reviewed, target)
        assert refused.value.code is ErrorCode.WRITE_FAILED
        assert refused.value.detail["reason"] == "磁盘空间不足"
        assert "磁盘空间不足" in describe(refused.value) and str(target) in describe(refused.value)
        assert sorted(p.name for p in mnt.iterdir()) == ["filler.bin"]  # no partial file, no temp
