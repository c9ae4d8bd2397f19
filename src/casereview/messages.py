"""Chinese messages for error codes: the one place where core errors become user text."""

from __future__ import annotations

from casereview.errors import CaseReviewError, ErrorCode
from casereview.message_tables import INPUT_PROBLEMS, PACKAGE_REASONS

_TEMPLATES: dict[ErrorCode, str] = {
    ErrorCode.FILE_NOT_FOUND: "找不到文件：{path}",
    ErrorCode.UNSUPPORTED_TYPE: "不支持的文件类型：{path}（支持 PDF、DOCX、PNG/JPG/TIFF 图片或包含这些文件的文件夹）",
    ErrorCode.CORRUPT_FILE: "文件已损坏或格式不正确，无法读取：{path}{reason}",
    ErrorCode.ENCRYPTED: "PDF 文件已加密，需要密码才能打开：{path}（命令行请使用 --password 提供密码）",
    ErrorCode.WRONG_PASSWORD: "PDF 密码不正确，无法打开：{path}",
    ErrorCode.NO_PAGES: "文件中没有任何页面：{path}",
    ErrorCode.IMAGE_TOO_LARGE: "图片像素过多（{pixels}），超过上限 {limit}，可能是恶意构造的图片：{path}",
    ErrorCode.ARCHIVE_TOO_LARGE: "DOCX 文件解压后过大（{size}，上限 {limit}），可能是压缩炸弹，已拒绝：{path}",
    ErrorCode.FILE_TOO_LARGE: "文件过大（{size}，上限 {limit}）：{path}",
    ErrorCode.NOT_A_CASE_FILE: "未识别出任何执法文书，这似乎不是行政处罚案卷：{path}",
    ErrorCode.EMPTY_FOLDER: "文件夹中没有可读取的 PDF 或图片文件：{path}",
    ErrorCode.CANCELLED: "已取消：{path}",
    ErrorCode.OCR_FAILED: "文字识别（OCR）失败：{path}{reason}",
    ErrorCode.CONVERSION_FAILED: "文档转换失败：{path}{reason}",
    ErrorCode.STORAGE: "数据库读写失败：{reason}",
    ErrorCode.STANDARD_INVALID: "评查标准文件有误：{path}{reason}",
    ErrorCode.CALENDAR_INVALID: "节假日覆盖文件有误：{path}{reason}",
    ErrorCode.WRITE_FAILED: "无法保存文件：{path}{reason}",
    ErrorCode.ANONYMISATION_FAILED: "匿名化核验失败：{path} 中仍可读出{kind}“{text}”{reason}",
    ErrorCode.PACKAGE_REFUSED: "已拒绝评查包：{path}{reason}，未写入任何数据",
    ErrorCode.OVER_BUDGET: "文件所需内存超出预算，已拒绝读取：{path}{reason}",
    ErrorCode.REVIEW_CONFLICT: "这份评查已在别处被修改（可能是另一位评查人员或另一个窗口），请重新载入后再操作",
    ErrorCode.INTERNAL: "内部错误：{path}{reason}",
}

