"""``casereview export bulletin --session NAME --out 通报.docx``: the session's figures, the
rectification status from the ledger (when tracked), then the 通报 written and checked."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from casereview.export.bulletin import BulletinSettings, write_bulletin
from casereview.export.bulletin_figures import bulletin_figures
from casereview.export.model import ReviewedCase
from casereview.rectify.status import NOT_TRACKED, rectification_status


def export_bulletin(args: argparse.Namespace, cases: Sequence[ReviewedCase]) -> list[Path]:
    info = args.session_info
    status = NOT_TRACKED
    if args.database is not None:
        with args.database.session_scope(readonly=True) as session:
            status = rectification_status(session, info.id)
    settings = BulletinSettings(doc_number=args.number)
    if args.issuer:
        settings.issuer = args.issuer
    # The checker's standard: the installed standards are not read a second time.
    checker = getattr(args, "checker", None)
    figures = bulletin_figures(info.name, info.year, cases, checker.standard if checker is not None else None)
    return write_bulletin(figures, status, args.out, settings).files
