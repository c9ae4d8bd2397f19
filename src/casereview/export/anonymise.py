"""Personal data in case-file text: find it and replace it, for the 典型案例汇编.

What is hidden follows the de-identification practice of published penalty decisions (legal-reference
§4.3: natural persons' names, home addresses, contact details, ID numbers and bank accounts): names of
natural persons become 张某某 (surname kept so roles stay readable), 居民身份证号, phone numbers,
vehicle plates (province and letter kept: 粤B·*****), addresses, 统一社会信用代码 and bank accounts
become stars. Case numbers, dates, amounts, law articles and officers' 执法证号 stay: they are not
citizens' personal data, and a training reader needs them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casereview.export.model import ReviewedCase

NAME = "name"
ID_NUMBER = "id_number"
PHONE = "phone"
PLATE = "plate"
ADDRESS = "address"
CREDIT_CODE = "credit_code"
BANK_ACCOUNT = "bank_account"
ORGANISATION = "organisation"

KIND_LABELS: dict[str, str] = {
    NAME: "姓名",
    ID_NUMBER: "身份证号",
    PHONE: "电话号码",
    PLATE: "车牌号",
    ADDRESS: "地址",
    CREDIT_CODE: "统一社会信用代码",
    BANK_ACCOUNT: "银行账号",
    ORGANISATION: "单位名称",
}


@dataclass(frozen=True)
class Identifier:
    kind: str  # one of the kind constants above
    text: str  # as found (NFKC, as the case's spans are)
    replacement: str


_CJK = "\u4e00-\u9fff"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Common surnames (百家姓 and frequency lists): a word after a label is a name only if it starts with
# one, which keeps 同意/无/本人 and the like out. Compound surnames first.
COMPOUND_SURNAMES = _words(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 端木 西门 南宫 独孤"
)
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童"
    "凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项"
    "连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲"
    "虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海"
    "阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊"
    "阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展"
    "阴昝智幸奉植衡富尧闭由"
)
# Words that follow a name label without being a name.
_NOT_NAMES = frozenset(
    _words(
        "同意 不同意 本人 签名 盖章 性别 年龄 男 女 无 见附件 当事人 执法人员 联系电话 住址 地址 姓名"
        " 单位 职务 记录人 询问人 被询问人 年月日 驾驶员 负责人 法定代表人 承办人 以上 上述 经办人"
        " 同上 不详"
    )
)
_NAME_LABELS = _words(
    "被询问人 当事人 驾驶员 驾驶人 联系人 法定代表人 负责人 签名 现场人员 受送达人 收件人 代收人"
    " 提供人 所有人 车主 船长 执法人员 询问人 记录人 拍摄人 听证主持人 主持人 听证员 记录员 承办人"
    " 经办人 审核人 审批人 委托代理人 代理人 姓名 送达人 见证人 被邀请人 勘验人 检查人 缴款人 陈述人"
    " 申辩人 安全主管 调查人员 办案人员 核对人 汇报人 参加人员 出席人员 列席人员 报告人 投诉人 举报人"
    " 乘客 立卷人 审核人员 法制审核人员 参会人员 出席人 主讲人 复核人 批准人"
)
_LABEL = "|".join(sorted(_NAME_LABELS, key=len, reverse=True))
_NAME = f"[{_CJK}]{{2,4}}(?![{_CJK}])(?!\\s*[:：])"  # not the next label of a line
# Between a label and its name: a colon, spaces or a line break, optionally "（盖章）".
_LABEL_SEP = r"(?:[（(]\s*(?:盖章|签字|签章)\s*[）)]\s*[:：]?\s*|\s*[:：]\s*|\s+)"
# Between names of a list: 、 , or spaces, possibly after "（执法证号…）".
_LIST_SEP = r"(?:[（(][^（）()]{0,30}[）)])?(?:[ \t\u3000]*[、，,/][ \t\u3000]*|[ \t\u3000]+)"
_LABELLED_NAMES = re.compile(rf"(?:{_LABEL})(?:姓名(?:及职务)?)?{_LABEL_SEP}({_NAME}(?:{_LIST_SEP}{_NAME})*)")
_PARENTHESES = re.compile(r"[（(][^（）()]*[）)]")
# 见证人：社区工作人员雷海峰 — a name after who the person is.
_DESCRIBED = re.compile(
    rf"(?:工作人员|村民|居民|群众|司机|证人)\s*([{_CJK}]{{2,3}})(?=[\s,，、。;；:：(（]|\d|$)"
)
# 孟瑞（副局长）：同意拟处罚意见 — a speaker in a 集体讨论记录 or 听证笔录.
_SPEAKER = re.compile(rf"(?m)^\s*([{_CJK}]{{2,4}})\s*[（(][^（）()\n]{{1,12}}[）)]\s*[:：]")
# 驾驶员\n范福驾驶 — a verb run on after a name that ends a wrapped line.
_RUN_ON = re.compile("(?:驾驶|承办|签名|签收|拒绝|同意|负责|陈述|到场|在场|驾车)$")
_BEFORE_CERTIFICATE = re.compile(
    rf"(?<![{_CJK}])([{_CJK}]{{2,4}})\s*(?:[（(][^（）()\n]{{0,8}}?)?(?:执法证|证号|证书编号|资格证)"
)

_ID18 = re.compile(
    r"(?<![0-9A-Za-z])(\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx])(?![0-9A-Za-z])"
)
_ID15 = re.compile(r"(?<![0-9A-Za-z])(\d{8}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3})(?![0-9A-Za-z])")
_CREDIT = re.compile(
    r"(?<![0-9A-Za-z])([0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{9}[0-9A-HJ-NPQRTUWXY])(?![0-9A-Za-z])"
)
_MOBILE = re.compile(r"(?<![0-9A-Za-z])(1[3-9]\d(?:[- ]?\d{4}){2})(?![0-9A-Za-z])")
_LANDLINE = re.compile(r"(?<![0-9A-Za-z])((?:0\d{2,3}[-－]|[（(]0\d{2,3}[）)]\s?)\d{7,8})(?![0-9A-Za-z])")
# Province, letter, optional dot, 5–6 characters (新能源 plates have 6); a plate printed without its
# letter (京·D6191) still needs the dot, or any province name before a number would match.
_PLATE = re.compile(
    r"([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])"
    r"(?:([A-HJ-NP-Z])[·•・.\s]?|[·•・.])([A-HJ-NP-Z0-9]{5,6})(?![A-Za-z0-9])"
)
_BANK = re.compile(r"(?:账号|帐号|卡号|开户行|银行)[^\d\n]{0,30}?((?:\d[ -]?){11,18}\d)(?![0-9])")
_ADDRESS_LABELS = "家庭住址|现住址|联系地址|通讯地址|送达地址|住址|地址|住所|居住地"
_ADDRESS_LABELLED = re.compile(
    rf"(?:{_ADDRESS_LABELS})(?:[:：]\s*|[ \t\u3000]+|[ \t\u3000]*\n\s*)([^\n,，;；。]{{4,60}})"
)
_ADDRESS_STOP = re.compile(r"\s{2,}|\s(?=联系|电话|邮编|邮政|身份|性别|年龄)|(?:联系电话|电话|邮编|邮政编码)")
_NUM = "0-9一二三四五六七八九十〇零"
_ADDRESS_PATTERN = re.compile(
    rf"[{_CJK}]{{2,24}}?(?:路|街|大道|巷|弄|道|村|里|组)[{_NUM}]+(?:号|弄|组)"
    rf"(?:[{_NUM}A-Za-z]+(?:栋|幢|座|单元|楼|层|室|房|号))*"
)
_ADDRESS_CUT = re.compile(r".*(?:住址|地址|住所|现住|家住|居住|住在|位于|岁)")
_ADDRESS_LEAD = re.compile(r"^(?:现住址?|家住|居住(?:在|于)?|住(?:在|于)?|位于|地址为?|系|在|于|至|到)")
_CERTIFICATE_CONTEXT = re.compile(r"执法证|(?<!身份)证号")
_PHONE_CONTEXT = re.compile(r"电话|手机|联系方式|联系人")


def fold(text: str) -> str:
    """The form two texts are compared in: NFKC, no white space, no plate dots."""
    return re.sub(r"[\s·•・.]", "", unicodedata.normalize("NFKC", text))


def surname(name: str) -> str:
    for compound in COMPOUND_SURNAMES:
        if name.startswith(compound) and len(name) > len(compound):
            return compound
    return name[:1]


def is_name(word: str) -> bool:
    """A 2–4 character word that reads as a Chinese personal name."""
    if word in _NOT_NAMES or not 2 <= len(word) <= 4:
        return False
    return word[0] in SURNAMES or any(word.startswith(c) for c in COMPOUND_SURNAMES)


def pseudonym(name: str) -> str:
    return surname(name) + "某某"


def organisation_pseudonym(name: str) -> str:
    return "某公司" if name.endswith("公司") else "某单位"


def _stars(text: str) -> str:
    return "*" * len(re.sub(r"[\s-]", "", text))


def _valid_id(number: str) -> bool:
    """GB 11643 check digit of an 18-digit number (used for text joined across line breaks)."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(c) * w for c, w in zip(number[:17], weights, strict=True))
    return "10X98765432"[total % 11] == number[17].upper()


