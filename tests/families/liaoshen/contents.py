"""卷内目录 and 备考表: written in a second pass, once the first conversion has counted the pages."""

from __future__ import annotations

import datetime as dt

from . import fmt
from .ctx import Ctx, Spec
from .word import CENTER, Writer


def doc_date(c: Ctx, spec: Spec, inquiry_no: int) -> dt.date | None:
    d = c.plan.dates
    if spec.type in ("询问笔录", "现场笔录", "勘验笔录"):
        return c.plan.inquiries[inquiry_no].date
    return {
        "立案登记表": d.filing,
        "证据登记保存清单": d.preservation,
        "解除证据登记保存决定书": d.preservation_release,
        "行政强制措施决定书": d.compulsion,
        "解除行政强制措施决定书": d.compulsion_release,
        "案件调查报告": d.report,
        "违法行为通知书": d.notice,
        "送达回证:违法行为通知书": d.notice_service,
        "陈述申辩笔录": d.statement,
        "放弃陈述申辩（听证）声明": d.waiver,
        "听证通知书": d.hearing_notice,
        "送达回证:听证通知书": d.hearing_notice_service,
        "听证笔录": d.hearing,
        "法制审核意见": d.legal_review,
        "重大案件集体讨论记录": d.discussion,
        "行政处罚决定书": d.decision,
        "送达回证:行政处罚决定书": d.decision_service,
        "罚没款票据": d.payment,
        "公示记录": d.publication,
        "结案报告": d.closing,
    }.get(spec.key)


def contents(w: Writer, c: Ctx, body: list[Spec], counts: list[int]) -> Spec:
    w.begin("", numbered=False)
    w.title("卷内目录", 18)
    w.size = 9.5
    rows = [["序号", "文件名称", "文号", "日期", "页号", "备注"]]
    page, inq = 1, 0
    for i, (spec, n) in enumerate(zip(body, counts, strict=True), 1):
        when = doc_date(c, spec, inq)
        inq += spec.type in ("询问笔录", "现场笔录", "勘验笔录")
        name = spec.title + (f"（{spec.serves}）" if spec.serves else "")
        number = c.plan.number.format() if spec.type not in ("证据材料", "公示记录", "罚没款票据") else ""
        pages = str(page) if n == 1 else f"{page}-{page + n - 1}"
        rows.append([str(i), "=" + name, "=" + number, "=" + (fmt.d(when) if when else ""), "=" + pages, ""])
        page += n
    w.table([1.0, 4.4, 4.9, 3.0, 1.4, 1.1], rows)
    w.size = 11.5
    return Spec("卷内目录", "卷内目录", numbered=False)


def back_note(w: Writer, c: Ctx, n_docs: int, n_pages: int) -> Spec:
    w.begin("", numbered=False)
    w.title("备考表", 18)
    s, d = c.plan.staff, c.plan.dates
    when = d.archive or d.closing or d.decision
    rows = [
        [
            f"=本卷共有文件材料{n_docs}份，共{n_pages}页（不含封面、卷内目录、备考表）。\n=卷内材料齐全，装订完整。"
        ],
        [f"立卷人：{s.filer}　　　　立卷时间：{fmt.d(when)}"],
        [f"检查人：{s.checker}　　　　检查时间：{fmt.d(when)}"],
    ]
    w.table([15.8], rows, heights={0: 14.0, 1: 1.4, 2: 1.4})
    w.line("", align=CENTER)
    return Spec("备考表", "备考表", numbered=False)
