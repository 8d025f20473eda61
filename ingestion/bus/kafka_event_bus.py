"""``KafkaEventBus``: the production event bus on Apache Kafka, through ``confluent-kafka`` (librdkafka).

Producer settings: idempotent (``enable.idempotence``: no duplicates or reordering from the
producer's own retries), ``acks=all``, a bounded delivery timeout. The Kafka record is

* key: the message key as UTF-8 bytes (one entity's messages land on one partition, in order);
* value: the payload as UTF-8 JSON (``core.bus.encode_payload``);
* headers: ``safecloud-id``, ``safecloud-created-at`` (epoch ms), ``safecloud-schema-version``.

``publish`` queues the record and returns its id; a failed delivery surfaces as ``EventBusError`` from
``flush``/``close``. API writes never call this directly: they publish to the outbox, and the relay
calls ``deliver``, which reports per message what the broker acknowledged.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from confluent_kafka import (
    OFFSET_BEGINNING,
    Consumer,
    KafkaError,
    KafkaException,
    Message,
    Producer,
    TopicPartition,
)

from core.bus import BusMessage, DeliveryReport, check_topic, encode_payload, make_message
from core.errors import EventBusError

log = logging.getLogger(__name__)

_librdkafka_log = logging.getLogger("librdkafka")
H_ID, H_CREATED, H_SCHEMA = "safecloud-id", "safecloud-created-at", "safecloud-schema-version"


def _now_ms() -> int:
    return int(time.time() * 1000)


def _reason(err: KafkaError) -> str:
    """A Chinese reason for the common failures; librdkafka's own text is kept for operators."""
    code = err.code()
    if code == KafkaError._MSG_TIMED_OUT:
        why = "在投递超时内未收到 Kafka 的确认（代理不可达或不可用）"
    elif code in (KafkaError._TRANSPORT, KafkaError._ALL_BROKERS_DOWN, KafkaError._RESOLVE):
        why = "无法连接 Kafka 代理"
    elif code == KafkaError.MSG_SIZE_TOO_LARGE:
        why = "消息超过 Kafka 允许的大小"
    elif code in (KafkaError.TOPIC_AUTHORIZATION_FAILED, KafkaError.CLUSTER_AUTHORIZATION_FAILED):
        why = "没有向该主题写入的权限"
    else:
        why = "Kafka 拒绝了消息"
    return f"{why}（{err.str()}）"


def _text(value: str | bytes | None) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else (value or "")


