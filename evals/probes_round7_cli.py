"""Probe round 7: ``safecloud import`` leftovers and edges — an alarm updated before it occurred, an
alarm of a type its camera does not run (refused on the API path in round 6), an enterprise whose
name is another firm's name (exactly or after NFKC), times as text without an offset, and batches too
big to report line by line (tens of thousands of bad lines, one 20 MB line)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from evals.probes_round5_kit import Outcome, _chinese
from evals.probes_round6_cli import ImportRun, _cli, _first
from tests.support.fixture_city import NOW, make_uscc

HOUR = 3_600_000
TWIN = make_uscc("9", "1", "320281", "MA1NNNN5")  # valid codes, names already taken
TWIN_NFKC = make_uscc("9", "1", "320281", "MA1NNNN6")
ABC = make_uscc("9", "1", "320281", "MA1KKKK7")
ABC_FULL = make_uscc("9", "1", "320281", "MA1KKKK8")


def _rows() -> dict[str, list[dict[str, Any]]]:
    ent, event = _first("Enterprise"), _first("Event")
    return {
        "events": [
            {**event, "id": "PROBE-EV-BACKWARDS", "occurred_at": NOW - HOUR, "updated_at": NOW - 5 * HOUR},
            {**event, "id": "PROBE-EV-NOTRUN", "event_type": "未戴安全帽", "camera_id": "CAM-1"},
            {**event, "id": "PROBE-EV-ISO", "occurred_at": "2025-11-23 10:00:00", "updated_at": "2025-11-23 10:00:00"},
        ],
        "enterprises": [
            {**ent, "id": TWIN, "name": "江阴市华西纺织有限公司", "town": "华士镇"},
            {**ent, "id": ABC, "name": "江阴ABC精工有限公司", "town": "华士镇"},
            {**ent, "id": ABC_FULL, "name": "江阴ＡＢＣ精工有限公司", "town": "华士镇"},
            {**ent, "id": TWIN_NFKC, "name": "江阴市华西纺织有限公司\u3000", "town": "华士镇"},
        ],
    }  # fmt: skip


def _batch_file(folder: Path, lines: int) -> Path:
    path = folder / "many-bad.jsonl"
    path.write_text(
        "\n".join(json.dumps({"id": f"BAD-{i}", "event_type": "不存在"}) for i in range(lines)) + "\n"
    )
    return path


def _batch(run: ImportRun, lines: int) -> Outcome:
    r = _cli(["import", "events", str(_batch_file(run.data, lines))], run.data)
    size = len(r.stdout.encode())
    try:
        summary = json.loads(r.stdout)
    except ValueError:
        return Outcome(False, f"exit {r.returncode}; stdout not JSON ({size} bytes) {r.stderr[-80:]!r}")
    errors = summary.get("line_errors", [])
    said = " ".join(str(e) for e in errors[-3:]) + json.dumps(
        {k: v for k, v in summary.items() if k != "line_errors"}, ensure_ascii=False
    )
    ok = r.returncode != 0 and size < 1_000_000 and str(lines) in said and _chinese(said)
    return Outcome(
        ok, f"exit {r.returncode}; {len(errors)} line errors, {size} bytes; total named={str(lines) in said}"
    )


def _huge_line(run: ImportRun) -> Outcome:
    path = run.data / "huge-line.jsonl"
    path.write_text(
        json.dumps({"id": "PROBE-HUGE", "description": "火" * 20_000_000}, ensure_ascii=False) + "\n"
    )
    r = _cli(["import", "events", str(path)], run.data)
    try:
        errors = json.loads(r.stdout).get("line_errors", [])
    except ValueError:
        return Outcome(False, f"exit {r.returncode}; stdout not JSON; {r.stderr[-80:]!r}")
    said = " ".join(str(e) for e in errors)
    return Outcome(r.returncode != 0 and "第 1 行" in said and _chinese(said) and len(said) < 2000,
                   f"exit {r.returncode}; {said[:60]}; {len(said)} chars")  # fmt: skip


def _import_probes(run: ImportRun) -> list[tuple[str, str, str, Callable[[], Outcome]]]:
    def iso_time() -> Outcome:
        stored = run.graph("MATCH (n:Event {id: 'PROBE-EV-ISO'}) RETURN n.occurred_at AS t")
        if stored:  # read as Asia/Shanghai: 2025-11-23 10:00 +08:00
            return Outcome(stored[0]["t"] == 1_763_863_200_000, f"stored {stored[0]['t']}")
        return run.refused("events", 3, "PROBE-EV-ISO", "Event")

    return [
        ("J01", "import alarm whose updated_at is before occurred_at", "line refused in Chinese", lambda: run.refused("events", 1, "PROBE-EV-BACKWARDS", "Event")),
        ("J02", "import video alarm of a type its camera does not run", "line refused in Chinese (as the API)", lambda: run.refused("events", 2, "PROBE-EV-NOTRUN", "Event")),
        ("J03", "import alarm with occurred_at '2025-11-23 10:00:00' (text, no offset)", "read as Asia/Shanghai or refused in Chinese", iso_time),
        ("J04", "import enterprise named exactly as another firm", "line refused in Chinese naming it", lambda: run.refused("enterprises", 1, TWIN, "Enterprise")),
        ("J05", "import enterprise whose name is another's in full-width letters", "line refused in Chinese naming it", lambda: run.refused("enterprises", 3, ABC_FULL, "Enterprise")),
        ("J06", "import enterprise whose name differs by an ideographic space", "line refused in Chinese naming it", lambda: run.refused("enterprises", 4, TWIN_NFKC, "Enterprise")),
        ("J07", "import 30,000 bad lines", "exit 1, report bounded (< 1 MB) naming the total, Chinese", lambda: _batch(run, 30_000)),
        ("J08", "import one 20 MB line", "line refused in Chinese, message short", lambda: _huge_line(run)),
    ]  # fmt: skip
