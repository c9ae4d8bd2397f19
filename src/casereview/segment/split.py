"""Grouping pages into documents from the per-page cues."""

from __future__ import annotations

from casereview.domain import doctypes
from casereview.domain.model import CaseFile, Document
from casereview.extract.pagetext import PageText
from casereview.segment.titles import page_cues, served_type


def segment(case: CaseFile, texts: list[PageText] | None = None) -> list[Document]:
    """Documents covering every page in order; a page without a title continues the previous one."""
    texts = texts or [PageText.of(p) for p in case.pages]
    documents: list[Document] = []
    for page, text in zip(case.pages, texts, strict=True):
        current = documents[-1] if documents else None
        cues = page_cues(page, text, current.type if current else None)
        if cues.title is not None:
            repeated = current is not None and current.type == cues.title and cues.continuation_of is not None
            if not repeated:
                documents.append(
                    Document(cues.title, page.number, page.number, title_evidence=cues.title_evidence)
                )
                continue
        elif cues.attachment and cues.continuation_of is None:
            # Each headed attachment (ID copy, licence copy, weighbridge slip …) is its own item.
            documents.append(Document(doctypes.FUJIAN, page.number, page.number))
            continue
        if current is None:
            documents.append(Document(doctypes.UNKNOWN, page.number, page.number))
        else:
            current.last_page = page.number
    _link_receipts(documents, texts)
    return documents


def _link_receipts(documents: list[Document], texts: list[PageText]) -> None:
    """A 送达回证 serves the document it names, or failing that the one filed just before it."""
    for index, document in enumerate(documents):
        if document.type != doctypes.SONGDA:
            continue
        body = "\n".join(texts[n - 1].text for n in document.pages())
        served = served_type(body)
        if served is None and index > 0:
            served = documents[index - 1].type
        document.serves = served
