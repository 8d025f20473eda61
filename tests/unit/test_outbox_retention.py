"""Outbox retention: delivered rows are pruned past the retention period and above the row cap, an
undelivered row never is; the relay prunes on its interval, ``safecloud serve`` without a relay once
at start, ``safecloud bus prune`` by hand. The real-broker leg: tests/integration/test_kafka_relay.py."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from api.settings import Settings
from core.bus import DAY_MS, RetentionPolicy
from ingestion.bus.outbox_event_bus import OutboxEventBus
from ingestion.bus.relay import OutboxRelay
from tests.unit.test_outbox_event_bus import FakeBroker

T0 = 1_790_000_000_000  # a fixed "now" (epoch ms)
runner = CliRunner()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "bus" / "outbox.sqlite3"


def fill(bus: OutboxEventBus, *, delivered_days_ago: list[float | None], now_ms: int = T0) -> list[str]:
    """One message per entry, in this order, delivered that many days before ``now_ms``; ``None``
    stays undelivered."""
    ids = []
    for i, age in enumerate(delivered_days_ago):
        message_id = bus.publish("safecloud.plans", f"PLN-{i}", {"type": "plan.retired", "i": i})
        if age is not None:
            bus.mark_delivered([message_id], at_ms=now_ms - int(age * DAY_MS))
        ids.append(message_id)
    return ids


def left(bus: OutboxEventBus) -> list[int]:
    return [m.payload["i"] for m in bus.read("safecloud.plans", limit=1000, timeout_s=0)]


def test_delivered_rows_past_retention_go_and_an_old_undelivered_row_stays(path: Path) -> None:
    bus = OutboxEventBus(path, clock=lambda: T0 - 30 * DAY_MS)  # every row was published a month ago
    fill(bus, delivered_days_ago=[20, None, 8, 6.5, 1, None])

    report = bus.prune(RetentionPolicy(retention_days=7, max_rows=0), now_ms=T0)

    assert (report.removed_by_age, report.removed_by_cap) == (2, 0)
    assert left(bus) == [1, 3, 4, 5]
    assert (report.remaining, report.pending) == (4, 2)
    assert bus.counts() == {"pending": 2, "delivered": 2}
    bus.close()


def test_the_row_cap_removes_the_oldest_delivered_rows_but_never_a_pending_one(path: Path) -> None:
    bus = OutboxEventBus(path)
    fill(bus, delivered_days_ago=[None, 1, 1, None, 1, 1, None])

    report = bus.prune(RetentionPolicy(retention_days=0, max_rows=4), now_ms=T0)

    assert report.removed_by_cap == 3 and left(bus) == [0, 3, 5, 6]  # the 3 oldest delivered ones
    # a cap below the undelivered count: every delivered row goes, the pending ones all stay
    again = bus.prune(RetentionPolicy(retention_days=0, max_rows=1), now_ms=T0)
    assert again.removed_by_cap == 1 and left(bus) == [0, 3, 6]
    assert (again.remaining, again.pending) == (3, 3)
    bus.close()


def test_zero_disables_both_limits(path: Path) -> None:
    bus = OutboxEventBus(path)
    fill(bus, delivered_days_ago=[400, 300, 200])

    report = bus.prune(RetentionPolicy(retention_days=0, max_rows=0), now_ms=T0)

    assert report.removed == 0 and left(bus) == [0, 1, 2]
    bus.close()


def test_a_prune_larger_than_one_delete_chunk_removes_everything_it_should(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ingestion.bus.outbox_event_bus._PRUNE_CHUNK", 3)
    bus = OutboxEventBus(path)
    fill(bus, delivered_days_ago=[10] * 8 + [None] + [1] * 5)

    by_age = bus.prune(RetentionPolicy(retention_days=7, max_rows=0), now_ms=T0)
    by_cap = bus.prune(RetentionPolicy(retention_days=0, max_rows=2), now_ms=T0)

    assert (by_age.removed_by_age, by_cap.removed_by_cap) == (8, 4)
    assert left(bus) == [8, 13]
    bus.close()


def test_the_relay_prunes_on_its_interval_not_on_every_pass(path: Path) -> None:
    bus = OutboxEventBus(path, clock=lambda: T0)
    broker = FakeBroker()
    relay = OutboxRelay(
        bus, broker, retention=RetentionPolicy(retention_days=0, max_rows=2), prune_interval_s=3600
    )
    fill(bus, delivered_days_ago=[None] * 5)

    relay.drain_once()
    first = relay.prune_if_due()  # the first pass prunes
    fill(bus, delivered_days_ago=[None] * 3)
    relay.drain_once()

    assert first is not None and first.removed_by_cap == 3
    assert relay.prune_if_due() is None  # within the interval: nothing pruned
    assert bus.counts() == {"pending": 0, "delivered": 5}
    bus.close()


def test_follow_delivers_then_prunes_what_it_delivered_past_the_cap(path: Path) -> None:
    bus = OutboxEventBus(path, clock=lambda: T0)
    fill(bus, delivered_days_ago=[None] * 6)
    relay = OutboxRelay(
        bus, FakeBroker(), retention=RetentionPolicy(retention_days=7, max_rows=4), prune_interval_s=60
    )
    stop = threading.Event()
    worker = threading.Thread(target=relay.follow, args=(stop,), kwargs={"interval_s": 0.05})
    worker.start()
    deadline = time.monotonic() + 5
    while bus.counts() != {"pending": 0, "delivered": 4} and time.monotonic() < deadline:
        time.sleep(0.02)
    stop.set()
    worker.join(5)

    assert bus.counts() == {"pending": 0, "delivered": 4}
    assert left(bus) == [2, 3, 4, 5]
    bus.close()


def test_a_relay_without_retention_or_with_interval_0_never_prunes(path: Path) -> None:
    bus = OutboxEventBus(path)
    fill(bus, delivered_days_ago=[100, 100])

    assert OutboxRelay(bus, FakeBroker()).prune_if_due() is None
    policy = RetentionPolicy(retention_days=1, max_rows=0)
    assert OutboxRelay(bus, FakeBroker(), retention=policy, prune_interval_s=0).prune_if_due() is None
    assert left(bus) == [0, 1]
    bus.close()


def test_settings_read_the_bus_group_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert (
        Settings().event_bus.retention_days,
        Settings().event_bus.retention_max_rows,
        Settings().event_bus.prune_interval_s,
    ) == (
        7,
        100_000,
        3600,
    )
    monkeypatch.setenv("SAFECLOUD_EVENT_BUS__RETENTION_DAYS", "0")
    monkeypatch.setenv("SAFECLOUD_EVENT_BUS__RETENTION_MAX_ROWS", "250")
    monkeypatch.setenv("SAFECLOUD_EVENT_BUS__PRUNE_INTERVAL_S", "60")
    s = Settings().event_bus
    assert (s.retention_days, s.retention_max_rows, s.prune_interval_s) == (0, 250, 60)
    monkeypatch.setenv("SAFECLOUD_EVENT_BUS__RETENTION_MAX_ROWS", "-1")
    with pytest.raises(Exception, match="retention_max_rows"):
        Settings()


def _cli_outbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> OutboxEventBus:
    monkeypatch.setenv("SAFECLOUD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SAFECLOUD_EVENT_BUS__KIND", "kafka")  # a relay marks rows delivered
    monkeypatch.delenv("SAFECLOUD_EVENT_BUS__RETENTION_DAYS", raising=False)
    monkeypatch.delenv("SAFECLOUD_EVENT_BUS__RETENTION_MAX_ROWS", raising=False)
    return OutboxEventBus(tmp_path / "data" / "bus" / "outbox.sqlite3")


def test_bus_prune_uses_the_settings_and_prints_what_it_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bus = _cli_outbox(tmp_path, monkeypatch)
    fill(bus, delivered_days_ago=[30, 10, 2, None], now_ms=int(time.time() * 1000))  # the CLI's clock
    bus.close()

    result = runner.invoke(app, ["bus", "prune"])

    assert result.exit_code == 0, result.output
    assert "已清理 2 条已投递消息" in result.output and "超过保留期 2 条" in result.output
    assert "剩余 2 条，其中待转发 1 条" in result.output
    assert left(OutboxEventBus(tmp_path / "data" / "bus" / "outbox.sqlite3")) == [2, 3]


def test_bus_prune_options_override_the_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bus = _cli_outbox(tmp_path, monkeypatch)
    fill(bus, delivered_days_ago=[None, 0, 0, 0, 0], now_ms=int(time.time() * 1000))  # just delivered
    bus.close()

    kept = runner.invoke(app, ["bus", "prune", "--older-than", "0", "--max-rows", "0"])
    capped = runner.invoke(app, ["bus", "prune", "--max-rows", "2"])

    assert kept.exit_code == 0 and "已清理 0 条" in kept.output
    assert capped.exit_code == 0 and "超出行数上限 3 条" in capped.output
    assert left(OutboxEventBus(tmp_path / "data" / "bus" / "outbox.sqlite3")) == [0, 4]
    refused = runner.invoke(app, ["bus", "prune", "--max-rows", "-5"])
    assert refused.exit_code == 2


RELAY_ELSEWHERE = {"kind": "kafka", "relay_in_server": False, "retention_days": 7}


def test_serve_without_a_relay_prunes_once_at_start(tmp_path: Path) -> None:
    from tests.support.fixture_city import NOW
    from tests.support.plan_api import plan_api_client
    from tests.support.sample_plans import FakeImporter

    bus = OutboxEventBus(tmp_path / "bus" / "outbox.sqlite3")
    for i, age in enumerate([9, None, 3]):
        message_id = bus.publish("safecloud.plans", f"PLN-{i}", {"type": "plan.retired", "i": i})
        if age is not None:
            bus.mark_delivered([message_id], at_ms=NOW - age * DAY_MS)
    bus.close()

    with plan_api_client(tmp_path, FakeImporter({}), event_bus=RELAY_ELSEWHERE) as client:
        assert client.get("/healthz").status_code == 200  # the app started

    assert left(OutboxEventBus(tmp_path / "bus" / "outbox.sqlite3")) == [1, 2]


def test_with_no_broker_the_outbox_is_the_log_and_ages_from_publication(path: Path) -> None:
    # kind=outbox: nothing ever marks a row delivered, so the delivered-only rule would keep all
    # forever; the outbox is the final log and is pruned as a Kafka topic is
    published_at = iter([T0 - 10 * DAY_MS, T0 - 8 * DAY_MS, T0 - 2 * DAY_MS, T0 - 1 * DAY_MS, T0])
    bus = OutboxEventBus(path, clock=lambda: next(published_at))
    fill(bus, delivered_days_ago=[None] * 5)

    by_age = bus.prune(RetentionPolicy(retention_days=7, max_rows=0, outbox_is_the_log=True), now_ms=T0)
    assert by_age.removed_by_age == 2 and left(bus) == [2, 3, 4]
    by_cap = bus.prune(RetentionPolicy(retention_days=0, max_rows=2, outbox_is_the_log=True), now_ms=T0)
    assert by_cap.removed_by_cap == 1 and left(bus) == [3, 4]
    bus.close()


def test_bus_prune_with_no_broker_prunes_the_log_by_publication_age(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFECLOUD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SAFECLOUD_EVENT_BUS__KIND", raising=False)
    now = int(time.time() * 1000)
    published_at = iter([now - 30 * DAY_MS, now - 9 * DAY_MS, now - DAY_MS])
    bus = OutboxEventBus(tmp_path / "data" / "bus" / "outbox.sqlite3", clock=lambda: next(published_at))
    fill(bus, delivered_days_ago=[None, None, None], now_ms=now)
    bus.close()

    result = runner.invoke(app, ["bus", "prune"])

    assert result.exit_code == 0, result.output
    assert "已清理 2 条消息" in result.output and "事件日志剩余 1 条" in result.output
    assert left(OutboxEventBus(tmp_path / "data" / "bus" / "outbox.sqlite3")) == [2]


def test_a_server_without_a_relay_keeps_pruning_while_it_runs(tmp_path: Path) -> None:
    from tests.support.plan_api import plan_api_client
    from tests.support.sample_plans import FakeImporter

    outbox = tmp_path / "bus" / "outbox.sqlite3"
    settings = {"retention_days": 0, "retention_max_rows": 2, "prune_interval_s": 0.2}
    with plan_api_client(tmp_path, FakeImporter({}), event_bus=settings) as client:
        assert client.get("/healthz").status_code == 200
        bus = OutboxEventBus(outbox)
        fill(bus, delivered_days_ago=[None] * 5)  # published after the start-up prune
        deadline = time.monotonic() + 10
        while len(left(bus)) > 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert left(bus) == [3, 4]  # the log was cut to its cap by the running server
        bus.close()
