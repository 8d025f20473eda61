"""The hostile inputs ``tests/integration/test_bad_input_matrix.py`` and ``test_bad_input_cli.py`` send:
strings (each also as it must travel in a URL), the routes and fields each one goes into, wrong JSON
shapes, bad numbers and bad uploads. Data only: the tests decide what a clean answer is."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

HOSTILE = {
    "empty": "",
    "blank": "   ",
    "long": "危" * 10_000,
    "emoji": "🔥💥🧯" * 5,
    "nul": "a\x00b",
    "rtl": "\u202e临港\u202c",
    "sql": "' OR 1=1 --",
    "cypher": "}) MATCH (n) DETACH DELETE n //",
}
IDS = list(HOSTILE)
# 10,000 CJK characters percent-encode to 90 KB, past the URL limit of HTTP clients (and of browsers
# and proxies), which refuse it before any server sees it; in URLs the long case is 10,000 ASCII.
URL_HOSTILE = HOSTILE | {"long": "x" * 10_000}
DOCX = Path("tests/data/plans/sources/linggang-hazchem.docx")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

# Routes with a string in the path, a string query parameter, or a string in the body of a write.
GET_PATHS = [
    "/api/v1/enterprises/{s}",
    "/api/v1/enterprises/{s}/portrait",
    "/api/v1/lessors/{s}/network",
    "/api/v1/towns/{s}/stats",
    "/api/v1/plans/{s}",
    "/api/v1/plans/{s}/facts",
    "/api/v1/plans/{s}/review",
    "/api/v1/plans/{s}/versions",
    "/api/v1/plan-templates/{s}",
    "/api/v1/plan-templates/{s}/preview",
    "/api/v1/chat/conversations/{s}",
]
GET_QUERIES = [
    ("/api/v1/enterprises", "q"),
    ("/api/v1/enterprises", "town"),
    ("/api/v1/enterprises", "category"),
    ("/api/v1/map/enterprises", "town"),
    ("/api/v1/resources/nearest?lat=31.9&lon=120.2", "type"),
    ("/api/v1/events/search", "q"),
    ("/api/v1/events/search/suggestions", "prefix"),
    ("/api/v1/plans", "q"),
    ("/api/v1/plans", "town"),
    ("/api/v1/plans", "status"),
    ("/api/v1/plans", "type"),
    ("/api/v1/plans/search", "q"),
    ("/api/v1/plans/response", "level"),
    ("/api/v1/plans/response?level=I", "town"),
    ("/api/v1/plans/response?level=I", "accident_type"),
    ("/api/v1/plans/{A}/diff?to=x", "from"),
    ("/api/v1/audit", "user_id"),
]
WRITES: list[tuple[str, str, Any]] = [
    ("POST", "/api/v1/chat", lambda s: {"json": {"question": s, "stream": False, "use_llm": False}}),
    ("POST", "/api/v1/chat", lambda s: {"json": {"question": "临港有多少家企业？", "conversation_id": s}}),
    ("POST", "/api/v1/events/search", lambda s: {"json": {"filter": {"keywords": [s]}, "sentence": s}}),
    ("POST", "/api/v1/events/search", lambda s: {"json": {"filter": {"towns": [s]}}}),
    ("POST", "/api/v1/plans/nodes", lambda s: {"json": {"title": s, "plan_type": "专项"}}),
    ("POST", "/api/v1/plans/nodes", lambda s: {"json": {"title": "节点", "town": s}}),
    ("POST", "/api/v1/plans/nodes", lambda s: {"json": {"title": "节点", "enterprise_id": s}}),
    ("POST", "/api/v1/plan-templates", lambda s: {"json": {"name": s, "modules": [{"skeleton": "总则", "title": "总则"}]}}),
    ("POST", "/api/v1/plan-templates", lambda s: {"json": {"name": "模板", "modules": [{"skeleton": s, "title": s}]}}),
    ("POST", "/api/v1/plans/from-template", lambda s: {"json": {"template_id": s, "title": "来自模板"}}),
    ("PUT", "/api/v1/plans/{s}/parent", lambda s: {"json": {"parent_id": s}}),
    ("PUT", "/api/v1/plans/{s}/node", lambda s: {"json": {"title": "改名"}}),
    ("DELETE", "/api/v1/plans/{s}", lambda s: {}),
    ("DELETE", "/api/v1/plan-templates/{s}", lambda s: {}),
    ("PUT", "/api/v1/plan-templates/{s}", lambda s: {"json": {"name": "模板", "modules": [{"skeleton": "总则", "title": "总则"}]}}),
    ("DELETE", "/api/v1/chat/conversations/{s}", lambda s: {}),
    ("POST", "/api/v1/plans/{s}/versions", lambda s: {"json": {"version_no": s}}),
    ("POST", "/api/v1/plans/{s}/versions/{s}/publish", lambda s: {}),
    ("POST", "/api/v1/plans/{s}/versions/{s}/rollback", lambda s: {}),
    ("PATCH", "/api/v1/plans/{s}/review", lambda s: {"json": {"decisions": [{"field": s, "action": "accept"}]}}),
    ("POST", "/api/v1/plans", lambda s: {"files": {"file": ("p.docx", DOCX.read_bytes())}, "data": {"title": s}}),
    ("POST", "/api/v1/plans", lambda s: {"files": {"file": ("p.docx", DOCX.read_bytes())}, "data": {"enterprise_id": s}}),
    ("POST", "/api/v1/plans", lambda s: {"files": {"file": (s or "x", b"%PDF-1.7 junk")}}),
]  # fmt: skip

# JSON writes, and the shapes their bodies must not have.
JSON_WRITES = [
    ("POST", "/api/v1/chat"),
    ("POST", "/api/v1/events/search"),
    ("POST", "/api/v1/plans/nodes"),
    ("POST", "/api/v1/plan-templates"),
    ("POST", "/api/v1/plans/from-template"),
    ("PUT", "/api/v1/plans/x/parent"),
    ("POST", "/api/v1/plans/x/versions"),
    ("PATCH", "/api/v1/plans/x/review"),
    ("POST", "/api/v1/plans"),  # multipart upload sent as JSON / text
]
SHAPES = {
    "number": 42,
    "list": [{"question": "x"}],
    "null": None,
    "string": "text",
    "empty_object": {},
    "wrong_field_types": {"question": 1, "filter": [], "title": 5, "name": {}, "modules": "x",
                          "template_id": 3, "parent_id": 7, "version_no": [], "decisions": {}},
    "extra_fields": {"question": "你好", "filter": {}, "name": "模板", "title": "x", "version_no": "1",
                     "modules": [{"skeleton": "总则", "title": "t"}], "template_id": "t", "hack": 1},
    "huge_int": {"question": 10**40, "accept_above": 10**40, "decisions": [], "filter": {}},
}  # fmt: skip

# Numbers: limits, pages, coordinates.
NUMERIC = [
    ("/api/v1/enterprises", "page"),
    ("/api/v1/enterprises", "size"),
    ("/api/v1/plans", "page"),
    ("/api/v1/plans", "size"),
    ("/api/v1/plans/search?q=泄漏", "limit"),
    ("/api/v1/events/search?q=火灾", "page"),
    ("/api/v1/events/search?q=火灾", "size"),
    ("/api/v1/events/search/history", "limit"),
    ("/api/v1/events/search/suggestions", "limit"),
    ("/api/v1/audit", "limit"),
    ("/api/v1/audit", "since_ms"),
    ("/api/v1/resources/nearest?lon=120.2", "lat"),
    ("/api/v1/resources/nearest?lat=31.9&lon=120.2", "limit"),
    ("/api/v1/chat/conversations", "limit"),
    ("/api/v1/chat/conversations", "offset"),
]
NUMBERS = ["0", "-1", "10" * 20, "1e3", "abc", "", "NaN", "inf"]


def _truncated_docx() -> bytes:
    return DOCX.read_bytes()[:4000]


def _docx_without_body() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    return buf.getvalue()


UPLOADS = {
    "empty": ("plan.docx", b""),
    "wrong-extension": ("plan.exe", b"MZ\x90\x00"),
    "no-extension": ("plan", b"hello"),
    "png-as-docx": ("plan.docx", PNG),
    "png-as-pdf": ("plan.pdf", PNG),
    "truncated-docx": ("plan.docx", _truncated_docx()),
    "zip-not-docx": ("plan.docx", _docx_without_body()),
    "text-as-doc": ("plan.doc", "应急预案".encode()),
    "over-limit": ("plan.docx", b"P" * (1024 * 1024 + 1)),
}
