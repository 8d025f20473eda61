"""The consumer side without a broker: ``consume_batch``'s commit and dedupe rules, the composition
root's choice of consumer, a down broker as a typed Chinese error, and ``safecloud bus tail --group``
on the embedded outbox. Both adapters against a real broker: tests/contract."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.bootstrap import build_consumer
from api.cli import app
from api.settings import Settings
from core.bus import BusMessage
from core.consume import consume_batch
from core.errors import EventBusError, ValidationError
from ingestion.bus.kafka_consumer import KafkaEventConsumer
from ingestion.bus.outbox_consumer import OutboxEventConsumer
from ingestion.bus.outbox_event_bus import OutboxEventBus

runner = CliRunner()


class ScriptedConsumer:
    """Hands out the given batches one poll at a time and counts commits."""

    kind, group = "fake", "g"

    def __init__(self, *batches: list[BusMessage]) -> None:
        self.batches = list(batches)
        self.commits = 0

    def poll(self, max_events: int = 100, timeout_s: float = 1.0) -> list[BusMessage]:
        return self.batches.pop(0) if self.batches else []

    def commit(self) -> None:
        self.commits += 1

    def seek_to_start(self) -> None: ...

    def close(self) -> None: ...


def msg(i: int, message_id: str | None = None) -> BusMessage:
    return BusMessage(
        id=message_id or f"m{i}", topic="safecloud.alarms", key="k", payload={"i": i}, created_at=1
    )


def test_consume_batch_skips_events_already_seen_and_commits_the_batch() -> None:
    consumer = ScriptedConsumer([msg(1), msg(2)], [msg(2), msg(3)])  # m2 redelivered
    seen: set[str] = set()
    handled: list[int] = []

    first = consume_batch(consumer, lambda m: handled.append(m.payload["i"]), seen=seen)
    second = consume_batch(consumer, lambda m: handled.append(m.payload["i"]), seen=seen)

    assert handled == [1, 2, 3]
    assert (second.polled, second.handled, second.duplicates, second.committed) == (2, 1, 1, True)
    assert first.committed and consumer.commits == 2


def test_consume_batch_does_not_commit_a_failed_or_empty_batch() -> None:
    consumer = ScriptedConsumer([msg(1), msg(2)])

    def boom(m: BusMessage) -> None:
        if m.payload["i"] == 2:
            raise ValueError("处理失败")

    with pytest.raises(ValueError):
        consume_batch(consumer, boom)
    empty = consume_batch(consumer, boom)

    assert consumer.commits == 0 and not empty.committed and empty.polled == 0


def test_build_consumer_follows_the_event_bus_kind_and_defaults_to_the_plan_topic(tmp_path: Path) -> None:
    outbox = build_consumer(Settings(data_dir=tmp_path, event_bus={"topic_prefix": "jy."}), "ops")
    kafka = build_consumer(Settings(data_dir=tmp_path, event_bus={"kind": "kafka"}), "ops", ["jy.alarms"])

    assert isinstance(outbox, OutboxEventConsumer) and outbox.topics == ["jy.plans"]
    assert isinstance(kafka, KafkaEventConsumer) and kafka.topics == ["jy.alarms"]
    assert not (tmp_path / "bus").exists()  # nothing opened until the first poll
    with pytest.raises(ValidationError) as info:
        build_consumer(Settings(data_dir=tmp_path), "夜班")
    assert info.value.code == "event_group_invalid"


def test_a_kafka_consumer_with_no_broker_is_a_typed_chinese_error() -> None:
    consumer = KafkaEventConsumer("127.0.0.1:1", "ops", ["safecloud.plans"], connect_timeout_s=1)
    started = time.monotonic()
    with pytest.raises(EventBusError) as info:
        consumer.poll(10, 1)
    consumer.close()
    assert info.value.code == "kafka_unavailable"
    assert "无法连接 Kafka 代理 127.0.0.1:1" in info.value.message
    assert time.monotonic() - started < 10


def test_an_outbox_cursor_survives_a_new_bus_instance(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    bus = OutboxEventBus(path)
    ids = [bus.publish("safecloud.alarms", "ALM-1", {"i": i}) for i in range(3)]
    first = OutboxEventConsumer(OutboxEventBus(path), "ops", ["safecloud.alarms"])
    assert [m.id for m in first.poll(2, 0)] == ids[:2]
    first.commit()
    first.close()

    second = OutboxEventConsumer(OutboxEventBus(path), "ops", ["safecloud.alarms"])

    assert [m.id for m in second.poll(10, 0)] == ids[2:]
    assert bus.cursors("ops") == {"safecloud.alarms": 2}  # only committed positions are stored
    second.close()
    bus.close()


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> OutboxEventBus:
    monkeypatch.setenv("SAFECLOUD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SAFECLOUD_EVENT_BUS__KIND", "outbox")
    return OutboxEventBus(tmp_path / "data" / "bus" / "outbox.sqlite3")


def tail(*args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["bus", "tail", *args, "--timeout", "0"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_bus_tail_as_a_group_resumes_where_it_stopped_and_rewinds_on_request(data: OutboxEventBus) -> None:
    ids = [data.publish("safecloud.plans", f"PLN-{i}", {"type": "plan.retired", "i": i}) for i in range(3)]
    data.publish("safecloud.alarms", "ALM-1", {"i": 99})

    first = tail("--group", "duty-office", "--max", "2")
    rest = tail("--group", "duty-office")
    other_group = tail("--group", "ops.night", "safecloud.alarms")
    again = tail("--group", "duty-office", "--from-start", "--max", "1")
    after_rewind = tail("--group", "duty-office", "--max", "5")

    assert [e["id"] for e in first] == ids[:2]
    assert [e["id"] for e in rest] == ids[2:]
    assert [e["payload"] for e in other_group] == [{"i": 99}]
    assert [e["id"] for e in again] == ids[:1]
    assert [e["id"] for e in after_rewind] == ids[1:]  # the rewind was committed with what it printed
    assert set(first[0]) >= {"id", "topic", "key", "created_at", "payload"}


def test_bus_tail_refuses_a_group_name_it_cannot_store_in_chinese(data: OutboxEventBus) -> None:
    result = runner.invoke(app, ["bus", "tail", "--group", "值班 室"])
    assert result.exit_code == 2
    assert "错误 [event_group_invalid]：消费组名称无效" in result.output


def test_bus_tail_with_the_broker_down_says_so_in_chinese(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SAFECLOUD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SAFECLOUD_EVENT_BUS__KIND", "kafka")
    monkeypatch.setenv("SAFECLOUD_EVENT_BUS__BOOTSTRAP_SERVERS", "127.0.0.1:1")
    monkeypatch.setenv("SAFECLOUD_EVENT_BUS__DELIVERY_TIMEOUT_S", "1")

    result = runner.invoke(app, ["bus", "tail", "--group", "duty-office", "--timeout", "1"])

    assert result.exit_code == 2
    assert "错误 [kafka_unavailable]：无法连接 Kafka 代理 127.0.0.1:1" in result.output