# Rectification and objection refusals (issue 15): every field comes from the error's detail.
_LEDGER_TEMPLATES: dict[ErrorCode, str] = {
    ErrorCode.ATTACHMENT_UNREADABLE: (
        "无法打开文件“{path}”：{reason}。整改报告和异议材料只接受能打开的 DOCX、PDF 或扫描图片"
        "（PNG、JPG、TIFF），未写入任何数据"
    ),
    ErrorCode.OBJECTION_LATE: (
        "异议提出日期 {date} 已超过异议期限 {deadline}（整改通知书于 {issued} 发出，"
        "异议期为 {days} 个工作日），不予受理"
    ),
    ErrorCode.OWN_FINDING: (
        "“{person}”作出了案卷 #{case} 评查项目 {item} 的原评查意见，不能复核对该项的异议；"
        "请由评查组长或其他评查人员复核"
    ),
    ErrorCode.OTHER_UNIT: "整改事项 {item} 属于“{item_unit}”，不是“{unit}”的整改事项，不能{action}",
}
# ATTACHMENT_UNREADABLE reasons (casereview.rectify.attachments): ``why`` selects the sentence.
ATTACHMENT_REASONS: dict[str, str] = {
    "zip_bomb": "解压后过大，可能是压缩炸弹",
    "not_word": "不是 Word 文档（缺少正文）",
    "docx_broken": "DOCX 文件已损坏",
    "pdf_encrypted": "PDF 已加密，请提供未加密的文件",
    "pdf_empty": "PDF 中没有页面",
    "pdf_broken": "PDF 文件已损坏",
    "image_broken": "图片已损坏或无法识别",
    "unsupported": "不支持的文件类型",
    "too_large": "文件超过 {limit_mb} MB",
    "unreadable": "文件不存在或无法读取",
    "empty": "文件是空的",
}
RECTIFY_REASONS: dict[str, str] = {
    "no_notice": "评查会话“{session}”尚未向“{unit}”发出整改通知书（请先用 export notice --session 导出）",
    "no_item": "没有编号为 {item} 的整改事项",
    "no_items": "请指明整改报告所答复的整改事项",
    "closed": "整改事项 {item} 已销号，不能再{action}",
    "no_report": "整改事项 {item} 尚未附整改报告，不能认定已整改",
    "bad_status": "无效的核查结论“{status}”（可用：已整改、未整改到位）",
    "note_required": "{what}必须填写说明",
    "not_in_session": "案卷 #{case} 不在评查会话“{session}”中",
    "no_review": "案卷 #{case} 还没有按本会话标准作出的评查结果",
    "unknown_item": "评查标准 {standard} 中没有评查项目 {item}",
    "no_objection": "没有编号为 {objection} 的异议",
    "decided": "异议 #{objection} 已复核（{status}），不能再次复核",
    "not_member": "“{person}”既不是评查组长也不是本会话的评查人员，不能复核异议",
    "bad_deduction": "变更须给出新的扣分（0 至 {points} 分）",
    "same_deduction": "变更后的扣分与原扣分 {deduction} 分相同，请选择维持",
    "reason_required": "{what}必须填写理由",
    "pending_objection": "案卷 #{case} 的评查项目 {item} 已有待复核的异议 #{objection}",
    "calendar_missing": "缺少{year}年节假日数据，无法按工作日计算{what}；请在节假日覆盖文件中录入该年安排",
    "bad_days": "{what}应为 1 至 60 个工作日（给出的是 {days}）",
    "bad_verdict": "无效的复核结论“{verdict}”（可用：维持、变更）",
    "not_recheck": "复查案卷 #{case} 的评查 #{review} 不属于本会话的评查标准，不能用于销号",
}


# StandardUnavailable problems: a standard a review or a session needs is not installed or changed.
STANDARD_PROBLEMS: dict[str, str] = {
    "session_missing": "评查会话“{name}”使用的评查标准 {standard} 未安装",
    "not_installed": "评查标准 {standard} 未安装",
    "unknown": "没有编号为 {standard} 的评查标准（已安装：{known}）",
    "unknown_broken": (
        "没有编号为 {standard} 的评查标准（已安装：{known}）；标准文件 {broken} 有错误未能载入，"
        "请用 casereview standards lint 查看"
    ),
    "unknown_profile": "评查标准 {standard} 没有参数方案 {profile}（可选：{known}）",
    "review_missing": "评查 #{review} 使用的评查标准 {standard} 未安装",
    "review_changed": (
        "评查 #{review} 按评查标准 {standard} 版本 {version}（{hash}）评分，当前安装的是版本 {installed}"
        "（{installed_hash}），内容不同；请先用 casereview rescore --apply 按当前版本重新评分"
    ),
}

# SigningKeyError problems: this machine's signing key file (``{path}``) cannot be used.
SIGNING_KEY_PROBLEMS: dict[str, str] = {
    "too_open": "签名私钥文件 {path} 的权限过宽（其他用户可读），请执行 chmod 600 后重试",
    "corrupt": "签名私钥文件 {path} 已损坏，无法读取",
    "not_ed25519": "签名私钥文件 {path} 不是 Ed25519 私钥",
}

