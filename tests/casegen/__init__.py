"""Synthetic transport administrative-penalty case files (交通运输行政处罚案卷) with ground truth.

``generate_case`` writes one case (digital/scanned/mixed PDF, DOCX, image folder or TIFF) plus
``<case_id>.truth.json``; ``generate_corpus`` writes a balanced set; ``make_demo_case`` the demo file; ``long_case`` one long PDF of appended cases.
"""

from casegen.corpus import generate_corpus, make_demo_case
from casegen.defects import DEFECTS
from casegen.generate import KINDS, generate_case
from casegen.long import long_case

__all__ = ["DEFECTS", "KINDS", "generate_case", "generate_corpus", "long_case", "make_demo_case"]
