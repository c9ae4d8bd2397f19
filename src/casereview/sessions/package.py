"""Offline review packages (离线评查包): the lead exports a reviewer's cases with their stored
analyses; the reviewer's workstation opens the package without network and works as usual.

``评查包_<会话>_<评查人员>.zip`` holds ``manifest.json`` (session, standard, reviewer and every
entry's size and SHA-256), ``standard/standard.yaml``, ``assignments.json``, the original case
files under ``cases/`` (a folder case as ``cases/<sha256>/<member>``) and ``analyses/<sha256>.json``
(pages, spans, documents, extraction: no OCR on the reviewer's machine). Results come back with
:mod:`casereview.sessions.package_results` and are merged by :mod:`casereview.sessions.package_merge`.
"""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from casereview.db import Database, load_case, save_case
from casereview.domain.model import CaseFile, Document, Extraction
from casereview.errors import CaseReviewError, ErrorCode, InputError, StandardUnavailable
from casereview.ingest.sources import DOCX_SUFFIXES, IMAGE_SUFFIXES, PDF_SUFFIXES
from casereview.paths import data_dir
from casereview.review.records import StandardMeta
from casereview.review.service import standard_meta
from casereview.sessions.identity import claim_session, key_file_bytes, key_file_name
from casereview.sessions.keys import fingerprint, load_or_create_key, public_text
from casereview.sessions.merge_plan import MergeConflict, MergeReport
from casereview.sessions.model import SessionInfo
from casereview.sessions.package_codec import encode_analysis
from casereview.sessions.package_followup import (
    CONTENT_VERSION,
    load_review_followup,
    read_review_followup,
    review_entries,
)
from casereview.sessions.package_load import (
    ASSIGNMENTS,
    Header,
    local_paths,
    local_session,
    packed_cases,
    place_files,
    read_header,
)
from casereview.sessions.package_merge import merge_results
from casereview.sessions.package_results import export_results
from casereview.sessions.package_sign import manifest_signer, package_signer
from casereview.sessions.package_zip import (
    Entry,
    file_label,
    json_bytes,
    now_iso,
    read_package,
    refused,
    safe_member_name,
    write_package,
)
from casereview.sessions.store import (
    add_case,
    add_reviewer,
    assign,
    get_session,
    my_cases,
    reviewers,
    session_cases,
)
from casereview.standards.loader import STANDARD_FILE, default_root
from casereview.standards.registry import installed_standards

# The whole round trip from one module: the CLI and the UI import it from here.
__all__ = [
    "MergeConflict",
    "MergeReport",
    "PackageInfo",
    "export_package",
    "export_results",
    "merge_results",
    "open_package",
    "safe_member_name",
]

STANDARD_ENTRY = "standard/standard.yaml"
_SUFFIXES = PDF_SUFFIXES | DOCX_SUFFIXES | IMAGE_SUFFIXES


@dataclass(frozen=True)
class PackageInfo:
    """An opened package: the local session and cases the reviewer now works on."""

    path: Path
    session_id: int  # in the reviewer's database
    session_name: str
    reviewer: str
    lead: str
    standard: StandardMeta
    profile: str | None
    blind: bool
    created_at: dt.datetime
    case_ids: tuple[int, ...]  # in the reviewer's database, in the package's order
    files_dir: Path  # where the original case files were put
    fingerprint: str = ""  # of the reviewer's signing key: read it to the lead
    key_file: Path | None = None  # the reviewer's public key for the lead to register
    lead_fingerprint: str = ""  # of the key that signed the package (pinned for the session here)
    reasons_added: int = 0  # library reasons new on this machine
    objections: int = 0  # objections to re-review copied here from this package

    def __str__(self) -> str:
        return f"评查会话“{self.session_name}”，评查人员 {self.reviewer}，{len(self.case_ids)} 份案卷"


def package_name(session_name: str, reviewer: str) -> str:
    return f"评查包_{file_label(session_name)}_{file_label(reviewer)}.zip"


def _case_entries(case: CaseFile) -> list[tuple[str, Path, str]]:
    """(entry name, file on disk, expected SHA-256) of a stored case's original files."""
    source = Path(case.source)
    if case.kind == "folder":
        entries = []
        for member, digest in case.file_hashes.items():
            name = f"cases/{case.sha256}/{member}"
            if safe_member_name(name) is None:
                why: dict[str, object] = {"why": "member_unpackable", "name": member}
                raise CaseReviewError(ErrorCode.CORRUPT_FILE, str(source), why)
            entries.append((name, source / member, digest))
        return entries
    suffix = source.suffix.lower()
    if suffix not in _SUFFIXES:
        suffix = {"pdf": ".pdf", "docx": ".docx"}.get(case.kind, "")
    return [(f"cases/{case.sha256}{suffix}", source, case.sha256)]