# Reasons of the file errors (CORRUPT_FILE, CONVERSION_FAILED, WRITE_FAILED …) raised with a
# ``why`` key instead of a ``reason``; the error's fields fill them.
REASONS: dict[str, str] = {
    "no_libreoffice": "未安装 LibreOffice",
    "libreoffice_failed": "LibreOffice 转换失败",
    "libreoffice_no_pdf": "LibreOffice 未生成 PDF",
    "docx_unparsable": "DOCX 内容无法解析",
    "docx_macros": "：文档含宏或 ActiveX 控件（可能是改名的 DOCM），已拒绝转换",
    "docx_dtd": "：文档的 XML 含 DTD 声明，已拒绝转换",
    "docx_macro_content": "：文档声明了宏内容（DOCM），已拒绝转换",
    "not_docx_zip": "不是有效的 DOCX（ZIP）文件",
    "image_unrecognised": "无法识别的图片数据",
    "page_unreadable": "第 {page} 页无法读取：{error}",
    "empty_file": "文件为空",
    "no_document_xml": "缺少 word/document.xml",
    "listing_encoding": "清单不是 UTF-8 或 GBK 编码的 CSV",
    "member_unpackable": "文件名“{name}”不能放入评查包",
    "changed_since_import": "文件内容与导入时不同，SHA-256 不符，请重新导入该案卷",
    "is_a_folder": "该路径是一个文件夹",
    "no_tagged_cases": "所选案卷均未标记为优秀或典型差案，没有可汇编的案例",
    "leak_in_docx_text": "文档文字；生成的文件已删除",
    "leak_in_image": "第{image}张图片的文字识别结果；生成的文件已删除",
    "leak_in_pdf_page": "PDF 第{page}页的文字层；生成的文件已删除",
}

# CALENDAR_INVALID reasons (casereview.calendar.overrides): ``why`` selects the sentence after
# 第N行：, the error's fields fill it.
CALENDAR_REASONS: dict[str, str] = {
    "years_not_list": "covered_years 应为年份列表，例如 [2027]",
    "bad_year": "“{value}”不是有效年份",
    "days_not_mapping": "{key} 应为“日期: 名称”的映射，例如 2027-01-01: 元旦",
    "bad_date": "“{value}”不是有效日期（格式 YYYY-MM-DD）",
    "no_name": "{value} 缺少名称（例如 元旦、春节调休）",
    "repeated": "{value} 重复出现",
    "over_budget": "文件所需内存超出预算（{budget}）",
    "yaml": "YAML 格式错误：{error}",
    "unreadable": "无法读取：{error}",
    "not_mapping": "文件应包含 covered_years、holidays、workdays 三项",
    "unknown_key": "未知项“{key}”（可用：{known}）",
    "year_not_covered": "{year}年未列入 covered_years，请先确认该年安排已完整录入",
    "holiday_and_workday": "{value} 同时列为假日和调休工作日",
}


# The codes whose sentence is chosen by the error's ``problem`` field.
PROBLEM_TABLES: dict[ErrorCode, dict[str, str]] = {
    ErrorCode.INVALID_INPUT: INPUT_PROBLEMS,
    ErrorCode.STANDARD_UNAVAILABLE: STANDARD_PROBLEMS,
    ErrorCode.SIGNING_KEY: SIGNING_KEY_PROBLEMS,
}


# StorageError reasons (the stable strings of casereview.db.failures) in words.
STORAGE_REASONS: dict[str, str] = {
    "disk_full": "磁盘空间不足，请清理磁盘后重试",
    "read_only": "数据库或其所在文件夹是只读的，无法写入",
    "cannot_open": "无法创建或打开数据库文件（文件夹不存在、只读或没有写入权限）",
    "locked": "另一位评查人员或程序正在修改这些数据（数据库被占用），请稍后重试",
    "conflict": "另一位评查人员同时修改了同一数据；对方的修改已保留，未被覆盖，请重新加载后再试",
    "corrupt": "文件不是 CaseReview 数据库或已损坏",
    "io": "磁盘读写出错",
    "unreachable": "无法连接数据库服务器（服务器未启动、地址或端口错误，或被防火墙阻止）",
    "auth": "用户名或密码不正确",
    "rejected": "服务器拒绝连接（数据库名、用户名或密码不正确）",
    "bad_url": "数据库地址格式不正确",
    "schema": "数据库由更新版本的 CaseReview 创建，请升级本程序",
}


def _human_size(value: object) -> str:
    if not isinstance(value, int | float):
        return str(value)
    size = float(value)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


def _standard_problem(problem: object) -> str:
    """``第42行 items[7].rules[0]：未知的规则编号 T-99`` from a standards problem dict."""
    if not isinstance(problem, dict):
        return str(problem)
    line = f"第{problem['line']}行 " if problem.get("line") else ""
    field = f"{problem['field']}：" if problem.get("field") else ""
    return f"{line}{field}{problem.get('message', '')}"


