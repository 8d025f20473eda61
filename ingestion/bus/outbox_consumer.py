"""``OutboxEventConsumer``: a consumer group over the embedded outbox (``core.ports.EventConsumer``).

Each group's committed position per topic (the last sequence number it handled) lives in the outbox
file itself, so a restarted consumer — or another process of the same group — resumes after the last
commit. A new group starts at the oldest row still kept. Rows pruned before a group read them are
skipped (the outbox prunes only what the relay delivered to Kafka, where they still are).
"""

from __future__ import annotations

from collections.abc import Sequence

from core.bus import BusMessage, check_group, check_topic
from ingestion.bus.outbox_event_bus import OutboxEventBus


class OutboxEventConsumer:
    kind = "outbox"

    def __init__(
        self, bus: OutboxEventBus, group: str, topics: Sequence[str], *, owns_bus: bool = True
    ) -> None:
        self.group = check_group(group)
        self.topics = [check_topic(t) for t in topics]
        self.bus = bus
        self.owns_bus = owns_bus  # close() closes the bus it was given unless it is shared
        self._positions: dict[str, int] | None = None  # loaded from the committed cursor on first use
        self._dirty = False

    def _load(self) -> dict[str, int]:
        if self._positions is None:
            committed = self.bus.cursors(self.group)
            self._positions = {t: committed.get(t, 0) for t in self.topics}
        return self._positions

    def poll(self, max_events: int = 100, timeout_s: float = 1.0) -> list[BusMessage]:
        positions = self._load()
        rows = self.bus.read_after(positions, limit=max_events, timeout_s=timeout_s)
        for seq, message in rows:
            positions[message.topic] = seq
        self._dirty = self._dirty or bool(rows)
        return [m for _, m in rows]

    def commit(self) -> None:
        if self._positions is not None and self._dirty:
            self.bus.save_cursors(self.group, self._positions)
            self._dirty = False

    def seek_to_start(self) -> None:
        self._positions = {t: 0 for t in self.topics}
        self._dirty = True  # a commit now records the rewind

    def close(self) -> None:
        self._positions = None
        if self.owns_bus:
            self.bus.close()

    def info(self) -> dict[str, str]:
        return {
            "kind": self.kind,
            "group": self.group,
            "topics": ",".join(self.topics),
            "path": str(self.bus.path),
        }
