"""Messages on the event bus and the domain events SafeCloud publishes. No I/O, no Kafka imports.

A ``BusMessage`` is what every ``EventBus`` adapter stores or sends: a topic, a key (the entity id,
so one entity's messages stay in order on one Kafka partition), a JSON object payload, a unique id
(consumers deduplicate on it: delivery is at-least-once) and the creation time in epoch ms.

Domain events (``PlanEvent``) are frozen models with ``type`` and ``schema_version``; their JSON is
the payload. The schema is ``plans/schema/plan_event.schema.json`` (checked by a unit test).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from core.errors import ValidationError

SCHEMA_VERSION = 1
# Kafka's own rule for topic names (legal characters, at most 249), so a name the outbox accepts
# never fails later at the broker.
_TOPIC = re.compile(r"^[A-Za-z0-9._-]{1,249}$")
MAX_KEY_CHARS = 512
MAX_PAYLOAD_BYTES = 900_000  # under Kafka's default 1 MiB message limit, headers included


class BusMessage(BaseModel):
    """One message as stored in the outbox and sent to Kafka."""

    model_config = ConfigDict(frozen=True)

    id: str
    topic: str
    key: str
    payload: dict[str, Any]
    created_at: int = Field(description="epoch milliseconds")
    schema_version: int = SCHEMA_VERSION


def new_message_id() -> str:
    return uuid.uuid4().hex


def check_topic(topic: str) -> str:
    if not isinstance(topic, str) or not _TOPIC.match(topic) or topic in (".", ".."):
        raise ValidationError(
            f"事件主题名称无效：{topic!r}（只能使用字母、数字、点、下划线和连字符，最长 249 个字符）",
            code="event_topic_invalid",
            details={"topic": str(topic)},
        )
    return topic


# A consumer group name: it names a Kafka group.id and the outbox's cursor row, so it stays within the
# characters both handle safely (no spaces or slashes an operator would have to quote).
_GROUP = re.compile(r"^[A-Za-z0-9._-]{1,200}$")


def check_group(group: str) -> str:
    if not isinstance(group, str) or not _GROUP.match(group):
        raise ValidationError(
            f"消费组名称无效：{group!r}（只能使用字母、数字、点、下划线和连字符，最长 200 个字符）",
            code="event_group_invalid",
            details={"group": str(group)},
        )
    return group


def _refuse(why: str) -> ValidationError:
    return ValidationError(f"事件内容无效：{why}", code="event_payload_invalid", details={"reason": why})


def encode_payload(payload: Mapping[str, Any]) -> str:
    """The payload as compact UTF-8 JSON, or ``ValidationError`` when it is not a JSON object.

    Checked before anything is stored: an object json cannot write (a datetime, a set), NaN/Infinity
    (not JSON) or a non-string key would otherwise fail only in the relay, after the API answered.
    """
    if not isinstance(payload, Mapping):
        raise _refuse(f"必须是 JSON 对象，收到 {type(payload).__name__}")
    try:
        text = json.dumps(dict(payload), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise _refuse(f"无法转换为 JSON（{exc}）") from exc
    if len(text.encode("utf-8")) > MAX_PAYLOAD_BYTES:
        raise _refuse(f"超过 {MAX_PAYLOAD_BYTES} 字节")
    return text


def make_message(
    topic: str, key: str, payload: Mapping[str, Any], *, now_ms: int, message_id: str | None = None
) -> tuple[BusMessage, str]:
    """A validated message and its encoded payload (what adapters store or send)."""
    check_topic(topic)
    if not isinstance(key, str) or not key or len(key) > MAX_KEY_CHARS:
        raise ValidationError(
            f"事件键无效（须为 1 至 {MAX_KEY_CHARS} 个字符的字符串）", code="event_key_invalid"
        )
    text = encode_payload(payload)
    message = BusMessage(
        id=message_id or new_message_id(),
        topic=topic,
        key=key,
        payload=json.loads(text),  # what a consumer will read back, not the caller's objects
        created_at=now_ms,
    )
    return message, text


PlanEventType = Literal[
    "plan.imported",
    "plan.version_published",
    "plan.version_enabled",
    "plan.version_disabled",
    "plan.version_rolled_back",
    "plan.retired",
    "plan.restored",
]


class PlanEvent(BaseModel):
    """A change in a plan's lifecycle, published on ``<prefix>plans`` after the graph write commits."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: PlanEventType
    schema_version: Literal[1] = 1
    plan_id: str
    title: str | None = None
    plan_type: str | None = None
    town: str | None = Field(None, description="the plan's jurisdiction; absent for city-level plans")
    version_id: str | None = None
    version_no: str | None = None
    status: str | None = Field(None, description="the plan's status after the change (未启用/已启用/已废止)")
    actor: str = Field(description="user id of the principal who made the change")
    occurred_at: int = Field(description="epoch milliseconds")
    # plan.imported: the extraction summary (counts per field group, review counts, warnings)
    extraction: dict[str, Any] | None = None
    # publish/enable/rollback: facts written to the graph and passages indexed
    facts: dict[str, int] | None = None
    chunks_indexed: int | None = None
    copied_from: str | None = Field(None, description="plan.version_rolled_back: the version copied")


class DeliveryReport(BaseModel):
    """What a broker acknowledged out of a batch the relay sent (ids), and why the rest failed."""

    acked: list[str] = Field(default_factory=list)
    errors: dict[str, str] = Field(default_factory=dict, description="message id → reason")


DAY_MS = 86_400_000


class RetentionPolicy(BaseModel):
    """How long delivered outbox rows are kept: ``retention_days`` after delivery and at most
    ``max_rows`` rows in all (oldest delivered first). 0 disables a limit. Undelivered rows are never
    pruned: they are the only copy of an event the broker has not acknowledged."""

    model_config = ConfigDict(frozen=True)

    retention_days: float = Field(7, ge=0)
    max_rows: int = Field(100_000, ge=0)
    # With no broker (event_bus.kind=outbox) nothing is ever "delivered": the outbox is the final
    # log, as a Kafka topic is, so rows age from when they were published and every row may go.
    outbox_is_the_log: bool = False

    def delivered_before_ms(self, now_ms: int) -> int | None:
        """Rows delivered before this instant are past retention; ``None`` when age is no limit."""
        return now_ms - int(self.retention_days * DAY_MS) if self.retention_days > 0 else None

    @property
    def row_cap(self) -> int | None:
        return self.max_rows or None


class PruneReport(BaseModel):
    """What one prune removed and what the outbox holds after it."""

    removed_by_age: int = 0
    removed_by_cap: int = 0
    remaining: int = 0
    pending: int = Field(0, description="undelivered rows: kept whatever the limits say")

    @property
    def removed(self) -> int:
        return self.removed_by_age + self.removed_by_cap
