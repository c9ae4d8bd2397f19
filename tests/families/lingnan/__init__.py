"""Lingnan (岭南): a provincial 综合行政执法 web system's print templates.

Nearly every document is a bordered grid printed by the system (FreeMarker/JSP style): grey label cells,
a tall 当事人 cell with 个人/单位 sub-blocks (only one filled), officers in an 执法人员 | 执法证号 table,
zero-padded dates, 人民币…元整（¥…）amounts, a system header, 第 i 页 / 共 n 页 and a print timestamp
on every page. The 公示 page is a browser print of the provincial platform; payment is a provincial
非税收入一般缴款书 with the bank's 收讫 stamp.
"""

from __future__ import annotations

from families.lingnan.build import write_case

FAMILY = "lingnan"

__all__ = ["FAMILY", "write_case"]
