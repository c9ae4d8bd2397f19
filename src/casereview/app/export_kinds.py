"""The registered exports, by name: what each writes from an :class:`ExportJob`.

To add an export, write its writer in ``casereview/export/`` (it takes :class:`ReviewedCase`
objects, never a database) and add one :class:`Exporter` here; ``casereview export NAME`` offers it
at once, with the options it names. The window offers the exports listed in
``casereview_ui/exports.py``.
"""

from __future__ import annotations

from pathlib import Path

from casereview.app.export_model import Exporter, ExportJob


def _scoresheet(job: ExportJob) -> list[Path]:
    from casereview.export.scoresheet import write_scoresheet

    followup = None
    if job.session is not None and job.database is not None:
        from casereview.export.session_followup import session_followup

        with job.database.session_scope(readonly=True) as session:
            followup = session_followup(session, job.session.id)
    return write_scoresheet(job.cases, job.request.out, agreement=job.agreement, followup=followup)


def _notice(job: ExportJob) -> list[Path]:
    from casereview.export.notice import NoticeSettings, write_notices

    options = job.request.options
    settings = NoticeSettings(doc_number=options.number, issued=options.issued)
    if options.issuer:
        settings.issuer = options.issuer
    if job.session is not None and job.database is not None:
        from casereview.export.rectify_record import write_session_notices

        # A session's notices are recorded in its ledger; the deadline is in working days.
        return write_session_notices(
            job.database,
            job.session.id,
            job.cases,
            job.request.out,
            settings,
            options.actor,
            rectify_days=options.deadline_days,
        )
    if options.deadline_days is not None:
        settings.deadline_days = options.deadline_days
    return write_notices(job.cases, job.request.out, settings)


def _compilation(job: ExportJob) -> list[Path]:
    from casereview.export.compilation import write_compilation

    # Cases named one by one are the trainer's choice: untagged ones are compiled too, without a
    # verdict; a whole session compiles only what was tagged.
    untagged = job.request.options.untagged
    if untagged is None:
        untagged = job.session is None
    return write_compilation(job.cases, job.request.out, untagged=untagged).files


def _bulletin(job: ExportJob) -> list[Path]:
    """The session's figures, the rectification status from the ledger (when tracked), then the
    通报 written and checked."""
    from casereview.export.bulletin import BulletinSettings, write_bulletin
    from casereview.export.bulletin_figures import bulletin_figures
    from casereview.rectify.status import NOT_TRACKED, rectification_status

    info = job.session
    assert info is not None  # needs_session
    status = NOT_TRACKED
    if job.database is not None:
        with job.database.session_scope(readonly=True) as session:
            status = rectification_status(session, info.id)
    options = job.request.options
    settings = BulletinSettings(doc_number=options.number)
    if options.issuer:
        settings.issuer = options.issuer
    # The checker's standard: the installed standards are not read a second time.
    figures = bulletin_figures(info.name, info.year, job.cases, job.checker.standard)
    return write_bulletin(figures, status, job.request.out, settings).files


def _annotated(job: ExportJob) -> list[Path]:
    from casereview.export.annotated import write_annotated_pdf

    return [write_annotated_pdf(job.cases[0], job.request.out, job.request.options.password)]


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter(
            "scoresheet",
            "评查评分表",
            "评查评分表（XLSX）：一份案卷一张表，多份案卷另附汇总与统计",
            "FILE.xlsx",
            _scoresheet,
        ),
        Exporter(
            "notice",
            "整改通知书",
            "整改通知书（每个执法单位一份 DOCX，可用时另附 PDF）",
            "DIR",
            _notice,
            options=("issuer", "number", "deadline_days", "issued", "actor"),
        ),
        Exporter(
            "compilation",
            "典型案例汇编",
            "典型案例汇编（DOCX 与 PDF，已匿名化并核验）",
            "FILE.docx",
            _compilation,
        ),
        Exporter(
            "bulletin",
            "评查结果通报",
            "评查结果通报（公文格式 DOCX，可用时另附 PDF），须给出 --session",
            "FILE.docx",
            _bulletin,
            options=("issuer", "number"),
            needs_session=True,
            sheets_only=True,
        ),
        Exporter(
            "annotated",
            "批注版 PDF",
            "批注版 PDF：原页面加评查批注与封面",
            "FILE.pdf",
            _annotated,
            options=("password",),
            one_case=True,
        ),
    )
}
