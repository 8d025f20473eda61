"""Probe round 8: the pure rules behind the fixes — a JSON object naming one key twice (request
bodies and imported lines), a NUL or a lone surrogate inside an imported line, and a spreadsheet handed to the JSON-lines import. End to end:
``tests/integration/test_probe8_api.py``."""

from __future__ import annotations

import json

import pytest
from starlette.datastructures import Headers

from api.json_body import duplicate_key_message, parsed_as_json
from core.json_keys import DuplicateJsonKeyError, loads_unique
from core.models import Enterprise, Event
from ingestion.rows import LineError, parse_jsonl, spreadsheet_kind
from tests.support.fixture_city import B, entities


def _first(kind: type) -> dict:
    return json.loads(next(e for e in entities() if isinstance(e, kind)).model_dump_json())


def _parse(kind: type, lines: list[str]) -> tuple[list, list[LineError]]:
    errors: list[LineError] = []
    return list(parse_jsonl(kind, lines, errors)), errors


# ---------------------------------------------------------------- keys named twice


@pytest.mark.parametrize(
    "text",
    ['{"role": "officer", "role": "admin"}', '{"scope": {"level": "town", "level": "city"}}',
     '[{"a": 1}, {"b": 2, "b": 3}]'],
)  # fmt: skip
def test_a_key_named_twice_at_any_depth_is_refused_naming_it(text: str) -> None:
    with pytest.raises(DuplicateJsonKeyError) as caught:
        loads_unique(text)
    assert caught.value.key in text and "出现了多次" in caught.value.message


def test_the_same_key_in_two_sibling_objects_is_not_a_repeat() -> None:
    assert loads_unique('[{"name": "甲"}, {"name": "乙"}]') == [{"name": "甲"}, {"name": "乙"}]


def test_a_request_body_with_a_repeated_key_gets_a_chinese_refusal_and_bad_json_is_left_alone() -> None:
    assert "display_name" in str(
        duplicate_key_message('{"display_name": "甲", "display_name": "乙"}'.encode())
    )
    assert duplicate_key_message(b'{"display_name": ') is None  # FastAPI reports broken JSON itself
    assert duplicate_key_message(b'{"a": 1, "b": 1}') is None


@pytest.mark.parametrize(
    ("content_type", "json_body"),
    [(None, True), ("application/json; charset=utf-8", True), ("application/merge-patch+json", True),
     ("multipart/form-data; boundary=x", False), ("text/plain", False)],
)  # fmt: skip
def test_only_bodies_fastapi_reads_as_json_are_checked(content_type: str | None, json_body: bool) -> None:
    headers = Headers({"content-type": content_type} if content_type else {})
    assert parsed_as_json(headers) is json_body


def test_an_imported_line_with_a_repeated_key_is_refused_naming_the_key() -> None:
    line = json.dumps(_first(Enterprise))[:-1] + ', "category": "机械"}'
    rows, errors = _parse(Enterprise, [line])
    assert rows == [] and errors[0].line == 1 and errors[0].field == "category"


# ---------------------------------------------------------------- NUL and lone surrogates in a line


def test_a_nul_in_a_nested_imported_field_refuses_that_line_only() -> None:
    bad = _first(Enterprise) | {"key_domains": ["粉尘涉爆", "有限\x00空间"]}
    good = _first(Enterprise) | {"id": B, "name": "另一家企业"}
    rows, errors = _parse(Enterprise, [json.dumps(bad), json.dumps(good)])
    assert [r.id for r in rows] == [B]
    assert [(e.line, e.field) for e in errors] == [(1, "key_domains.1")] and "NUL" in errors[0].message


def test_a_lone_surrogate_in_an_imported_text_is_said_in_chinese() -> None:
    row = json.dumps(_first(Event) | {"description": "烟雾\ud83d告警"})
    rows, errors = _parse(Event, [row])
    assert rows == [] and errors[0].field == "description" and "代理字符" in errors[0].message


# ---------------------------------------------------------------- spreadsheets handed to the import


@pytest.mark.parametrize(
    ("head", "what"),
    [(b"PK\x03\x04\x14\x00", "Excel"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "Excel"),
     ("\ufeff代码\t名称\r\n1\t2".encode(), "CSV"), ("\r\n\r\nid,name,town\n".encode("gbk"), "CSV")],
)  # fmt: skip
def test_a_workbook_or_delimited_text_is_named_as_such(head: bytes, what: str) -> None:
    assert what in str(spreadsheet_kind(head))


@pytest.mark.parametrize(
    "head", [b'{"id": "a", "name": "x"}\n', b'\xef\xbb\xbf{"id": 1}', b"", b"[1, 2]\n", b"not json\n"]
)
def test_json_lines_and_text_without_delimiters_are_left_to_the_line_parser(head: bytes) -> None:
    assert spreadsheet_kind(head) is None
