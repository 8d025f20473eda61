"""Probe round 4: office files that are not DOCX / DOC / PDF as named, and JSON lines files saved by
Windows tools.

A plan written in WPS 文字 (.wps, the Word 97-2003 binary format) was refused as "扩展名 .wps 与文件
内容（Word 97-2003 文档）不符"; a spreadsheet (.xls / WPS 表格 .et) or a slide deck was called a DOC
with a lying extension, or sent to LibreOffice as one. ``safecloud import`` of a GBK file ended in a
UnicodeDecodeError traceback, and a UTF-8 file with a byte-order mark lost its first row to an
English JSON error.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from core.models import Town
from ingestion.rows import LineError, parse_jsonl
from plans import intake as intake_mod
from plans.errors import UnsupportedFormatError
from tests.support.plan_docs import docx_bytes

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _ole2(*streams: str) -> bytes:
    """An OLE2 container whose directory names ``streams`` (UTF-16, NUL-terminated, as on disk)."""
    names = b"".join(f"{s}\0".encode("utf-16-le") + b"\0" * 32 for s in streams)
    return OLE2 + b"\0" * 504 + names + b"\0" * 512


def _converter(tmp_path: Path) -> str:
    """A stand-in ``soffice --convert-to docx`` that writes a real DOCX into the output folder."""
    converted = tmp_path / "converted.docx"
    converted.write_bytes(docx_bytes())
    fake = tmp_path / "soffice"
    fake.write_text(
        f'#!/bin/sh\nwhile [ "$1" != "--outdir" ]; do shift; done\ncp "{converted}" "$2/plan.docx"\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    return str(fake)


@pytest.mark.parametrize("name", ["镇应急预案.wps", "2026版总体预案.WPS"])
def test_a_wps_writer_file_is_converted_like_a_doc(tmp_path: Path, name: str) -> None:
    result = intake_mod.intake(
        _ole2("Root Entry", "WordDocument", "1Table"), name, max_bytes=2**20, soffice=_converter(tmp_path)
    )
    assert (result.fmt, result.parse_format) == ("doc", "docx")


@pytest.mark.parametrize(
    ("name", "streams", "kind"),
    [
        ("值班表.et", ("Root Entry", "Workbook"), "电子表格"),
        ("隐患台账.xls", ("Root Entry", "Book"), "电子表格"),
        ("隐患台账.doc", ("Root Entry", "Workbook"), "电子表格"),  # renamed: the bytes decide
        ("演练汇报.dps", ("Root Entry", "PowerPoint Document"), "演示文稿"),
    ],
)
def test_a_legacy_spreadsheet_or_slide_deck_is_named_as_such(
    name: str, streams: tuple[str, ...], kind: str
) -> None:
    with pytest.raises(UnsupportedFormatError) as info:
        intake_mod.intake(_ole2(*streams), name, max_bytes=2**20, soffice="/nonexistent/soffice")
    assert kind in info.value.message and "不是预案文档" in info.value.message
    assert "DOC）" not in info.value.message  # not "the content is a Word 97-2003 document"


def test_a_word_file_that_mentions_a_workbook_is_still_a_word_file() -> None:
    # A .doc stores its text as UTF-16 too; a body that says "Workbook" must not make it a spreadsheet.
    assert intake_mod.detect_format(_ole2("Root Entry", "WordDocument", "Workbook")) == "doc"


@pytest.mark.parametrize(
    ("part", "kind"), [("xl/workbook.xml", "电子表格"), ("ppt/presentation.xml", "演示文稿")]
)
def test_an_ooxml_spreadsheet_or_slide_deck_is_named_as_such(part: str, kind: str) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
    with pytest.raises(UnsupportedFormatError) as info:
        intake_mod.detect_format(buf.getvalue())
    assert kind in info.value.message


ROW = '{{"id": "{name}", "name": "{name}", "kind": "镇", "lat": 31.9, "lon": 120.3}}'


def _towns(raw: bytes) -> tuple[list[str], list[LineError]]:
    errors: list[LineError] = []
    towns = [t.model_dump()["name"] for t in parse_jsonl(Town, io.BytesIO(raw), errors)]
    return towns, errors


def test_a_gbk_file_is_one_chinese_error_per_line_not_a_traceback() -> None:
    raw = (
        (ROW.format(name="周庄镇") + "\n").encode("gbk")
        + (ROW.format(name="新桥镇") + "\n").encode()
        + (ROW.format(name="青阳镇") + "\n").encode("gb2312")
    )
    towns, errors = _towns(raw)
    assert towns == ["新桥镇"]
    assert [e.line for e in errors] == [1, 3]
    assert all("UTF-8" in e.message and "另存为" in e.message for e in errors)


@pytest.mark.parametrize("as_bytes", [True, False], ids=["bytes", "text"])
def test_a_byte_order_mark_does_not_lose_the_first_row(as_bytes: bool) -> None:
    text = "\ufeff" + ROW.format(name="周庄镇") + "\r\n" + ROW.format(name="新桥镇") + "\r\n"
    errors: list[LineError] = []
    lines = io.BytesIO(text.encode()) if as_bytes else io.StringIO(text, newline="")
    assert [t.model_dump()["name"] for t in parse_jsonl(Town, lines, errors)] == [
        "周庄镇",
        "新桥镇",
    ] and errors == []


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{name: '周庄镇'}", "字段名须用英文双引号括起来"),
        ('{"id": "周庄镇" "name": "周庄镇"}', "缺少英文逗号"),
        ('{"id"： "周庄镇"}', "缺少英文冒号"),  # a full-width colon typed with a Chinese input method
        ('{"id": "周庄镇"} {"id": "新桥镇"}', "多余内容"),
        ('{"id": “周庄镇”}', "缺少值"),  # Chinese quotation marks
        ('{"id": "周庄镇', "缺少结尾的英文双引号"),
    ],
)
def test_a_malformed_json_line_is_explained_in_chinese(line: str, reason: str) -> None:
    errors: list[LineError] = []
    assert list(parse_jsonl(Town, [line], errors)) == []
    assert len(errors) == 1 and reason in errors[0].message
    assert not any("a" <= ch.lower() <= "z" for ch in errors[0].message.replace("JSON", "")), errors[
        0
    ].message
