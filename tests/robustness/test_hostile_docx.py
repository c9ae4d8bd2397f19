"""Issue 18 (1): a DOCX case file must not make the workstation fetch anything or read a local file.

A real DOCX is doctored the way a hostile one is: a linked image (``r:link`` + an External
relationship) pointing at an HTTP listener on loopback, an INCLUDEPICTURE field and an INCLUDETEXT
field pointing at the listener and at a local file whose content is a marker. The file is converted
by the real LibreOffice as ``check`` does; the listener must see no request and the marker must not
reach any page. A macro-enabled document renamed .docx is refused with the reason.
"""

from __future__ import annotations

import http.server
import re
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from casereview.errors import IngestError
from casereview.ingest.docx import convert_to_pdf, soffice_binary
from casereview.ingest.docx_sanitise import sanitise_part, sanitised_copy
from casereview.messages import describe

pytestmark = pytest.mark.skipif(soffice_binary() is None, reason="LibreOffice is not installed")

MARKER = "SECRET-LOCAL-FILE-7F3A"


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def _record(self) -> None:
        _Recorder.hits.append(f"{self.command} {self.path}")
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"REMOTE-CONTENT")

    do_GET = do_OPTIONS = do_HEAD = do_PROPFIND = _record  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[str]:
    _Recorder.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _plain_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("行政处罚决定书")
    document.add_paragraph("当事人：张三")
    document.save(str(path))


def _hostile(tmp_path: Path, url: str) -> Path:
    plain, hostile = tmp_path / "plain.docx", tmp_path / "hostile.docx"
    _plain_docx(plain)
    secret = tmp_path / "secret.txt"
    secret.write_text(MARKER, "utf-8")
    fields = (
        f'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> '
        f'INCLUDEPICTURE "{url}/pic.png" \\d </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        f'<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;{secret.as_uri()}&quot; "><w:r><w:t>x</w:t></w:r>'
        f"</w:fldSimple></w:p>"
        f'<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;{url}/text.txt&quot; "><w:r><w:t>y</w:t></w:r>'
        f"</w:fldSimple></w:p>"
        '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
        'wordprocessingDrawing"><wp:extent cx="914400" cy="914400"/><wp:docPr id="9" name="p"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData '
        'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.'
        'openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="9" name="p"/><pic:cNvPicPr/>'
        '</pic:nvPicPr><pic:blipFill><a:blip r:link="rIdX1"/></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" '
        'y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr></pic:pic>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )
    link = (
        '<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        f'image" Target="{url}/linked.png" TargetMode="External"/>'
        '<Relationship Id="rIdX2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        f'image" Target="{secret.as_uri()}" TargetMode="External"/>'
    )
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(hostile, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = re.sub(rb"<w:sectPr", lambda m: fields.encode() + m[0], data, count=1)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", link.encode() + b"</Relationships>")
            out.writestr(info, data)
    return hostile


def test_sanitiser_removes_every_outward_pointer(tmp_path: Path) -> None:
    hostile = _hostile(tmp_path, "http://127.0.0.1:9")
    safe = tmp_path / "safe.docx"
    assert sanitised_copy(hostile, safe) >= 5
    with zipfile.ZipFile(safe) as z:
        text = b"".join(z.read(n) for n in z.namelist())
    assert b"127.0.0.1" not in text and b"file://" not in text and b'TargetMode="External"' not in text


def test_conversion_fetches_nothing_and_reads_no_local_file(tmp_path: Path, listener: str) -> None:
    import pymupdf

    hostile = _hostile(tmp_path, listener)
    out = tmp_path / "out"
    out.mkdir()
    pdf = convert_to_pdf(hostile, out)
    with pymupdf.open(pdf) as doc:
        text = "".join(page.get_text() for page in doc)
    assert "当事人" in text  # the document itself is still converted
    assert MARKER not in text and "REMOTE-CONTENT" not in text
    assert _Recorder.hits == []


def test_macro_document_renamed_docx_is_refused(tmp_path: Path) -> None:
    plain, macro = tmp_path / "plain.docx", tmp_path / "macro.docx"
    _plain_docx(plain)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(macro, "w") as out:
        for info in src.infolist():
            out.writestr(info, src.read(info))
        out.writestr("word/vbaProject.bin", b"\x00" * 64)
    with pytest.raises(IngestError) as caught:
        sanitised_copy(macro, tmp_path / "x.docx")
    assert "宏" in describe(caught.value)


def test_a_dtd_is_refused(tmp_path: Path) -> None:
    assert sanitise_part("word/_rels/document.xml.rels", b"<Relationships/>")[1] == 0
    plain, bomb = tmp_path / "plain.docx", tmp_path / "bomb.docx"
    _plain_docx(plain)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(bomb, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa">]>', 1)
            out.writestr(info, data)
    with pytest.raises(IngestError) as caught:
        sanitised_copy(bomb, tmp_path / "y.docx")
    assert "DTD" in describe(caught.value)


def test_links_out_of_a_case_folder_are_not_followed(tmp_path: Path) -> None:
    from casereview.ingest.sources import folder_members

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "private.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    case = tmp_path / "case"
    case.mkdir()
    (case / "p1.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (case / "p2.png").symlink_to(outside / "private.png")
    (case / "p3.png").symlink_to(case / "p1.png")  # a link inside the folder is fine
    readable, skipped = folder_members(case)
    assert [p.name for p in readable] == ["p1.png", "p3.png"]
    assert [p.name for p in skipped] == ["p2.png"]
