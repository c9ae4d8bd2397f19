"""Loading a verified review package on the reviewer's machine: its header, its cases cross-checked
against the verified entries, the case files moved into place and the local session."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from casereview.domain.model import CaseFile, Document, Extraction
from casereview.errors import InputError
from casereview.review.records import StandardMeta
from casereview.sessions.identity import adopt_identity
from casereview.sessions.keys import fingerprint
from casereview.sessions.package_codec import decode_analysis
from casereview.sessions.package_zip import OpenedPackage, refused, safe_member_name
from casereview.sessions.store import create_session, find_session, find_session_by_uid

ASSIGNMENTS = "assignments.json"


@dataclass(frozen=True)
class Header:
    session: dict[str, Any]
    standard: StandardMeta
    reviewer: str
    lead: str
    created_at: dt.datetime
    uid: str | None = None  # the lead's session id; None in a package made before ids
    lead_key: str | None = None  # the lead's public key, which signed the package


def read_header(path: Path, manifest: dict[str, Any]) -> Header:
    try:
        session, standard = manifest["session"], manifest["standard"]
        if not isinstance(session, dict) or not isinstance(session.get("profile") or "", str):
            raise TypeError("session")
        header = Header(
            session=session,
            standard=StandardMeta(str(standard["id"]), str(standard["version"]), str(standard["hash"])),
            reviewer=str(manifest["reviewer"]),
            lead=str(manifest["lead"]),
            created_at=dt.datetime.fromisoformat(manifest["created_at"]),
            uid=_optional_text(session.get("uid")),
            lead_key=_optional_text(manifest.get("lead_key")),
        )
        for key, kind in (("name", str), ("year", int), ("double_review", bool), ("blind", bool)):
            if not isinstance(session[key], kind):
                raise TypeError(key)
        float(session["tolerance"])
    except (KeyError, TypeError, ValueError, OverflowError) as exc:  # OverflowError: float(10**400)
        raise refused(path, "header_incomplete") from exc
    return header


def _optional_text(value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError("text")
    return value


@dataclass(frozen=True)
class PackageCase:
    sha256: str
    slot: int
    unit: str
    files: list[str]
    case: CaseFile
    documents: list[Document]
    extraction: Extraction


def folder_sha(case: CaseFile) -> str:
    # The same identity ingest gives a folder: its members' names and contents, in order.
    lines = "\n".join(f"{name}:{digest}" for name, digest in case.file_hashes.items())
    return hashlib.sha256(lines.encode()).hexdigest()


def packed_cases(opened: OpenedPackage) -> list[PackageCase]:
    """The assignments with their analyses, each cross-checked against the verified entries."""
    path = opened.path
    rows = opened.json(ASSIGNMENTS)
    packed: list[PackageCase] = []
    try:
        for row in rows:
            sha, slot, files = str(row["sha256"]), int(row["slot"]), [str(f) for f in row["files"]]
            case, documents, extraction = decode_analysis(opened.json(f"analyses/{sha}.json"))
            if (
                case.sha256 != sha
                or slot not in (1, 2)
                or not files
                or any(f not in opened.files for f in files)
            ):
                raise ValueError(sha)
            if case.kind == "folder":
                expected = {f"cases/{sha}/{m}": d for m, d in case.file_hashes.items()}
                if folder_sha(case) != sha or any(opened.sha256.get(n) != d for n, d in expected.items()):
                    raise ValueError(sha)
            elif files != [files[0]] or opened.sha256[files[0]] != sha:
                raise ValueError(sha)
            packed.append(
                PackageCase(sha, slot, str(row.get("unit") or ""), files, case, documents, extraction)
            )
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:  # int(Infinity)
        raise refused(path, "cases_mismatch") from exc
    if len({p.sha256 for p in packed}) != len(packed):
        raise refused(path, "cases_duplicate")
    return packed


def place_files(staging: Path, target: Path, opened: OpenedPackage) -> list[Path]:
    """Move the verified case files from staging into ``target``; the ones newly created."""
    created: list[Path] = []
    for name, extracted in opened.files.items():
        final = target / name.removeprefix("cases/")
        if final.is_file() and final.stat().st_size == extracted.stat().st_size:
            continue  # content-addressed: the same name holds the same file
        final.parent.mkdir(parents=True, exist_ok=True)
        extracted.replace(final)
        created.append(final)
    shutil.rmtree(staging, ignore_errors=True)
    return created


def local_paths(packed: PackageCase, target: Path) -> CaseFile:
    """The case with its source and page origins pointing at the files on this machine."""
    case = packed.case

    def local(name: str) -> str:
        ok = safe_member_name(name) is not None and name.startswith("cases/")
        return str(target / name.removeprefix("cases/")) if ok else ""

    case.source = local(case.source) or str(target / packed.files[0].removeprefix("cases/"))
    for page in case.pages:
        page.origin = local(page.origin)
    return case


def local_session(session: Session, path: Path, header: Header) -> int:
    """The reviewer's copy of the package's session: found by its id, made, or (a copy made from a
    package before ids) given the id now. Refused when a session of that name here is another
    session, or when the package is signed by another key than the session's lead key here."""
    meta = header.session
    assert header.uid is not None and header.lead_key is not None  # checked by open_package
    found = find_session_by_uid(session, header.uid)
    if found is None:
        try:
            found = find_session(session, meta["name"])
        except InputError:
            return create_session(
                session,
                meta["name"],
                meta["year"],
                header.standard.id,
                header.lead,
                profile=meta.get("profile"),
                double_review=meta["double_review"],
                blind=meta["blind"],
                tolerance=float(meta["tolerance"]),
                uid=header.uid,
                lead_key=header.lead_key,
            )
        if found.uid is not None:
            raise refused(path, "session_other_uid", name=found.name)
    if (found.standard_id, found.lead, found.year) != (header.standard.id, header.lead, meta["year"]):
        raise refused(path, "session_differs", name=found.name)
    if found.uid is None:
        adopt_identity(session, found.id, header.uid, header.lead_key)
    elif found.lead_key != header.lead_key:
        mine = fingerprint(found.lead_key) if found.lead_key else None
        raise refused(path, "lead_key_differs", fingerprint=fingerprint(header.lead_key), mine=mine)
    return found.id
