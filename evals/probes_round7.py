"""Probe round 7 (probe7): bad input end to end in paths rounds 1–6 did not cover.

``python -m evals.probes_round7`` builds the fixture city in an embedded FalkorDB under a temporary
folder three times — dev mode with scope headers (full-width and NFKC forms, time zones, a dropped
chat stream, lying uploads, texts stored before round 6), token mode with real accounts (another
user's conversations and history by id; sessions whose account was disabled, downgraded, narrowed
or reset while open) and a data folder for the CLI (``safecloud import`` leftovers, duplicate names,
text times, oversized batches) — and prints one row per probe: id, what was sent, expected,
observed, PASS/FAIL. The expectations were written before the code was read; docs/PROBES.md
("Round 7") records the first run and the run after the fixes. Regression tests live in ``tests/``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from evals.probes_round5_kit import Row, create_users, dev_app, run_all, token_app, write_report
from evals.probes_round6 import _run_cli
from evals.probes_round6_cli import ImportRun
from evals.probes_round7_cli import _import_probes, _rows
from evals.probes_round7_http import (
    _legacy_text_probes,
    _normalisation_probes,
    _stream_probes,
    _time_zone_probes,
    _upload_probes,
)
from evals.probes_round7_users import (
    ADMIN,
    DEPUTY,
    HS_ONE,
    HS_TWO,
    LEAVER,
    RESET,
    ROVER,
    _cross_user_probes,
    _session_probes,
)


def main() -> int:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="probe7-") as tmp:
        base = Path(tmp)
        with dev_app(base / "dev") as (client, c):
            probes = [*_normalisation_probes(), *_time_zone_probes(), *_stream_probes(), *_upload_probes(),
                      *_legacy_text_probes()]  # fmt: skip
            rows += run_all(probes, client, c)
        with token_app(base / "token") as (client, c):
            create_users(c, admins=[ADMIN, DEPUTY], city_officers=[ROVER],
                         town_officers=[HS_ONE, HS_TWO, LEAVER, RESET])  # fmt: skip
            rows += run_all([*_cross_user_probes(), *_session_probes()], client, c)
        run = ImportRun(base / "cli", _rows())
        run.prepare()
        rows += _run_cli(_import_probes(run))
    write_report(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