def _relative_analysis(
    case: CaseFile, documents: list[Document], extraction: Extraction, names: list[str]
) -> dict[str, Any]:
    """The analysis with the lead's paths replaced by entry names: they would name the unit's
    folder (a leak in a blind session) and mean nothing on the reviewer's machine."""
    data = encode_analysis(case, documents, extraction)
    source = names[0] if case.kind != "folder" else f"cases/{case.sha256}"
    data["case"]["source"] = source
    for page in data["pages"]:
        origin = page["origin"]
        page["origin"] = f"{source}/{Path(origin).name}" if case.kind == "folder" and origin else source
    return data


def _check_sources(case: CaseFile, files: list[tuple[str, Path, str]]) -> None:
    for _name, path, _digest in files:
        if not path.is_file():
            raise CaseReviewError(ErrorCode.FILE_NOT_FOUND, str(path))
    if not files:
        raise CaseReviewError(ErrorCode.FILE_NOT_FOUND, case.source)


def export_package(
    database: Database, session_id: int, reviewer: str, out: Path, *, key: Ed25519PrivateKey | None = None
) -> Path:
    """Write ``out/评查包_<会话>_<评查人员>.zip`` with the reviewer's cases of the session, signed
    by the lead's key (``key``, default: this user's) and carrying the session's id.

    InputError for an unknown reviewer or one without cases, or a session whose packages
    another machine signs; CaseReviewError when a case file is gone (FILE_NOT_FOUND), changed since
    import (CORRUPT_FILE) or the ZIP cannot be written.
    """
    key = key or load_or_create_key()
    with database.session_scope() as session:
        info = claim_session(session, session_id, public_text(key), get_session(session, session_id).lead)
        if reviewer not in {r.name for r in reviewers(session, session_id)}:
            raise InputError("not_reviewer", reviewer=reviewer)
        cases = my_cases(session, session_id, reviewer)
        # The reason library and the objections the reviewer re-reviews, for their offline machine.
        followup = review_entries(session, info, reviewer, cases)
    if not cases:
        raise InputError("reviewer_no_cases", reviewer=reviewer)
    standard = installed_standards().get(info.standard_id)
    if standard is None:
        raise StandardUnavailable("not_installed", standard=info.standard_id)
    meta = standard_meta(standard)
    header: dict[str, object] = {
        "kind": "review",
        "session": _session_json(info),
        "standard": {"id": meta.id, "version": meta.version, "hash": meta.hash},
        "reviewer": reviewer,
        "lead": info.lead,
        "lead_key": info.lead_key,
        "created_at": now_iso(),
        "content": CONTENT_VERSION,
    }

    def entries() -> Iterator[Entry]:
        yield Entry(STANDARD_ENTRY, data=(default_root() / info.standard_id / STANDARD_FILE).read_bytes())
        yield from followup
        assignments: list[dict[str, object]] = []
        for case in cases:
            # One case at a time: a session's analyses need not all be in memory at once.
            with database.session_scope(readonly=True) as session:
                stored, documents, extraction = load_case(session, case.case_id)
            files = _case_entries(stored)
            _check_sources(stored, files)
            for name, path, digest in files:
                yield Entry(name, source=path, expect_sha256=digest)
            names = [name for name, _path, _digest in files]
            analysis = _relative_analysis(stored, documents, extraction, names)
            yield Entry(f"analyses/{stored.sha256}.json", data=json_bytes(analysis))
            slot = next(a.slot for a in case.assignments if a.reviewer == reviewer)
            row: dict[str, object] = {
                "session_case_id": case.id,
                "case_id": case.case_id,
                "sha256": stored.sha256,
                "kind": stored.kind,
                "slot": slot,
                "files": names,
            }
            if not info.blind:  # a blind session hides the unit under review from the reviewer
                row["unit"] = case.unit
            assignments.append(row)
        yield Entry(ASSIGNMENTS, data=json_bytes(assignments))

    return write_package(out / package_name(info.name, reviewer), header, entries(), manifest_signer(key))


def _session_json(info: SessionInfo) -> dict[str, object]:
    return {
        "id": info.id,
        "uid": info.uid,
        "name": info.name,
        "year": info.year,
        "standard_id": info.standard_id,
        "profile": info.profile,
        "double_review": info.double_review,
        "blind": info.blind,
        "tolerance": info.tolerance,
    }


