"""``AuditLog`` over the graph: one ``(:AuditRecord)`` node per audited API call, never updated."""

from __future__ import annotations

from core.audit import AuditEntry
from core.ports import GraphStore
from core.text_input import shown_controls

_FIELDS = tuple(AuditEntry.model_fields)

INSERT_AUDIT_RECORD = "CREATE (a:AuditRecord) SET a = $entry"

RECENT_AUDIT_RECORDS = (
    "MATCH (a:AuditRecord) "
    "WHERE ($user_id IS NULL OR a.user_id = $user_id) AND ($since IS NULL OR a.at >= $since) "
    # records from before the CLI was audited carry no channel: they are API calls
    "AND ($channel IS NULL OR coalesce(a.channel, 'api') = $channel) "
    "RETURN " + ", ".join(f"a.{f} AS {f}" for f in _FIELDS) + " "
    "ORDER BY a.at DESC, a.id DESC LIMIT $limit"
)


class GraphAuditLog:
    def __init__(self, store: GraphStore) -> None:
        self._store = store

    def record(self, entry: AuditEntry) -> None:
        self._store.write(INSERT_AUDIT_RECORD, {"entry": entry.model_dump()})

    def recent(
        self,
        *,
        limit: int = 50,
        user_id: str | None = None,
        since_ms: int | None = None,
        channel: str | None = None,
    ) -> list[AuditEntry]:
        params = {"limit": limit, "user_id": user_id, "since": since_ms, "channel": channel}
        rows = self._store.read(RECENT_AUDIT_RECORDS, params)
        # Rows recorded before control characters were refused keep them; they are shown, never
        # rewritten (the trail is not edited): see core.text_input.shown_controls.
        return [
            AuditEntry.model_validate(
                {k: shown_controls(v) if isinstance(v, str) else v for k, v in r.items()}
            )
            for r in rows
        ]