def _valid_date(number: str) -> bool:
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return True


def _officer_number(text: str, start: int) -> bool:
    """True when the number at ``start`` follows 执法证号 rather than a phone label."""
    before = text[max(0, start - 30) : start]
    cert = [m.end() for m in _CERTIFICATE_CONTEXT.finditer(before)]
    phone = [m.end() for m in _PHONE_CONTEXT.finditer(before)]
    return bool(cert) and (not phone or cert[-1] > phone[-1])


def _clean_address(value: str) -> str:
    value = _ADDRESS_STOP.split(value, maxsplit=1)[0].strip()
    cut = _ADDRESS_CUT.match(value)  # "40岁住址湖南省…" in text joined across table cells
    if cut and len(value) - cut.end() >= 5:
        value = value[cut.end() :]
    return _ADDRESS_LEAD.sub("", value).strip()


def _address_like(value: str) -> bool:
    """A labelled value that is an address, not a fragment cut by a line break (湖南省炎)."""
    if _ADDRESS_PATTERN.search(value):
        return True
    return len(value) >= 6 and re.search("[省市县区镇乡村旗州]", value) is not None


def _numbers(text: str, joined: bool) -> Iterable[Identifier]:
    """ID numbers, credit codes, phones and bank accounts; ``joined`` text needs check digits."""
    for match in _ID18.finditer(text):
        number = match.group(1)
        if _valid_date(number) and (not joined or _valid_id(number)):
            yield Identifier(ID_NUMBER, number, _stars(number))
    if joined:
        return
    for match in _ID15.finditer(text):
        if not _officer_number(text, match.start()):
            yield Identifier(ID_NUMBER, match.group(1), _stars(match.group(1)))
    for match in _CREDIT.finditer(text):
        code = match.group(1)
        if not code.isdigit():  # all digits: an ID number or an account, found by their own rules
            yield Identifier(CREDIT_CODE, code, _stars(code))
    for pattern in (_MOBILE, _LANDLINE):
        for match in pattern.finditer(text):
            if not _officer_number(text, match.start()):
                yield Identifier(PHONE, match.group(1), _stars(match.group(1)))
    for match in _BANK.finditer(text):
        yield Identifier(BANK_ACCOUNT, match.group(1), _stars(match.group(1)))


