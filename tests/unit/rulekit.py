"""A compact builder of RuleContext objects for rule unit tests (time limits, procedure, consistency).

``make_ctx(spec)`` turns a small dict into a case file of one page per document, with the
Extraction the rules read. Every key is optional::

    {
        "documents": ["立案登记表", ("送达回证", "违法行为通知书"), "行政处罚决定书"],
            # a type, or (type, serves) for a 送达回证; listed documents come first, in this order
        "dates": {"立案": "2025-03-03", "决定": "2025-04-10", "询问": ["2025-03-03", "2025-03-05"]},
            # role (casereview.domain.roles) → ISO date or list of dates. Each date is printed on the
            # page of the document that carries the role (ROLE_DOCUMENTS), which is added when
            # missing; every 询问 date gets its own 询问笔录.
        "texts": {"违法行为通知书": "你有权要求举行听证。"},  # extra text on a document's page
        "titles": {"放弃陈述申辩（听证）声明": "放弃陈述申辩声明"},  # printed title (default: the type)
        "party_kind": "individual",  # or "organisation"; None/absent = no party found
        "fine": 1000,  # the decided fine (行政处罚决定书, or 当场行政处罚决定书 in a summary case)
        "proposed_fine": 1000,  # the fine proposed in the 违法行为通知书
        "confidence": {"决定": 0.5},  # OCR confidence of a role's dates (default 1.0)
        "params": {"publication_wd": 7},  # overrides of DEFAULT_PARAMS
        "publication": ("2025-04-20", "reviewer"),  # a PublicationDate from outside the file
    }

A case listing a 当场行政处罚决定书 and no 行政处罚决定书 or 立案登记表 (简易程序) puts its 决定 and
违法 dates on the 当场 decision.
``run(rule_id, spec)`` runs one registered rule on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from casereview import rules  # noqa: F401 - registers every rule module
from casereview.calendar import WorkCalendar
from casereview.domain import doctypes as d
from casereview.domain import roles as r
from casereview.domain.findings import Finding
from casereview.domain.model import (
    CaseFile,
    DateMention,
    Document,
    Evidence,
    Extraction,
    FieldValue,
    Page,
    Party,
    PenaltyAmount,
    Span,
    TextSource,
)
from casereview.rules.base import DEFAULT_PARAMS, REGISTRY, PublicationDate, RuleContext

DocKey = tuple[str, str | None]  # (type, serves)

ROLE_DOCUMENTS: dict[str, DocKey] = {
    r.VIOLATION: (d.LIAN, None),
    r.FILING: (d.LIAN, None),
    r.INQUIRY: (d.XUNWEN, None),
    r.NOTICE: (d.TONGZHI, None),
    r.NOTICE_SERVICE: (d.SONGDA, d.TONGZHI),
    r.HEARING_NOTICE: (d.TINGZHENG_TONGZHI, None),
    r.HEARING_NOTICE_SERVICE: (d.SONGDA, d.TINGZHENG_TONGZHI),
    r.HEARING: (d.TINGZHENG_BILU, None),
    r.LEGAL_REVIEW: (d.FAZHI_SHENHE, None),
    r.DISCUSSION: (d.JITI_TAOLUN, None),
    r.DECISION: (d.JUEDING, None),
    r.DECISION_SERVICE: (d.SONGDA, d.JUEDING),
    r.PAYMENT: (d.PIAOJU, None),
    r.PUBLICATION: (d.GONGSHI, None),
    r.CLOSING: (d.JIEAN, None),
    r.PRESERVATION: (d.ZHENGJU_BAOCUN, None),
    r.PRESERVATION_RELEASE: (d.JIECHU_BAOCUN, None),
    r.COMPULSION: (d.QIANGZHI, None),
    r.COMPULSION_RELEASE: (d.JIECHU_QIANGZHI, None),
    r.EXTENSION: (d.YANQI_SHENPI, None),
    r.WAIVER: (d.FANGQI, None),
}

CALENDAR = WorkCalendar()  # chinesecalendar only, no override file
WIDTH, HEIGHT, LINE = 595.0, 842.0, 20.0


def cn(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _key(item: str | tuple[str, str | None]) -> DocKey:
    return (item, None) if isinstance(item, str) else (item[0], item[1])


class _Builder:
    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec
        self.pages: list[Page] = []
        self.documents: list[Document] = []
        self.extraction = Extraction()
        self.confidence: Mapping[str, float] = spec.get("confidence", {})
        texts: Mapping[str, str] = spec.get("texts", {})
        self.texts = dict(texts)

    def add_document(self, key: DocKey) -> tuple[Document, Page]:
        number = len(self.pages) + 1
        page = Page(number, WIDTH, HEIGHT, TextSource.TEXT_LAYER, sha256=f"p{number}")
        titles: Mapping[str, str] = self.spec.get("titles", {})
        title = Span(titles.get(key[0], key[0]), (200.0, 40.0, 400.0, 60.0))
        page.spans.append(title)
        if key[0] in self.texts:  # the first document of the type gets the text
            page.spans.append(Span(self.texts.pop(key[0]), (60.0, 80.0, 540.0, 100.0)))
        doc = Document(key[0], number, number, key[1], Evidence(number, title.bbox, title.text))
        self.pages.append(page)
        self.documents.append(doc)
        return doc, page

    def page_of(self, key: DocKey, fresh: bool) -> tuple[Document, Page]:
        if not fresh:
            for doc in self.documents:
                if (doc.type, doc.serves) == key:
                    return doc, self.pages[doc.first_page - 1]
        return self.add_document(key)

    def write(self, page: Page, text: str, confidence: float = 1.0) -> Evidence:
        """Print ``text`` on a new row of ``page`` and return its evidence."""
        y = 120.0 + LINE * len(page.spans)
        bbox = (72.0, y, 72.0 + 12.0 * len(text), y + 14.0)
        page.spans.append(Span(text, bbox, confidence))
        return Evidence(page.number, bbox, text, confidence)

    def role_key(self, role: str) -> DocKey:
        types = {doc.type for doc in self.documents}
        summary = d.DANGCHANG_JUEDING in types and not types & {d.JUEDING, d.LIAN}
        if role in (r.DECISION, r.VIOLATION) and summary:
            return (d.DANGCHANG_JUEDING, None)
        return ROLE_DOCUMENTS[role]

    def add_dates(self) -> None:
        dates: Mapping[str, str | list[str]] = self.spec.get("dates", {})
        for role, value in dates.items():
            for i, iso in enumerate([value] if isinstance(value, str) else value):
                day = dt.date.fromisoformat(iso)
                key = self.role_key(role)
                doc, page = self.page_of(key, fresh=role == r.INQUIRY and i > 0)
                evidence = self.write(page, cn(day), self.confidence.get(role, 1.0))
                self.extraction.dates.append(DateMention(day, role, doc.type, evidence))

    def add_party_and_fines(self) -> None:
        kind = self.spec.get("party_kind")
        decision_type = self.role_key(r.DECISION)
        if kind:
            _, page = self.page_of(decision_type, fresh=False)
            evidence = self.write(page, "当事人：张三" if kind == "individual" else "当事人：某运输有限公司")
            party = Party(evidence.text.removeprefix("当事人："), kind, None, evidence)
            self.extraction.parties.append(FieldValue(party, evidence, decision_type[0]))
        for field, kind_name, key in (
            ("fine", "decided", decision_type),
            ("proposed_fine", "proposed", (d.TONGZHI, None)),
        ):
            amount = self.spec.get(field)
            if amount is not None:
                doc, page = self.page_of(key, fresh=False)
                evidence = self.write(page, f"罚款人民币{amount}元")
                self.extraction.amounts.append(PenaltyAmount(float(amount), kind_name, doc.type, evidence))

    def build(self) -> RuleContext:
        for item in self.spec.get("documents", []):
            self.add_document(_key(item))
        self.add_dates()
        self.add_party_and_fines()
        for doc_type in list(self.texts):  # text for a document only named in "texts"
            self.add_document((doc_type, None))
        case = CaseFile("rulekit.pdf", "0" * 64, "pdf", self.pages)
        params = {**DEFAULT_PARAMS, **self.spec.get("params", {})}
        publication = None
        if "publication" in self.spec:
            iso, source, *note = self.spec["publication"]
            publication = PublicationDate(dt.date.fromisoformat(iso), source, *note)
        return RuleContext(case, self.documents, self.extraction, CALENDAR, params, publication)


def make_ctx(spec: Mapping[str, Any], calendar: WorkCalendar | None = None) -> RuleContext:
    """A RuleContext for ``spec`` (see the module docstring)."""
    ctx = _Builder(spec).build()
    if calendar is not None:
        ctx.calendar = calendar
    return ctx


def run(rule_id: str, spec: Mapping[str, Any], calendar: WorkCalendar | None = None) -> Finding:
    """Run one registered rule on the case described by ``spec``."""
    return REGISTRY[rule_id].check(make_ctx(spec, calendar))
