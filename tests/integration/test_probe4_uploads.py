"""Probe round 4, plan uploads over the API with the real import pipeline.

* A plan written in WPS 文字 (.wps) imports like a .doc (LibreOffice converts it); a spreadsheet
  (.et / .xls) is refused as a spreadsheet, not as "a Word 97-2003 file whose extension lies".
* The uploaded file name loses its bidi and zero-width marks, as titles do: the 来源文件 column of
  the version list showed "预案<U+202E>xcod.pdf" as "预案fdp.docx".
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import require
from tests.support.fixture_city import A
from tests.support.fixture_city_app import fixture_city_app
from tests.support.plan_docs import docx_bytes, pdf_bytes

FORM = {"enterprise_id": A, "allow_duplicate": "true"}
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with fixture_city_app(tmp_path_factory.mktemp("probe4-uploads")) as (client, _):
        yield client


def _source_name(client: TestClient, plan_id: str) -> str:
    versions = client.get(f"/api/v1/plans/{plan_id}/versions").json()
    return str(versions[0]["source_filename"])


def test_invisible_marks_are_dropped_from_the_stored_file_name(client: TestClient) -> None:
    name = "\u202e\u200b璜土镇\u2066危化品泄漏\ufeff专项预案.pdf"
    r = client.post("/api/v1/plans", files={"file": (name, pdf_bytes(), "application/pdf")}, data=FORM)
    assert r.status_code == 201, r.text
    assert _source_name(client, r.json()["plan_id"]) == "璜土镇危化品泄漏专项预案.pdf"


def test_a_spreadsheet_named_et_is_refused_as_a_spreadsheet(client: TestClient) -> None:
    sheet = OLE2 + b"\0" * 504 + "Workbook\0".encode("utf-16-le") + b"\0" * 512
    r = client.post(
        "/api/v1/plans", files={"file": ("值班表.et", sheet, "application/octet-stream")}, data=FORM
    )
    assert r.status_code == 422
    assert r.json()["code"] == "document_unsupported_format"
    assert "电子表格" in r.json()["message"] and "不是预案文档" in r.json()["message"]


def test_a_wps_writer_plan_imports_like_a_doc(client: TestClient, tmp_path: Path) -> None:
    # skips locally without soffice, fails under CI=true (make system-deps installs it)
    require(shutil.which("soffice") is not None, "LibreOffice (soffice) is not installed (make system-deps)")
    source = tmp_path / "plan.docx"
    source.write_bytes(docx_bytes())
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "doc",
         "--outdir", str(tmp_path), str(source)],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    legacy = (tmp_path / "plan.doc").read_bytes()  # WPS 文字 writes .wps in this binary format
    r = client.post("/api/v1/plans", files={"file": ("月城镇危化品预案.wps", legacy, "")}, data=FORM)
    assert r.status_code == 201, r.text
    assert _source_name(client, r.json()["plan_id"]) == "月城镇危化品预案.wps"


@pytest.mark.parametrize(
    "form",
    [
        {"enterprise_id": A.lower()},  # typed in lower case
        {"enterprise_id": f" {A}\t"},  # pasted from a spreadsheet cell
        {"town": " 临港经济开发区 "},
    ],
    ids=["lower-case-code", "code-with-spaces", "town-with-spaces"],
)
def test_a_jurisdiction_as_typed_or_pasted_files_the_plan(client: TestClient, form: dict[str, str]) -> None:
    # The same bytes each time would be one plan: a byte that differs makes each its own file.
    data = pdf_bytes() + f"% {sorted(form.items())}".encode()
    r = client.post("/api/v1/plans", files={"file": ("澄星化工预案.pdf", data, "application/pdf")},
                    data={**form, "allow_duplicate": "true"})  # fmt: skip
    assert r.status_code == 201, r.text
    plan = client.get(f"/api/v1/plans/{r.json()['plan_id']}").json()
    assert plan["town"] == "临港经济开发区"
    assert plan["enterprise_id"] == (A if "enterprise_id" in form else None)


def test_a_plan_node_takes_the_code_as_typed_too(client: TestClient) -> None:
    node = {
        "title": "澄星化工综合应急预案（体系节点）",
        "plan_type": "总体",
        "enterprise_id": f" {A.lower()} ",
    }
    r = client.post("/api/v1/plans/nodes", json=node)
    assert r.status_code == 201, r.text
    assert r.json()["enterprise_id"] == A


def test_a_code_still_too_long_once_trimmed_is_a_chinese_422(client: TestClient) -> None:
    r = client.post("/api/v1/plans", files={"file": ("p.pdf", pdf_bytes(), "application/pdf")},
                    data={"enterprise_id": f" {A}XYZ "})  # fmt: skip
    assert r.status_code == 422, r.text
    assert r.json()["message"] == "请求参数无效：enterprise_id：最多 18 个字符"
