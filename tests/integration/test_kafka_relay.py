"""The outbox → Kafka relay against a real broker (deploy/kafka-dev): nothing is lost while the
broker is unreachable, everything arrives once it is, in order; the server's relay thread and the
``safecloud bus`` commands do the same end to end."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from core.bus import PlanEvent, RetentionPolicy
from ingestion.bus.kafka_event_bus import KafkaEventBus
from ingestion.bus.outbox_event_bus import OutboxEventBus
from ingestion.bus.relay import OutboxRelay
from tests.support.plan_api import plan_api_client, upload
from tests.support.sample_plans import FakeImporter, chemical_plan

runner = CliRunner()


def unique(name: str) -> str:
    return f"test.{uuid.uuid4().hex[:10]}.{name}"


@pytest.mark.kafka
def test_relay_keeps_messages_while_the_broker_is_unreachable_then_delivers_them(
    tmp_path: Path, kafka_bootstrap: str
) -> None:
    topic = unique("plans")
    outbox = OutboxEventBus(tmp_path / "outbox.sqlite3")
    sent = [(f"PLN-{i % 2}", {"type": "plan.retired", "i": i, "标题": f"第{i}号预案"}) for i in range(6)]
    ids = [outbox.publish(topic, key, payload) for key, payload in sent]

    nowhere = KafkaEventBus("127.0.0.1:1", delivery_timeout_ms=1000)
    down = OutboxRelay(outbox, nowhere, timeout_s=3).drain_once()
    assert down.delivered == 0 and down.failed == 6 and down.error
    assert [m.id for m in outbox.pending()] == ids

    kafka = KafkaEventBus(kafka_bootstrap)
    up = OutboxRelay(outbox, kafka).drain_once()
    assert (up.delivered, up.failed, up.error) == (6, 0, None)
    assert outbox.pending() == []
    assert OutboxRelay(outbox, kafka).drain_once().delivered == 0  # nothing sent twice

    got = kafka.read(topic, limit=20, timeout_s=15)
    assert [m.id for m in got] == ids  # the outbox's ids travel in the record headers
    assert [(m.key, m.payload) for m in got] == sent
    stored = {m.id: m.created_at for m in outbox.read(topic, limit=20, timeout_s=0)}
    assert {m.id: m.created_at for m in got} == stored
    kafka.close()
    outbox.close()


@pytest.mark.kafka
def test_the_relay_prunes_only_what_kafka_acknowledged(tmp_path: Path, kafka_bootstrap: str) -> None:
    topic = unique("retention")
    outbox = OutboxEventBus(tmp_path / "outbox.sqlite3")
    ids = [outbox.publish(topic, "PLN-9", {"type": "plan.retired", "i": i}) for i in range(5)]
    keep_all_but_two = RetentionPolicy(retention_days=7, max_rows=2)

    nowhere = OutboxRelay(
        outbox,
        KafkaEventBus("127.0.0.1:1", delivery_timeout_ms=1000),
        timeout_s=3,
        retention=keep_all_but_two,
        prune_interval_s=3600,
    )
    nowhere.drain_once()
    assert nowhere.prune_if_due() is not None and outbox.counts() == {"pending": 5, "delivered": 0}

    kafka = KafkaEventBus(kafka_bootstrap)
    relay = OutboxRelay(outbox, kafka, retention=keep_all_but_two, prune_interval_s=3600)
    assert relay.drain_once().delivered == 5
    pruned = relay.prune_if_due()

    assert pruned is not None and pruned.removed_by_cap == 3
    assert [m.id for m in outbox.read(topic, limit=10, timeout_s=0)] == ids[3:]
    assert [m.id for m in kafka.read(topic, limit=10, timeout_s=15)] == ids  # the broker keeps them all
    kafka.close()
    outbox.close()


@pytest.mark.kafka
def test_the_servers_relay_thread_delivers_plan_events_to_kafka(tmp_path: Path, kafka_bootstrap: str) -> None:
    prefix = f"test.{uuid.uuid4().hex[:10]}."
    settings = {
        "event_bus": {
            "kind": "kafka",
            "bootstrap_servers": kafka_bootstrap,
            "topic_prefix": prefix,
            "relay_interval_s": 0.1,
        }
    }
    with plan_api_client(tmp_path, FakeImporter({"plan.pdf": chemical_plan()}), **settings) as client:
        up = upload(client)
        outbox = client.app.state.container.bus  # type: ignore[attr-defined]
        deadline = time.monotonic() + 30
        while outbox.counts()["pending"] and time.monotonic() < deadline:
            time.sleep(0.1)
        assert outbox.counts() == {"pending": 0, "delivered": 1}

    kafka = KafkaEventBus(kafka_bootstrap)
    (message,) = kafka.read(f"{prefix}plans", timeout_s=15)
    event = PlanEvent.model_validate(message.payload)
    assert message.key == up["plan_id"]
    assert (event.type, event.plan_id, event.version_id) == ("plan.imported", up["plan_id"], up["version_id"])
    kafka.close()


@pytest.mark.kafka
def test_bus_relay_and_tail_commands(
    tmp_path: Path, kafka_bootstrap: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    prefix = f"test.{uuid.uuid4().hex[:10]}."
    monkeypatch.setenv("SAFECLOUD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SAFECLOUD_ENV", "test")
    monkeypatch.setenv("SAFECLOUD_EVENT_BUS__KIND", "kafka")
    monkeypatch.setenv("SAFECLOUD_EVENT_BUS__BOOTSTRAP_SERVERS", kafka_bootstrap)
    monkeypatch.setenv("SAFECLOUD_EVENT_BUS__TOPIC_PREFIX", prefix)
    outbox = OutboxEventBus(tmp_path / "data" / "bus" / "outbox.sqlite3")
    ids = [outbox.publish(f"{prefix}plans", "PLN-1", {"type": "plan.restored", "n": n}) for n in range(3)]
    outbox.close()

    status = runner.invoke(app, ["bus", "status"])
    assert status.exit_code == 0, status.output
    assert json.loads(status.output)["outbox_pending"] == "3"

    relayed = runner.invoke(app, ["bus", "relay"])
    assert relayed.exit_code == 0, relayed.output
    assert "已转发 3 条" in relayed.output and "待转发 0 条" in relayed.output

    tail = runner.invoke(app, ["bus", "tail", f"{prefix}plans", "--from", "1", "--timeout", "15"])
    assert tail.exit_code == 0, tail.output
    lines = [json.loads(line) for line in tail.output.splitlines()]
    assert [(m["id"], m["payload"]["n"]) for m in lines] == [(ids[1], 1), (ids[2], 2)]

    # as a consumer group: resumes after what it printed (and committed) the first time
    first = runner.invoke(app, ["bus", "tail", "--group", "duty-office", "--max", "2", "--timeout", "15"])
    rest = runner.invoke(app, ["bus", "tail", "--group", "duty-office", "--timeout", "15"])
    assert first.exit_code == 0 and rest.exit_code == 0, first.output + rest.output
    printed = [json.loads(line)["id"] for line in first.output.splitlines()]
    resumed = [json.loads(line)["id"] for line in rest.output.splitlines()]
    # --max 2 caps the first run (a poll may return fewer than it asks: what the broker had fetched);
    # the second run starts exactly after the first one's commit: nothing printed twice or skipped
    assert printed and printed == ids[: len(printed)] and len(printed) <= 2, first.output
    assert resumed == ids[len(printed) :], rest.output


def test_bus_relay_with_the_broker_down_exits_1_in_chinese_and_keeps_the_messages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFECLOUD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SAFECLOUD_EVENT_BUS__KIND", "kafka")
    monkeypatch.setenv("SAFECLOUD_EVENT_BUS__BOOTSTRAP_SERVERS", "127.0.0.1:1")
    monkeypatch.setenv("SAFECLOUD_EVENT_BUS__DELIVERY_TIMEOUT_S", "1")
    outbox = OutboxEventBus(tmp_path / "data" / "bus" / "outbox.sqlite3")
    outbox.publish("safecloud.plans", "PLN-1", {"type": "plan.retired"})

    result = runner.invoke(app, ["bus", "relay"])

    assert result.exit_code == 1
    assert "未确认 1 条" in result.output and "消息仍保留在发件箱" in result.output
    assert len(outbox.pending()) == 1
    outbox.close()


def test_bus_relay_refuses_when_the_bus_is_the_embedded_outbox(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFECLOUD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SAFECLOUD_EVENT_BUS__KIND", "outbox")
    result = runner.invoke(app, ["bus", "relay"])
    assert result.exit_code == 2
    assert "错误 [event_bus_not_kafka]" in result.output
