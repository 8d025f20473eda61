"""GraphAuditLog on every engine: records round-trip exactly, newest first, filterable."""

from __future__ import annotations

from core.audit import AuditEntry
from core.ports import GraphStore
from graph.audit_log import GraphAuditLog


def _entry(i: int, user: str, at: int) -> AuditEntry:
    return AuditEntry(
        id=f"a{i}",
        at=at,
        user_id=user,
        scope="town:澄江街道" if user == "u2" else "city",
        method="POST",
        path=f"/api/v1/plans/{i}",
        query="q=预案",
        status=201 if i % 2 else 422,
        duration_ms=12,
        client="127.0.0.1",
        body_sha256="ab" * 32,
        body_bytes=1024 * i,
    )


def test_audit_records_round_trip_newest_first_and_filter(graph_store: GraphStore) -> None:
    log = GraphAuditLog(graph_store)
    entries = [_entry(i, "u1" if i < 3 else "u2", 1_000 + i) for i in range(5)]
    for e in entries:
        log.record(e)
    assert log.recent(limit=10) == list(reversed(entries))
    assert log.recent(limit=2) == [entries[4], entries[3]]
    assert log.recent(user_id="u1") == [entries[2], entries[1], entries[0]]
    assert log.recent(since_ms=1_003) == [entries[4], entries[3]]


def test_audit_records_filter_by_channel(graph_store: GraphStore) -> None:
    log = GraphAuditLog(graph_store)
    api, cli = _entry(1, "u1", 2_000), _entry(2, "ops", 2_001).model_copy(update={"channel": "cli"})
    log.record(api)
    log.record(cli)
    assert log.recent(channel="cli") == [cli] and log.recent(channel="api") == [api]
    assert log.recent() == [cli, api]
