"""LoginFailureStore on every engine and in memory: the sliding window, the limit decided in one
step (parallel attempts cannot all take the last slot), one attempt taken back at a time, and idle
addresses forgotten. The graph's copy is what makes the throttle survive a restart (ADR 0017)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from api.login_throttle import MemoryLoginFailures
from core.ports import LoginFailureStore
from graph.login_failures import GraphLoginFailures
from tests.conftest import _fresh

MINUTE = 60_000
WINDOW = 10 * MINUTE


@pytest.fixture(params=["falkordb", pytest.param("neo4j", marks=pytest.mark.neo4j), "memory"])
def failures(request: pytest.FixtureRequest) -> LoginFailureStore:
    if request.param == "memory":
        return MemoryLoginFailures()
    session = "falkor_session" if request.param == "falkordb" else "neo4j_session"
    return GraphLoginFailures(_fresh(request.getfixturevalue(session)))


def _begin(store: LoginFailureStore, client: str, now: int, limit: int = 3) -> list[int] | None:
    return store.begin_attempt(client, now, now - WINDOW, limit)


def test_attempts_are_counted_in_a_sliding_window_per_address(failures: LoginFailureStore) -> None:
    assert [_begin(failures, "192.0.2.10", at) for at in (0, 2 * MINUTE, 7 * MINUTE)] == [None] * 3
    assert _begin(failures, "192.0.2.10", 8 * MINUTE) == [0, 2 * MINUTE, 7 * MINUTE]  # full: not recorded
    assert _begin(failures, "192.0.2.10", WINDOW) is None  # the attempt at 0 left the window
    assert _begin(failures, "192.0.2.10", WINDOW + 1) == [2 * MINUTE, 7 * MINUTE, WINDOW]
    assert _begin(failures, "192.0.2.11", WINDOW + 1) is None  # another address counts on its own


def test_taking_back_removes_one_attempt_of_that_moment(failures: LoginFailureStore) -> None:
    assert _begin(failures, "2001:db8::7", 500, limit=2) is None
    assert _begin(failures, "2001:db8::7", 500, limit=2) is None  # two in the same millisecond
    failures.forget_attempt("2001:db8::7", 500)  # one of them logged in
    assert _begin(failures, "2001:db8::7", 600, limit=2) is None
    assert _begin(failures, "2001:db8::7", 700, limit=2) == [500, 600]
    failures.forget_attempt("2001:db8::7", 999)  # never recorded: nothing changes
    failures.forget_attempt("198.51.100.99", 500)  # an address never seen
    assert _begin(failures, "2001:db8::7", 800, limit=2) == [500, 600]


def test_idle_addresses_are_forgotten(failures: LoginFailureStore) -> None:
    _begin(failures, "10.30.0.1", 100, limit=1)
    _begin(failures, "10.30.0.2", 900, limit=1)
    assert failures.forget_idle(500) == 1
    assert _begin(failures, "10.30.0.2", 950, limit=1) == [900]  # still counted
    assert _begin(failures, "10.30.0.1", 950 + WINDOW, limit=1) is None


def test_parallel_attempts_cannot_all_take_the_last_slots(failures: LoginFailureStore) -> None:
    def one(n: int) -> Any:
        return _begin(failures, "203.0.113.77", 1_000 + n, limit=4)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(one, range(16)))
    assert sum(r is None for r in results) == 4
