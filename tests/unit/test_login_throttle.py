"""Refused logins per client address (api/login_throttle.py): a sliding window, not a fixed one."""

from __future__ import annotations

import pytest

from api.login_throttle import LoginThrottle, MemoryLoginFailures
from core.errors import RateLimitedError

MINUTE = 60_000


def test_the_window_slides_with_the_oldest_counted_failure() -> None:
    throttle = LoginThrottle(3, 10)
    for at in (0, 2 * MINUTE, 7 * MINUTE):
        throttle.begin("192.0.2.5", at)
    with pytest.raises(RateLimitedError) as refused:
        throttle.begin("192.0.2.5", 8 * MINUTE)
    assert refused.value.code == "too_many_attempts"
    assert refused.value.details["retry_after_seconds"] == 2 * 60  # the failure at 0 leaves at 10 min
    assert refused.value.message == "登录尝试过于频繁，请2分钟后再试"
    throttle.begin("192.0.2.5", 10 * MINUTE)  # one slot free again, not the whole window reset
    with pytest.raises(RateLimitedError):
        throttle.begin("192.0.2.5", 10 * MINUTE + 1)
    throttle.begin("192.0.2.6", 10 * MINUTE + 1)  # another address has its own count


def test_attempts_count_before_they_run_and_successes_are_taken_back() -> None:
    # Parallel requests must not all pass the check before any failure is recorded.
    throttle = LoginThrottle(2, 10)
    throttle.begin("203.0.113.8", 5)
    throttle.begin("203.0.113.8", 5)  # two still running
    with pytest.raises(RateLimitedError):
        throttle.begin("203.0.113.8", 5)
    throttle.succeeded("203.0.113.8", 5)  # one of them logged in
    throttle.begin("203.0.113.8", 6)
    throttle.succeeded("203.0.113.9", 6)  # an address never seen: nothing to take back


def test_a_wait_under_a_minute_still_says_one_minute() -> None:
    throttle = LoginThrottle(1, 1)
    throttle.begin("198.51.100.2", 0)
    with pytest.raises(RateLimitedError) as refused:
        throttle.begin("198.51.100.2", 59_500)
    assert refused.value.details["retry_after_seconds"] == 1
    assert "请1分钟后再试" in refused.value.message


def test_many_addresses_do_not_grow_memory_without_end() -> None:
    throttle = LoginThrottle(1, 10, MemoryLoginFailures(max_clients=3))
    for n in range(5):
        throttle.begin(f"10.0.0.{n}", n)
    throttle.begin("10.0.0.0", 10)  # the address idle longest was forgotten
    with pytest.raises(RateLimitedError):
        throttle.begin("10.0.0.4", 10)
