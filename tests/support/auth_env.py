"""Pieces the token-mode API tests share: a settable clock and a cheap argon2 hasher."""

from __future__ import annotations

from argon2 import PasswordHasher

from tests.support.fixture_city import NOW

# argon2id at its lowest cost: the tests check who may log in, not the hash's strength
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)


class Clock:
    """The container's clock, moved by tests (session expiry, lock ends)."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> int:
        return self.now
