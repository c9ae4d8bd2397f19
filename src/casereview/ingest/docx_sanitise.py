"""A DOCX made safe to convert: nothing in it may make LibreOffice fetch a URL or read a local file.

A case file comes from outside. Word documents can point outside themselves: relationships with
``TargetMode="External"`` (linked images, attached templates, OLE links, frames), INCLUDEPICTURE /
INCLUDETEXT / LINK / DDE fields, and ``r:link`` on images. All of them are removed from a copy before
LibreOffice sees it; a macro-enabled document (vbaProject, a macro content type) or an XML part with
a DTD is refused with the reason. Parts are edited as text, not re-serialised, so the rest of the
document is left exactly as written.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from casereview.errors import ErrorCode, IngestError

_EXTERNAL_REL = re.compile(rb"<Relationship\b[^>]*TargetMode\s*=\s*[\"']External[\"'][^>]*/>", re.I)
_LINKED = re.compile(rb"\s(?:r|[a-z]+):link\s*=\s*\"[^\"]*\"")
_FIELD_WORDS = rb"(?:INCLUDEPICTURE|INCLUDETEXT|LINK|DDE|DDEAUTO|IMPORT|HYPERLINK|AUTOTEXTLIST)"
_INSTR_TEXT = re.compile(rb"(<w:instrText\b[^>]*>)([^<]*" + _FIELD_WORDS + rb"[^<]*)(</w:instrText>)", re.I)
_FLD_SIMPLE = re.compile(rb"(w:instr\s*=\s*\")([^\"]*" + _FIELD_WORDS + rb"[^\"]*)(\")", re.I)
_MACRO_TYPES = re.compile(rb"macroEnabled|vbaProject|vbaData|application/vnd\.ms-office\.activeX", re.I)
_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)
_XML_SUFFIXES = (".xml", ".rels")


def _refuse(path: Path, why: str) -> IngestError:
    return IngestError(ErrorCode.CONVERSION_FAILED, str(path), {"why": why})


def sanitise_part(name: str, data: bytes) -> tuple[bytes, int]:
    """The part with every outward pointer removed, and how many were removed."""
    removed = 0
    if name.endswith(".rels"):
        data, n = _EXTERNAL_REL.subn(b"", data)
        removed += n
    data, n = _LINKED.subn(b"", data)
    removed += n
    data, n = _INSTR_TEXT.subn(rb"\1 \3", data)
    removed += n
    data, n = _FLD_SIMPLE.subn(rb"\1 \3", data)
    removed += n
    return data, removed


def sanitised_copy(path: Path, target: Path) -> int:
    """Write the sanitised DOCX to ``target``; returns how many outward pointers were removed.

    Refuses (IngestError) a macro-enabled document or one whose XML declares a DTD (XXE, entity bombs)."""
    removed = 0
    try:
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            for info in src.infolist():
                name = info.filename
                lower = name.lower()
                if lower.endswith(("vbaproject.bin", "vbadata.xml")) or "activex" in lower:
                    raise _refuse(path, "docx_macros")
                data = src.read(info)
                if lower.endswith(_XML_SUFFIXES):
                    if _DTD.search(data[:4096]):
                        raise _refuse(path, "docx_dtd")
                    if lower == "[content_types].xml" and _MACRO_TYPES.search(data):
                        raise _refuse(path, "docx_macro_content")
                    data, n = sanitise_part(name, data)
                    removed += n
                out.writestr(info, data)
    except zipfile.BadZipFile as exc:
        raise IngestError(ErrorCode.CORRUPT_FILE, str(path), {"why": "not_docx_zip"}) from exc
    return removed
