"""``LoginFailureStore`` over the graph: one ``(:LoginThrottle {client, attempts, touched_at})`` node
per client address (ADR 0017, "Throttle in the graph").

In the graph, not in a worker's memory, so a restart does not hand an attacker a fresh allowance and
every worker behind one graph counts the same failures. Application state like ``graph.users``: not
in ``graph.schema``, so text-to-Cypher never reaches it. Migration 13 puts a unique constraint on
``client`` (two workers' first failures from one address ``MERGE`` one node) and an index on
``touched_at`` (the clean-up of idle addresses).
"""

from __future__ import annotations

from core.ports import GraphStore

# label → properties under a unique constraint (graph.migrations, migration 13)
THROTTLE_UNIQUE_KEYS: dict[str, tuple[str, ...]] = {"LoginThrottle": ("client",)}

# The first SET takes the node's write lock on Neo4j (as graph.users.RECORD_FAILURE), so the list is
# read after any concurrent attempt committed: two parallel attempts cannot both take the last slot.
BEGIN_ATTEMPT = """
MERGE (t:LoginThrottle {client: $client})
SET t.touched_at = $now
WITH t, [x IN coalesce(t.attempts, []) WHERE x > $since] AS recent
SET t.attempts = CASE WHEN size(recent) < $limit THEN recent + [$now] ELSE recent END
RETURN recent, size(recent) < $limit AS recorded
"""

# One occurrence only: two attempts from one address in the same millisecond are two entries.
FORGET_ATTEMPT = """
MATCH (t:LoginThrottle {client: $client})
SET t.touched_at = coalesce(t.touched_at, $at)
WITH t, coalesce(t.attempts, []) AS attempts
WITH t, attempts, [i IN range(0, size(attempts) - 1) WHERE attempts[i] = $at] AS hits
SET t.attempts = CASE WHEN size(hits) = 0 THEN attempts
  ELSE attempts[..hits[0]] + attempts[hits[0] + 1..] END
RETURN size(hits) AS n
"""

FORGET_IDLE = """
MATCH (t:LoginThrottle)
WHERE t.touched_at <= $since
WITH t, t.client AS gone
DETACH DELETE t
RETURN count(gone) AS n
"""


class GraphLoginFailures:
    def __init__(self, store: GraphStore) -> None:
        self._store = store

    def begin_attempt(self, client: str, now: int, since: int, limit: int) -> list[int] | None:
        params = {"client": client, "now": now, "since": since, "limit": limit}
        rows = self._store.write(BEGIN_ATTEMPT, params)
        if rows and rows[0]["recorded"]:
            return None
        return sorted(int(x) for x in (rows[0]["recent"] if rows else []))

    def forget_attempt(self, client: str, at: int) -> None:
        self._store.write(FORGET_ATTEMPT, {"client": client, "at": at})

    def forget_idle(self, since: int) -> int:
        rows = self._store.write(FORGET_IDLE, {"since": since})
        return int(rows[0]["n"]) if rows else 0


__all__ = ["THROTTLE_UNIQUE_KEYS", "GraphLoginFailures"]
