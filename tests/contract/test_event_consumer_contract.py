"""The EventConsumer contract, run against both adapters: a consumer group over the embedded outbox
(cursor in the outbox file) and a Kafka consumer group on a real broker (deploy/kafka-dev).

Each test gets its own topic and group (the broker is shared by the session). ``poll_until`` polls
repeatedly because a Kafka group may need a moment to be assigned its partitions.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pydantic
import pytest

from core.bus import BusMessage
from core.consume import consume_batch
from core.errors import ValidationError
from core.ports import EventBus, EventConsumer


class Harness:
    """Publishes on the parameter's bus and opens consumers of it (each like a separate process)."""

    def __init__(self, kind: str, tmp_path: Path, bootstrap: str | None) -> None:
        self.kind, self.tmp_path, self.bootstrap = kind, tmp_path, bootstrap
        self.topic = f"test.consumer.{uuid.uuid4().hex[:12]}"
        self.opened: list[EventConsumer | EventBus] = []
        self.bus = self._bus()

    def _bus(self) -> EventBus:
        bus: EventBus
        if self.kind == "outbox":
            from ingestion.bus.outbox_event_bus import OutboxEventBus

            bus = OutboxEventBus(self.tmp_path / "bus" / "outbox.sqlite3")
        else:
            from ingestion.bus.kafka_event_bus import KafkaEventBus

            assert self.bootstrap
            bus = KafkaEventBus(self.bootstrap, delivery_timeout_ms=15_000)
        self.opened.append(bus)
        return bus

    def publish(self, n: int, *, topic: str | None = None, start: int = 0) -> list[str]:
        ids = [
            self.bus.publish(topic or self.topic, f"PLN-{i}", {"i": i, "镇": "周庄镇"})
            for i in range(start, start + n)
        ]
        flush = getattr(self.bus, "flush", None)
        if flush:
            flush()  # Kafka: acknowledged before a consumer looks
        return ids

    def consumer(self, group: str, topics: list[str] | None = None) -> EventConsumer:
        consumer: EventConsumer
        if self.kind == "outbox":
            from ingestion.bus.outbox_consumer import OutboxEventConsumer
            from ingestion.bus.outbox_event_bus import OutboxEventBus

            consumer = OutboxEventConsumer(
                OutboxEventBus(self.tmp_path / "bus" / "outbox.sqlite3"), group, topics or [self.topic]
            )
        else:
            from ingestion.bus.kafka_consumer import KafkaEventConsumer

            assert self.bootstrap
            consumer = KafkaEventConsumer(self.bootstrap, group, topics or [self.topic])
        self.opened.append(consumer)
        return consumer

    def close(self) -> None:
        for thing in reversed(self.opened):
            thing.close()


@pytest.fixture(params=["outbox", pytest.param("kafka", marks=pytest.mark.kafka)])
def h(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Harness]:
    bootstrap = request.getfixturevalue("kafka_bootstrap") if request.param == "kafka" else None
    harness = Harness(request.param, tmp_path, bootstrap)
    yield harness
    harness.close()


def group() -> str:
    return f"grp-{uuid.uuid4().hex[:10]}"


def poll_until(
    consumer: EventConsumer, n: int, *, max_events: int = 100, timeout_s: float = 20
) -> list[BusMessage]:
    got: list[BusMessage] = []
    deadline = time.monotonic() + timeout_s
    while len(got) < n and time.monotonic() < deadline:
        batch = consumer.poll(min(max_events, n - len(got)), 0.5)
        assert len(batch) <= min(max_events, n - len(got))
        got.extend(batch)
    return got


def test_a_new_group_reads_every_event_of_its_topics_in_order(h: Harness) -> None:
    ids = h.publish(4)
    h.publish(2, topic=f"{h.topic}.other")
    consumer = h.consumer(group())

    got = poll_until(consumer, 4)

    assert [m.id for m in got] == ids
    assert [(m.key, m.payload) for m in got] == [(f"PLN-{i}", {"i": i, "镇": "周庄镇"}) for i in range(4)]
    assert all(m.topic == h.topic for m in got)
    assert consumer.poll(10, 0.5) == []  # the other topic's events are not this consumer's
    with pytest.raises(pydantic.ValidationError):
        got[0].payload = {}  # type: ignore[misc]  # events are frozen


