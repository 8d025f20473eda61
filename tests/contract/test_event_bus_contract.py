"""The EventBus contract, run against every adapter: the embedded outbox and a real Kafka broker.

Each test gets its own topic (the Kafka broker is shared by the session) and a factory that opens
the same bus again, so "close flushes" is checked by a second instance reading what the first wrote.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from core.errors import ValidationError
from core.ports import EventBus

Opener = Callable[[], EventBus]


@pytest.fixture(params=["outbox", pytest.param("kafka", marks=pytest.mark.kafka)])
def open_bus(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Opener]:
    """Opens a bus of the parameter's kind; every bus it opened is closed after the test."""
    opened: list[EventBus] = []

    def make() -> EventBus:
        bus: EventBus
        if request.param == "outbox":
            from ingestion.bus.outbox_event_bus import OutboxEventBus

            bus = OutboxEventBus(tmp_path / "bus" / "outbox.sqlite3")
        else:
            from ingestion.bus.kafka_event_bus import KafkaEventBus

            bus = KafkaEventBus(request.getfixturevalue("kafka_bootstrap"), delivery_timeout_ms=15_000)
        opened.append(bus)
        return bus

    yield make
    for bus in opened:
        bus.close()


@pytest.fixture
def topic() -> str:
    return f"test.contract.{uuid.uuid4().hex[:12]}"


def test_published_messages_read_back_in_order_with_key_and_payload(open_bus: Opener, topic: str) -> None:
    bus = open_bus()
    sent = [
        (f"PLN-{i}", {"type": "plan.version_enabled", "seq": i, "facts": {"Person": i}}) for i in range(5)
    ]
    ids = [bus.publish(topic, key, payload) for key, payload in sent]
    assert len(set(ids)) == 5

    got = bus.read(topic, limit=10, timeout_s=15)

    assert [(m.key, m.payload) for m in got] == sent
    assert [m.id for m in got] == ids
    assert all(m.topic == topic and m.schema_version == 1 and m.created_at > 0 for m in got)


def test_offset_and_limit_page_through_a_topic(open_bus: Opener, topic: str) -> None:
    bus = open_bus()
    for i in range(6):
        bus.publish(topic, "k", {"i": i})

    assert [m.payload["i"] for m in bus.read(topic, offset=2, limit=3, timeout_s=15)] == [2, 3, 4]
    assert [m.payload["i"] for m in bus.read(topic, offset=5, limit=10, timeout_s=15)] == [5]


def test_topics_are_separate(open_bus: Opener, topic: str) -> None:
    bus = open_bus()
    bus.publish(topic, "a", {"n": 1})
    bus.publish(f"{topic}.other", "b", {"n": 2})

    assert [m.payload for m in bus.read(topic, timeout_s=15)] == [{"n": 1}]
    assert [m.key for m in bus.read(f"{topic}.other", timeout_s=15)] == ["b"]


def test_an_empty_topic_reads_as_nothing_after_the_wait(open_bus: Opener, topic: str) -> None:
    assert open_bus().read(topic, timeout_s=0.5) == []


def test_chinese_text_round_trips_exactly(open_bus: Opener, topic: str) -> None:
    bus = open_bus()
    payload = {
        "title": "江阴市危险化学品事故应急预案（2026 修订）",
        "town": "澄江街道",
        "levels": ["一级", "二级", "三级", "四级"],
        "note": "“引号”、全角：；标点，emoji 🚒 与\n换行",
        "nested": {"指挥部": {"总指挥": "张伟", "电话": "0510-86801234"}},
    }
    bus.publish(topic, "预案-甲", payload)

    (got,) = bus.read(topic, timeout_s=15)

    assert got.key == "预案-甲"
    assert got.payload == payload


@pytest.mark.parametrize(
    "payload",
    [
        ["not", "an", "object"],
        "字符串",
        {"when": datetime(2026, 11, 26)},  # not JSON: the caller must send epoch ms or ISO text
        {"score": math.nan},
        {"score": math.inf},
        {"ids": {1, 2}},
    ],
    ids=["list", "string", "datetime", "nan", "infinity", "set"],
)
def test_a_payload_that_is_not_a_json_object_is_refused_and_not_sent(
    open_bus: Opener, topic: str, payload: object
) -> None:
    bus = open_bus()
    with pytest.raises(ValidationError) as info:
        bus.publish(topic, "k", payload)  # type: ignore[arg-type]
    assert info.value.code == "event_payload_invalid"
    assert "事件内容无效" in info.value.message
    bus.publish(topic, "k", {"ok": True})  # the bus is still usable, and nothing else was sent
    assert [m.payload for m in bus.read(topic, timeout_s=15)] == [{"ok": True}]


@pytest.mark.parametrize("bad_topic", ["", "有中文", "with space", "a/b", "x" * 250, ".."])
def test_an_invalid_topic_name_is_refused(open_bus: Opener, bad_topic: str) -> None:
    with pytest.raises(ValidationError) as info:
        open_bus().publish(bad_topic, "k", {"a": 1})
    assert info.value.code == "event_topic_invalid"


def test_an_empty_key_is_refused(open_bus: Opener, topic: str) -> None:
    with pytest.raises(ValidationError) as info:
        open_bus().publish(topic, "", {"a": 1})
    assert info.value.code == "event_key_invalid"


def test_close_flushes_so_a_new_instance_reads_everything(open_bus: Opener, topic: str) -> None:
    first = open_bus()
    ids = [first.publish(topic, f"k{i}", {"i": i}) for i in range(20)]
    first.close()

    got = open_bus().read(topic, limit=50, timeout_s=15)

    assert [m.id for m in got] == ids


def test_info_names_the_adapter(open_bus: Opener) -> None:
    bus = open_bus()
    assert bus.info()["kind"] == bus.kind
