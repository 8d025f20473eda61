"""Hostile input on the command line, over the fixture city: a refusal is a non-zero exit with a
``错误`` line on stderr (no traceback, no usage dump); input meant to succeed answers cleanly. The HTTP
half of the matrix: ``test_bad_input_matrix.py``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app as cli
from tests.support.cli_env import fixture_city_cli_env
from tests.support.hostile_inputs import DOCX, HOSTILE, PNG

runner = CliRunner()


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with fixture_city_cli_env(tmp_path_factory.mktemp("cli-data")) as data:
        yield data


def _cli_files(tmp: Path) -> dict[str, Path]:
    (tmp / "empty.docx").write_bytes(b"")
    (tmp / "png.docx").write_bytes(PNG)
    (tmp / "dir.docx").mkdir(exist_ok=True)
    return {"missing": tmp / "nonexistent.docx", "dir": tmp / "dir.docx", "empty": tmp / "empty.docx",
            "png": tmp / "png.docx"}  # fmt: skip


# True: must fail with a 错误 line; False: intended to answer (said why); None: either, but cleanly.
CLI_CASES: dict[str, tuple[list[str], bool | None]] = {
    "ask-empty": (["ask", "", "--no-llm"], True),
    "ask-blank": (["ask", "   ", "--no-llm", "--json"], True),
    "ask-10k": (["ask", "危" * 10_000, "--no-llm"], True),
    "ask-nul": (["ask", "a\x00b", "--no-llm", "--json"], True),
    "ask-emoji": (["ask", HOSTILE["emoji"], "--no-llm"], True),
    "ask-town-unknown": (["ask", "有哪些企业", "--no-llm", "--town", "火星镇"], True),
    "events-town-unknown": (["events", "search", "火灾", "--no-llm", "--town", "华士"], True),
    "ask-conversation-unknown": (["ask", "有哪些企业", "--no-llm", "--conversation", "nope"], True),
    # An empty sentence is refused as POST /api/v1/events/search refuses it (probe5: it had listed
    # every event as the answer); browsing the newest events is the console's GET ?q= with a blank q.
    "events-empty": (["events", "search", "", "--no-llm"], True),
    "events-empty-json": (["events", "search", "", "--no-llm", "--json"], True),
    "events-10k": (["events", "search", "危" * 10_000, "--no-llm"], None),
    "events-nul": (["events", "search", "火灾\x00", "--no-llm"], None),
    "events-cypher": (["events", "search", HOSTILE["cypher"], "--no-llm", "--json"], False),
    "events-page-0": (["events", "search", "火灾", "--no-llm", "--page", "0"], True),
    "events-size-huge": (["events", "search", "火灾", "--no-llm", "--size", "10" * 20], True),
    "plans-missing": (["plans", "import", "{missing}", "--llm", "none"], True),
    "plans-dir": (["plans", "import", "{dir}", "--llm", "none"], True),
    "plans-empty": (["plans", "import", "{empty}", "--llm", "none", "--json"], True),
    "plans-png": (["plans", "import", "{png}", "--llm", "none"], True),
    "import-unknown-kind": (["import", "martians", "{empty}"], True),
    "import-missing": (["import", "enterprises", "{missing}"], True),
    "import-dir": (["import", "enterprises", "{dir}"], True),
    "export-unknown": (["export", "martians"], True),
    "demo-scale-negative": (["demo", "load", "--scale", "-5"], True),
    "report-unwritable": (
        ["plans", "import", str(DOCX), "--llm", "none", "--report", "{missing}/r.json"],
        True,
    ),
    "export-unwritable": (["export", "enterprises", "-o", "{missing}/out.jsonl"], True),
    "unknown-command": (["graph", "explode"], True),
    "unknown-option": (["events", "search", "火灾", "--bogus"], True),
}


@pytest.mark.parametrize(("args", "fails"), CLI_CASES.values(), ids=list(CLI_CASES))
def test_cli_bad_input(cli_env: Path, tmp_path: Path, args: list[str], fails: bool | None) -> None:
    files = {k: str(v) for k, v in _cli_files(tmp_path).items()}
    r = runner.invoke(cli, [a.format(**files) if "{" in a else a for a in args])
    assert not isinstance(r.exception, Exception) or isinstance(r.exception, SystemExit), repr(r.exception)
    assert "Traceback" not in r.output
    if fails is not None:
        assert (r.exit_code != 0) is fails, (r.exit_code, r.output[:300])
    if r.exit_code != 0:
        assert "错误" in r.stderr and "Usage:" not in r.stderr, (r.exit_code, r.stderr, r.stdout[:300])


def test_cli_ask_prints_the_caveat_the_chat_page_shows(cli_env: Path) -> None:
    r = runner.invoke(cli, ["ask", "我市一共有多少家企业", "--no-llm", "--town", "华士镇"])
    assert r.exit_code == 0, r.output
    assert "提示：您的数据范围为华士镇" in r.stdout
    assert "提示" not in runner.invoke(cli, ["ask", "我市一共有多少家企业", "--no-llm"]).stdout