def test_a_first_poll_with_a_short_timeout_returns_what_is_there(h: Harness) -> None:
    ids = h.publish(2)
    consumer = h.consumer(group())

    got = consumer.poll(10, 0.2)  # Kafka: the group join may take longer than the wait asked for

    assert [m.id for m in got] == ids


def test_max_events_caps_every_poll(h: Harness) -> None:
    ids = h.publish(5)
    consumer = h.consumer(group())

    got = poll_until(consumer, 5, max_events=2)

    assert [m.id for m in got] == ids


def test_a_restart_resumes_after_the_last_commit(h: Harness) -> None:
    ids = h.publish(6)
    g = group()
    first = h.consumer(g)
    assert [m.id for m in poll_until(first, 4)] == ids[:4]
    first.commit()
    assert [m.id for m in poll_until(first, 2)] == ids[4:]  # polled, never committed
    first.close()

    again = h.consumer(g)

    assert [m.id for m in poll_until(again, 2)] == ids[4:]
    assert again.poll(10, 0.5) == []


def test_groups_keep_separate_positions(h: Harness) -> None:
    ids = h.publish(3)
    a = h.consumer(group())
    assert [m.id for m in poll_until(a, 3)] == ids
    a.commit()

    b = h.consumer(group())

    assert [m.id for m in poll_until(b, 3)] == ids


def test_seek_to_start_rereads_and_a_commit_keeps_the_new_position(h: Harness) -> None:
    ids = h.publish(3)
    g = group()
    consumer = h.consumer(g)
    assert [m.id for m in poll_until(consumer, 3)] == ids
    consumer.commit()

    consumer.seek_to_start()
    assert [m.id for m in poll_until(consumer, 3)] == ids
    consumer.commit()
    consumer.close()
    later = h.publish(1, start=3)

    assert [m.id for m in poll_until(h.consumer(g), 1)] == later


def test_a_rewound_group_starts_over_after_a_restart(h: Harness) -> None:
    ids = h.publish(2)
    g = group()
    consumer = h.consumer(g)
    poll_until(consumer, 2)
    consumer.commit()
    consumer.close()

    fresh = h.consumer(g)
    fresh.seek_to_start()  # before its first poll, as `safecloud bus tail --from-start` does

    assert [m.id for m in poll_until(fresh, 2)] == ids


def test_an_event_published_later_arrives_on_a_later_poll(h: Harness) -> None:
    consumer = h.consumer(group())
    h.publish(1)
    assert len(poll_until(consumer, 1)) == 1
    assert consumer.poll(5, 0.3) == []

    later = h.publish(1, start=1)

    assert [m.id for m in poll_until(consumer, 1)] == later


def test_consume_batch_commits_only_after_the_handler_succeeded(h: Harness) -> None:
    ids = h.publish(3)
    g = group()
    failing = h.consumer(g)

    def refuse(_: BusMessage) -> None:
        raise RuntimeError("下游服务不可用")

    deadline = time.monotonic() + 20
    with pytest.raises(RuntimeError):
        while time.monotonic() < deadline:
            consume_batch(failing, refuse, timeout_s=0.5)
    failing.close()

    handled: list[str] = []
    retry = h.consumer(g)
    while len(handled) < 3 and time.monotonic() < deadline + 20:
        consume_batch(retry, lambda m: handled.append(m.id), timeout_s=0.5)
    retry.close()

    assert handled == ids  # nothing was committed by the failed batch
    assert h.consumer(g).poll(10, 0.5) == []  # the successful batches were


@pytest.mark.parametrize("bad", ["", "值班组", "ops team", "ops/night", "x" * 201])
def test_a_group_name_with_unsafe_characters_is_refused(h: Harness, bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        h.consumer(bad)
    assert info.value.code == "event_group_invalid"
    assert "消费组名称无效" in info.value.message


def test_an_empty_topic_answers_within_about_the_wait_asked_for(h: Harness) -> None:
    consumer = h.consumer(group())
    consumer.poll(1, 0.2)  # Kafka: the first poll also waits for the group join
    started = time.monotonic()

    assert consumer.poll(10, 0.5) == []
    assert time.monotonic() - started < 3


def test_a_group_that_started_before_the_topic_existed_gets_its_first_events(h: Harness) -> None:
    consumer = h.consumer(group())
    assert consumer.poll(10, 0.5) == []  # nobody has published on the topic yet

    ids = h.publish(2)

    assert [m.id for m in poll_until(consumer, 2, timeout_s=30)] == ids
