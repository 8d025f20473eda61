"""Failed logins per client address in a sliding window (ADR 0017, "Hardening").

The account lock stops guessing at one account; it cannot stop one wrong password on each of many
accounts (password spraying), and it lets anyone lock accounts at will. Counting refused logins per
client address bounds both. Successful logins do not count: a duty room behind one address logs
in all day. The counts live in a ``LoginFailureStore``: the graph in the server (a restart does not
reset them, and every worker shares them), in memory where there is a single short-lived process.
"""

from __future__ import annotations

import math
import threading
from collections import deque

from core.auth import MINUTE_MS
from core.errors import RateLimitedError
from core.ports import LoginFailureStore

# Beyond this many addresses the ones idle longest are forgotten: an attacker with many addresses
# must not grow the server's memory without end (each address is then limited on its own anyway).
MAX_TRACKED_CLIENTS = 10_000


def throttled_message(minutes: int) -> str:
    return f"登录尝试过于频繁，请{minutes}分钟后再试"


class LoginThrottle:
    def __init__(
        self, max_failures: int, window_minutes: int, store: LoginFailureStore | None = None
    ) -> None:
        self.max_failures = max_failures
        self._window_ms = window_minutes * MINUTE_MS
        self._store = store or MemoryLoginFailures()

    def begin(self, client: str, now: int) -> None:
        """Counts an attempt before it runs, or raises ``RateLimitedError`` (429) while ``client`` has
        used up its failures in the window. Counting first, in one step of the store, keeps parallel
        requests from all passing the check before any of them is recorded; ``succeeded`` takes it back."""
        times = self._store.begin_attempt(client, now, now - self._window_ms, self.max_failures)
        if times is None:
            return
        # The window slides: the address may try again when its oldest counted failure leaves it.
        wait_ms = times[len(times) - self.max_failures] + self._window_ms - now
        seconds = max(1, math.ceil(wait_ms / 1000))
        raise RateLimitedError(
            throttled_message(max(1, math.ceil(seconds / 60))),
            code="too_many_attempts",
            details={"retry_after_seconds": seconds},
        )

    def succeeded(self, client: str, now: int) -> None:
        """The attempt counted by ``begin(client, now)`` was not a refused login: it does not count."""
        self._store.forget_attempt(client, now)

    def forget_idle(self, now: int) -> int:
        """Housekeeping (at a successful login): addresses with no attempt in the window are dropped."""
        return self._store.forget_idle(now - self._window_ms)


class MemoryLoginFailures:
    """``LoginFailureStore`` of one process (tests, and callers without a graph): a restart forgets."""

    def __init__(self, max_clients: int = MAX_TRACKED_CLIENTS) -> None:
        self._max_clients = max_clients
        self._attempts: dict[str, deque[int]] = {}  # insertion order = least recently tried first
        self._lock = threading.Lock()  # sync routes run in a thread pool

    def begin_attempt(self, client: str, now: int, since: int, limit: int) -> list[int] | None:
        with self._lock:
            times = self._attempts.pop(client, deque())
            while times and times[0] <= since:
                times.popleft()
            if len(times) >= limit:
                if times:
                    self._attempts[client] = times
                return list(times)
            times.append(now)
            self._attempts[client] = times  # at the end: most recently tried
            while len(self._attempts) > self._max_clients:
                del self._attempts[next(iter(self._attempts))]
            return None

    def forget_attempt(self, client: str, at: int) -> None:
        with self._lock:
            times = self._attempts.get(client)
            if times is not None and at in times:
                times.remove(at)
                if not times:
                    del self._attempts[client]

    def forget_idle(self, since: int) -> int:
        with self._lock:
            idle = [c for c, times in self._attempts.items() if not times or times[-1] <= since]
            for client in idle:
                del self._attempts[client]
            return len(idle)


__all__ = ["MAX_TRACKED_CLIENTS", "LoginThrottle", "MemoryLoginFailures", "throttled_message"]
