"""The embedded FalkorDB lifecycle: persistence, re-attach after a killed parent, recovery after a crash."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from graph.falkor_graph_store import FalkorGraphStore
from graph.falkor_owner import alive as _alive


def _count(store: FalkorGraphStore) -> int:
    return int(store.read("MATCH (t:Town) RETURN count(t) AS n")[0]["n"])


def test_data_survives_a_clean_restart(tmp_path: Path) -> None:
    store = FalkorGraphStore(tmp_path)
    store.write("CREATE (:Town {id: '澄江街道'})")
    store.close()
    assert not store.pid_path.exists()  # clean shutdown removes the PID file
    reopened = FalkorGraphStore(tmp_path)
    try:
        assert _count(reopened) == 1
    finally:
        reopened.close()


def test_reattaches_to_a_server_left_by_a_killed_parent(tmp_path: Path) -> None:
    first = FalkorGraphStore(tmp_path)
    first.write("CREATE (:Town {id: '南闸街道'})")
    pid = int(first.pid_path.read_text())
    # Simulate the parent dying: its server keeps running and nobody shuts it down.
    orphan, first._proc = first._proc, None
    first.close()  # drops only the client: this store no longer owns the server
    second = FalkorGraphStore(tmp_path)
    try:
        assert _count(second) == 1
        assert int(second.pid_path.read_text()) == pid  # same server, re-attached
    finally:
        second.close()  # did not start the server, so it only disconnects
        assert _alive(pid)
        os.kill(pid, signal.SIGTERM)
        assert orphan is not None and orphan.wait(timeout=15) == 0


def test_restarts_cleanly_after_the_server_crashed(tmp_path: Path) -> None:
    store = FalkorGraphStore(tmp_path)
    store.write("CREATE (:Town {id: '云亭街道'})")
    time.sleep(1.2)  # appendfsync everysec: at most one second is at risk
    pid = int(store.pid_path.read_text())
    os.kill(pid, signal.SIGKILL)
    assert store._proc is not None
    store._proc.wait(timeout=10)  # reap it, as the dead parent's init would
    assert store.pid_path.exists()  # stale PID file and socket left behind
    recovered = FalkorGraphStore(tmp_path)
    try:
        assert _count(recovered) == 1
        assert int(recovered.pid_path.read_text()) != pid
    finally:
        recovered.close()


def test_relative_data_dir_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = FalkorGraphStore(Path("data/graph"))
    try:
        store.write("CREATE (:Town {id: '璜土镇'})")
        assert _count(store) == 1 and (tmp_path / "data/graph/falkordb.log").exists()
    finally:
        store.close()


def test_a_server_gone_under_a_reader_is_a_retryable_chinese_error(tmp_path: Path) -> None:
    from core.errors import RetryableError

    owner = FalkorGraphStore(tmp_path)
    owner.write("CREATE (:Town {id: '徐霞客镇'})")
    reader = FalkorGraphStore(tmp_path)  # attached to the owner's server, as `serve` beside `demo plans`
    assert _count(reader) == 1
    owner.close()  # the owner stops its server: the reader's socket is gone
    try:
        with pytest.raises(RetryableError) as caught:
            _count(reader)
        # the duty officer sees a Chinese sentence, not "Error 2 connecting to /…/falkordb.sock"
        assert "connecting" not in str(caught.value) and "sock" not in str(caught.value)
    finally:
        reader.close()
