"""Document types of a transport penalty case file (legal-reference §3), as printed titles.

The order of ``TITLES`` matters for matching: longer titles that contain shorter ones come first.
"""

from __future__ import annotations

from typing import Final

LIAN = "立案登记表"
XUNWEN = "询问笔录"
XIANCHANG = "现场笔录"
KANYAN = "勘验笔录"
ZHENGJU_BAOCUN = "证据登记保存清单"
DIAOCHA_BAOGAO = "案件调查报告"
TONGZHI = "违法行为通知书"
CHENSHU = "陈述申辩笔录"
FANGQI = "放弃陈述申辩（听证）声明"
TINGZHENG_TONGZHI = "听证通知书"
TINGZHENG_BILU = "听证笔录"
TINGZHENG_BAOGAO = "听证报告书"
FAZHI_SHENHE = "法制审核意见"
JITI_TAOLUN = "重大案件集体讨论记录"
JUEDING = "行政处罚决定书"
DANGCHANG_JUEDING = "当场行政处罚决定书"
SONGDA = "送达回证"
SONGDA_DIZHI = "送达地址确认书"
GONGGAO_SONGDA = "公告送达"  # service by public notice (程序规定 第18条(五)): quotes the decision
PIAOJU = "罚没款票据"
GONGSHI = "公示记录"
JIEAN = "结案报告"
FENGMIAN = "卷宗封面"
MULU = "卷内目录"
BEIKAO = "备考表"
QIANGZHI = "行政强制措施决定书"
JIECHU_QIANGZHI = "解除行政强制措施决定书"
YANCHANG_QIANGZHI = "延长行政强制措施期限通知书"
JIECHU_BAOCUN = "解除证据登记保存决定书"
YANQI_SHENPI = "延期审批表"
ZELING_GAIZHENG = "责令改正违法行为通知书"
CUIGAO = "催告书"
# 行政强制 (查封/扣押) and 行政检查 files (rules D-02, D-03)
QINGDAN = "扣押物品清单"  # the 查封/扣押 goods list (行政强制法 第24条)
JIANCHA_SHENPI = "行政检查审批表"
JIANCHA_FANGAN = "行政检查方案"
JIANCHA_JILU = "行政检查记录"
JIANCHA_GAOZHI = "检查结果告知书"
FUJIAN = "证据材料"  # evidence attachments: ID copies, licences, photos, weighbridge slips …
UNKNOWN = "未识别"