# -- the reviewer's side -------------------------------------------------------------------------


def open_package(
    path: Path,
    database: Database,
    reviewer_check: str | None = None,
    *,
    files_dir: Path | None = None,
    key: Ed25519PrivateKey | None = None,
) -> PackageInfo:
    """Verify a review package and load it into the reviewer's database: the session (same id),
    the reviewer, the cases with their analyses (same SHA-256) and the assignments. Opening it
    again adds nothing twice. The case files go to ``files_dir`` (default: the data folder).

    The package must be signed by the lead key it names (a session's first package pins that key
    here). The reviewer's own key (``key``, default: this user's, made on first use) is written
    beside the package as a key file for the lead to register.

    CaseReviewError(PACKAGE_REFUSED) naming the package and the reason when any check fails;
    nothing is written to the database then."""
    public = public_text(key or load_or_create_key())  # an unusable key file stops us before any write
    root = files_dir.parent if files_dir is not None else data_dir() / "packages"
    staging = root / f".staging-{uuid.uuid4().hex[:12]}"
    found: list[Header] = []

    def check(manifest: dict[str, Any]) -> None:
        header = read_header(path, manifest)
        if reviewer_check is not None and header.reviewer != reviewer_check:
            raise refused(path, "other_reviewer", reviewer=header.reviewer, wanted=reviewer_check)
        found.append(header)

    opened = read_package(path, "review", staging=staging, check_manifest=check)
    try:
        header = found[0]
        signer = package_signer(opened)
        if signer is None or header.uid is None or header.lead_key is None:
            raise refused(path, "unsigned_review")
        if signer.public_key != header.lead_key:
            raise refused(path, "not_lead_signature")
        if STANDARD_ENTRY not in opened.texts:
            raise refused(path, "no_standard_file")
        installed = installed_standards().get(header.standard.id)
        if installed is None or standard_meta(installed) != header.standard:
            raise refused(
                path,
                "standard_missing_here" if installed is None else "standard_other_here",
                standard=header.standard.id,
                version=header.standard.version,
                installed=None if installed is None else installed.version,
            )
        packed = packed_cases(opened)
        followup = read_review_followup(opened, header.standard.id, {p.sha256 for p in packed})
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    target = files_dir or root / file_label(f"{header.session['name']}_{header.reviewer}")
    created = place_files(staging, target, opened)
    try:
        with database.session_scope() as session:
            session_id = local_session(session, path, header)
            if header.reviewer not in {r.name for r in reviewers(session, session_id)}:
                add_reviewer(session, session_id, header.reviewer)
            taken = {
                (c.case_id, a.slot, a.reviewer)
                for c in session_cases(session, session_id)
                for a in c.assignments
            }
            blind = bool(header.session["blind"])
            case_ids: list[int] = []
            for item in packed:
                case = local_paths(item, target)
                unit = None if blind else item.unit or None
                case_id = save_case(session, case, item.documents, item.extraction, unit=unit)
                session_case_id = add_case(session, session_id, case_id, "" if blind else item.unit)
                if (case_id, item.slot, header.reviewer) not in taken:
                    assign(session, session_case_id, header.reviewer, item.slot, header.lead)
                case_ids.append(case_id)
            known = {i.id for i in installed.items}
            by_sha = {item.sha256: case_id for item, case_id in zip(packed, case_ids, strict=True)}
            reasons_added, objections = load_review_followup(
                session, path, session_id, header.reviewer, installed.id, known, followup, by_sha
            )
    except BaseException:
        for file in created:  # nothing refers to them now
            file.unlink(missing_ok=True)
        raise
    key_file = _write_key_file(path, header.uid, header.session["name"], header.reviewer, public)
    return PackageInfo(
        path,
        session_id,
        header.session["name"],
        header.reviewer,
        header.lead,
        header.standard,
        header.session.get("profile"),
        blind,
        header.created_at,
        tuple(case_ids),
        target,
        fingerprint(public),
        key_file,
        fingerprint(header.lead_key),
        reasons_added,
        objections,
    )


def _write_key_file(package: Path, uid: str, session_name: str, reviewer: str, public: str) -> Path | None:
    """The reviewer's public key beside the package (on the stick that goes back to the lead), or
    in the data folder when that one is read-only; None when neither can be written."""
    data = key_file_bytes(uid, session_name, reviewer, public)
    name = key_file_name(session_name, reviewer)
    for folder in (package.parent, data_dir() / "packages"):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
        except OSError:
            continue
        return folder / name
    return None