def _plates(text: str) -> Iterable[Identifier]:
    for match in _PLATE.finditer(text):
        province, letter, tail = match.groups()
        yield Identifier(PLATE, match.group(0), f"{province}{letter or ''}·{'*' * len(tail)}")


def _addresses(text: str, joined: bool) -> Iterable[Identifier]:
    if not joined:
        for match in _ADDRESS_LABELLED.finditer(text):
            value = _clean_address(match.group(1))
            if _address_like(value):
                yield Identifier(ADDRESS, value, "****")
    for match in _ADDRESS_PATTERN.finditer(text):
        value = _clean_address(match.group(0))
        if len(value) >= 5:
            yield Identifier(ADDRESS, value, "****")


def labelled_names(text: str) -> list[str]:
    """Names written after 当事人/被询问人/签名… labels, before an 执法证号, after 工作人员 or as a
    speaker with a role."""
    names: list[str] = []
    for match in _LABELLED_NAMES.finditer(text):
        names.extend(re.findall(_NAME, _PARENTHESES.sub(" ", match.group(1))))
    for pattern in (_BEFORE_CERTIFICATE, _DESCRIBED, _SPEAKER):
        names.extend(m.group(1) for m in pattern.finditer(text))
    trimmed = [_RUN_ON.sub("", n) if len(_RUN_ON.sub("", n)) >= 2 else n for n in names]
    return [n for n in dict.fromkeys(trimmed) if is_name(n)]


