"""Connecting to the embedded FalkorDB waits out a socket that does not accept yet.

A CLI run on a busy machine had died with redis-py's raw ``ConnectionError`` (no Chinese line, exit
with a traceback) when the socket file existed a moment before the server listened on it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from redis.exceptions import BusyLoadingError
from redis.exceptions import ConnectionError as RedisConnectionError

from core.errors import RetryableError
from graph.falkor_graph_store import FalkorGraphStore


class _Connection:
    def __init__(self, failures: list[Exception]) -> None:
        self.failures = failures
        self.pings = 0

    def ping(self) -> bool:
        self.pings += 1
        if self.failures:
            raise self.failures.pop(0)
        return True


def _store(tmp_path: Path, failures: list[Exception], **timeouts: float) -> tuple[FalkorGraphStore, Any]:
    store = FalkorGraphStore(tmp_path / "graph", **timeouts)
    conn = _Connection(failures)
    store._db = type("Db", (), {"connection": conn})()
    return store, conn


def test_refused_then_accepting_connects(tmp_path: Path) -> None:
    store, conn = _store(tmp_path, [RedisConnectionError("refused"), RedisConnectionError("refused")])
    store._wait_until_loaded()
    assert conn.pings == 3


def test_loading_then_ready_connects(tmp_path: Path) -> None:
    store, conn = _store(tmp_path, [BusyLoadingError("loading")])
    store._wait_until_loaded()
    assert conn.pings == 2


def test_never_accepting_is_a_chinese_retryable_error(tmp_path: Path) -> None:
    store, _ = _store(tmp_path, [RedisConnectionError("refused")] * 1000, start_timeout_s=0.2)
    with pytest.raises(RetryableError) as caught:
        store._wait_until_loaded()
    assert "内嵌图数据库" in caught.value.message
