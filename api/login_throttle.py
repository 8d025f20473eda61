"""Failed logins per client address in a sliding window (ADR 0017, "Hardening").

The account lock stops guessing at one account; it cannot stop one wrong password on each of many
accounts (password spraying), and it lets anyone lock accounts at will. Counting refused logins per
client address bounds both. Successful logins do not count: a duty room behind one address logs
in all day. Kept in memory: a restart forgets the counts, which only lets an attacker start over
once, and no graph write is added to the login path.
"""

from __future__ import annotations

import math
import threading
from collections import deque

from core.auth import MINUTE_MS
from core.errors import RateLimitedError

# Beyond this many addresses the ones idle longest are forgotten: an attacker with many addresses
# must not grow the server's memory without end (each address is then limited on its own anyway).
MAX_TRACKED_CLIENTS = 10_000


def throttled_message(minutes: int) -> str:
    return f"登录尝试过于频繁，请{minutes}分钟后再试"


class LoginThrottle:
    def __init__(
        self, max_failures: int, window_minutes: int, *, max_clients: int = MAX_TRACKED_CLIENTS
    ) -> None:
        self.max_failures = max_failures
        self._window_ms = window_minutes * MINUTE_MS
        self._max_clients = max_clients
        self._failures: dict[str, deque[int]] = {}  # insertion order = least recently failed first
        self._lock = threading.Lock()  # sync routes run in a thread pool

    def begin(self, client: str, now: int) -> None:
        """Counts an attempt before it runs, or raises ``RateLimitedError`` (429) while ``client`` has
        used up its failures in the window. Counting first, under the lock, keeps parallel requests
        from all passing the check before any of them is recorded; ``succeeded`` takes it back."""
        with self._lock:
            times = self._recent(client, now)
            if len(times) < self.max_failures:
                times.append(now)
                self._failures.pop(client, None)
                self._failures[client] = times  # move to the end: most recently failed
                while len(self._failures) > self._max_clients:
                    del self._failures[next(iter(self._failures))]
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
        with self._lock:
            times = self._failures.get(client)
            if times is not None and now in times:
                times.remove(now)
                if not times:
                    del self._failures[client]

    def _recent(self, client: str, now: int) -> deque[int]:
        times = self._failures.get(client, deque())
        while times and times[0] <= now - self._window_ms:
            times.popleft()
        if not times:
            self._failures.pop(client, None)
        return times


def client_address(peer: str | None, forwarded_for: str | None, *, trust_forwarded_for: bool) -> str:
    """The address to count failures against. Behind a reverse proxy every request comes from the
    proxy; its ``X-Forwarded-For`` then names the client, but only the last entry — the one the proxy
    appended — can be believed: anything to its left was written by the client itself."""
    if trust_forwarded_for and forwarded_for:
        last = forwarded_for.split(",")[-1].strip()
        if last:
            return last
    return peer or "unknown"


__all__ = ["MAX_TRACKED_CLIENTS", "LoginThrottle", "client_address", "throttled_message"]
