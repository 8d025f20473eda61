"""Contract for ``GraphStore.read_only``: every adapter runs reads, refuses writes, honours the timeout.

This is the engine-side half of the text-to-Cypher safety (the guard in ``graph.cypher_guard`` is
the other half): even a write the guard missed must not run.
"""

from __future__ import annotations

import pytest

from core.errors import GraphError
from core.ports import GraphStore


def _count(store: GraphStore) -> int:
    return int(store.read("MATCH (n) RETURN count(n) AS n")[0]["n"])


def test_read_only_returns_rows(graph_store: GraphStore) -> None:
    graph_store.write("CREATE (:Town {id: '澄江街道', name: '澄江街道'})")
    rows = graph_store.read_only(
        "MATCH (t:Town) WHERE t.id = $id RETURN t.name AS name", {"id": "澄江街道"}, timeout_ms=5000
    )
    assert rows == [{"name": "澄江街道"}]


@pytest.mark.parametrize(
    "query",
    [
        "CREATE (:Town {id: 'x'})",
        "MATCH (t:Town) SET t.name = 'hacked' RETURN t.id",
        "MATCH (t:Town) DETACH DELETE t",
        "MERGE (t:Town {id: 'y'}) RETURN t.id",
    ],
)
def test_read_only_refuses_writes(graph_store: GraphStore, query: str) -> None:
    graph_store.write("CREATE (:Town {id: '澄江街道', name: '澄江街道'})")
    before = _count(graph_store)
    with pytest.raises(GraphError):
        graph_store.read_only(query, timeout_ms=5000)
    assert _count(graph_store) == before
    assert graph_store.read("MATCH (t:Town) RETURN t.name AS name") == [{"name": "澄江街道"}]


def test_read_only_times_out(graph_store: GraphStore) -> None:
    graph_store.write("UNWIND range(1, 300) AS i CREATE (:Town {id: toString(i)})")
    # A filter over the cartesian product: no planner shortcut (count store) can answer it.
    slow = (
        "MATCH (a:Town) MATCH (b:Town) MATCH (c:Town) WHERE a.id + b.id + c.id = 'none' RETURN count(*) AS n"
    )
    with pytest.raises(GraphError):
        graph_store.read_only(slow, timeout_ms=1)
