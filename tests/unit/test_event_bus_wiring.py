"""Event bus pieces that need no broker: message validation, Kafka's typed errors when no broker
answers, settings and the composition root's choice of bus, the committed PlanEvent schema."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import get_args

import pytest
from pydantic import ValidationError as PydanticValidationError

from api.bootstrap import build_event_bus, build_relay
from api.settings import Settings
from core.bus import PlanEvent, PlanEventType, encode_payload, make_message
from core.errors import ConfigError, EventBusError, ValidationError
from ingestion.bus.kafka_event_bus import KafkaEventBus
from ingestion.bus.outbox_event_bus import OutboxEventBus
from plans.plan_events import extraction_summary, plan_event
from plans.schema import EVENT_SCHEMA_PATH, render_event_schema

NOWHERE = "127.0.0.1:1"  # nothing listens on port 1: connection refused at once


def test_a_message_carries_what_a_consumer_will_read_not_the_callers_objects() -> None:
    payload = {"n": 1, "tuple": (1, 2)}
    message, text = make_message("safecloud.plans", "PLN-1", payload, now_ms=1_700_000_000_000)
    assert message.payload == {"n": 1, "tuple": [1, 2]}
    assert json.loads(text) == message.payload
    assert message.created_at == 1_700_000_000_000 and len(message.id) == 32


def test_an_oversized_payload_is_refused_before_it_is_stored() -> None:
    with pytest.raises(ValidationError) as info:
        encode_payload({"blob": "文" * 400_000})  # 1.2 MB of UTF-8: over Kafka's default limit
    assert info.value.code == "event_payload_invalid"


def test_kafka_bus_construction_connects_to_nothing() -> None:
    bus = KafkaEventBus(NOWHERE)
    assert bus._producer is None
    assert bus.info() == {"kind": "kafka", "bootstrap_servers": NOWHERE, "client_id": "safecloud"}
    bus.close()  # nothing published: nothing to flush, no error


def test_kafka_undelivered_publish_is_a_typed_chinese_error_on_close() -> None:
    bus = KafkaEventBus(NOWHERE, delivery_timeout_ms=500)
    message_id = bus.publish("safecloud.plans", "PLN-1", {"type": "plan.retired"})
    started = time.monotonic()
    with pytest.raises(EventBusError) as info:
        bus.close()
    assert time.monotonic() - started < 15
    assert info.value.code == "kafka_delivery_failed"
    assert "未能投递到 Kafka" in info.value.message and "代理" in info.value.message
    assert info.value.details["failed"] == [message_id]


def test_kafka_deliver_reports_every_unacknowledged_message() -> None:
    bus = KafkaEventBus(NOWHERE, delivery_timeout_ms=500)
    messages = [make_message("safecloud.plans", "k", {"i": i}, now_ms=1)[0] for i in range(3)]
    report = bus.deliver(messages, timeout_s=5)
    assert report.acked == []
    assert sorted(report.errors) == sorted(m.id for m in messages)
    assert all("Kafka" in why for why in report.errors.values())
    bus.close()  # deliver's failures are in its report (the relay retries them), not raised again


def test_kafka_invalid_payload_is_refused_before_any_connection() -> None:
    bus = KafkaEventBus(NOWHERE)
    with pytest.raises(ValidationError):
        bus.publish("safecloud.plans", "k", {"bad": {1, 2}})
    assert bus._producer is None


def test_settings_default_to_the_outbox_under_the_data_dir(tmp_path: Path) -> None:
    s = Settings(data_dir=tmp_path)
    assert s.event_bus.kind == "outbox"
    assert s.event_bus.topic("plans") == "safecloud.plans"
    assert s.outbox_path == tmp_path / "bus" / "outbox.sqlite3"
    assert isinstance(build_event_bus(s), OutboxEventBus)
    assert not (tmp_path / "bus").exists()  # building the bus opened nothing


def test_settings_from_the_environment_choose_kafka(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFECLOUD_EVENT_BUS__KIND", "kafka")
    monkeypatch.setenv("SAFECLOUD_EVENT_BUS__BOOTSTRAP_SERVERS", "kafka1:9092,kafka2:9092")
    monkeypatch.setenv("SAFECLOUD_EVENT_BUS__TOPIC_PREFIX", "jiangyin.")
    s = Settings()
    bus = build_event_bus(s)
    assert isinstance(bus, KafkaEventBus) and bus.bootstrap_servers == "kafka1:9092,kafka2:9092"
    assert s.event_bus.topic("plans") == "jiangyin.plans"


def test_a_topic_prefix_kafka_would_refuse_is_a_settings_error() -> None:
    with pytest.raises(PydanticValidationError):
        Settings(event_bus={"topic_prefix": "安全云/"})


def test_relay_is_refused_in_chinese_when_the_bus_is_the_outbox(tmp_path: Path) -> None:
    s = Settings(data_dir=tmp_path)
    with pytest.raises(ConfigError) as info:
        build_relay(s, OutboxEventBus(s.outbox_path))
    assert (
        info.value.code == "event_bus_not_kafka" and "SAFECLOUD_EVENT_BUS__KIND=kafka" in info.value.message
    )


def test_plan_event_is_built_from_the_rows_the_write_left() -> None:
    event = plan_event(
        "plan.version_enabled",
        {"id": "PLN-1", "title": "江阴市防汛防台应急预案", "plan_type": "专项应急预案", "status": "已启用"},
        {"id": "VER-2", "version_no": "2.0"},
        actor="duty-officer",
        occurred_at=1_700_000_000_000,
        facts={"ResponseLevel": 4},
    )
    payload = event.model_dump(mode="json", exclude_none=True)
    assert payload == {
        "type": "plan.version_enabled",
        "schema_version": 1,
        "plan_id": "PLN-1",
        "title": "江阴市防汛防台应急预案",
        "plan_type": "专项应急预案",
        "status": "已启用",
        "version_id": "VER-2",
        "version_no": "2.0",
        "actor": "duty-officer",
        "occurred_at": 1_700_000_000_000,
        "facts": {"ResponseLevel": 4},
    }
    with pytest.raises(PydanticValidationError):  # events are frozen, typed values
        PlanEvent.model_validate(payload | {"type": "plan.deleted"})


def test_extraction_summary_keeps_counts_and_caps_warnings() -> None:
    report = {"pages": 12, "blocks": 340, "ocr_pages": 0, "partial": False, "seconds": 3.2}
    report["warnings"] = [f"第{i}段无法识别" for i in range(25)]
    summary = extraction_summary(report)
    assert summary["pages"] == 12 and summary["partial"] is False and "seconds" not in summary
    assert summary["warning_count"] == 25 and len(summary["warnings"]) == 10


def test_the_committed_plan_event_schema_matches_the_model() -> None:
    assert EVENT_SCHEMA_PATH.read_text(encoding="utf-8") == render_event_schema(), (
        "run `python -m plans.schema`"
    )
    schema = json.loads(render_event_schema())
    assert set(schema["properties"]["type"]["enum"]) == set(get_args(PlanEventType))
