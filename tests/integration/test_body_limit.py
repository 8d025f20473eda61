"""A request body larger than the API accepts is refused before it is read (third product probe: a
90 MB JSON question was read, parsed and held in memory — about 0.8 GB — only to be refused for its
length, and an upload over the size limit was spooled to disk in full first)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.support.plan_api import plan_api_client
from tests.support.sample_plans import FakeImporter


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = {"api": {"max_json_body_mb": 1}, "plans": {"max_upload_mb": 2}}
    with plan_api_client(tmp_path_factory.mktemp("body-limit"), FakeImporter({}), **settings) as c:
        yield c


def test_an_oversized_json_body_is_refused_with_413_in_chinese_and_audited(client: TestClient) -> None:
    body = json.dumps({"question": "问" * 600_000, "stream": False}).encode()  # ~1.8 MB
    r = client.post("/api/v1/chat", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 413, r.text
    assert r.json()["code"] == "payload_too_large"
    assert r.json()["message"] == "请求体过大：超过上限 1 MB"
    trail = client.get("/api/v1/audit", params={"limit": 5}).json()
    assert ("POST", "/api/v1/chat", 413) in [(e["method"], e["path"], e["status"]) for e in trail]


def test_an_oversized_body_sent_without_a_length_is_cut_off_at_the_limit(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"question": "'
        for _ in range(40):
            yield "问".encode() * 20_000  # 60 KB a chunk, 2.4 MB in all
        yield b'", "stream": false}'

    r = client.post("/api/v1/chat", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413, r.text
    assert r.json()["code"] == "payload_too_large"
    assert r.json()["message"] == "请求体过大：超过上限 1 MB"


def test_uploads_may_be_as_large_as_the_plan_limit_but_no_larger(client: TestClient) -> None:
    over = client.post("/api/v1/plans", files={"file": ("big.pdf", b"%PDF" + b"0" * (3 * 1024 * 1024))})
    assert over.status_code == 413 and over.json()["message"] == "上传的文件超过大小上限 2 MB"
    # Within the body limit, the upload's own check still names the file limit.
    near = client.post("/api/v1/plans", files={"file": ("big.pdf", b"%PDF" + b"0" * (2 * 1024 * 1024 + 10))})
    assert near.status_code == 422 and near.json()["code"] == "file_too_large"


def test_ordinary_requests_pass(client: TestClient) -> None:
    r = client.post("/api/v1/chat", json={"question": "华士镇有多少家企业？", "stream": False})
    assert r.status_code == 200, r.text
