"""Production GraphStore: Neo4j 5 over Bolt.

Reads run in read transactions (routed to followers in a cluster, and refused by the server if
they try to write); writes in write transactions. The driver's managed transactions retry
transient errors (deadlocks, leader switches) with exponential backoff up to
``max_transaction_retry_time``; what still fails becomes a ``RetryableError`` / ``GraphError``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from core.errors import GraphError, RetryableError
from core.ports import Row
from graph.unique_errors import from_neo4j

log = logging.getLogger(__name__)


class Neo4jGraphStore:
    kind = "neo4j"

    def __init__(
        self,
        uri: str,
        *,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
        query_timeout_s: float = 30.0,
        max_retry_time_s: float = 15.0,
    ) -> None:
        self.uri = uri
        self._auth = (user, password or "") if user else None
        self.database = database
        self.query_timeout_s = query_timeout_s
        self.max_retry_time_s = max_retry_time_s
        self._driver: Any = None

    def connect(self) -> None:
        if self._driver is not None:
            return
        import neo4j

        self._driver = neo4j.GraphDatabase.driver(
            self.uri,
            auth=self._auth,
            max_transaction_retry_time=self.max_retry_time_s,
            # Schema-less reads on an empty database warn about unknown labels; not news to us.
            notifications_min_severity="OFF",
        )
        try:
            self._driver.verify_connectivity()
        except Exception as exc:
            self._driver.close()
            self._driver = None
            raise RetryableError(f"无法连接 Neo4j（{self.uri}）", details={"cause": str(exc)}) from exc

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None

    def _session(self) -> Any:
        if self._driver is None:
            self.connect()
        kwargs = {"database": self.database} if self.database else {}
        return self._driver.session(**kwargs)

    def _execute(
        self, text: str, params: Mapping[str, Any] | None, *, write: bool, timeout_s: float | None = None
    ) -> list[Row]:
        import neo4j
        import neo4j.exceptions as nx

        @neo4j.unit_of_work(timeout=timeout_s or self.query_timeout_s)
        def work(tx: Any) -> list[Row]:
            return [record.data() for record in tx.run(text, dict(params or {}))]

        try:
            with self._session() as session:
                return session.execute_write(work) if write else session.execute_read(work)  # type: ignore[no-any-return]
        except (nx.ServiceUnavailable, nx.SessionExpired, nx.TransientError) as exc:
            raise RetryableError("Neo4j 暂时不可用，请稍后重试", details={"cause": str(exc)}) from exc
        except nx.ConstraintError as exc:  # a unique constraint refused the write; nothing was committed
            raise from_neo4j(exc.message or str(exc)) from exc
        except nx.Neo4jError as exc:
            raise GraphError(f"图查询失败：{exc.message}", code="graph_query_failed") from exc

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self._execute(query, params, write=False)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self._execute(query, params, write=True)

    def read_only(self, query: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int) -> list[Row]:
        """EXPLAIN first: the planner's query type must be ``r``; then a read transaction (which
        the server also refuses to write in) with the given timeout."""
        import neo4j.exceptions as nx

        try:
            with self._session() as session:
                summary = session.run("EXPLAIN " + query, dict(params or {})).consume()
        except nx.Neo4jError as exc:
            raise GraphError(f"图查询失败：{exc.message}", code="graph_query_failed") from exc
        if summary.query_type != "r":
            raise GraphError(
                "只读查询中包含写操作，已拒绝",
                code="graph_not_read_only",
                details={"query_type": summary.query_type},
            )
        return self._execute(query, params, write=False, timeout_s=timeout_ms / 1000)

    def write_batches(self, query: str, batches: Sequence[Sequence[Mapping[str, Any]]]) -> int:
        count = 0
        for batch in batches:
            self._execute(query, {"rows": list(batch)}, write=True)
            count += len(batch)
        return count

    def info(self) -> dict[str, str]:
        self.connect()
        info = self._driver.get_server_info()
        return {"engine": "Neo4j", "version": str(info.agent), "location": self.uri}

    def drop_all(self) -> None:
        """Delete every node in batches (tests and ``demo load --fresh``)."""
        while True:
            rows = self.write("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS c")
            if not rows or rows[0]["c"] == 0:
                return
