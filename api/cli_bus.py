"""``safecloud bus``: the event bus for operators.

* ``bus status``: where domain events go, and how many wait in the outbox;
* ``bus relay [--follow]``: forward the outbox to Kafka (once, or until Ctrl-C); a message is marked
  delivered only after the broker acknowledged it, so a failed run loses nothing;
* ``bus prune [--older-than DAYS] [--max-rows N]``: delete delivered outbox rows past retention
  (``SAFECLOUD_EVENT_BUS__*`` unless overridden; 0 disables a limit); undelivered rows are never deleted;
* ``bus tail [TOPIC] [--follow]``: print a topic's messages (from Kafka when the event bus is Kafka,
  else from the outbox), one JSON line each; ``--group G [--from-start] [--max N]`` reads as consumer
  group G, resuming after its last commit and committing what it printed.

Errors are one Chinese ``错误 [code]：…`` line and exit code 2 (1 for a relay pass that left messages).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Annotated

import typer

from api.bootstrap import (
    Container,
    build_consumer,
    build_container,
    build_event_bus,
    build_relay,
    retention_policy,
)
from api.cli_audit import audited
from api.settings import Settings
from core.bus import BusMessage
from core.consume import consume_batch
from core.errors import SafeCloudError
from core.ports import AuditLog
from ingestion.bus.outbox_event_bus import OutboxEventBus

bus_app = typer.Typer(help="事件总线：发件箱转发到 Kafka、查看主题消息", no_args_is_help=True)


def _fail(exc: SafeCloudError) -> None:
    typer.echo(f"错误 [{exc.code}]：{exc.message}", err=True)
    raise typer.Exit(code=2)


def bus_report(settings: Settings) -> dict[str, str]:
    """Event bus kind, Kafka address and the outbox's counts (``bus status`` and ``doctor``)."""
    info = {"kind": settings.event_bus.kind, "topic_prefix": settings.event_bus.topic_prefix}
    if settings.event_bus.kind == "kafka":
        info["bootstrap_servers"] = settings.event_bus.bootstrap_servers
    retention = retention_policy(settings)  # 0: that limit is off
    info["outbox_retention_days"] = f"{retention.retention_days:g}"
    info["outbox_retention_max_rows"] = str(retention.max_rows)
    outbox = OutboxEventBus(settings.outbox_path)
    try:
        info |= {f"outbox_{k}": v for k, v in outbox.info().items() if k != "kind"}
    except SafeCloudError as exc:
        info["outbox_error"] = exc.message
    finally:
        outbox.close()
    return info


class _AuditGraph:
    """The audit trail for a command that otherwise needs no graph: connected on first use; an
    unreachable graph loses the record (logged as AUDIT RECORD LOST), never the command."""

    def __init__(self, settings: Settings) -> None:
        self._container: Container | None = None
        self._settings = settings

    def log(self) -> AuditLog | None:
        self._container = build_container(self._settings)
        self._container.graph.connect()
        return self._container.audit

    def close(self) -> None:
        if self._container is not None:
            self._container.graph.close()


@bus_app.command("status")
def bus_status() -> None:
    """Event bus kind, Kafka address and the outbox's pending/delivered counts."""
    info = bus_report(Settings())
    typer.echo(json.dumps(info, ensure_ascii=False, indent=2))
    if "outbox_error" in info:
        raise typer.Exit(code=2)


@bus_app.command("relay")
def bus_relay(
    follow: Annotated[bool, typer.Option("--follow", "-f", help="持续转发，直到 Ctrl-C")] = False,
    interval: Annotated[float, typer.Option(min=0.1, help="持续转发时两轮之间的秒数")] = 1.0,
) -> None:
    """Forward undelivered outbox messages to Kafka (SAFECLOUD_EVENT_BUS__KIND=kafka)."""
    settings = Settings()
    outbox = OutboxEventBus(settings.outbox_path)
    try:
        relay = build_relay(settings, outbox)
        if follow:
            stop = threading.Event()
            try:
                relay.follow(stop, interval_s=interval)
            except KeyboardInterrupt:
                stop.set()
            return
        report = relay.drain_once()
        relay.sink.close()
    except SafeCloudError as exc:
        _fail(exc)
    finally:
        outbox.close()
    left = outbox.counts()["pending"]
    typer.echo(f"已转发 {report.delivered} 条，未确认 {report.failed} 条，发件箱待转发 {left} 条")
    if report.error:
        typer.echo(f"错误 [kafka_delivery_failed]：{report.error}；消息仍保留在发件箱，稍后重试", err=True)
        raise typer.Exit(code=1)


