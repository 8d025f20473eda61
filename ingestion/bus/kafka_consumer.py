"""``KafkaEventConsumer``: a Kafka consumer group (``core.ports.EventConsumer``) on confluent-kafka.

Offsets are committed only by ``commit`` (``enable.auto.commit`` off), so an event a service polled
but did not finish comes again after a restart. A new group starts at the earliest offset Kafka still
keeps. Records are decoded as ``KafkaEventBus`` wrote them (id and time from the ``safecloud-*``
headers), so an event keeps the id it had in the outbox.

librdkafka never fails a poll because the broker is down; it retries quietly. The first use therefore
asks the broker for the topics' metadata and turns a refusal into ``EventBusError(kafka_unavailable)``,
and a later "all brokers down" reported by librdkafka surfaces on the next poll. Until the group
has assigned this consumer its partitions, a poll waits up to ``connect_timeout_s`` however short its
own timeout — on its first poll only — so a first ``poll(timeout_s=1)`` is not always empty against a
production broker.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence
from typing import Any

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, KafkaException, TopicPartition

from core.bus import BusMessage, check_group, check_topic
from core.errors import EventBusError
from ingestion.bus.kafka_event_bus import KafkaEventBus

log = logging.getLogger(__name__)
_librdkafka_log = logging.getLogger("librdkafka")
_IGNORED = (KafkaError._PARTITION_EOF, KafkaError.UNKNOWN_TOPIC_OR_PART)  # a topic not created yet
# Only "all brokers down" fails a poll: one unreachable broker of a cluster is librdkafka's to route around.
_DOWN = (KafkaError._ALL_BROKERS_DOWN,)


class KafkaEventConsumer:
    kind = "kafka"

    def __init__(
        self,
        bootstrap_servers: str,
        group: str,
        topics: Sequence[str],
        *,
        client_id: str = "safecloud",
        connect_timeout_s: float = 10.0,
        config: Mapping[str, Any] | None = None,
    ) -> None:
        self.group = check_group(group)
        self.topics = [check_topic(t) for t in topics]
        self.bootstrap_servers = bootstrap_servers
        self.client_id = client_id
        self.connect_timeout_s = connect_timeout_s
        self.config = dict(config or {})
        self._consumer: Consumer | None = None
        self._rewind = False  # apply OFFSET_BEGINNING to the next assignment
        self._down: str | None = None  # librdkafka's last "brokers down" error, raised by poll
        self._assigned = False  # the group coordinator has handed this consumer its partitions
        self._join_waited = False  # the first poll waited for the join already

    def _unavailable(self, detail: str) -> EventBusError:
        return EventBusError(
            f"无法连接 Kafka 代理 {self.bootstrap_servers}（{detail}）；请确认代理已启动、地址正确",
            code="kafka_unavailable",
        )

    def _on_error(self, err: KafkaError) -> None:
        if err.code() in _DOWN:
            self._down = err.str()

    def _on_assign(self, consumer: Consumer, partitions: list[TopicPartition]) -> None:
        self._assigned = True
        if self._rewind:
            for p in partitions:
                p.offset = OFFSET_BEGINNING
            self._rewind = False
        consumer.assign(partitions)

    def consumer(self) -> Consumer:
        if self._consumer is not None:
            return self._consumer
        try:
            consumer = Consumer(
                {
                    "bootstrap.servers": self.bootstrap_servers,
                    "client.id": self.client_id,
                    "group.id": self.group,
                    "enable.auto.commit": False,
                    "auto.offset.reset": "earliest",
                    "logger": _librdkafka_log,
                    "error_cb": self._on_error,
                    # a topic created after this consumer subscribed is found within seconds, not
                    # at librdkafka's default 5-minute metadata refresh
                    "topic.metadata.refresh.interval.ms": 5000,
                    **self.config,
                }
            )
        except KafkaException as exc:
            raise EventBusError(f"Kafka 消费者配置无效：{exc}", code="kafka_config_invalid") from exc
        try:
            consumer.list_topics(timeout=self.connect_timeout_s)  # fails fast when no broker answers
        except KafkaException as exc:
            consumer.close()
            raise self._unavailable(str(exc.args[0].str() if exc.args else exc)) from exc
        consumer.subscribe(self.topics, on_assign=self._on_assign)
        self._consumer = consumer
        return consumer

    def poll(self, max_events: int = 100, timeout_s: float = 1.0) -> list[BusMessage]:
        if max_events <= 0:
            return []
        consumer = self.consumer()
        asked = time.monotonic() + max(timeout_s, 0.0)
        # joining a group takes the broker's group.initial.rebalance.delay.ms (3 s by default) on top
        # of the wait asked for; without this a short first poll would always come back empty
        # — on the first poll only: a topic nobody has published to yet is never assigned, and later
        # polls must keep to their own timeout
        joining = time.monotonic() + (0.0 if self._join_waited else self.connect_timeout_s)
        self._join_waited = True
        got: list[BusMessage] = []
        while len(got) < max_events:
            deadline = asked if self._assigned else max(asked, joining)
            if self._down is not None:
                down, self._down = self._down, None
                raise self._unavailable(down)
            wait = 0.0 if got else max(min(deadline - time.monotonic(), 0.5), 0.0)
            try:
                batch = consumer.consume(num_messages=max_events - len(got), timeout=wait)
            except KafkaException as exc:
                raise EventBusError(f"读取 Kafka 失败：{exc}", code="kafka_read_failed") from exc
            for m in batch:
                err = m.error()
                if err is None:
                    got.append(KafkaEventBus._message(m))
                elif err.code() not in _IGNORED:
                    raise EventBusError(f"读取 Kafka 失败：{err.str()}", code="kafka_read_failed")
            if (got and not batch) or (not got and time.monotonic() >= deadline):
                break  # what was there is read; or nothing came within the wait
        return got

    def commit(self) -> None:
        if self._consumer is None:
            return
        try:
            self._consumer.commit(asynchronous=False)
        except KafkaException as exc:
            err = exc.args[0] if exc.args else None
            if isinstance(err, KafkaError) and err.code() == KafkaError._NO_OFFSET:
                return  # nothing polled since the last commit
            raise EventBusError(f"提交 Kafka 消费位置失败：{exc}", code="kafka_commit_failed") from exc

    def seek_to_start(self) -> None:
        self._rewind = True  # partitions assigned from now on start at the beginning
        if self._consumer is None:
            return
        assigned = self._consumer.assignment()
        if not assigned:
            return
        try:
            for p in assigned:
                self._consumer.seek(TopicPartition(p.topic, p.partition, OFFSET_BEGINNING))
            self._rewind = False
        except KafkaException:
            # a partition not fetching yet cannot seek: rejoin, and the new assignment is rewound
            self._consumer.unsubscribe()
            self._consumer.subscribe(self.topics, on_assign=self._on_assign)

    def close(self) -> None:
        if self._consumer is not None:
            try:
                self._consumer.close()
            finally:
                self._consumer = None

    def info(self) -> dict[str, str]:
        return {
            "kind": self.kind,
            "group": self.group,
            "topics": ",".join(self.topics),
            "bootstrap_servers": self.bootstrap_servers,
        }
