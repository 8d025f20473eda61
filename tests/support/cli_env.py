"""A data directory the ``safecloud`` CLI runs against in tests: migrated, with the fixture city's
towns imported (a ``--town`` scope must name a town the instance knows), the LLM and OCR off."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app as cli
from tests.support.fixture_city import entities

runner = CliRunner()


@contextmanager
def fixture_city_cli_env(data: Path) -> Iterator[Path]:
    with pytest.MonkeyPatch.context() as mp:
        for key, value in {
            "SAFECLOUD_DATA_DIR": str(data),
            "SAFECLOUD_ENV": "test",
            "SAFECLOUD_CHAT__USE_LLM": "false",
            "SAFECLOUD_EVENT_SEARCH__LLM_FALLBACK": "false",
            "SAFECLOUD_PLANS__OCR": "false",
        }.items():
            mp.setenv(key, value)
        assert runner.invoke(cli, ["graph", "migrate"]).exit_code == 0
        towns = data / "towns.jsonl"
        rows = [e.model_dump_json() for e in entities() if e.label == "Town"]
        towns.write_text("\n".join(rows), encoding="utf-8")
        assert runner.invoke(cli, ["import", "towns", str(towns)]).exit_code == 0
        yield data
