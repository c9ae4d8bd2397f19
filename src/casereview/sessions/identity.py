"""Who a session is and whose signatures it accepts.

A session has a random ``uid`` (a name can repeat across databases) and its lead's public key.
A reviewer's key reaches the lead as a small key file that opening a review package writes next
to it (``评查人员公钥_<会话>_<评查人员>.json``, on the same USB stick); the lead registers it with
``session register-key``, comparing the fingerprint with the one the reviewer's machine showed.
Results packages merge only when signed by a key registered for that reviewer in that session.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from casereview.db.session_models import ReviewerKeyRow, ReviewSessionRow
from casereview.errors import InputError
from casereview.review.audit import write_audit
from casereview.review.records import AuditAction
from casereview.sessions.keys import fingerprint, parse_public
from casereview.sessions.model import SessionInfo
from casereview.sessions.package_zip import file_label, json_bytes, now_iso
from casereview.sessions.store import get_session

KEY_FILE_KIND = "casereview-reviewer-key"


def claim_session(session: Session, session_id: int, lead_key: str, actor: str) -> SessionInfo:
    """The lead's side before an export: a session made before ids gets one now, and a session
    without a lead key gets this machine's. InputError when the session's packages are
    signed by another machine's key: reviewers would refuse packages signed by this one."""
    info = get_session(session, session_id)
    if info.lead_key is not None and info.lead_key != lead_key:
        raise InputError("other_lead_key", name=info.name, fingerprint=fingerprint(info.lead_key))
    if info.uid is None or info.lead_key is None:
        values = {"uid": info.uid or uuid.uuid4().hex, "lead_key": lead_key}
        session.execute(update(ReviewSessionRow).where(ReviewSessionRow.id == session_id).values(**values))
        after = values | {"fingerprint": fingerprint(lead_key)}
        write_audit(session, AuditAction.SESSION, actor, after={"session_id": session_id, "identity": after})
        info = get_session(session, session_id)
    return info


def adopt_identity(session: Session, session_id: int, uid: str, lead_key: str) -> None:
    """A reviewer's copy of a session opened from an unsigned package takes the lead's identity."""
    values = {"uid": uid, "lead_key": lead_key}
    session.execute(update(ReviewSessionRow).where(ReviewSessionRow.id == session_id).values(**values))


def register_reviewer_key(session: Session, session_id: int, reviewer: str, public_key: str, by: str) -> str:
    """Accept ``public_key``'s signature on ``reviewer``'s results in this session; its fingerprint.
    Registering the same key again changes nothing. ValueError for a malformed key."""
    parse_public(public_key)
    printed = fingerprint(public_key)
    known = select(ReviewerKeyRow.id).where(
        (ReviewerKeyRow.session_id == session_id)
        & (ReviewerKeyRow.reviewer == reviewer)
        & (ReviewerKeyRow.public_key == public_key)
    )
    if session.scalar(known) is None:
        now = dt.datetime.now(dt.UTC)
        session.add(
            ReviewerKeyRow(
                session_id=session_id,
                reviewer=reviewer,
                public_key=public_key,
                fingerprint=printed,
                registered_at=now,
                registered_by=by,
            )
        )
        after = {"session_id": session_id, "reviewer": reviewer, "fingerprint": printed}
        write_audit(session, AuditAction.REGISTER_KEY, by, after=after, at=now)
    return printed


def reviewer_keys(session: Session, session_id: int, reviewer: str) -> set[str]:
    query = select(ReviewerKeyRow.public_key).where(
        (ReviewerKeyRow.session_id == session_id) & (ReviewerKeyRow.reviewer == reviewer)
    )
    return set(session.scalars(query))


# -- the key file the reviewer's machine writes and the lead reads --------------------------------


def key_file_name(session_name: str, reviewer: str) -> str:
    return f"评查人员公钥_{file_label(session_name)}_{file_label(reviewer)}.json"


def key_file_bytes(uid: str, session_name: str, reviewer: str, public_key: str) -> bytes:
    data = {
        "kind": KEY_FILE_KIND,
        "session": {"uid": uid, "name": session_name},
        "reviewer": reviewer,
        "public_key": public_key,
        "fingerprint": fingerprint(public_key),
        "created_at": now_iso(),
    }
    return json_bytes(data)


def read_key_file(path: Path) -> tuple[str, str, str]:
    """(session uid, reviewer, public key) of a key file; InputError naming the file otherwise."""
    try:
        if path.stat().st_size > 64 << 10:
            raise ValueError("too big")
        data = json.loads(path.read_bytes().decode("utf-8"))
        if data["kind"] != KEY_FILE_KIND:
            raise ValueError("kind")
        uid, reviewer, public = str(data["session"]["uid"]), str(data["reviewer"]), str(data["public_key"])
        parse_public(public)
    except FileNotFoundError as exc:
        raise InputError("key_file_missing", str(path), file=str(path)) from exc
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise InputError("key_file_invalid", str(path), file=str(path)) from exc
    return uid, reviewer, public