def find_identifiers(text: str, known_names: Sequence[str] = ()) -> list[Identifier]:
    """Personal data in ``text``; every occurrence of a known or labelled name counts, anywhere.

    Values broken over lines (an ID number or address wrapped in a table cell) are found in the
    text with its line breaks removed. Longest first, one entry per text.
    """
    joined = re.sub(r"\s*\n\s*", "", text)
    found: list[Identifier] = []
    names = [n for n in dict.fromkeys([*known_names, *labelled_names(text)]) if len(n) >= 2]
    found.extend(Identifier(NAME, n, pseudonym(n)) for n in names if fold(n) in fold(text))
    found.extend(_numbers(text, joined=False))
    found.extend(_numbers(joined, joined=True))
    found.extend(_plates(text))
    found.extend(_addresses(text, joined=False))
    found.extend(_addresses(joined, joined=True))
    return _unique(_drop_cut_addresses(found))


def _drop_cut_addresses(found: list[Identifier]) -> list[Identifier]:
    """Drop the part before a line break of a wrapped address (广东省东莞市) when the whole is found:
    alone it names a city, not a home."""
    whole = [fold(i.text) for i in found if i.kind == ADDRESS]
    return [
        i
        for i in found
        if i.kind != ADDRESS
        or _ADDRESS_PATTERN.search(i.text)
        or not any(w != fold(i.text) and w.startswith(fold(i.text)) for w in whole)
    ]


def _unique(found: Iterable[Identifier]) -> list[Identifier]:
    seen: dict[str, Identifier] = {}
    for item in found:
        key = fold(item.text)
        if key and key not in seen:
            seen[key] = item
    return sorted(seen.values(), key=lambda i: (-len(fold(i.text)), i.kind, i.text))


def case_identifiers(case: ReviewedCase) -> list[Identifier]:
    """Identifiers of a whole case file: all pages' text, the extracted parties and officers.

    Officers' certificate numbers stay (see the module docstring), so a number equal to one is
    never taken for a phone or an account.
    """
    from casereview.domain.model import Party

    extraction = case.analysis.extraction
    known: list[str] = [o.name for o in extraction.officers if is_name(o.name)]
    found: list[Identifier] = []
    for value in extraction.parties:
        party = value.value
        if not isinstance(party, Party):
            continue
        if party.kind == "individual" and re.fullmatch(_NAME, party.name):
            known.insert(0, party.name)  # trusted even with a surname missing from the list
        elif party.name:
            found.append(Identifier(ORGANISATION, party.name, organisation_pseudonym(party.name)))
        if party.credit_code:
            found.append(Identifier(CREDIT_CODE, party.credit_code, _stars(party.credit_code)))
    text = "\n".join(page.text for page in case.analysis.case.pages)
    found.extend(find_identifiers(text, known))
    certificates = {fold(o.certificate) for o in extraction.officers if o.certificate}
    return _unique(i for i in found if fold(i.text) not in certificates)


def _char(c: str) -> str:
    """``c`` or its full-width form: the text keeps its own width, identifiers are NFKC."""
    if c in "·•・.":
        return "[·•・.]?"
    if "!" <= c <= "~":
        return f"[{re.escape(c)}{chr(ord(c) + 0xFEE0)}]"
    return re.escape(c)


def _loose(text: str) -> str:
    """A pattern for ``text`` that tolerates line breaks and spaces between its characters."""
    return r"\s*".join(_char(c) for c in text if not c.isspace())


def anonymise_text(text: str, identifiers: Sequence[Identifier]) -> str:
    """``text`` with every identifier replaced (longest first, so a name inside an address goes
    with the address)."""
    if not identifiers or not text:
        return text
    ordered = sorted(identifiers, key=lambda i: -len(fold(i.text)))
    table = {fold(i.text): i.replacement for i in ordered}
    pattern = re.compile("|".join(f"(?:{_loose(unicodedata.normalize('NFKC', i.text))})" for i in ordered))
    return pattern.sub(lambda m: table.get(fold(m.group(0)), "****"), text)


def mask(text: str) -> str:
    """A partly hidden identifier for messages: 卢*, 43**************18."""
    text = fold(text)
    if len(text) <= 2:
        return text[:1] + "*"
    if len(text) <= 6:
        return text[0] + "*" * (len(text) - 2) + text[-1]
    return text[:2] + "*" * (len(text) - 4) + text[-2:]
