"""Chinese text for publication-list imports: summaries, refusals and the list of imported lists."""

from __future__ import annotations

from typing import Final

from casereview.listfiles.publication_errors import (
    PublicationColumnsError,
    PublicationListError,
    PublicationRowsError,
    PublicationUnreadable,
)
from casereview.listfiles.publication_table import ALIASES, REQUIRED
from casereview.lists.publications import ImportResult, PublicationListSummary

FIELD_LABELS: Final = {
    "case_number": "行政处罚决定书文号",
    "publication_date": "公示日期",
    "decision_date": "处罚决定日期",
    "party": "行政相对人名称",
    "agency": "处罚机关",
}
_UNREADABLE: Final = {
    "encoding": "无法识别文件编码（CSV 文件应为 UTF-8、GBK/GB18030 或 UTF-16 编码）",
    "format": "文件不是有效的 CSV 或 XLSX 表格",
    "xls": "不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入",
    "empty": "文件是空的",
    "no_rows": "表头下面没有任何公示记录",
    "too_large": "文件过大",
    "over_budget": "文件所需内存超出预算，已拒绝读取",
    "io": "无法读取文件",
}
MAX_LISTED: Final = 100


def _expected_columns() -> list[str]:
    lines = []
    for name, aliases in ALIASES.items():
        need = "必需" if name in REQUIRED else "可选"
        lines.append(f"  {FIELD_LABELS[name]}（{need}；可用列名：{'、'.join(aliases)}）")
    return lines


def describe_publication_error(error: PublicationListError) -> str:
    """The Chinese explanation of why a list was refused, with every bad row."""
    lines = [f"公示清单未导入：{error.path}"]
    if isinstance(error, PublicationUnreadable):
        reason = _UNREADABLE.get(error.problem, error.problem)
        lines.append(f"{reason}{'（' + error.message + '）' if error.message else ''}")
    elif isinstance(error, PublicationColumnsError):
        missing = "、".join(FIELD_LABELS[name] for name in error.missing)
        lines.append(f"未找到必需的列：{missing}")
        lines.append("应有的列：")
        lines.extend(_expected_columns())
        if error.found:
            where = f"（第{error.found_row}行）" if error.found_row is not None else ""
            lines.append(f"文件中找到的表头{where}：{'、'.join(error.found)}")
        else:
            lines.append("文件中没有找到任何表头。")
    elif isinstance(error, PublicationRowsError):
        rows = sorted({bad.row for bad in error.bad_rows})
        lines.append(f"有 {len(rows)} 行数据有误，整个文件均未导入，请改正后重新导入：")
        for bad in error.bad_rows[:MAX_LISTED]:
            value = f"“{bad.value}”" if bad.value else "（空）"
            lines.append(f"  第{bad.row}行  {bad.column}  {value}  {bad.reason}")
        if len(error.bad_rows) > MAX_LISTED:
            lines.append(f"  ……另有 {len(error.bad_rows) - MAX_LISTED} 处错误未列出")
    return "\n".join(lines)


def format_import_result(result: ImportResult) -> str:
    sheet = f"（工作表“{result.sheet}”）" if result.sheet else ""
    if result.already_imported:
        lines = [
            f"该文件已导入过（公示清单 #{result.list_id}，{result.row_count} 条记录），未重复导入：{result.file_name}"
        ]
    else:
        lines = [
            f"已导入公示清单 #{result.list_id}：{result.file_name}{sheet}，共 {result.row_count} 条公示记录。"
        ]
    mapped = "；".join(
        f"{FIELD_LABELS[name]} ← “{header}”"
        for name, header in result.columns.items()
        if name in FIELD_LABELS
    )
    lines.append(f"表头在第{result.header_row}行，识别的列：{mapped}")
    if result.duplicates:
        lines.append(
            f"注意：{len(result.duplicates)} 个文号重复出现且公示日期不同（查询时取最早的公示日期）："
        )
        for duplicate in result.duplicates[:MAX_LISTED]:
            rows = "；".join(f"第{row}行 {number} {date.isoformat()}" for row, number, date in duplicate.rows)
            lines.append(f"  {rows}")
    if result.warnings:
        lines.append(f"注意：{len(result.warnings)} 条记录的日期需要核对：")
        for warning in result.warnings[:MAX_LISTED]:
            lines.append(f"  第{warning.row}行  {warning.column}  {warning.value}  {warning.reason}")
    return "\n".join(lines)


def format_publication_lists(lists: list[PublicationListSummary]) -> str:
    if not lists:
        return "尚未导入任何公示清单。"
    lines = ["编号  导入时间            记录数  文件"]
    for item in lists:
        at = item.imported_at.astimezone().strftime("%Y-%m-%d %H:%M")
        lines.append(f"#{item.id:<4} {at}  {item.row_count:>6}  {item.file_name}")
    return "\n".join(lines)
