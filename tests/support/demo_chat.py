"""A `ChatService` over the demo city the chat eval uses (seed 20261125, 1,000 firms), on a fixed
clock, for end-to-end tests of the chat rounds: one builder instead of a copy per test module."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


@contextmanager
def demo_chat_service(now_ms: int, *, prefix: str = "chat-") -> Iterator[Any]:
    from evals.chat import ChatService, ConversationStore, SafetyGraphRepository, demo_store, parse_time_range

    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        store = demo_store(Path(tmp), now_ms)
        try:
            yield ChatService(
                store=store,
                repository=SafetyGraphRepository(store),
                conversations=ConversationStore(store, lambda: now_ms),
                clock=lambda: now_ms,
                time_parser=parse_time_range,
            )
        finally:
            store.close()
