"""``OutboxEventBus``: the embedded event bus, a durable SQLite outbox under the data dir.

* ``publish`` returns only after the message is committed (WAL, ``synchronous=FULL``): a message the
  caller got an id for survives a crash or restart.
* Messages are numbered by one autoincrement sequence, so each topic reads back in publish order.
* In-process subscribers get each message after its commit; a failing subscriber is logged and never
  fails the publish (the message is already stored).
* ``read_after``/``cursors``/``save_cursors`` serve consumer groups (``outbox_consumer``): a group's
  committed position per topic is the last sequence number it handled, stored next to the rows.
* ``prune`` removes delivered rows past the retention policy, never an undelivered one.
* ``pending``/``mark_delivered`` let a relay (``ingestion.bus.relay``) forward the outbox to Kafka and
  record a message as delivered only after the broker acknowledged it.

Several processes may open the same file (the API server and ``safecloud bus relay``): SQLite's WAL
mode lets readers and one writer work at once, and ``busy_timeout`` waits out a competing write.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from core.bus import BusMessage, PruneReport, RetentionPolicy, check_topic, make_message
from core.errors import EventBusError

log = logging.getLogger(__name__)

Handler = Callable[[BusMessage], None]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    topic TEXT NOT NULL,
    key TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    schema_version INTEGER NOT NULL,
    delivered_at INTEGER
);
CREATE INDEX IF NOT EXISTS outbox_topic_seq ON outbox (topic, seq);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (seq) WHERE delivered_at IS NULL;
CREATE INDEX IF NOT EXISTS outbox_delivered ON outbox (delivered_at) WHERE delivered_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS consumer_cursor (
    group_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (group_id, topic)
);
"""
_COLUMNS = "id, topic, key, payload, created_at, schema_version"
_PRUNE_CHUNK = 5000  # rows per delete transaction: a big prune never holds publishers up for long
_POLL_S = 0.05  # how often a waiting read looks for rows another process committed


def _now_ms() -> int:
    return int(time.time() * 1000)


def _message(row: sqlite3.Row) -> BusMessage:
    return BusMessage(
        id=row["id"],
        topic=row["topic"],
        key=row["key"],
        payload=json.loads(row["payload"]),
        created_at=row["created_at"],
        schema_version=row["schema_version"],
    )


