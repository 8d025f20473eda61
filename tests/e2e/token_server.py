"""A SafeCloud server in token mode (ADR 0017) over the fixture city's towns, for browser tests of
login and user management: the shared live server runs in dev mode. Accounts are added with
``safecloud users add`` before the server starts (the embedded graph has one writer)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import require
from tests.e2e.conftest import ROOT, WEB_DIST, serve_cli
from tests.support.fixture_city import entities


@contextmanager
def serve_token_mode(data: Path, accounts: Sequence[tuple[Sequence[str], str]]) -> Iterator[str]:
    """``accounts``: (arguments of ``users add``, password); yields the server's base URL."""
    require((WEB_DIST / "index.html").is_file(), "web/dist is not built (run `make web`)")
    env = os.environ | {
        "SAFECLOUD_DATA_DIR": str(data),
        "SAFECLOUD_ENV": "test",
        "SAFECLOUD_API__WEB_DIST": str(WEB_DIST),
        "SAFECLOUD_API__AUTH": "token",
        "SAFECLOUD_CHAT__USE_LLM": "false",
    }
    cli = [sys.executable, "-m", "api.cli"]

    def run(*args: str, stdin: str | None = None) -> None:
        subprocess.run(
            [*cli, *args], env=env, cwd=ROOT, check=True, capture_output=True, input=stdin, text=True
        )

    run("graph", "migrate")
    towns = data.parent / "towns.jsonl"
    towns.write_text(
        "\n".join(e.model_dump_json() for e in entities() if e.label == "Town"), encoding="utf-8"
    )
    run("import", "towns", str(towns))
    for args, password in accounts:
        run("users", "add", *args, "--password-stdin", stdin=password + "\n")
    with serve_cli(cli, env, data.parent / "server.log") as url:
        yield url
