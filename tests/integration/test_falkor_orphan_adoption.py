"""A FalkorDB server left by a ``kill -9`` of ``safecloud serve`` is adopted by the next start and
stopped on its exit (Ctrl-C left it running before); a server the launcher did not start is not."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import falkor_owner
from graph.falkor_graph_store import FalkorGraphStore
from graph.falkor_owner import alive as _alive

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def orphan(tmp_path: Path) -> Iterator[int]:
    """A server whose owning process was killed with SIGKILL: its pid."""
    code = textwrap.dedent(f"""
        import time
        from pathlib import Path
        from graph.falkor_graph_store import FalkorGraphStore
        s = FalkorGraphStore(Path({str(tmp_path)!r}))
        s.write("CREATE (:Town {{id: '青阳镇'}})")
        print(s.pid_path.read_text().strip(), flush=True)
        time.sleep(600)
    """)
    parent = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert parent.stdout is not None
    pid = int(parent.stdout.readline())
    parent.kill()  # kill -9: no close(), no SHUTDOWN
    parent.wait(timeout=10)
    parent.stdout.close()
    assert _alive(pid)
    yield pid
    if _alive(pid):  # a failed test must not leave a server behind
        os.kill(pid, signal.SIGTERM)


def _gone(pid: int, timeout_s: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.05)
    return not _alive(pid)


def test_the_next_start_adopts_the_orphan_and_stops_it_on_exit(tmp_path: Path, orphan: int) -> None:
    store = FalkorGraphStore(tmp_path)
    assert store.read("MATCH (t:Town) RETURN count(t) AS n")[0]["n"] == 1  # re-attached, data there
    assert int(store.pid_path.read_text()) == orphan
    store.close()  # the Ctrl-C path
    assert _gone(orphan)
    assert not (tmp_path / falkor_owner.OWNER_FILE).exists()
    again = FalkorGraphStore(tmp_path)  # and the following start is a clean one on the same data
    try:
        assert again.read("MATCH (t:Town) RETURN count(t) AS n")[0]["n"] == 1
    finally:
        again.close()


def test_a_server_the_launcher_did_not_record_is_never_stopped(tmp_path: Path, orphan: int) -> None:
    (tmp_path / falkor_owner.OWNER_FILE).unlink()  # e.g. started by hand with SafeCloud's options
    store = FalkorGraphStore(tmp_path)
    assert store.read("MATCH (t:Town) RETURN count(t) AS n")[0]["n"] == 1
    store.close()
    assert _alive(orphan)


def test_a_record_naming_another_directory_is_not_ours(tmp_path: Path, orphan: int) -> None:
    record = tmp_path / falkor_owner.OWNER_FILE
    record.write_text(record.read_text().replace(str(tmp_path), str(tmp_path / "elsewhere")))
    store = FalkorGraphStore(tmp_path)
    store.connect()
    store.close()
    assert _alive(orphan)