class KafkaEventBus:
    kind = "kafka"

    def __init__(
        self,
        bootstrap_servers: str,
        *,
        client_id: str = "safecloud",
        delivery_timeout_ms: int = 30_000,
        clock: Callable[[], int] = _now_ms,
        config: Mapping[str, Any] | None = None,
    ) -> None:
        self.bootstrap_servers = bootstrap_servers
        self.client_id = client_id
        self.delivery_timeout_ms = delivery_timeout_ms
        self.clock = clock
        self.config = dict(config or {})  # e.g. security.protocol / sasl.* for a production cluster
        self._producer: Producer | None = None
        self._lock = threading.Lock()
        self._failed: dict[str, str] = {}  # publish()'s delivery failures, reported by flush()

    # ---- producer --------------------------------------------------------------------------
    def _base(self) -> dict[str, Any]:
        # librdkafka's own log lines (a refused connection, every retry) go to Python logging, not
        # straight to stderr, where a down broker would flood the CLI's and the server's output.
        return {
            "bootstrap.servers": self.bootstrap_servers,
            "client.id": self.client_id,
            "logger": _librdkafka_log,
            **self.config,
        }

    def producer(self) -> Producer:
        with self._lock:
            if self._producer is None:
                try:
                    self._producer = Producer(
                        {
                            **self._base(),
                            "enable.idempotence": True,
                            "acks": "all",
                            "delivery.timeout.ms": self.delivery_timeout_ms,
                            "linger.ms": 5,
                        }
                    )
                except KafkaException as exc:
                    raise EventBusError(f"Kafka 生产者配置无效：{exc}", code="kafka_config_invalid") from exc
            return self._producer

    def _produce(
        self, message: BusMessage, value: str, on_done: Callable[[str, KafkaError | None], None]
    ) -> None:
        def callback(err: KafkaError | None, _msg: Message) -> None:
            on_done(message.id, err)

        headers: dict[str, str | bytes | None] = {
            H_ID: message.id.encode(),
            H_CREATED: str(message.created_at).encode(),
            H_SCHEMA: str(message.schema_version).encode(),
        }
        producer = self.producer()
        for _ in range(2):  # a full local queue drains within a poll; a second refusal is an error
            try:
                producer.produce(
                    message.topic,
                    key=message.key.encode("utf-8"),
                    value=value.encode("utf-8"),
                    headers=headers,
                    timestamp=message.created_at,
                    on_delivery=callback,
                )
                producer.poll(0)
                return
            except BufferError:
                producer.poll(1.0)
            except KafkaException as exc:
                raise EventBusError(f"无法向 Kafka 发送消息：{exc}", code="kafka_delivery_failed") from exc
        raise EventBusError("Kafka 生产者队列已满，消息未发送", code="kafka_queue_full")

    def publish(self, topic: str, key: str, payload: Mapping[str, Any]) -> str:
        message, text = make_message(topic, key, payload, now_ms=self.clock())

        def done(message_id: str, err: KafkaError | None) -> None:
            if err is not None:
                log.error("Kafka did not acknowledge %s on %s: %s", message_id, topic, err.str())
                self._failed[message_id] = _reason(err)

        self._produce(message, text, done)
        return message.id

    def deliver(self, messages: Sequence[BusMessage], *, timeout_s: float = 30.0) -> DeliveryReport:
        """Send stored messages (their own ids and times) and wait for the broker: the report lists
        the acknowledged ids and a reason for every other one."""
        report = DeliveryReport()

        def done(message_id: str, err: KafkaError | None) -> None:
            if err is None:
                report.acked.append(message_id)
            else:
                report.errors[message_id] = _reason(err)

        for m in messages:
            try:
                self._produce(m, encode_payload(m.payload), done)
            except EventBusError as exc:
                report.errors[m.id] = exc.message
        self.producer().flush(timeout_s)
        for m in messages:  # still queued at the deadline: not acknowledged, the relay retries
            if m.id not in report.errors and m.id not in report.acked:
                report.errors[m.id] = f"在 {timeout_s:.0f} 秒内未收到 Kafka 的确认"
        return report

    def flush(self, timeout_s: float = 30.0) -> None:
        """Wait for every published message's acknowledgement; ``EventBusError`` names the failures."""
        if self._producer is None:
            return
        left = self._producer.flush(timeout_s)
        failed, self._failed = self._failed, {}
        if left:
            raise EventBusError(
                f"{left} 条消息在 {timeout_s:.0f} 秒内未得到 Kafka 的确认",
                code="kafka_delivery_failed",
                details={"unacknowledged": left},
            )
        if failed:
            first = next(iter(failed.values()))
            raise EventBusError(
                f"{len(failed)} 条消息未能投递到 Kafka：{first}",
                code="kafka_delivery_failed",
                details={"failed": sorted(failed)},
            )

    def close(self) -> None:
        try:
            self.flush(self.delivery_timeout_ms / 1000 + 5)
        finally:
            self._producer = None  # librdkafka frees the handle when it is collected

    def info(self) -> dict[str, str]:
        return {"kind": self.kind, "bootstrap_servers": self.bootstrap_servers, "client_id": self.client_id}

    # ---- reading ---------------------------------------------------------------------------
    def read(
        self, topic: str, *, offset: int = 0, limit: int = 100, timeout_s: float = 5.0
    ) -> list[BusMessage]:
        """Messages of ``topic`` from ``offset``, oldest first; a fresh consumer with no group
        commits, for tests and ``safecloud bus tail``. Services consume with their own group.

        One partition (the dev broker's default): ``offset`` is the Kafka offset. Several: the
        partitions are merged by record time, and ``offset`` counts messages in that merged order.
        """
        check_topic(topic)
        if limit <= 0:
            return []
        self.flush()  # read-your-writes: what this bus published is acknowledged before reading
        consumer = Consumer(
            {
                **self._base(),
                "group.id": f"safecloud-read-{uuid.uuid4().hex}",
                "enable.auto.commit": False,
                "enable.partition.eof": True,
                "auto.offset.reset": "earliest",
            }
        )
        try:
            return self._read(consumer, topic, offset, limit, time.monotonic() + max(timeout_s, 0.0))
        except KafkaException as exc:
            raise EventBusError(f"读取 Kafka 主题 {topic} 失败：{exc}", code="kafka_read_failed") from exc
        finally:
            consumer.close()

    def _read(
        self, consumer: Consumer, topic: str, offset: int, limit: int, deadline: float
    ) -> list[BusMessage]:
        partitions = self._partitions(consumer, topic, deadline)
        single = len(partitions) == 1
        start = max(offset, 0) if single else OFFSET_BEGINNING
        consumer.assign([TopicPartition(topic, p, start) for p in partitions])
        want = limit if single else max(offset, 0) + limit
        got: list[tuple[int, int, int, BusMessage]] = []
        at_end: set[int] = set()
        while len(got) < want and time.monotonic() < deadline:
            m = consumer.poll(min(0.2, max(deadline - time.monotonic(), 0.01)))
            if m is None:
                continue
            err = m.error()
            if err is not None:
                if err.code() == KafkaError._PARTITION_EOF:
                    at_end.add(m.partition() or 0)
                    # everything there was is read; wait only while nothing at all came back
                    if at_end >= set(partitions) and got:
                        break
                    continue
                if err.code() == KafkaError.UNKNOWN_TOPIC_OR_PART:
                    continue  # created by the first publish; keep waiting until the deadline
                raise KafkaException(err)
            at_end.discard(m.partition() or 0)
            got.append((m.timestamp()[1], m.partition() or 0, m.offset() or 0, self._message(m)))
        if single:
            return [g[3] for g in got[:limit]]
        got.sort(key=lambda g: g[:3])
        return [g[3] for g in got[max(offset, 0) : max(offset, 0) + limit]]

    def _partitions(self, consumer: Consumer, topic: str, deadline: float) -> list[int]:
        while True:
            meta = consumer.list_topics(topic, timeout=max(min(deadline - time.monotonic(), 5.0), 0.5))
            t = meta.topics.get(topic)
            if t is not None and t.error is None and t.partitions:
                return sorted(t.partitions)
            if time.monotonic() >= deadline:
                return [0]
            time.sleep(0.2)

    @staticmethod
    def _message(m: Message) -> BusMessage:
        raw = m.headers() or []
        headers = {k: _text(v) for k, v in (raw.items() if isinstance(raw, dict) else raw)}
        raw_key = m.key()
        key = raw_key.decode("utf-8") if isinstance(raw_key, bytes) else str(raw_key or "")
        value = m.value()
        payload = json.loads(value) if value else {}
        return BusMessage(
            id=headers.get(H_ID) or f"{m.topic()}-{m.partition()}-{m.offset()}",
            topic=m.topic() or "",
            key=key,
            payload=payload if isinstance(payload, dict) else {"value": payload},
            created_at=int(headers.get(H_CREATED) or m.timestamp()[1]),
            schema_version=int(headers.get(H_SCHEMA) or 1),
        )


__all__ = ["KafkaEventBus", "make_message"]
