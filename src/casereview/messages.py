"""Chinese messages for error codes: the one place where core errors become user text."""

from __future__ import annotations

from casereview.errors import CaseReviewError, ErrorCode

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

# InputError problems (casereview.errors.InputError) in words; ``{…}`` are the error's fields.
INPUT_PROBLEMS: dict[str, str] = {
    "unknown_session": "没有名为“{name}”的评查会话",
    "unknown_case": "案卷不存在（编号 {case}），可能已被删除或尚未导入",
    "pages_outside": "页码超出范围：案卷共{page_count}页，填写的是第{first}–{last}页。",
    "pages_reversed": "起始页（第{first}页）不能晚于结束页（第{last}页）。",
    "pages_half": "页码范围须同时填写起止页，或都不填写（标记整个案卷）。",
    "pages_format": "页码范围“{text}”格式不正确，应写作如 3-5 或 4",
    "tag_note_missing": "请填写说明：为什么是优秀或典型差案。",
    "tag_reviewer_missing": "请填写标记人。",
    "unknown_tag": "没有编号为 {tag} 的培训标记",
    "export_needs_session": "{title}按评查会话导出，请给出 --session 会话名称",
    "no_cases": "请给出要导出的案卷（CASE）或 --session 会话名称",
    "gold_no_review": "案卷 {case} 没有“{lead}”已完成的评查，无法设为标准答案：请组长先完成评查（评查完成）",
    "gold_exists": "案卷 {case} 已是标准答案案卷（由{lead}设定）",
    "not_gold": "案卷 {case} 不是标准答案案卷，请先用 calibration gold 设定",
    "unknown_round": "没有名为“{name}”的校准轮次",
    "round_exists": "已有名为“{name}”的校准轮次",
    "round_empty": "校准轮次须至少包含一份标准答案案卷和一名学员",
    "not_trainee": "“{trainee}”不是校准轮次“{name}”的学员",
    "gold_before_submit": "学员“{trainee}”尚未提交校准轮次“{name}”的评查，提交前不能查看标准答案及差异",
    "trainee_is_lead": "标准答案由“{trainee}”评定，其本人不能作为学员参加校准",
    "not_all_scored": "学员“{trainee}”还有案卷未完成评查（需标记评查完成）：{missing}",
    "already_submitted": "学员“{trainee}”已于 {at} 提交，不能重复提交",
    "reasons_file": "理由库文件“{file}”第{line}行：{reason}",
    "reasons_file_noline": "理由库文件“{file}”：{reason}",
    "reason_empty": "评查项目 {item} 的理由不能为空",
    "reason_too_long": "评查项目 {item} 的理由超过 {limit} 字",
    "reason_unknown_item": "评查标准 {standard} 中没有评查项目 {item}",
    "reason_unknown_standard": "理由库文件“{file}”所属的评查标准 {standard} 未安装",
    "reason_exists": "评查项目 {item} 的理由库中已有“{text}”",
    "unknown_reason": "没有编号为 {reason} 的常用理由",
    "reason_other_item": "常用理由 #{reason} 属于评查项目 {reason_item}，不能用于 {item}",
    "unknown_standard": "没有编号为 {standard} 的评查标准",
    # sessions, assignment, arbitration and offline packages
    "session_name_missing": "评查会话必须有名称",
    "session_exists": "已有名为“{name}”的评查会话",
    "tolerance_negative": "双评允许差值不能为负数",
    "unknown_session_id": "没有编号为 {session} 的评查会话",
    "reviewer_name_missing": "评查人员姓名不能为空",
    "reviewer_exists": "评查人员“{reviewer}”已在本会话中",
    "unknown_stored_case": "没有编号为 {case} 的已导入案卷",
    "unknown_session_case": "没有编号为 {session_case} 的会话案卷",
    "single_review_slot": "单评会话每份案卷只有一名评查人员",
    "bad_slot": "无效的评查席位 {slot}",
    "not_reviewer": "“{reviewer}”不是本会话的评查人员",
    "reviewer_own_unit": "评查人员“{reviewer}”来自被评查单位“{unit}”，不能评查本单位案卷",
    "same_reviewer_twice": "双评的两名评查人员不能是同一人（{reviewer}）",
    "no_reviewers": "本会话还没有评查人员",
    "no_eligible_reviewer": "案卷（单位：{unit}）没有可分配的评查人员：其余人员均来自该单位或已分配",
    "lead_reviewed_case": "“{lead}”是本案卷的评查人员，不能仲裁本案卷",
    "nothing_to_arbitrate": "两份评查结果一致，无需仲裁",
    "arbitration_missing": "请对以下评查项目作出仲裁：{items}",
    "arbitration_extra": "以下评查项目两名评查人员意见一致，无需仲裁：{items}",
    "arbitration_invalid": "{item} 的仲裁意见无效",
    "arbitration_deduction": "{item} 的仲裁扣分应在 0 至 {points} 分之间",
    "arbitration_reason": "{item} 自定扣分必须填写理由",
    "arbiter_missing": "仲裁人姓名不能为空",
    "arbitration_standard": "本会话使用评查标准 {standard}，不能按 {given} 仲裁",
    "arbitration_not_ready": "两名评查人员的评查尚未全部完成，不能仲裁",
    "arbitration_changed": "仲裁期间评查结果已被修改，请重新比对后再仲裁",
    "reviewer_no_cases": "评查人员“{reviewer}”在本会话中没有分配案卷",
    "reviewer_no_session_cases": "评查人员“{reviewer}”在评查会话“{name}”中没有分配案卷",
    "other_lead_key": "评查会话“{name}”的评查包由另一台机器的组长密钥签名（指纹 {fingerprint}），请在那台机器上导出",
    "key_file_missing": "{file}：文件不存在",
    "key_file_invalid": "{file}：不是评查人员公钥文件或已损坏",
    "key_file_other_session": "{file}：公钥文件属于另一个评查会话（会话标识不同）",
    "key_fingerprint_differs": "{file}：公钥指纹为 {fingerprint}，与给出的 {given} 不符，未登记",
    "key_file_not_reviewer": "{file}：“{reviewer}”不是本会话的评查人员",
    "assign_needs_case": "手工分配需要 --case 与 --reviewer",
    "field_not_correctable": "要素“{field}”不能由评查人员更正",
    "field_empty": "{field}不能为空",
    "field_bad_date": "{field}“{value}”不是有效日期（例如 2026-03-05 或 2026年3月5日）",
    "field_bad_amount": "{field}“{value}”不是有效金额（例如 2000 或 2,000.00元）",
    "item_not_in_standard": "评查标准 {standard}（版本 {version}）中没有评查项目 {item}",
    "deduction_over_points": "{item} 扣分 {deduction} 超过该项分值 {points} 分",
    "override_reason_missing": "改判机器评查结果必须填写理由",
    "manual_reason_missing": "人工添加的扣分项必须填写理由",
    "decision_no_item": "评查决定必须指明评查项目",
    "deduction_negative": "扣分不能为负数",
    "deduction_missing": "改判或人工添加扣分项必须填写扣分（不扣分填 0）",
    "region_without_page": "标注了页面区域的评查决定必须指明页码",
    "manual_without_page": "人工添加的扣分项必须标注所在页码",
    "unknown_case_type": "未知的案卷类型 {case_type}（可选：{known}）",
    "bad_role_name": "角色名“{role}”无效：只能使用小写字母、数字和下划线，且不以数字开头",
    "app_role_too_strong": "应用角色“{role}”是超级用户或可创建角色，不能用作工作站的连接角色",
    "app_role_in_owner": "应用角色“{role}”属于所有者角色“{owner}”，可以改写审计记录；请先撤销该成员关系",
    "same_roles": "所有者角色与应用角色必须不同",
    "not_superuser": "设置角色需要以 PostgreSQL 超级用户（数据库管理员）连接",
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

# PACKAGE_REFUSED reasons (casereview.sessions.package_zip.refused): ``why`` selects the sentence,
# the error's fields fill it (``…_bytes`` as a size, a list joined, None as 无).
PACKAGE_REASONS: dict[str, str] = {
    "other_reviewer": "这是评查人员“{reviewer}”的评查包，不是“{wanted}”的",
    "unsigned_review": "评查包没有组长签名或会话标识（由升级前的版本导出）；请组长用新版本重新导出评查包",
    "not_lead_signature": "评查包的签名不是包中所列组长密钥的签名",
    "no_standard_file": "缺少评查标准文件 standard/standard.yaml",
    "standard_missing_here": (
        "评查包按评查标准 {standard} 版本 {version} 评查，本机未安装；请先安装包内 standard/standard.yaml 所示的评查标准"
    ),
    "standard_other_here": (
        "评查包按评查标准 {standard} 版本 {version} 评查，本机为版本 {installed}；"
        "请先安装包内 standard/standard.yaml 所示的评查标准"
    ),
    "followup_malformed": "评查包中的常用理由或异议清单格式有误，或所涉案卷不在包中",
    "followup_reasons_invalid": "评查包中的常用理由无效：{error}",
    "results_followup_malformed": "评查结果中的异议复核或常用理由格式有误",
    "reasons_other_standard": "评查结果中的常用理由属于评查标准 {standard}，本会话为 {mine}",
    "reason_invalid": "评查结果中的常用理由“{text}”（{item}）无效",
    "verdict_incomplete": "评查结果中异议 #{objection} 的复核决定不完整",
    "verdict_no_deduction": "评查结果中异议 #{objection} 的变更没有新的扣分",
    "verdict_mismatch": "评查结果中的异议复核（异议 #{objection}，{item}）与本会话的异议不符，不能合并",
    "verdict_refused": "异议 #{objection} 的复核决定不能合并：{error}",
    "reason_use_unknown": "评查结果中使用的常用理由“{text}”（{item}）在本机的理由库和结果包中都没有",
    "header_incomplete": "清单中的会话或评查标准信息不完整",
    "cases_mismatch": "评查包中的案卷清单或分析数据有误，与案卷文件的 SHA-256 不符",
    "cases_duplicate": "评查包中的案卷重复",
    "session_other_uid": "本机已有名为“{name}”的评查会话，但它是另一个评查会话（会话标识不同），评查包不能并入其中",
    "session_differs": "本机已有名为“{name}”的评查会话，但其评查标准、组长或年度与评查包不同",
    "lead_key_differs": "评查包的组长签名密钥（指纹 {fingerprint}）与本机此前收到的（指纹 {mine}）不同，可能不是组长导出的",
    "results_standard_differs": "评查结果按评查标准 {standard} 版本 {version} 评分，本机会话使用版本 {mine}，内容不同",
    "results_profile_differs": "评查结果按评分方案“{profile}”评分，本会话使用“{mine}”",
    "results_other_people": "“{reviewer}”的评查结果中有其他人员的评查决定或更正：{others}",
    "results_invalid": "评查结果中的评查决定或更正无效：{error}",
    "results_other_session": (
        "这是另一个评查会话的评查结果（会话标识 {uid}…，本会话为 {mine}…），虽然名称同为“{name}”，不能合并"
    ),
    "key_not_registered": (
        "签名密钥（指纹 {fingerprint}）未登记为“{reviewer}”在本会话的密钥（已登记：{registered}）；"
        "若确是该评查人员的新密钥，请核对指纹后用 session register-key 登记"
    ),
    "results_malformed": "评查结果内容不完整或格式有误",
    "results_duplicate": "评查结果中的案卷重复",
    "results_unsigned": (
        "评查结果包没有签名或会话标识（由升级前的版本导出），无法确认出自评查人员“{reviewer}”；"
        "请评查人员用新版本打开组长新导出的评查包后重新导出结果，"
        "或由组长确认后以 --accept-unsigned 接受（记入审计记录）"
    ),
    "results_other_session_name": "这是评查会话“{session}”的评查结果，不是“{name}”的",
    "results_not_reviewer": "“{reviewer}”不是评查会话“{name}”的评查人员",
    "results_case_unknown": "评查结果中的案卷 {sha}… 不在本会话中",
    "signature_malformed": "签名文件 signature.json 格式有误",
    "signature_algorithm": "签名算法“{algorithm}”不受支持",
    "signature_invalid": "签名无效：包的清单在签名后被改动过，或签名不是由包中的公钥生成的",
    "entry_not_json": "条目“{name}”缺失或不是有效的 JSON",
    "too_many_entries": "条目过多：{count} 个，上限 {limit} 个",
    "entry_unsafe": "条目“{name}”的路径不安全，可能写到解压目录之外",
    "entry_symlink": "条目“{name}”是符号链接",
    "entry_encrypted": "条目“{name}”已加密",
    "entry_duplicate": "条目“{name}”重复出现",
    "entry_too_large": "条目“{name}”解压后过大：{size_bytes}，上限 {limit_bytes}",
    "entry_ratio": "条目“{name}”压缩比异常，达 {ratio} 倍，疑似压缩炸弹",
    "total_too_large": "解压后总大小过大：{size_bytes}，上限 {limit_bytes}",
    "over_budget": "所需内存超出预算：{budget}",
    "not_a_manifest": "清单不是 CaseReview 评查包的清单",
    "format_version": "格式版本 {version} 不受支持，本机支持版本 {supported}",
    "not_review_package": "这不是评查包",
    "not_results_package": "这不是评查结果包",
    "no_entry_list": "清单缺少条目列表",
    "entry_list_malformed": "清单中的条目格式有误",
    "listed_unsafe": "清单中的条目“{name}”路径不安全",
    "entry_size_mismatch": "条目“{name}”的大小与清单不符，包已被篡改",
    "no_manifest": "缺少清单文件 manifest.json",
    "manifest_not_json": "清单文件 manifest.json 不是有效的 JSON",
    "entry_unlisted": "条目“{name}”不在清单中",
    "entry_missing": "清单列出的条目“{name}”在包中缺失",
    "signature_too_large": "签名文件 signature.json 过大",
    "entry_unexpected": "条目“{name}”不应出现在这种包中",
    "entry_hash_mismatch": "条目“{name}”的 SHA-256 校验不符，包已被篡改",
    "file_missing": "文件不存在",
    "unreadable": "{error}",
    "not_a_zip": "不是有效的 ZIP 文件或已损坏",
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
