"""Exports of reviewed case files: 评查评分表 (XLSX), 整改通知书 (DOCX/PDF), 典型案例汇编
(anonymised and verified), annotated PDFs. Built from :class:`ReviewedCase` objects."""

from casereview.export.collect import collect
from casereview.export.model import ReviewedCase

__all__ = ["ReviewedCase", "collect"]
