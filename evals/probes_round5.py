"""Probe round 5 (probe5): bad input and data scope, end to end, each probe with its expected outcome.

``python -m evals.probes_round5`` builds the fixture city twice (dev mode with scope headers, token
mode with users) in an embedded FalkorDB under a temporary folder, runs every probe and prints one
row per probe: id, what was sent, expected, observed, PASS/FAIL. The expectations were written before
the code was read; the table in docs/PROBES.md ("Round 5") records the first run and the run after
the fixes. A probe is a question to the product, not a unit test: the regression tests live in
``tests/integration/test_probe5_*.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from api.bootstrap import build_container
from api.settings import Settings
from core.auth import Role
from core.scope import DataScope, ScopeLevel
from evals.probes_round5_http import _chat_probes, _upload_probes
from evals.probes_round5_kit import Outcome, _chinese, dev_app, run_all, token_app, write_report
from evals.probes_round5_scope import _found_probes, _scope_probes, _token_probes
from tests.support.auth_env import Clock

# ---------------------------------------------------------------- command line


def _cli(args: list[str], data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SAFECLOUD_DATA_DIR": str(data), "SAFECLOUD_ENV": "test",
           "SAFECLOUD_EVENT_SEARCH__LLM_FALLBACK": "false", "SAFECLOUD_CHAT__USE_LLM": "false"}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def _cli_probes(data: Path) -> list[tuple[str, str, str, Callable[[], Outcome]]]:
    def empty_search() -> Outcome:
        r = _cli(["events", "search", ""], data)
        ok = r.returncode != 0 and _chinese(r.stderr) and "Traceback" not in r.stderr
        return Outcome(ok, f"exit {r.returncode} {r.stderr.strip()[:50]!r} {r.stdout.strip()[:30]!r}")

    def blank_search_json() -> Outcome:
        r = _cli(["events", "search", "   ", "--json"], data)
        ok = r.returncode != 0 and "Traceback" not in r.stderr
        return Outcome(ok, f"exit {r.returncode} {r.stdout.strip()[:60]!r}")

    def unknown_town_audited() -> Outcome:  # found by exploring after the first run
        _cli(["graph", "migrate"], data)
        r = _cli(["ask", "有几家企业", "--town", "火星镇", "--no-llm"], data)
        c = build_container(Settings(data_dir=data, env="test"))
        c.graph.connect()
        try:
            paths = [(e.path, e.status) for e in c.audit.recent(limit=5)] if c.audit is not None else []
        finally:
            c.graph.close()
        ok = r.returncode == 2 and ("safecloud ask", 422) in paths
        return Outcome(ok, f"exit {r.returncode}; audit rows {paths[:2]}")

    return [
        (
            "X05",
            "safecloud ask --town 火星镇 (refused after opening the data)",
            "audited",
            unknown_town_audited,
        ),
        ("L01", "safecloud events search ''", "exit≠0, Chinese error as the API's 422", empty_search),
        ("L02", "safecloud events search '   ' --json", "exit≠0, JSON error", blank_search_json),
    ]


def main() -> int:
    rows: list[tuple[str, str, str, str, bool]] = []
    with tempfile.TemporaryDirectory(prefix="probe5-") as tmp:
        base = Path(tmp)
        with dev_app(base / "dev") as (client, c):
            rows += run_all(
                [*_chat_probes(), *_upload_probes(), *_scope_probes(), *_found_probes()], client, c
            )
        clock = Clock()
        with token_app(base / "token", clock) as (client, c):
            c.auth.create_user("city_admin", "ChengJiang2026", scope=DataScope(), role=Role.ADMIN)
            c.auth.create_user(
                "hs_officer", "HuaShi1234town", scope=DataScope(level=ScopeLevel.TOWN, town="华士镇")
            )
            for p in _token_probes(clock):
                try:
                    o = p.run(client, c)
                except Exception as exc:  # noqa: BLE001
                    o = Outcome(False, f"probe crashed: {type(exc).__name__}: {str(exc)[:60]}")
                rows.append((p.pid, p.sent, p.expected, o.observed, o.passed))
        for pid, sent, expected, run in _cli_probes(base / "cli"):
            o = run()
            rows.append((pid, sent, expected, o.observed, o.passed))
    write_report(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