class OutboxEventBus:
    kind = "outbox"

    def __init__(self, path: Path, *, clock: Callable[[], int] = _now_ms) -> None:
        self.path = Path(path)
        self.clock = clock
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        self._arrived = threading.Condition(self._lock)
        self._subscribers: dict[str, list[Handler]] = defaultdict(list)

    # ---- lifecycle -------------------------------------------------------------------------
    def connect(self) -> None:
        """Open (and create) the outbox file. Idempotent; every other method calls it."""
        with self._lock:
            if self._conn is not None:
                return
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE in _tx)
                conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=10)
                conn.row_factory = sqlite3.Row
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")  # a committed message survives a power cut
                conn.executescript(_SCHEMA)
            except (sqlite3.Error, OSError) as exc:
                raise EventBusError(
                    f"无法打开事件发件箱 {self.path}：{exc}", code="outbox_unavailable"
                ) from exc
            self._conn = conn

    def close(self) -> None:
        """Nothing to flush: every message was committed by ``publish``."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def info(self) -> dict[str, str]:
        counts = self.counts()
        return {
            "kind": self.kind,
            "path": str(self.path),
            "pending": str(counts["pending"]),
            "delivered": str(counts["delivered"]),
        }

    @contextlib.contextmanager
    def _tx(self, what: str) -> Iterator[sqlite3.Connection]:
        self.connect()
        assert self._conn is not None
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                raise EventBusError(f"事件发件箱{what}失败：{exc}", code="outbox_unavailable") from exc

    def _query(self, sql: str, params: Sequence[Any]) -> list[sqlite3.Row]:
        self.connect()
        assert self._conn is not None
        with self._lock:
            try:
                return list(self._conn.execute(sql, params))
            except sqlite3.Error as exc:
                raise EventBusError(f"读取事件发件箱失败：{exc}", code="outbox_unavailable") from exc

    # ---- EventBus --------------------------------------------------------------------------
    def publish(self, topic: str, key: str, payload: Mapping[str, Any]) -> str:
        message, text = make_message(topic, key, payload, now_ms=self.clock())
        with self._tx("写入") as conn:
            conn.execute(
                f"INSERT INTO outbox ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                (message.id, topic, key, text, message.created_at, message.schema_version),
            )
        with self._lock:
            self._arrived.notify_all()
            handlers = list(self._subscribers.get(topic, ()))
        for handler in handlers:
            try:
                handler(message)
            except Exception:  # a consumer's bug must not undo or fail a stored publish
                log.exception("event subscriber failed on %s message %s", topic, message.id)
        return message.id

    def read(
        self, topic: str, *, offset: int = 0, limit: int = 100, timeout_s: float = 5.0
    ) -> list[BusMessage]:
        check_topic(topic)
        deadline = time.monotonic() + max(timeout_s, 0.0)
        while True:
            rows = self._query(
                f"SELECT {_COLUMNS} FROM outbox WHERE topic = ? ORDER BY seq LIMIT ? OFFSET ?",
                (topic, max(limit, 0), max(offset, 0)),
            )
            remaining = deadline - time.monotonic()
            if rows or limit <= 0 or remaining <= 0:
                return [_message(r) for r in rows]
            with self._lock:  # woken by a publish here; polls for one from another process
                self._arrived.wait(min(remaining, _POLL_S))

    # ---- consumer groups -------------------------------------------------------------------
    def read_after(
        self, positions: Mapping[str, int], *, limit: int = 100, timeout_s: float = 0.0
    ) -> list[tuple[int, BusMessage]]:
        """(sequence number, message) of each topic's messages after its position, oldest first
        across topics; waits like ``read`` while there is none."""
        if not positions or limit <= 0:
            return []
        where = " OR ".join("(topic = ? AND seq > ?)" for _ in positions)
        params = [v for topic, seq in positions.items() for v in (check_topic(topic), seq)]
        deadline = time.monotonic() + max(timeout_s, 0.0)
        while True:
            rows = self._query(
                f"SELECT seq, {_COLUMNS} FROM outbox WHERE {where} ORDER BY seq LIMIT ?", (*params, limit)
            )
            remaining = deadline - time.monotonic()
            if rows or remaining <= 0:
                return [(r["seq"], _message(r)) for r in rows]
            with self._lock:
                self._arrived.wait(min(remaining, _POLL_S))

    def cursors(self, group: str) -> dict[str, int]:
        """The group's committed position per topic (absent: never committed)."""
        rows = self._query("SELECT topic, seq FROM consumer_cursor WHERE group_id = ?", (group,))
        return {r["topic"]: r["seq"] for r in rows}

    def save_cursors(self, group: str, positions: Mapping[str, int]) -> None:
        with self._tx("记录消费位置") as conn:
            conn.executemany(
                "INSERT INTO consumer_cursor (group_id, topic, seq) VALUES (?, ?, ?) "
                "ON CONFLICT (group_id, topic) DO UPDATE SET seq = excluded.seq",
                [(group, topic, seq) for topic, seq in positions.items()],
            )

    # ---- in-process subscribers --------------------------------------------------------------
    def subscribe(self, topic: str, handler: Handler) -> Callable[[], None]:
        """Call ``handler`` with each message published on ``topic`` by this process from now on;
        returns the function that unsubscribes it."""
        check_topic(topic)
        with self._lock:
            self._subscribers[topic].append(handler)

        def unsubscribe() -> None:
            with self._lock, contextlib.suppress(ValueError):
                self._subscribers[topic].remove(handler)

        return unsubscribe

    # ---- relay side ------------------------------------------------------------------------
    def pending(self, limit: int = 500) -> list[BusMessage]:
        """Undelivered messages, oldest first."""
        rows = self._query(
            f"SELECT {_COLUMNS} FROM outbox WHERE delivered_at IS NULL ORDER BY seq LIMIT ?",
            (max(limit, 0),),
        )
        return [_message(r) for r in rows]

    def mark_delivered(self, ids: Sequence[str], *, at_ms: int | None = None) -> int:
        """Record the broker's acknowledgement; returns how many messages changed."""
        if not ids:
            return 0
        at = self.clock() if at_ms is None else at_ms
        with self._tx("标记已投递") as conn:
            cur = conn.executemany(
                "UPDATE outbox SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL",
                [(at, i) for i in ids],
            )
            return cur.rowcount

    def counts(self) -> dict[str, int]:
        rows = self._query("SELECT COUNT(*) AS total, COUNT(delivered_at) AS delivered FROM outbox", ())
        total, delivered = (rows[0]["total"], rows[0]["delivered"]) if rows else (0, 0)
        return {"pending": total - delivered, "delivered": delivered}

    # ---- retention -------------------------------------------------------------------------
    def prune(self, policy: RetentionPolicy, *, now_ms: int | None = None) -> PruneReport:
        """Delete delivered rows past ``policy``: those delivered before its cutoff, then the oldest
        delivered ones while the outbox holds more rows than its cap. Undelivered rows stay, even
        above the cap (the report's ``pending`` says how many) — unless ``outbox_is_the_log`` (no
        broker configured): then rows age from publication and the cap counts every row."""
        now = self.clock() if now_ms is None else now_ms
        report = PruneReport()
        cutoff = policy.delivered_before_ms(now)
        if cutoff is not None:
            aged = (
                "SELECT seq FROM outbox WHERE created_at < ? LIMIT ?"
                if policy.outbox_is_the_log
                else "SELECT seq FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < ? LIMIT ?"
            )
            report.removed_by_age = self._delete_chunks(aged, (cutoff,), None)
        cap = policy.row_cap
        if cap is not None:
            over = self._total() - cap
            if over > 0:
                oldest = (
                    "SELECT seq FROM outbox ORDER BY seq LIMIT ?"
                    if policy.outbox_is_the_log
                    else "SELECT seq FROM outbox WHERE delivered_at IS NOT NULL ORDER BY seq LIMIT ?"
                )
                report.removed_by_cap = self._delete_chunks(oldest, (), over)
        counts = self.counts()
        report.remaining = counts["pending"] + counts["delivered"]
        report.pending = counts["pending"]
        if report.removed:
            log.info(
                "outbox pruned: %d by age, %d over the row cap", report.removed_by_age, report.removed_by_cap
            )
        return report

    def _total(self) -> int:
        return int(self._query("SELECT COUNT(*) AS n FROM outbox", ())[0]["n"])

    def _delete_chunks(self, select: str, params: tuple[Any, ...], limit: int | None) -> int:
        removed = 0
        while limit is None or removed < limit:
            chunk = _PRUNE_CHUNK if limit is None else min(_PRUNE_CHUNK, limit - removed)
            with self._tx("清理") as conn:
                cur = conn.execute(f"DELETE FROM outbox WHERE seq IN ({select})", (*params, chunk))
                n = cur.rowcount
            removed += n
            if n < chunk:
                break
        return removed
