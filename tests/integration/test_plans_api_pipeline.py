"""POST /api/v1/plans with the real import pipeline (no fake importer): a DOCX becomes a reviewable plan
whose fields point at the parsed source blocks, and bad files are Chinese 4xx answers that write nothing.
Embedded FalkorDB with the fixture city; rules only (no LLM), no OCR needed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.bootstrap import Container
from api.settings import Settings
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from graph.repository import SafetyGraphRepository
from tests.support.fixture_city import NOW, A, entities
from tests.support.plan_docs import docx_bytes, encrypted_pdf_bytes, zip_bomb_docx

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data = tmp_path_factory.mktemp("plans-pipeline-api")
    store = FalkorGraphStore(data / "graph")
    store.connect()
    migrate(store)
    GraphLoader(store).load(entities())
    settings = Settings(data_dir=data, env="test", api={"web_dist": Path(data / "no-dist")})
    container = Container(settings, store, SafetyGraphRepository(store), clock=lambda: NOW)
    with TestClient(create_app(container=container)) as c:
        yield c
    store.close()


def test_docx_upload_through_the_real_pipeline_is_reviewable(client: TestClient, tmp_path: Path) -> None:
    data = docx_bytes()
    r = client.post(
        "/api/v1/plans", files={"file": ("临港预案.docx", data, DOCX_TYPE)}, data={"enterprise_id": A}
    )
    assert r.status_code == 201, r.text
    up: dict[str, Any] = r.json()
    assert up["report"]["partial"] is False and up["report"]["sections_unmapped"] == 0
    review = client.get(f"/api/v1/plans/{up['plan_id']}/review").json()
    fields = {f["field"]: f for f in review["fields"]}
    assert {"/title", "/response_levels/0/level", "/contacts/0/phone", "/org_units/0/name"} <= set(fields)
    assert fields["/response_levels/0/level"]["value"] == "一级"
    blocks = {b["paragraph"]: b for b in review["blocks"]}
    phone = fields["/contacts/0/phone"]
    assert phone["value"] == "0510-86801234"
    # the phone's source is the contact table, shown to the reviewer as a block
    assert "0510-86801234" in blocks[phone["source"]["paragraph"]]["text"]


def test_bad_files_are_422_with_the_pipeline_codes_and_write_nothing(client: TestClient) -> None:
    before = client.get("/api/v1/plans").json()["total"]
    for name, data, code in (
        ("bomb.docx", zip_bomb_docx(inflated_mb=600), "document_unsafe_archive"),
        ("locked.pdf", encrypted_pdf_bytes(), "document_encrypted"),
        ("plan.pdf", docx_bytes(), "document_unsupported_format"),
    ):
        r = client.post("/api/v1/plans", files={"file": (name, data, "application/octet-stream")})
        assert r.status_code == 422, (name, r.text)
        assert r.json()["code"] == code and any("\u4e00" <= ch <= "\u9fff" for ch in r.json()["message"])
    assert client.get("/api/v1/plans").json()["total"] == before


def test_the_original_is_kept_only_when_its_plan_is_written(client: TestClient) -> None:
    blobs = Path(client.app.state.container.settings.plan_blob_dir)  # type: ignore[attr-defined]
    kept = docx_bytes(merged_cells=False)
    sha = hashlib.sha256(kept).hexdigest()
    assert not (blobs / sha).exists()
    # parsed fine, then the graph write is refused (a NUL byte cannot be stored): no plan, no original
    r = client.post(
        "/api/v1/plans",
        files={"file": ("p.docx", kept, DOCX_TYPE)},
        data={"enterprise_id": A, "title": "预案\x00"},
    )
    assert r.status_code == 422, r.text
    assert not (blobs / sha).exists()
    # (titled: the module has filed this document's own title for A already)
    titled = {"enterprise_id": A, "title": "临港街道危险化学品事故专项应急预案（原件保留）"}
    r = client.post("/api/v1/plans", files={"file": ("p.docx", kept, DOCX_TYPE)}, data=titled)
    assert r.status_code == 201, r.text
    assert (blobs / sha).read_bytes() == kept
    # the same bytes refused later (a duplicate let through, then a bad title) leave the original
    # the first plan relies on
    r = client.post(
        "/api/v1/plans",
        files={"file": ("p.docx", kept, DOCX_TYPE)},
        data={"enterprise_id": A, "title": "预案\x00", "allow_duplicate": "true"},
    )
    assert r.status_code == 422 and (blobs / sha).is_file()