def describe(error: CaseReviewError) -> str:
    """The Chinese sentence for ``error``, naming the file and the problem."""
    detail = dict(error.detail)
    if error.code in _LEDGER_TEMPLATES or error.code == ErrorCode.RECTIFY_REFUSED:
        return _ledger_text(error, detail)
    if error.code == ErrorCode.PACKAGE_REFUSED and "why" in detail:
        detail["reason"] = _package_reason(detail)
    elif error.code == ErrorCode.CALENDAR_INVALID and "why" in detail:
        detail["reason"] = calendar_reason(error)
    elif "why" in detail and "reason" not in detail:
        why = str(detail["why"])
        detail["reason"] = REASONS.get(why, why).format_map(
            _Blank({k: _field_value(k, v) for k, v in detail.items()})
        )
    reason = detail.get("reason")
    fields: dict[str, object] = {
        "path": error.path,
        "reason": f"（{reason}）" if reason else "",
        "size": _human_size(detail.get("size")),
        "limit": _human_size(detail.get("limit"))
        if error.code != ErrorCode.IMAGE_TOO_LARGE
        else detail.get("limit"),
        "pixels": detail.get("pixels"),
        "kind": detail.get("kind", ""),  # ANONYMISATION_FAILED: what was read, already masked
        "text": detail.get("text", ""),
    }
    problems = detail.get("problems")
    if error.code == ErrorCode.STANDARD_INVALID and isinstance(problems, list) and problems:
        fields["reason"] = "".join(f"\n  {_standard_problem(p)}" for p in problems)
    if error.code == ErrorCode.STORAGE and isinstance(reason, str) and reason in STORAGE_REASONS:
        fields["reason"] = STORAGE_REASONS[reason]
    table = PROBLEM_TABLES.get(error.code)
    if table is not None:
        problem = str(detail.get("problem", ""))
        return table.get(problem, problem).format_map({"path": error.path, **detail})
    template = _TEMPLATES.get(error.code, "错误：{path}{reason}")
    return template.format(**fields)


def _field_value(key: str, value: object) -> object:
    if key.endswith("_bytes") and isinstance(value, int):
        return f"{value} 字节" if value < 1 << 20 else f"{value / (1 << 20):.1f} MB"
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value) or "无"
    return "无" if value is None else value


def calendar_reason(error: CaseReviewError) -> str:
    """``第4行：…`` of a malformed holiday override file (CALENDAR_INVALID), without the path."""
    detail = error.detail
    template = CALENDAR_REASONS.get(str(detail.get("why")), "{why}")
    text = template.format_map(_Blank({k: _field_value(k, v) for k, v in detail.items()}))
    return f"第{detail.get('line', 1)}行：{text}"


def _package_reason(detail: dict[str, object]) -> str:
    template = PACKAGE_REASONS.get(str(detail["why"]), "{why}")
    return template.format_map(_Blank({k: _field_value(k, v) for k, v in detail.items()}))


class _Blank(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return ""


def _ledger_text(error: CaseReviewError, detail: dict[str, object]) -> str:
    if error.code == ErrorCode.RECTIFY_REFUSED:
        template = RECTIFY_REASONS.get(str(detail.get("why")), "操作被拒绝：{why}")
    else:
        template = _LEDGER_TEMPLATES[error.code]
    if error.code == ErrorCode.ATTACHMENT_UNREADABLE and "why" in detail:
        why = str(detail["why"])
        detail["reason"] = ATTACHMENT_REASONS.get(why, why).format_map(_Blank(detail))
    return template.format_map(_Blank(detail, path=error.path))


# Notices attached to a CaseFile (non-fatal): code → Chinese text.
NOTICES: dict[str, str] = {
    "docx_text_only": "未安装 LibreOffice，DOCX 仅提取了文字，没有页面图像，页码为估算值",
    "skipped_files": "文件夹中有不支持的文件已跳过",
    "ocr_low_confidence": "部分页面文字识别置信度较低，请人工核对",
    "blank_pages": "部分页面没有识别出文字",
}


def describe_notice(code: str) -> str:
    if code.startswith("reduced_dpi:"):  # pages rendered below the usual resolution (ingest/reader.py)
        pages = [item.split("=") for item in code.split(":", 1)[1].split(",") if "=" in item]
        listed = "、".join(f"第{number}页（{dpi} dpi）" for number, dpi in pages)
        return (
            f"页面过大，为不超出内存预算已降低分辨率渲染后识别：{listed}，较小的文字可能识别不全，请人工核对"
        )
    return NOTICES.get(code, code)
