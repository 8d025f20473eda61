"""Probe round 8 (probe8): bad input, scope and audit end to end in paths rounds 1–7 did not cover.

``python -m evals.probes_round8`` builds the fixture city in an embedded FalkorDB under a temporary
folder three times — dev mode with scope headers (56,000-character texts, emoji, lone surrogates and
NUL in every text field; duplicated JSON keys, numbers as text, NaN, wrong body and content types;
pages past the end, negative or huge; refused writes audited; two clients writing one plan at once),
token mode with real accounts (a town officer asking about another town's firm by name, short name or
re-typed code; sessions that expire or are ended between two turns; two administrators editing one
account at once) and a data folder for the CLI (``safecloud import`` of files with a BOM, in GBK, with
blank lines, duplicate codes, mixed-width digits, and CSV/XLSX handed to it) — and prints one row per
probe: id, what was sent, expected, observed, PASS/FAIL. The expectations were written before the code
was read; docs/PROBES.md ("Round 8") records the first run and the run after the fixes.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from evals.probes_round5_kit import Row, create_users, dev_app, run_all, token_app, write_report
from evals.probes_round6 import _run_cli
from evals.probes_round6_cli import ImportRun
from evals.probes_round8_body import body_probes
from evals.probes_round8_cli import _import_probes
from evals.probes_round8_text import text_probes
from evals.probes_round8_users import ADMIN, EDITED, HS, HS_LATE, SECOND_ADMIN, token_probes
from tests.support.auth_env import Clock


def main() -> int:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="probe8-") as tmp:
        base = Path(tmp)
        with dev_app(base / "dev") as (client, c):
            rows += run_all([*text_probes(), *body_probes()], client, c)
        clock = Clock()
        with token_app(base / "token", clock) as (client, c):
            create_users(c, admins=[ADMIN, SECOND_ADMIN], town_officers=[HS, HS_LATE, EDITED])
            rows += run_all(token_probes(clock), client, c)
        run = ImportRun(base / "cli", {})
        run.prepare()
        rows += _run_cli(_import_probes(run))
    write_report(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
