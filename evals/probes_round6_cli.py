"""Probe round 6: ``safecloud import`` of untrusted JSON lines into the fixture city — enterprises
(GB 32100 codes: wrong check digit, full-width, lower case; impossible dates), video-algorithm alarms
(events: future and ancient times, unknown camera, duplicate ids), cameras (unknown algorithm) and
the duty roster (unknown person, overlapping shifts, unknown town). One import per kind; each probe
reads its line's fate from the import's summary and the graph."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from api.bootstrap import build_container
from api.settings import Settings
from evals.probes_round5_kit import Outcome, _chinese
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from tests.support.fixture_city import NOW, entities, make_uscc

YEAR = 365 * 86_400_000
DATED = make_uscc("9", "1", "320281", "MA1TTTT3")  # valid: only its founding date is wrong


def _cli(args: list[str], data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SAFECLOUD_DATA_DIR": str(data), "SAFECLOUD_ENV": "test"}
    return subprocess.run([sys.executable, "-m", "api.cli", *args], capture_output=True, text=True, env=env,
                          timeout=300, check=False)  # fmt: skip


def _first(label: str) -> dict[str, Any]:
    entity = next(e for e in entities() if e.label == label)
    return json.loads(entity.model_dump_json())


def _rows() -> dict[str, list[dict[str, Any]]]:
    """kind → lines; each probed line has an id starting with PROBE (or a credit code)."""
    ent, event, cam, shift = _first("Enterprise"), _first("Event"), _first("Camera"), _first("DutyShift")
    return {
        "enterprises": [
            {**ent, "id": "91320281MA1AAAA11B", "name": "校验位错误企业"},
            {**ent, "id": "９１３２０２８１ＭＡ１ＷＷＷＷ９７７", "name": "全角代码企业"},
            {**ent, "id": "91320281ma1wwww977", "name": "小写代码企业"},
            {**ent, "id": "91320281MA1YYYY9", "name": "十六位代码企业"},
            {**ent, "id": DATED, "name": "日期企业", "founded_at": "2026-02-30"},
        ],
        "events": [
            {**event, "id": "PROBE-EV-FUTURE", "occurred_at": NOW + 200 * YEAR, "updated_at": NOW + 200 * YEAR},
            {**event, "id": "PROBE-EV-ANCIENT", "occurred_at": 1000, "updated_at": 1000},
            {**event, "id": "PROBE-EV-NOCAM", "camera_id": "CAM-NO-SUCH"},
            {**event, "id": "PROBE-EV-DUP", "description": "第一次"},
            {**event, "id": "PROBE-EV-DUP", "description": "第二次"},
            {**event, "id": "PROBE-EV-TOWN", "town": "火星镇"},
        ],
        "cameras": [
            {**cam, "id": "PROBE-CAM-ALGO", "algorithms": ["no_such_algorithm", "<script>"]},
        ],
        "dutyshifts": [
            {**shift, "id": "PROBE-DS-NOPERSON", "person_id": "P-NO-SUCH"},
            {**shift, "id": "PROBE-DS-OVERLAP", "starts_at": shift["starts_at"] + 3_600_000,
             "ends_at": shift["ends_at"] + 3_600_000},
            {**shift, "id": "PROBE-DS-TOWN", "level": "镇", "town": "火星镇"},
        ],
    }  # fmt: skip


class ImportRun:
    """Builds the fixture city under ``data``, runs one import per kind once, answers the probes."""

    def __init__(self, data: Path, rows: dict[str, list[dict[str, Any]]] | None = None) -> None:
        self.data = data
        self.rows = rows if rows is not None else _rows()  # round 7 passes its own lines
        self.results: dict[str, tuple[int, dict[str, Any], str]] = {}

    def prepare(self) -> None:
        store = FalkorGraphStore(self.data / "graph")
        store.connect()
        try:
            migrate(store)
            GraphLoader(store).load(entities())
        finally:
            store.close()
        for kind, rows in self.rows.items():
            path = self.data / f"{kind}.jsonl"
            path.write_text(
                "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8"
            )
            r = _cli(["import", kind, str(path)], self.data)
            try:
                summary = json.loads(r.stdout)
            except ValueError:
                summary = {}
            self.results[kind] = (r.returncode, summary, r.stderr)

    def graph(self, query: str, **params: Any) -> list[dict[str, Any]]:
        c = build_container(Settings(data_dir=self.data, env="test"))
        c.graph.connect()
        try:
            return c.graph.read(query, params)
        finally:
            c.graph.close()

    def refused(self, kind: str, line: int, node_id: str, label: str) -> Outcome:
        code, summary, _ = self.results[kind]
        errors = [str(e) for e in summary.get("line_errors", [])]
        rejected = [json.dumps(x, ensure_ascii=False) for x in summary.get("rejected", [])]
        named = [e for e in errors if f"第 {line} 行" in e] + [x for x in rejected if node_id in x]
        stored = self.graph(f"MATCH (n:{label} {{id: $id}}) RETURN n.id AS id", id=node_id)
        ok = code != 0 and bool(named) and _chinese(" ".join(named)) and not stored
        return Outcome(ok, f"exit {code}; {(named or ['not reported'])[0][:60]}; stored={bool(stored)}")


def _import_probes(run: ImportRun) -> list[tuple[str, str, str, Callable[[], Outcome]]]:
    def stored_ascii(code: str) -> Outcome:
        rows = run.graph(
            "MATCH (n:Enterprise) WHERE n.name IN ['全角代码企业', '小写代码企业'] RETURN n.id AS id, n.name AS name"
        )
        ids = {r["name"]: r["id"] for r in rows}
        wanted = "全角代码企业" if code == "full" else "小写代码企业"
        got = ids.get(wanted)
        if got is None:
            line = 2 if code == "full" else 3
            return run.refused("enterprises", line, "-", "Enterprise")
        return Outcome(got == "91320281MA1WWWW977", f"stored as {got!r}")

    def duplicate_once() -> Outcome:
        rows = run.graph("MATCH (n:Event {id: 'PROBE-EV-DUP'}) RETURN n.description AS d")
        return Outcome(len(rows) == 1, f"{len(rows)} node(s) {[r['d'] for r in rows]}")

    def audited() -> Outcome:
        rows = run.graph("MATCH (a:AuditRecord) WHERE a.path = 'safecloud import' RETURN a.status AS s")
        return Outcome(
            len(rows) == len(_rows()),
            f"{len(rows)} audit rows for {len(_rows())} imports: {[r['s'] for r in rows]}",
        )

    return [
        ("I01", "import enterprise: credit code with a wrong check digit", "line refused in Chinese, not stored",
         lambda: run.refused("enterprises", 1, "91320281MA1AAAA11B", "Enterprise")),
        ("I02", "import enterprise: full-width credit code", "stored as ASCII, or refused in Chinese", lambda: stored_ascii("full")),
        ("I03", "import enterprise: lower-case credit code", "stored upper case, or refused", lambda: stored_ascii("lower")),
        ("I04", "import enterprise: 16-character credit code", "line refused in Chinese", lambda: run.refused("enterprises", 4, "91320281MA1YYYY9", "Enterprise")),
        ("I05", "import enterprise: founded_at '2026-02-30'", "line refused in Chinese", lambda: run.refused("enterprises", 5, DATED, "Enterprise")),
        ("I06", "import alarm event 200 years in the future", "line refused in Chinese", lambda: run.refused("events", 1, "PROBE-EV-FUTURE", "Event")),
        ("I07", "import alarm event at 1970-01-01", "line refused in Chinese", lambda: run.refused("events", 2, "PROBE-EV-ANCIENT", "Event")),
        ("I08", "import alarm event from an unknown camera", "refused in Chinese (dangling)", lambda: run.refused("events", 3, "PROBE-EV-NOCAM", "Event")),
        ("I09", "import the same alarm id twice", "one node (idempotent)", duplicate_once),
        ("I10", "import alarm event in an unknown town", "refused in Chinese", lambda: run.refused("events", 6, "PROBE-EV-TOWN", "Event")),
        ("I11", "import camera with an unknown algorithm name", "refused in Chinese", lambda: run.refused("cameras", 1, "PROBE-CAM-ALGO", "Camera")),
        ("I12", "import duty shift for an unknown person", "refused in Chinese (dangling)", lambda: run.refused("dutyshifts", 1, "PROBE-DS-NOPERSON", "DutyShift")),
        ("I13", "import duty shift overlapping the same person's shift", "refused in Chinese", lambda: run.refused("dutyshifts", 2, "PROBE-DS-OVERLAP", "DutyShift")),
        ("I14", "import town duty shift for an unknown town", "refused in Chinese", lambda: run.refused("dutyshifts", 3, "PROBE-DS-TOWN", "DutyShift")),
        ("I15", "every import audited", "one audit row per import", audited),
    ]  # fmt: skip
