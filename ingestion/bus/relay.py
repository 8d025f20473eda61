"""The outbox relay: forwards what API writes stored in the outbox to the production bus (Kafka).

An API write never waits for Kafka: it commits its domain event to the local outbox and answers.
The relay reads undelivered messages oldest first, sends them, and marks a message delivered only
after the broker acknowledged it. A broker that is down costs nothing but delay: the messages stay
pending and the next pass (``safecloud bus relay``, or the server's relay thread) sends them.

Delivery is at-least-once (a crash between the ack and ``mark_delivered`` resends a message);
consumers deduplicate on the message id carried in the ``safecloud-id`` header.

With a retention policy the relay also prunes delivered rows every ``prune_interval_s`` (first on
its first pass), so the outbox does not grow forever; undelivered rows are never pruned.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from typing import Protocol

from pydantic import BaseModel

from core.bus import BusMessage, DeliveryReport, PruneReport, RetentionPolicy
from core.errors import EventBusError

log = logging.getLogger(__name__)


class Outbox(Protocol):
    """The relay's view of ``OutboxEventBus``."""

    def pending(self, limit: int = 500) -> list[BusMessage]: ...

    def mark_delivered(self, ids: Sequence[str], *, at_ms: int | None = None) -> int: ...

    def prune(self, policy: RetentionPolicy, *, now_ms: int | None = None) -> PruneReport: ...


class Sink(Protocol):
    """Where the relay sends messages (``KafkaEventBus.deliver``)."""

    def deliver(self, messages: Sequence[BusMessage], *, timeout_s: float = 30.0) -> DeliveryReport: ...

    def close(self) -> None: ...


class RelayReport(BaseModel):
    delivered: int = 0
    failed: int = 0
    error: str | None = None  # the first failure's reason (Chinese), when a batch was not all acked


class OutboxRelay:
    def __init__(
        self,
        outbox: Outbox,
        sink: Sink,
        *,
        batch_size: int = 500,
        timeout_s: float = 30.0,
        retention: RetentionPolicy | None = None,
        prune_interval_s: float = 0.0,
    ) -> None:
        self.outbox = outbox
        self.sink = sink
        self.batch_size = batch_size
        self.timeout_s = timeout_s
        self.retention = retention
        self.prune_interval_s = prune_interval_s  # 0: follow() never prunes
        self._next_prune = 0.0  # monotonic time of the next due prune; 0: on the first pass

    def prune_if_due(self) -> PruneReport | None:
        """Prune the outbox when a retention policy is set and the interval has passed; a failed
        prune is logged and tried again next interval (it must never stop delivery)."""
        if self.retention is None or self.prune_interval_s <= 0 or time.monotonic() < self._next_prune:
            return None
        self._next_prune = time.monotonic() + self.prune_interval_s
        try:
            return self.outbox.prune(self.retention)
        except EventBusError as exc:
            log.error("relay: outbox prune failed: %s", exc.message)
            return None

    def drain_once(self) -> RelayReport:
        """Send pending messages batch by batch until none is left or a batch was not fully
        acknowledged (the broker is likely down: stop, keep the rest pending, try again later)."""
        report = RelayReport()
        while True:
            batch = self.outbox.pending(self.batch_size)
            if not batch:
                return report
            try:
                result = self.sink.deliver(batch, timeout_s=self.timeout_s)
            except EventBusError as exc:
                return report.model_copy(update={"failed": report.failed + len(batch), "error": exc.message})
            acked = set(result.acked)
            if acked:
                # only what the broker acknowledged; what it did not stays pending for the next pass
                self.outbox.mark_delivered([m.id for m in batch if m.id in acked])
            report.delivered += len(acked)
            failures = [result.errors.get(m.id, "未确认") for m in batch if m.id not in acked]
            if failures:
                report.failed += len(failures)
                report.error = failures[0]
                log.warning(
                    "relay: %d of %d messages not acknowledged: %s", len(failures), len(batch), failures[0]
                )
                return report
            if len(batch) < self.batch_size:
                return report

    def follow(self, stop: threading.Event, *, interval_s: float = 1.0, backoff_max_s: float = 30.0) -> None:
        """Drain repeatedly until ``stop`` is set; waits ``interval_s`` between passes, longer (up to
        ``backoff_max_s``) while the broker keeps failing."""
        wait = interval_s
        while not stop.is_set():
            try:
                report = self.drain_once()
            except EventBusError as exc:  # the outbox itself failed (disk): keep trying, loudly
                log.error("relay: outbox unavailable: %s", exc.message)
                report = RelayReport(error=exc.message, failed=1)
            if report.delivered:
                log.info("relay: delivered %d messages", report.delivered)
            self.prune_if_due()
            wait = min(wait * 2, backoff_max_s) if report.failed else interval_s
            stop.wait(wait)
