"""Enforcement officers and their certificate numbers (执法证号) in the headers of 笔录 and similar forms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class OfficerMatch:
    start: int
    end: int
    text: str
    name: str
    certificate: str | None


# Roles filled by officers. 被询问人/被检查人 are the other side; 记录人 is included because in a 询问笔录
# the recorder is often the second officer (duplicates are merged by name).
_LABEL_RE: Final = re.compile(
    r"(?<!被)"
    r"(?:执法人员|执法人|询问人员?|勘验人员?|检查人员?|调查人员?|办案人员|承办人员?|记录人员?)"
    r"(?:\s*\(?\s*签[名字]\s*\)?)?"
    r"(?:\s*\(\s*(?:执法)?证件?(?:编号|号码|号)\s*\))?"  # a label cell naming both: 执法人员（证号）
    # OCR doubles colons now and then; after "…及证号" a form cell may run straight into the names.
    r"(?:及(?:其)?(?:执法)?证件?(?:编号|号码|号)\s*[:：]*\s*|\s*[:：]+\s*|\s+|(?=\())"
)
# Any "label:" that opens a field about someone else ends the officer block.
_BLOCK_END_RE: Final = re.compile(
    r"被询问人|被检查(?:人|单位|对象)|被勘验人|当事人|现场人员|被邀请人|见证人|主持人|(?<!被)"
    r"(?:执法人员|执法人|询问人|勘验人|检查人|调查人|办案人员|承办人|记录人)"
)
# Bare 证号 also ends 身份证号, 驾驶证号, 资格证号, 运输证号, 执照号…; those belong to other people.
_CERT_LABEL: Final = r"(?:执法证件?(?:编号|号码|号)?|(?<![份驶格输照车])证件?(?:编号|号码|号))"
# Certificate numbers: digits and capitals, often behind a province's one-character abbreviation
# (粤A12345, 川12345678) as provincial systems print them.
_PROVINCE: Final = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_CERT: Final = rf"(?:[{_PROVINCE}]\s?)?[0-9A-Z]{{6,20}}"
_CERT_LIST_RE: Final = re.compile(
    rf"{_CERT_LABEL}\s*[:：]*\s*(?P<list>{_CERT}(?:\s*[、,，/]\s*{_CERT})*)(?![0-9A-Za-z])"
)
_CERT_ONLY_RE: Final = re.compile(_CERT)
# A name is 2–4 CJK characters followed by a separator or by the next field label; the lazy quantifier
# plus the lookahead splits 张三执法证号 and 王五记录人 without a dictionary.
_NAME_END: Final = (
    r"(?=$|[\s、,，;；()\[\]/]"
    r"|执法|证件|证号|编号|单位|职务|记录|询问|勘验|检查|地点|时间|性别|年龄|联系|电话)"
)
_NAME_RE: Final = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,4}}?){_NAME_END}")
# OCR sometimes splits a name after its first character (张 三): the rest, after the gap.
_NAME_TAIL_RE: Final = re.compile(rf"[ \t\u3000]+(?P<name>[\u4e00-\u9fff]{{1,3}}?){_NAME_END}")
# A parenthesised certificate right after a name: (执法证号:19001234), (证号 44010012345), (44010012345).
_PAREN_CERT_RE: Final = re.compile(rf"\s*\(\s*(?:{_CERT_LABEL}\s*[:：]?\s*)?(?P<cert>{_CERT})\s*\)")
_INLINE_CERT_RE: Final = re.compile(rf"\s*(?={_CERT_LABEL})")
# A certificate-like number standing alone: a province prefix, capitals and at least one digit.
_CERT_TOKEN: Final = rf"(?:[{_PROVINCE}]\s?)?[0-9A-Z]*[0-9][0-9A-Z]{{5,19}}"
_CERT_TOKEN_RE: Final = re.compile(_CERT_TOKEN)
# "执法人员及证号：张三 川12345678 李四 川87654321": a number straight after the name, no label.
_BARE_CERT_RE: Final = re.compile(rf"\s*(?P<cert>{_CERT_TOKEN})(?![0-9A-Za-z])")
# A table of officers: a header row naming the name and certificate columns, one officer per row.
_TABLE_HEAD_RE: Final = re.compile(
    r"(?:执法人员|姓名|办案人员|承办人)(?:姓名)?\s+(?:执法证件?(?:编号|号码|号)|证件?(?:编号|号码|号))"
    r"(?:\s+[\u4e00-\u9fff()（）]{2,8}){0,3}\s*$",  # further columns: 所属单位, 职务 …
    re.M,
)
_TABLE_ROW_RE: Final = re.compile(
    rf"^\s*(?:\d{{1,2}}\s+|[\u4e00-\u9fff]\s+)?(?P<name>[\u4e00-\u9fff]{{2,4}})\s+(?P<cert>{_CERT})(?![0-9A-Za-z])",
    re.M,
)
_SEPARATORS: Final = frozenset(" \t\r\n\u3000、,，;；")
# Label words that the name pattern would otherwise take for a name (单位及 from 单位及职务).
_NOT_NAME_START_RE: Final = re.compile(
    r"执法|证件|证号|单位|职务|记录|询问|勘验|检查|地点|时间|性别|年龄|联系|电话|签"
)
_NOT_NAMES: Final = frozenset(
    {
        "签名", "签字", "单位", "职务", "单位及职务", "工作单位", "时间", "地点", "日期", "性别", "年龄",
        "执法证号", "证号", "记录人", "询问人", "勘验人", "检查人", "执法人员", "当事人", "无", "以上",
        "以上笔录", "本人", "我们", "你们", "执法证", "被询问人", "共两名", "两名", "二人", "两人", "同上",
        "同前", "如上", "见上", "略",
    }
)  # fmt: skip
_WINDOW: Final = 120


def _tidy(cert: str) -> str:
    return re.sub(r"\s", "", cert)


def certificate_tokens(text: str) -> set[str]:
    """Every certificate-like number in ``text`` (as officers' certificates are stored: no spaces)."""
    return {_tidy(t) for t in _CERT_TOKEN_RE.findall(text)}


def _certs(list_text: str) -> list[str]:
    return [_tidy(c) for c in _CERT_ONLY_RE.findall(list_text)]


def _block_end(text: str, pos: int) -> int:
    m = _BLOCK_END_RE.search(text, pos, min(len(text), pos + _WINDOW))
    return m.start() if m else min(len(text), pos + _WINDOW)


def _match_name(text: str, pos: int, limit: int) -> tuple[int, int, str] | None:
    nm = _NAME_RE.match(text, pos, limit)
    if nm is not None:
        name, end = nm["name"], nm.end()
    elif pos < limit and "\u4e00" <= text[pos] <= "\u9fff":
        tail = _NAME_TAIL_RE.match(text, pos + 1, limit)
        if tail is None:
            return None
        name, end = text[pos] + tail["name"], tail.end()
    else:
        return None
    if name in _NOT_NAMES or _NOT_NAME_START_RE.match(name) or text.startswith((":", "："), end):
        return None
    return pos, end, name


def _read_block(text: str, pos: int) -> list[OfficerMatch]:
    """Names (each with its certificate if printed next to it) that follow an officer label at ``pos``."""
    limit = _block_end(text, pos)
    done: list[OfficerMatch] = []
    pending: list[tuple[int, int, str]] = []  # names still waiting for a certificate
    while pos < limit:
        while pos < limit and text[pos] in _SEPARATORS:
            pos += 1
        found = _match_name(text, pos, limit)
        if found is None:
            break  # a label such as 单位及职务: or any other text ends the list of names
        nstart, pos, name = found
        pending.append((nstart, pos, name))
        pc = _PAREN_CERT_RE.match(text, pos, limit)
        if pc is not None:
            done.append(OfficerMatch(nstart, pc.end(), text[nstart : pc.end()], name, _tidy(pc["cert"])))
            pending.pop()
            pos = pc.end()
            continue
        bare = _BARE_CERT_RE.match(text, pos, limit)
        if bare is not None:
            done.append(
                OfficerMatch(nstart, bare.end(), text[nstart : bare.end()], name, _tidy(bare["cert"]))
            )
            pending.pop()
            pos = bare.end()
            continue
        lc = _INLINE_CERT_RE.match(text, pos, limit)
        if lc is not None:
            cl = _CERT_LIST_RE.match(text, lc.end(), limit)
            if cl is None:
                break  # a certificate label without a readable number
            done.extend(_assign(text, pending, cl))
            pending = []
            pos = cl.end()
    if pending:
        # 勘验人:赵六 单位及职务:… 执法证号:… — the certificate comes after other fields of the same block.
        cl = _CERT_LIST_RE.search(text, pos, limit)
        if cl is not None:
            done.extend(_assign(text, pending, cl))
        else:
            done.extend(OfficerMatch(s, e, text[s:e], n, None) for s, e, n in pending)
    return done


def _assign(text: str, pending: list[tuple[int, int, str]], cl: re.Match[str]) -> list[OfficerMatch]:
    """Pair names with a certificate list: in order when the counts agree, else the list goes to the
    names nearest to it (张三、李四 执法证号:4401002 gives 李四 the number, 张三 none)."""
    certs = _certs(cl["list"])
    skip = max(0, len(pending) - len(certs))  # leading names left without a certificate
    out: list[OfficerMatch] = []
    for i, (s, e, n) in enumerate(pending):
        cert = certs[i - skip] if i >= skip else None
        # One name, one number: the span runs on to the number; in a list it covers the name only.
        end = cl.end() if cert is not None and len(pending) - skip == 1 else e
        out.append(OfficerMatch(s, end, text[s:end], n, cert))
    return out


def _read_table(text: str, pos: int) -> list[OfficerMatch]:
    """Rows under an officers table's header, each a name and its certificate, until a row that is not."""
    out: list[OfficerMatch] = []
    for row in _TABLE_ROW_RE.finditer(text, pos + 1):
        # Other cells of the header or of the previous row (所属单位, the unit's name, a wrapped
        # "询问(记录)人") may stand between rows; a number there means another part of the form.
        between = text[pos : row.start()].strip()
        if len(between) > 24 or re.search(r"\d", between) or row["name"] in _NOT_NAMES:
            break
        if _NOT_NAME_START_RE.match(row["name"]):
            break
        out.append(
            OfficerMatch(row.start("name"), row.end(), row.group(0).strip(), row["name"], _tidy(row["cert"]))
        )
        pos = row.end()
    return out


def find_officers(text: str) -> list[OfficerMatch]:
    """Officers named after 执法人员/询问人/勘验人/记录人… labels, one match per name (first seen; a
    mention with a certificate wins over one without). ``certificate`` is None when none is printed for
    that name in its block."""
    by_name: dict[str, OfficerMatch] = {}
    blocks = [_read_block(text, lm.end()) for lm in _LABEL_RE.finditer(text)]
    blocks += [_read_table(text, head.end()) for head in _TABLE_HEAD_RE.finditer(text)]
    for block in blocks:
        for om in block:
            old = by_name.get(om.name)
            if old is None or (old.certificate is None and om.certificate is not None):
                by_name[om.name] = om
    return sorted(by_name.values(), key=lambda o: o.start)
