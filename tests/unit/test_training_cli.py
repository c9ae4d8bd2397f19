"""``casereview training tag|list|delete`` and ``export compilation CASE…`` with untagged cases, on a
real SQLite file; bad input (pages outside the file, an unknown case or tag) in Chinese."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from casegen import generate_case
from casereview.cli import main
from casereview.ocr import engine
from casereview.ocr.engine import FakeOcrEngine
from casereview.office import gongwen


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[Path]]:
    folder = tmp_path_factory.mktemp("training")
    paths = [generate_case(folder, f"t{seed}", kind="digital", seed=seed)[0] for seed in (41, 42)]
    url = f"sqlite:///{folder / 't.db'}"
    assert main(["ingest", *map(str, paths), "--db", url, "--no-ocr", "-q"]) == 0
    return url, paths


def test_tag_list_delete_and_bad_input(
    stored: tuple[str, list[Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    url, paths = stored
    tag = ["training", "tag", "--db", url, "--reviewer", "王培训"]
    assert main([*tag, "1", "--poor", "--note", "询问笔录只有一名执法人员", "--pages", "3-4"]) == 0
    assert "已标记 #1：案卷 1（第3–4页）为典型差案" in capsys.readouterr().out
    assert main([*tag, str(paths[1]), "--good", "--note", "文书规范"]) == 0  # by its file
    assert "案卷 2（整个案卷）为优秀" in capsys.readouterr().out

    assert main([*tag, "1", "--good", "--note", "x", "--pages", "40-45"]) == 1
    assert "页码超出范围：案卷共" in capsys.readouterr().err
    assert main([*tag, "1", "--good", "--note", "x", "--pages", "5-3"]) == 1
    assert "起始页（第5页）不能晚于结束页（第3页）" in capsys.readouterr().err
    assert main([*tag, "1", "--good", "--note", "x", "--pages", "三到五"]) == 1
    assert "页码范围“三到五”格式不正确" in capsys.readouterr().err
    assert main([*tag, "99", "--good", "--note", "x"]) == 1
    assert "案卷不存在（编号 99）" in capsys.readouterr().err

    assert main(["training", "list", "--db", url]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:4] for line in listed] == [
        ["#1", "案卷 1", "典型差案", "第3–4页"],
        ["#2", "案卷 2", "优秀", "整个案卷"],
    ]
    assert main(["training", "list", "1", "--good", "--db", url]) == 0
    assert capsys.readouterr().out.strip() == "没有培训标记"
    assert main(["training", "delete", "2", "--db", url]) == 0
    assert main(["training", "delete", "2", "--db", url]) == 1
    assert "没有编号为 2 的培训标记" in capsys.readouterr().err


def test_compilation_of_given_cases_tagged_or_not(
    stored: tuple[str, list[Path]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, _ = stored
    monkeypatch.setattr(gongwen, "soffice_binary", lambda: None)  # the DOCX is what is checked here
    monkeypatch.setattr(engine, "RapidOcrEngine", lambda: FakeOcrEngine({}))  # images read as blank
    main(["training", "tag", "1", "--poor", "--note", "送达回证无签名", "--pages", "3-3", "--db", url])
    out = tmp_path / "汇编.docx"
    # case 1 tagged (this test or the one before), case 2 untagged
    assert main(["export", "compilation", "1", "2", "--db", url, "--out", str(out), "--no-ocr"]) == 0
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "一、典型差案" in text and "二、其他案例" in text
    assert "其他案例1件" in text
    others = text.split("二、其他案例", 1)[1]
    assert "评查发现" in others and "点评" not in others  # no verdict, no trainer's note
    assert "送达回证无签名" in text.split("二、其他案例", 1)[0]
