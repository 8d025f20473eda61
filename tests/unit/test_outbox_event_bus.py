"""The embedded outbox: durable before publish returns, ordered, subscribers, and the relay's side
(nothing lost or marked delivered while the broker is down). The real broker: tests/integration."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest

from core.bus import BusMessage, DeliveryReport
from core.errors import EventBusError
from ingestion.bus.outbox_event_bus import OutboxEventBus
from ingestion.bus.relay import OutboxRelay


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "bus" / "outbox.sqlite3"


class FakeBroker:
    """A Kafka stand-in: acknowledges what it receives while up, nothing while down; can refuse
    chosen message ids (a partial batch failure)."""

    def __init__(self) -> None:
        self.up = True
        self.refuse: set[str] = set()
        self.received: list[BusMessage] = []
        self.closed = False

    def deliver(self, messages: Sequence[BusMessage], *, timeout_s: float = 30.0) -> DeliveryReport:
        if not self.up:
            return DeliveryReport(errors={m.id: "无法连接 Kafka 代理" for m in messages})
        report = DeliveryReport()
        for m in messages:
            if m.id in self.refuse:
                report.errors[m.id] = "Kafka 拒绝了消息"
            else:
                self.received.append(m)
                report.acked.append(m.id)
        return report

    def close(self) -> None:
        self.closed = True


def test_a_published_message_is_on_disk_when_publish_returns(path: Path) -> None:
    bus = OutboxEventBus(path)
    message_id = bus.publish("safecloud.plans", "PLN-1", {"type": "plan.retired"})

    # another connection (another process, or after a crash) sees the committed row
    with sqlite3.connect(path) as other:
        rows = other.execute("SELECT id, topic, key, delivered_at FROM outbox").fetchall()
    assert rows == [(message_id, "safecloud.plans", "PLN-1", None)]
    bus.close()


def test_messages_survive_a_restart_and_stay_pending_until_delivered(path: Path) -> None:
    first = OutboxEventBus(path)
    ids = [first.publish("safecloud.plans", f"PLN-{i}", {"i": i}) for i in range(3)]
    first.close()

    again = OutboxEventBus(path)
    assert [m.id for m in again.pending()] == ids
    assert [m.payload for m in again.read("safecloud.plans", timeout_s=0)] == [{"i": 0}, {"i": 1}, {"i": 2}]
    assert again.counts() == {"pending": 3, "delivered": 0}


def test_each_topic_keeps_publish_order_and_pending_is_oldest_first(path: Path) -> None:
    bus = OutboxEventBus(path)
    order = [("a", 1), ("b", 1), ("a", 2), ("b", 2), ("a", 3)]
    for topic, n in order:
        bus.publish(f"t.{topic}", "k", {"n": n})

    assert [m.payload["n"] for m in bus.read("t.a", timeout_s=0)] == [1, 2, 3]
    assert [m.payload["n"] for m in bus.read("t.b", timeout_s=0)] == [1, 2]
    assert [(m.topic, m.payload["n"]) for m in bus.pending()] == [(f"t.{t}", n) for t, n in order]


def test_concurrent_publishers_lose_nothing(path: Path) -> None:
    bus = OutboxEventBus(path)

    def worker(w: int) -> None:
        for i in range(25):
            bus.publish("t.load", f"w{w}", {"w": w, "i": i})

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    got = bus.read("t.load", limit=1000, timeout_s=0)
    assert len(got) == 100
    for w in range(4):  # one writer's messages keep its order
        assert [m.payload["i"] for m in got if m.payload["w"] == w] == list(range(25))


def test_a_waiting_read_returns_as_soon_as_a_message_arrives(path: Path) -> None:
    bus = OutboxEventBus(path)
    timer = threading.Timer(0.2, lambda: bus.publish("t.wait", "k", {"late": True}))
    timer.start()
    try:
        got = bus.read("t.wait", timeout_s=10)
    finally:
        timer.join()
    assert [m.payload for m in got] == [{"late": True}]


def test_subscribers_get_messages_after_commit_and_a_failing_one_does_not_fail_publish(
    path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bus = OutboxEventBus(path)
    seen: list[tuple[str, int]] = []

    def broken(_: BusMessage) -> None:
        raise RuntimeError("consumer bug")

    def record(m: BusMessage) -> None:
        assert bus.read(m.topic, timeout_s=0)[-1].id == m.id  # already stored when handlers run
        seen.append((m.key, m.payload["n"]))

    bus.subscribe("t.sub", broken)
    unsubscribe = bus.subscribe("t.sub", record)
    bus.publish("t.sub", "a", {"n": 1})
    bus.publish("t.other", "b", {"n": 2})
    unsubscribe()
    bus.publish("t.sub", "c", {"n": 3})

    assert seen == [("a", 1)]
    assert len(bus.read("t.sub", timeout_s=0)) == 2
    assert "event subscriber failed" in caplog.text


def test_relay_loses_nothing_while_the_broker_is_down_then_delivers_in_order(path: Path) -> None:
    bus = OutboxEventBus(path)
    ids = [bus.publish("safecloud.plans", f"PLN-{i}", {"i": i}) for i in range(4)]
    broker = FakeBroker()
    broker.up = False
    relay = OutboxRelay(bus, broker, batch_size=3)

    down = relay.drain_once()
    assert (down.delivered, down.failed) == (0, 3)
    assert down.error == "无法连接 Kafka 代理"
    assert [m.id for m in bus.pending()] == ids  # all still pending, in order

    broker.up = True
    up = relay.drain_once()
    assert (up.delivered, up.failed, up.error) == (4, 0, None)
    assert [m.id for m in broker.received] == ids
    assert bus.pending() == []
    assert relay.drain_once().delivered == 0  # nothing is sent twice


def test_relay_marks_only_what_the_broker_acknowledged(path: Path) -> None:
    bus = OutboxEventBus(path)
    ids = [bus.publish("t.partial", "k", {"i": i}) for i in range(3)]
    broker = FakeBroker()
    broker.refuse = {ids[1]}

    report = OutboxRelay(bus, broker).drain_once()

    assert (report.delivered, report.failed) == (2, 1)
    assert [m.id for m in bus.pending()] == [ids[1]]
    assert bus.counts() == {"pending": 1, "delivered": 2}


def test_relay_survives_a_sink_that_raises(path: Path) -> None:
    bus = OutboxEventBus(path)
    bus.publish("t.raise", "k", {"i": 1})

    class Raising(FakeBroker):
        def deliver(self, messages: Sequence[BusMessage], *, timeout_s: float = 30.0) -> DeliveryReport:
            raise EventBusError("Kafka 生产者队列已满，消息未发送", code="kafka_queue_full")

    report = OutboxRelay(bus, Raising()).drain_once()
    assert (report.delivered, report.failed) == (0, 1)
    assert len(bus.pending()) == 1


def test_follow_delivers_what_arrives_later_and_stops_when_told(path: Path) -> None:
    bus = OutboxEventBus(path)
    broker = FakeBroker()
    relay = OutboxRelay(bus, broker)
    stop = threading.Event()
    thread = threading.Thread(target=relay.follow, args=(stop,), kwargs={"interval_s": 0.05})
    thread.start()
    try:
        message_id = bus.publish("t.follow", "k", {"x": 1})
        for _ in range(100):
            if broker.received:
                break
            stop.wait(0.05)
    finally:
        stop.set()
        thread.join(timeout=5)
    assert not thread.is_alive()
    assert [m.id for m in broker.received] == [message_id]


def test_mark_delivered_is_idempotent(path: Path) -> None:
    bus = OutboxEventBus(path)
    message_id = bus.publish("t.mark", "k", {})
    assert bus.mark_delivered([message_id]) == 1
    assert bus.mark_delivered([message_id]) == 0
    assert bus.mark_delivered([]) == 0


def test_an_outbox_that_cannot_be_opened_is_a_typed_chinese_error(tmp_path: Path) -> None:
    blocker = tmp_path / "bus"
    blocker.write_text("a file where the outbox folder should be", encoding="utf-8")
    bus = OutboxEventBus(blocker / "outbox.sqlite3")
    with pytest.raises(EventBusError) as info:
        bus.publish("t.x", "k", {})
    assert info.value.code == "outbox_unavailable"
    assert "无法打开事件发件箱" in info.value.message


def test_constructing_an_outbox_touches_no_disk(tmp_path: Path) -> None:
    OutboxEventBus(tmp_path / "never" / "outbox.sqlite3")
    assert not (tmp_path / "never").exists()