@bus_app.command("prune")
def bus_prune(
    older_than: Annotated[
        float | None, typer.Option("--older-than", min=0, help="删除投递超过这么多天的消息（0 不按时间）")
    ] = None,
    max_rows: Annotated[
        int | None, typer.Option("--max-rows", min=0, help="发件箱最多保留的行数（0 不限）")
    ] = None,
) -> None:
    """Delete delivered outbox messages past retention; undelivered ones are always kept (with no
    broker configured, the outbox is the event log and its oldest messages go, as on a Kafka topic)."""
    settings = Settings()
    policy = retention_policy(settings, older_than_days=older_than, max_rows=max_rows)
    outbox = OutboxEventBus(settings.outbox_path)
    audit = _AuditGraph(settings)  # deleting rows of the event log is a write like any other
    options = {"older_than": older_than, "max_rows": max_rows}
    try:
        with audited(audit.log, "bus prune", options):
            report = outbox.prune(policy)
    except SafeCloudError as exc:
        _fail(exc)
    finally:
        outbox.close()
        audit.close()
    age = f"{policy.retention_days:g} 天" if policy.retention_days else "不限"
    cap = f"{policy.max_rows} 行" if policy.max_rows else "不限"
    if policy.outbox_is_the_log:  # no broker: the outbox is the event log itself
        typer.echo(
            f"已清理 {report.removed} 条消息（发布超过保留期 {report.removed_by_age} 条，"
            f"超出行数上限 {report.removed_by_cap} 条；保留期 {age}，上限 {cap}），"
            f"事件日志剩余 {report.remaining} 条"
        )
        return
    typer.echo(
        f"已清理 {report.removed} 条已投递消息（超过保留期 {report.removed_by_age} 条，"
        f"超出行数上限 {report.removed_by_cap} 条；保留期 {age}，上限 {cap}），"
        f"发件箱剩余 {report.remaining} 条，其中待转发 {report.pending} 条（从不清理）"
    )


@bus_app.command("tail")
def bus_tail(
    topic: Annotated[
        str | None, typer.Argument(help="主题，默认为预案事件主题（如 safecloud.plans）")
    ] = None,
    group: Annotated[
        str | None, typer.Option("--group", "-g", help="消费组：从该组上次提交的位置继续读，读完即提交")
    ] = None,
    from_start: Annotated[
        bool, typer.Option("--from-start", help="从最早的消息重新读（消费组也回到开头）")
    ] = False,
    offset: Annotated[int, typer.Option("--from", min=0, help="不用消费组时从第几条开始（0 为最早）")] = 0,
    limit: Annotated[
        int, typer.Option("--max", "--limit", min=1, max=10_000, help="最多输出条数（--follow 时为每批）")
    ] = 100,
    follow: Annotated[bool, typer.Option("--follow", "-f", help="持续输出新消息，直到 Ctrl-C")] = False,
    timeout: Annotated[float, typer.Option(min=0.0, help="没有消息时等待的秒数")] = 2.0,
) -> None:
    """Print events as JSON lines: {id, topic, key, created_at, payload}. With --group, as that
    consumer group: it resumes after the group's last commit and commits what it printed."""
    settings = Settings()
    topic = topic or settings.event_bus.topic("plans")
    if group is not None:
        _tail_group(
            settings, group, topic, from_start=from_start, limit=limit, follow=follow, timeout=timeout
        )
        return
    offset = 0 if from_start else offset
    bus = build_event_bus(settings)

    def read_batch() -> None:
        nonlocal offset
        messages = bus.read(topic, offset=offset, limit=limit, timeout_s=timeout)
        for m in messages:
            _print_event(m)
        offset += len(messages)

    _print_until_done(read_batch, bus.close, follow=follow)


def _tail_group(
    settings: Settings, group: str, topic: str, *, from_start: bool, limit: int, follow: bool, timeout: float
) -> None:
    try:
        consumer = build_consumer(settings, group, [topic])
    except SafeCloudError as exc:
        _fail(exc)
    rewind = from_start

    def consume() -> None:
        nonlocal rewind
        if rewind:
            consumer.seek_to_start()
            rewind = False
        # print, then commit: a crash in between prints an event twice, never skips one
        consume_batch(consumer, _print_event, max_events=limit, timeout_s=timeout)

    _print_until_done(consume, consumer.close, follow=follow)


def _print_until_done(batch: Callable[[], None], close: Callable[[], None], *, follow: bool) -> None:
    """Run ``batch`` once, or until Ctrl-C with ``follow``; a bus error is a Chinese CLI error and
    ``close`` always runs (a close that fails reports the same way)."""
    try:
        while True:
            batch()
            if not follow:
                break
    except KeyboardInterrupt:
        pass
    except SafeCloudError as exc:
        _fail(exc)
    finally:
        try:
            close()
        except SafeCloudError as exc:
            _fail(exc)


def _print_event(m: BusMessage) -> None:
    typer.echo(json.dumps(m.model_dump(mode="json"), ensure_ascii=False))
