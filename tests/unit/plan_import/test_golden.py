"""Golden files: committed sources → committed plan JSON (rules only, no OCR), per STYLE 18.

Regenerate after an intended change with ``SAFECLOUD_REGEN_GOLDEN=1 pytest tests/unit/plan_import/test_golden.py``
and review the diff. The flag is refused under ``CI=true``, so CI always compares.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from plans.pipeline import import_plan
from plans.schema import SCHEMA_PATH, render_schema
from tests.support.plan_docs import docx_bytes, pdf_bytes

DATA = Path(__file__).resolve().parents[2] / "data" / "plans"
SOURCES = DATA / "sources"
TRUTH = DATA / "groundtruth"
REGEN = os.environ.get("SAFECLOUD_REGEN_GOLDEN") == "1"
GENERATED = {"linggang-hazchem.docx": docx_bytes, "linggang-hazchem.pdf": pdf_bytes}


def test_regeneration_flag_is_off_in_ci() -> None:
    if os.environ.get("CI") == "true":
        assert not REGEN, "SAFECLOUD_REGEN_GOLDEN must not be set in CI"


def _golden(result_json: dict[str, object], path: Path) -> None:
    text = json.dumps(result_json, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if REGEN:
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"missing golden file {path}: run with SAFECLOUD_REGEN_GOLDEN=1"
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(text)


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_plan_matches_golden(name: str) -> None:
    source = SOURCES / name
    if REGEN and not source.is_file():
        source.write_bytes(GENERATED[name]())
    result = import_plan(source.read_bytes(), name, ocr=None)
    _golden(
        {
            "plan": result.plan.model_dump(mode="json"),
            "blocks": [b.model_dump(mode="json") for b in result.blocks],
        },
        TRUTH / f"{name}.json",
    )


def test_committed_json_schema_is_current() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render_schema(), "run `python -m plans.schema`"
