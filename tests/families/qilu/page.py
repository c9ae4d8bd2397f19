"""Layout: each document's HTML goes through PyMuPDF's HTML engine (Story) onto A4 pages, then the
platform's page furniture is printed on every page (system header, 流水号, page x/y, print time,
watermark) and the red seal is stamped over the signature text."""

from __future__ import annotations

import io
import random

import pymupdf

from families.qilu.fmt import QDoc, esc
from families.qilu.seal import RED, oval_seal, qr_block, round_seal

A4 = pymupdf.paper_rect("a4")
# the printed form's area: left 62, top 74, right 58, bottom 66 points in from the edges
BODY = pymupdf.Rect(62, 74, A4.width - 58, A4.height - 66)

CSS = """
body{font-family:sans-serif;font-size:10.5pt;line-height:1.45;color:#111}
p{margin:0 0 4px 0}
.org{text-align:center;font-size:13pt;margin:0;letter-spacing:1px}
h1{text-align:center;font-size:19pt;font-weight:bold;letter-spacing:5px;margin:2px 0 4px 0}
h2{font-size:11pt;font-weight:bold;margin:8px 0 3px 0}
.no{text-align:right;font-size:10.5pt;margin:0 0 6px 0}
.sub{text-align:center;font-size:9pt;color:#444;margin:0 0 6px 0}
table.g{border-collapse:collapse;width:100%;margin:0 0 6px 0}
table.g td,table.g th{border:1px solid #222;padding:4px 5px;vertical-align:top;font-weight:normal}
table.g th{background-color:#eef1f5;text-align:center;vertical-align:middle}
table.plain{width:100%;border-collapse:collapse}
table.plain td{padding:2px 3px;vertical-align:top}
.ind{text-indent:2em}
.r{text-align:right}
.c{text-align:center}
.small{font-size:8.5pt;color:#333}
.qa td{padding:1px 2px}
.sign{text-align:right;margin:52px 30px 0 0;line-height:1.9}
.box{border:1px dashed #777;padding:6px;margin:4px 0}
.web{font-family:sans-serif}
.web h1{font-size:15pt;letter-spacing:0;color:#0b4a8b}
.web table.g th{background-color:#f3f7fb;color:#333}
.crumb{font-size:8.5pt;color:#555;border-bottom:2px solid #0b4a8b;padding:2px 0;margin-bottom:8px}
"""


# A tighter print style for documents that run over a page. It also drops the shaded label cells:
# MuPDF's HTML engine repaints table-cell backgrounds of page 1 on every following page.
COMPACT = (
    CSS
    + """
body{font-size:10pt;line-height:1.32}
h1{font-size:17pt;margin:0 0 2px 0}
h2{margin:5px 0 2px 0}
table.g td,table.g th{padding:3px 4px}
table.g th{background-color:transparent;font-weight:bold}
.sign{margin-top:40px}
"""
)


def _place(html: str, css: str) -> pymupdf.Document:
    story = pymupdf.Story(f"<body>{html}</body>", user_css=css)
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    more = 1
    while more:
        dev = writer.begin_page(A4)
        more, _ = story.place(BODY)
        story.draw(dev)
        writer.end_page()
    writer.close()
    return pymupdf.open("pdf", buf.getvalue())


def layout(doc: QDoc) -> pymupdf.Document:
    """The document's HTML laid on as many A4 pages as it needs (the tighter style when over one)."""
    pdf = _place(doc.html, CSS)
    return pdf if len(pdf) == 1 else _place(doc.html, COMPACT)


def furnish(page: pymupdf.Page, doc: QDoc, i: int, n: int, ctx: dict[str, str]) -> None:
    """Header, footer and watermark of one page (``ctx``: platform, serial, printer, agency)."""
    if doc.web:
        _web_furniture(page, doc, i, n, ctx)
        return
    w = A4.width
    _watermark(page, f"{ctx['agency']}　执法办案专用")
    top = pymupdf.Rect(40, 22, w - 40, 46)
    page.insert_htmlbox(
        top,
        f"<div style='font-size:7.5pt;color:#555'>{esc(ctx['platform'])}"
        f"<span style='color:#999'>　|　文书流水号：{esc(ctx['serial'])}-{esc(doc.type[:2])}</span></div>",
        css="*{font-family:sans-serif}",
    )
    page.draw_line((40, 44), (w - 40, 44), color=(0.55, 0.62, 0.72), width=0.8)
    page.draw_line((40, A4.height - 48), (w - 40, A4.height - 48), color=(0.7, 0.7, 0.7), width=0.5)
    foot = pymupdf.Rect(40, A4.height - 45, w - 40, A4.height - 25)
    page.insert_htmlbox(
        foot,
        "<table style='width:100%;font-size:7.5pt;color:#555'><tr>"
        f"<td>打印时间：{esc(doc.stamp)}</td><td style='text-align:center'>第 {i + 1} 页 / 共 {n} 页</td>"
        f"<td style='text-align:right'>打印人：{esc(ctx['printer'])}</td></tr></table>",
        css="*{font-family:sans-serif}",
    )


