"""Probe round 5, command line (docs/PROBES.md "Round 5").

* ``safecloud events search ""`` listed every event with exit 0 and kept nothing, where
  ``POST /api/v1/events/search`` refuses a blank sentence: both refuse it now (``empty_sentence``).
* On a data folder whose graph was never written it ended in an ``IndexError`` traceback.
* An unknown ``--town`` of ``events search`` / ``ask`` was refused after the graph was opened but
  outside ``audited``: no audit row. Refusals after opening the data are audited; refusals of the
  command line itself are not (``api/cli_audit.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.bootstrap import build_container
from api.cli import app as cli
from api.settings import Settings
from core.audit import AuditEntry
from tests.support.cli_env import fixture_city_cli_env

runner = CliRunner()


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with fixture_city_cli_env(tmp_path_factory.mktemp("probe5-cli")) as data:
        yield data


def _cli_trail() -> list[AuditEntry]:
    c = build_container(Settings())
    c.graph.connect()
    try:
        assert c.audit is not None
        return [e for e in c.audit.recent(limit=50) if e.channel == "cli"]
    finally:
        c.graph.close()


@pytest.mark.parametrize("sentence", ["", "   ", "\t"])
def test_a_blank_search_sentence_is_refused_as_the_api_refuses_it(cli_env: Path, sentence: str) -> None:
    before = len(_cli_trail())
    r = runner.invoke(cli, ["events", "search", sentence])
    assert r.exit_code == 2, r.output
    assert "错误 [empty_sentence]：请提供一句话" in r.stderr and "共" not in r.stdout
    as_json = runner.invoke(cli, ["events", "search", sentence, "--json"])
    assert as_json.exit_code == 2
    assert json.loads(as_json.stdout)["code"] == "empty_sentence"
    assert len(_cli_trail()) == before  # refused before the data was opened: no row (api/cli_audit.py)


@pytest.mark.parametrize(
    ("args", "path"),
    [
        (["events", "search", "上周的泄漏告警", "--town", "火星镇", "--no-llm"], "safecloud events search"),
        (["ask", "有几家企业", "--town", "华土镇", "--no-llm"], "safecloud ask"),
    ],
    ids=["events-search", "ask"],
)
def test_an_unknown_town_refused_after_opening_the_data_is_audited(
    cli_env: Path, args: list[str], path: str
) -> None:
    r = runner.invoke(cli, args)
    assert r.exit_code == 2 and "unknown_scope" in r.stderr, r.output
    newest = _cli_trail()[0]
    assert newest.path == path and newest.status == 422


def test_a_search_on_a_data_folder_never_written_lists_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFECLOUD_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SAFECLOUD_ENV", "test")
    monkeypatch.setenv("SAFECLOUD_EVENT_SEARCH__LLM_FALLBACK", "false")
    r = runner.invoke(cli, ["events", "search", "所有事件"])
    assert r.exit_code == 0, r.output
    assert "共 0 条" in r.stdout
