"""Plan lifecycle events through the API: each committed write leaves one ``PlanEvent`` in the outbox
on ``safecloud.plans``, and a bus that cannot store or deliver never fails or half-undoes the write."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from core.bus import PlanEvent
from core.errors import EventBusError
from ingestion.bus.outbox_event_bus import OutboxEventBus
from tests.support.plan_api import PDF, accept_all, plan_api_client, upload
from tests.support.sample_plans import FakeImporter, chemical_plan

TOPIC = "safecloud.plans"


@pytest.fixture(scope="module")
def importer() -> FakeImporter:
    return FakeImporter({"plan.pdf": chemical_plan()})


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, importer: FakeImporter) -> Iterator[TestClient]:
    with plan_api_client(tmp_path_factory.mktemp("plan-events"), importer) as c:
        yield c


def bus_of(client: TestClient) -> OutboxEventBus:
    bus = client.app.state.container.bus  # type: ignore[attr-defined]
    assert isinstance(bus, OutboxEventBus)
    return bus


def events_for(client: TestClient, plan_id: str) -> list[PlanEvent]:
    messages = bus_of(client).read(TOPIC, limit=10_000, timeout_s=0)
    assert all(m.key == m.payload["plan_id"] for m in messages)  # keyed by plan: one partition per plan
    return [PlanEvent.model_validate(m.payload) for m in messages if m.key == plan_id]


def test_each_lifecycle_write_publishes_one_event_in_order(client: TestClient) -> None:
    up = upload(client)
    pid, v1 = up["plan_id"], up["version_id"]
    accept_all(client, pid, v1)
    assert client.post(f"/api/v1/plans/{pid}/versions/{v1}/publish").status_code == 200
    assert client.post(f"/api/v1/plans/{pid}/versions/{v1}/disable").status_code == 200
    assert client.post(f"/api/v1/plans/{pid}/versions/{v1}/enable").status_code == 200
    rolled = client.post(f"/api/v1/plans/{pid}/versions/{v1}/rollback").json()
    assert client.delete(f"/api/v1/plans/{pid}").status_code == 200
    assert client.post(f"/api/v1/plans/{pid}/restore").status_code == 200

    events = events_for(client, pid)

    assert [e.type for e in events] == [
        "plan.imported",
        "plan.version_published",
        "plan.version_disabled",
        "plan.version_enabled",
        "plan.version_rolled_back",
        "plan.retired",
        "plan.restored",
    ]
    imported, published, disabled, enabled, rolled_back, retired, restored = events
    assert imported.version_id == v1 and imported.version_no == "1.0"
    assert imported.title and imported.extraction is not None and "warning_count" in imported.extraction
    assert imported.status == "未启用"
    assert published.status == "已启用" and published.facts and sum(published.facts.values()) > 0
    assert disabled.status == "未启用" and disabled.version_id == v1
    assert enabled.status == "已启用" and enabled.version_id == v1 and enabled.facts
    assert rolled_back.version_id == rolled["version_id"] and rolled_back.copied_from == v1
    assert retired.status == "已废止" and restored.status == "未启用"
    assert all(e.actor and e.occurred_at > 0 and e.schema_version == 1 for e in events)


def test_a_refused_write_publishes_nothing(client: TestClient) -> None:
    up = upload(client)
    pid, v1 = up["plan_id"], up["version_id"]
    before = len(events_for(client, pid))
    r = client.post(f"/api/v1/plans/{pid}/versions/{v1}/enable")  # not published yet: refused
    assert r.status_code == 422
    assert len(events_for(client, pid)) == before


def test_read_only_requests_publish_nothing(client: TestClient) -> None:
    up = upload(client)
    count = bus_of(client).counts()
    assert client.get(f"/api/v1/plans/{up['plan_id']}").status_code == 200
    assert client.get("/api/v1/plans").status_code == 200
    # event search is read-only for the bus (its history is a graph write, not a domain event)
    assert client.get("/api/v1/events/search", params={"q": "昨天城东的火灾"}).status_code == 200
    assert bus_of(client).counts() == count


class BrokenBus:
    """An outbox on a full disk."""

    def publish(self, topic: str, key: str, payload: Any) -> str:
        raise EventBusError("事件发件箱写入失败：database or disk is full", code="outbox_unavailable")

    def close(self) -> None:
        pass


def test_a_failing_bus_never_fails_or_undoes_the_write(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    importer = FakeImporter({"plan.pdf": chemical_plan()})
    with plan_api_client(tmp_path, importer) as client:
        service = client.app.state.container.plans.service  # type: ignore[attr-defined]
        service.events = BrokenBus()
        up = upload(client)
        pid, v1 = up["plan_id"], up["version_id"]
        accept_all(client, pid, v1)
        r = client.post(f"/api/v1/plans/{pid}/versions/{v1}/publish")
        assert r.status_code == 200, r.text
        assert client.get(f"/api/v1/plans/{pid}").json()["status"] == "已启用"
    assert "plan event plan.version_published" in caplog.text


def test_with_kafka_down_writes_succeed_and_events_wait_in_the_outbox(tmp_path: Path) -> None:
    """event_bus=kafka with no broker: the server's relay thread keeps failing in the background,
    the API answers as usual, and every event stays pending for a later relay."""
    importer = FakeImporter({"plan.pdf": chemical_plan()})
    settings = {
        "event_bus": {
            "kind": "kafka",
            "bootstrap_servers": "127.0.0.1:1",
            "delivery_timeout_s": 1.0,
            "relay_interval_s": 0.1,
        }
    }
    with plan_api_client(tmp_path, importer, **settings) as client:
        up = upload(client, PDF)
        assert client.delete(f"/api/v1/plans/{up['plan_id']}").status_code == 200
        pending = [m.payload["type"] for m in bus_of(client).pending()]
    assert pending == ["plan.imported", "plan.retired"]
