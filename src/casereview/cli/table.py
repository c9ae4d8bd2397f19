"""``--format table``: the check result laid out for people reading a terminal."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TextIO

from casereview.domain.casetype import LABELS
from casereview.fieldnames import field_label

_STATUS = {"fail": "不符合", "needs_review": "待人工确认", "pass": "符合", "not_applicable": "不适用"}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _width(text), 0)


def _format_value(value: object) -> str:
    if isinstance(value, list):
        return "、".join(
            f"{v['name']}（{v['certificate'] or '无证号'}）" if isinstance(v, dict) else str(v) for v in value
        )
    return str(value)


def print_table(results: Sequence[dict[str, object]], out: TextIO) -> None:
    for obj in results:
        print(f"== {obj['source']}", file=out)
        if "error" in obj:
            error = obj["error"]
            assert isinstance(error, dict)
            print(f"   错误：{error['message']}", file=out)
            continue
        print(f"   页数：{obj['page_count']}    SHA-256：{str(obj['sha256'])[:16]}…", file=out)
        if obj.get("case_type"):
            print(f"   案卷类型：{LABELS.get(str(obj['case_type']), obj['case_type'])}", file=out)
        print("   文书：", file=out)
        for doc in obj["documents"]:  # type: ignore[attr-defined]
            pages = f"{doc['first_page']}-{doc['last_page']}"
            serves = f"（{doc['serves']}）" if doc.get("serves") else ""
            print(f"     {_pad(pages, 8)}{doc['type']}{serves}", file=out)
        print("   要素：", file=out)
        fields = obj["fields"]
        assert isinstance(fields, dict)
        for name, value in fields.items():
            if value in (None, [], ""):
                continue
            print(f"     {_pad(field_label(name), 14)}{_format_value(value)}", file=out)
        _print_findings(obj, out)


def _print_findings(obj: dict[str, object], out: TextIO) -> None:
    standard = obj.get("standard")
    if not isinstance(standard, dict):
        return
    print(
        f"   评查（{standard['id']} {standard['version']}）：得分 {obj['score']}  等次 {obj['grade']}",
        file=out,
    )
    findings = obj.get("findings")
    assert isinstance(findings, list)
    for finding in findings:
        if finding["status"] in ("pass", "not_applicable"):
            continue
        pages = "、".join(str(p) for p in sorted({e["page"] for e in finding["evidence"]}))
        where = f"（第{pages}页）" if pages else ""
        print(f"     [{finding['rule']} {_STATUS[finding['status']]}] {finding['message']}{where}", file=out)
