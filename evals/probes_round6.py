"""Probe round 6 (probe6): bad input end to end in paths rounds 1–5 did not cover.

``python -m evals.probes_round6`` builds the fixture city in an embedded FalkorDB under a temporary
folder three times — dev mode with scope headers (text inputs, search syntax, charsets, plan writes,
the outbox), token mode with users (user administration, login) and a data folder for the CLI
(``safecloud import`` of enterprises, alarms, cameras, duty shifts) — and prints one row per probe:
id, what was sent, expected, observed, PASS/FAIL. The expectations were written before the code was
read; docs/PROBES.md ("Round 6") records the first run and the run after the fixes. Regression tests
live in ``tests/``, not here.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from evals.probes_round5_kit import Outcome, Row, create_users, dev_app, run_all, token_app, write_report
from evals.probes_round6_cli import ImportRun, _import_probes
from evals.probes_round6_http import _header_probes, _plan_write_probes, _search_probes, _text_probes
from evals.probes_round6_users import ADMIN_PW, OFFICER_PW, _user_probes


def _run_cli(probes: list[tuple[str, str, str, Callable[[], Outcome]]]) -> list[Row]:
    rows: list[Row] = []
    for pid, sent, expected, run in probes:
        try:
            o = run()
        except Exception as exc:  # noqa: BLE001
            o = Outcome(False, f"probe crashed: {type(exc).__name__}: {str(exc)[:60]}")
        rows.append((pid, sent, expected, o.observed, o.passed))
    return rows


def main() -> int:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="probe6-") as tmp:
        base = Path(tmp)
        with dev_app(base / "dev") as (client, c):
            probes = [*_text_probes(), *_search_probes(), *_header_probes(), *_plan_write_probes()]
            rows += run_all(probes, client, c)
        with token_app(base / "token") as (client, c):
            create_users(c, admins=[("city_admin", ADMIN_PW)], town_officers=[("hs_officer", OFFICER_PW)])
            rows += run_all(_user_probes(), client, c)
        run = ImportRun(base / "cli")
        run.prepare()
        rows += _run_cli(_import_probes(run))
    write_report(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