# (type, printed variants). Variants are matched on a page's title line after normalisation.
TITLE_VARIANTS: Final[list[tuple[str, tuple[str, ...]]]] = [
    (DANGCHANG_JUEDING, ("当场行政处罚决定书",)),
    (
        JIECHU_QIANGZHI,
        ("解除行政强制措施决定书", "解除查封（扣押）决定书", "解除扣押决定书", "解除查封决定书"),
    ),
    (
        YANCHANG_QIANGZHI,
        (
            "延长行政强制措施期限通知书",
            "延长查封（扣押）期限通知书",
            "延长扣押期限通知书",
            "延长查封期限通知书",
        ),
    ),
    (QIANGZHI, ("行政强制措施决定书", "查封（扣押）决定书", "查封、扣押决定书", "扣押决定书", "查封决定书")),
    (JIECHU_BAOCUN, ("解除证据登记保存决定书", "解除证据先行登记保存决定书", "解除先行登记保存决定书")),
    (
        QINGDAN,
        (
            "查封（扣押）物品清单",
            "查封（扣押）财物清单",
            "查封扣押物品清单",
            "查封、扣押物品清单",
            "场所、设施、财物清单",
            "扣押物品清单",
            "扣押财物清单",
            "查封物品清单",
            "查封财物清单",
        ),
    ),
    (JIANCHA_SHENPI, ("行政检查审批表", "现场检查审批表", "检查审批表", "执法检查审批表")),
    (JIANCHA_FANGAN, ("行政检查方案", "检查工作方案", "执法检查方案", "检查方案")),
    (JIANCHA_JILU, ("行政检查记录", "现场检查记录", "监督检查记录", "检查记录")),
    (JIANCHA_GAOZHI, ("行政检查结果告知书", "检查结果告知书", "检查结果通知书")),
    (ZELING_GAIZHENG, ("责令改正违法行为通知书", "责令改正通知书")),
    (JUEDING, ("行政处罚决定书",)),
    (LIAN, ("立案登记表", "立案审批表")),
    (XUNWEN, ("询问笔录", "调查询问笔录")),
    (
        XIANCHANG,
        (
            "现场笔录",
            "现场检查笔录",
            "行政强制措施现场笔录",
            "查封（扣押）现场笔录",
            "扣押现场笔录",
            "查封现场笔录",
        ),
    ),
    (KANYAN, ("勘验笔录", "勘验检查笔录")),
    (
        ZHENGJU_BAOCUN,
        ("证据登记保存清单", "证据先行登记保存清单", "先行登记保存证据清单", "先行登记保存物品清单"),
    ),
    (DIAOCHA_BAOGAO, ("案件调查报告", "案件调查终结报告", "调查终结报告")),
    (TONGZHI, ("违法行为通知书", "行政处罚事先告知书", "行政处罚告知书")),
    (FANGQI, ("放弃陈述申辩（听证）声明", "放弃陈述申辩声明", "放弃陈述申辩书", "放弃听证声明")),
    (CHENSHU, ("陈述申辩笔录", "陈述申辩书")),
    (TINGZHENG_TONGZHI, ("听证通知书",)),
    (TINGZHENG_BILU, ("听证笔录",)),
    (TINGZHENG_BAOGAO, ("听证报告书", "听证报告")),
    (
        FAZHI_SHENHE,
        (
            "重大行政处罚法制审核意见书",
            "重大行政执法决定法制审核表",
            "法制审核意见书",
            "法制审核意见",
            "法制审核表",
        ),
    ),
    (JITI_TAOLUN, ("重大案件集体讨论记录", "集体讨论记录", "重大案件集体讨论笔录", "集体讨论笔录")),
    (SONGDA_DIZHI, ("执法文书送达地址确认书", "送达地址确认书")),
    (GONGGAO_SONGDA, ("公告送达书", "送达公告", "公告送达", "公告")),
    (SONGDA, ("送达回证",)),
    (
        PIAOJU,
        (
            "罚没款票据",
            "罚没款收据",
            "非税收入缴款书",
            "非税收入一般缴款书",
            "罚款缴款书",
            "罚没款缴款回单",
            "缴款回单",
        ),
    ),
    (
        GONGSHI,
        (
            "行政处罚信息公示记录",
            "行政处罚决定公示记录",
            "公示记录",
            "行政处罚信息公示",
            "行政处罚决定信息公示",
            "行政处罚结果公示",
            "行政处罚信息公开",
        ),
    ),
    (JIEAN, ("结案报告", "结案审批表")),
    (YANQI_SHENPI, ("延期审批表", "案件延期审批表", "延长办案期限审批表")),
    (CUIGAO, ("催告书",)),
    (
        FENGMIAN,
        (
            "卷宗封面",
            "交通运输行政处罚案卷",
            "交通运输行政执法案卷",
            "行政处罚案卷",
            "行政执法案卷",
            "行政强制案卷",
            "行政检查案卷",
        ),
    ),
    (MULU, ("卷内目录", "卷内文件目录", "卷内文书目录", "案卷目录")),
    (BEIKAO, ("备考表", "卷内备考表")),
]

ALL_TYPES: Final[tuple[str, ...]] = (*(t for t, _ in TITLE_VARIANTS), FUJIAN, UNKNOWN)

# Types whose pages carry "案号" and take part in C-01.
NUMBERED_TYPES: Final[frozenset[str]] = frozenset(ALL_TYPES) - {
    FENGMIAN,
    MULU,
    BEIKAO,
    FUJIAN,
    UNKNOWN,
    PIAOJU,
    GONGGAO_SONGDA,
}
