"""``safecloud plans import`` end to end, and the bundled OCR engine on a scanned page (offline)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from plans.ocr import RapidOcrEngine
from plans.pipeline import import_plan
from tests.support.plan_docs import PLAN, docx_bytes, scanned_pdf_bytes


def test_cli_import_prints_the_plan_json_and_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFECLOUD_DATA_DIR", str(tmp_path / "data"))
    source = tmp_path / "plan.docx"
    source.write_bytes(docx_bytes())
    report = tmp_path / "report.json"
    result = CliRunner().invoke(
        app, ["plans", "import", str(source), "--json", "--llm", "none", "--report", str(report)]
    )
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)
    assert plan["title"] == "临港街道危险化学品事故专项应急预案"
    assert plan["response_levels"][0]["level"] == "一级"
    meta = json.loads(report.read_text(encoding="utf-8"))
    assert meta["partial"] is False and meta["llm_calls"] == 0
    assert (tmp_path / "data" / "plans" / "blobs" / meta["sha256"]).is_file()


def test_cli_import_of_bad_input_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFECLOUD_DATA_DIR", str(tmp_path / "data"))
    source = tmp_path / "empty.pdf"
    source.write_bytes(b"")
    result = CliRunner().invoke(app, ["plans", "import", str(source), "--llm", "none"])
    assert result.exit_code == 2
    assert "document_empty" in result.stderr


@pytest.mark.slow
def test_scanned_page_is_read_by_the_bundled_ocr_engine() -> None:
    """rapidocr ships its ONNX models: this runs offline. One page at 150 dpi."""
    scan = scanned_pdf_bytes(PLAN[:14], pages=1, dpi=150)
    result = import_plan(scan, "scan.pdf", ocr=RapidOcrEngine())
    assert result.report.ocr_pages == 1
    plan = result.plan
    assert plan.title == "临港街道危险化学品事故专项应急预案"
    assert plan.issued_at == "2024-03-15"
    assert [s.skeleton for s in plan.sections][:3] == ["总则", "总则/目的", "总则/编制依据"]
    assert all(b.ocr for b in result.blocks)
