"""``consume_batch``: one poll → handle → commit step over any ``EventConsumer``. No I/O of its own.

The commit comes only after every event of the batch was handled, so a handler that raises leaves the
group's position where it was: a restarted consumer gets the whole batch again (at-least-once). A
``seen`` set of event ids skips the duplicates that redelivery (or the relay's resend) produces.
"""

from __future__ import annotations

from collections.abc import Callable, MutableSet

from pydantic import BaseModel

from core.bus import BusMessage
from core.ports import EventConsumer


class ConsumeReport(BaseModel):
    polled: int = 0
    handled: int = 0
    duplicates: int = 0  # already in ``seen``: not handed to the handler again
    committed: bool = False


def consume_batch(
    consumer: EventConsumer,
    handle: Callable[[BusMessage], None],
    *,
    max_events: int = 100,
    timeout_s: float = 1.0,
    seen: MutableSet[str] | None = None,
) -> ConsumeReport:
    """Poll up to ``max_events``, hand each new one to ``handle`` in order, then commit. An exception
    from ``handle`` propagates and nothing is committed."""
    events = consumer.poll(max_events, timeout_s)
    report = ConsumeReport(polled=len(events))
    for event in events:
        if seen is not None and event.id in seen:
            report.duplicates += 1
            continue
        handle(event)
        report.handled += 1
        if seen is not None:
            seen.add(event.id)
    if events:
        consumer.commit()
        report.committed = True
    return report