def _web_furniture(page: pymupdf.Page, doc: QDoc, i: int, n: int, ctx: dict[str, str]) -> None:
    """What a browser adds when printing a page: date/time and title on top, URL and x/y below."""
    w = A4.width
    page.insert_htmlbox(
        pymupdf.Rect(28, 14, w - 28, 30),
        f"<table style='width:100%;font-size:7pt'><tr><td>{esc(doc.stamp)}</td>"
        f"<td style='text-align:center'>{esc(doc.title)} - {esc(ctx['portal'])}</td></tr></table>",
        css="*{font-family:sans-serif}",
    )
    page.insert_htmlbox(
        pymupdf.Rect(28, A4.height - 28, w - 28, A4.height - 12),
        f"<table style='width:100%;font-size:7pt'><tr><td>{esc(ctx['url'])}</td>"
        f"<td style='text-align:right'>{i + 1}/{n}</td></tr></table>",
        css="*{font-family:sans-serif}",
    )


def _watermark(page: pymupdf.Page, text: str) -> None:
    centre = pymupdf.Point(A4.width / 2 - 150, A4.height / 2 + 60)
    page.insert_text(
        centre,
        text,
        fontname="china-s",
        fontsize=24,
        color=(0.9, 0.9, 0.92),
        morph=(centre, pymupdf.Matrix(-30)),
        overlay=False,
    )


def qr(page: pymupdf.Page, seed: int, x: float, y: float, side: float = 46) -> None:
    """The 扫码验真 square at the top right of documents served on the party."""
    cells = 21
    unit = side / cells
    shape = page.new_shape()
    for i, j in qr_block(seed, cells):
        shape.draw_rect(pymupdf.Rect(x + i * unit, y + j * unit, x + (i + 1) * unit, y + (j + 1) * unit))
    shape.finish(color=None, fill=(0.1, 0.1, 0.1))
    shape.commit()
    page.insert_htmlbox(
        pymupdf.Rect(x - 8, y + side + 1, x + side + 8, y + side + 12),
        "<div style='font-size:6pt;text-align:center;color:#444'>扫码验真</div>",
        css="*{font-family:sans-serif}",
    )


def stamp(
    pdf: pymupdf.Document, first: int, count: int, doc: QDoc, agency: str, rng: random.Random
) -> list[int]:
    """Stamp the doc's seals over their anchor texts; returns the doc-local pages that got one.

    The agency seal sits a little above the date it covers (名称 and 日期 both under it, as 骑年盖月);
    a receipt's oval seal sits on its anchor."""
    sealed: list[int] = []
    anchors = [(doc.seal_anchor, False)] if doc.seal else []
    anchors += [(a, True) for a in doc.extra_seals]
    for anchor, oval in anchors:
        for local in range(count - 1, -1, -1):
            page = pdf[first + local]
            hits = page.search_for(anchor) if anchor else []
            if hits or local == 0:
                break
        hit = (
            hits[-1]
            if hits
            else pymupdf.Rect(A4.width - 220, A4.height - 260, A4.width - 100, A4.height - 240)
        )
        cx = (hit.x0 + hit.x1) / 2 + rng.uniform(-14, 14)
        cy = (hit.y0 + hit.y1) / 2 - (0 if oval else 14) + rng.uniform(-6, 6)
        if oval:
            rx, ry = 44, 29
            words = (
                ("缴款平台", "电子回单专用章", "业务专用")
                if "回单" in anchor
                else ("全国统一", "财政票据监制章", "财政部监制")
            )
            data = oval_seal(*words)
        else:
            rx = ry = rng.uniform(58, 64)
            data = round_seal(agency, "行政执法专用章")
        page.insert_image(pymupdf.Rect(cx - rx, cy - ry, cx + rx, cy + ry), stream=data, overlay=True)
        if local not in sealed:
            sealed.append(local)
    return sorted(sealed)


__all__ = ["A4", "RED", "furnish", "layout", "qr", "stamp"]
