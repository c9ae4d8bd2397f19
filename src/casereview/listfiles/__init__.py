"""Reading the lists a reviewer imports, from CSV or XLSX, with no database: publication lists
(公示清单, T-12) and officer rosters (执法人员名单, P-21). A check reads them for one run
(``checking.py``); :mod:`casereview.lists` stores them."""
