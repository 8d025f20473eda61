"""Ports: the small interfaces adapters implement. No I/O here, only shapes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol, TypeVar, runtime_checkable

from pydantic import BaseModel

from core.ai import ChatMessage, ChatResult, SearchDoc, SearchHit
from core.audit import AuditEntry
from core.auth import Session, User
from core.bus import BusMessage

Row = dict[str, Any]
M = TypeVar("M", bound=BaseModel)


@runtime_checkable
class GraphStore(Protocol):
    """A property-graph engine that runs the portable Cypher of ``graph/``.

    Results are rows of plain values (str, int, float, bool, None, lists, maps); queries never
    return node or relationship objects, so results are identical across engines.
    """

    kind: str

    def connect(self) -> None:
        """Open connections (and start an embedded engine). Idempotent."""

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run a read-only query."""

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run a write query in one transaction."""

    def read_only(self, query: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int) -> list[Row]:
        """Run an untrusted query that the engine itself must refuse to write with, under a timeout.

        Raises ``GraphError(code="graph_not_read_only")`` when the engine sees a write.
        """

    def write_batches(self, query: str, batches: Sequence[Sequence[Mapping[str, Any]]]) -> int:
        """Run ``query`` once per batch with ``$rows`` bound; each batch is one transaction."""

    def info(self) -> dict[str, str]:
        """Engine name, version and location, for ``safecloud doctor``."""

    def close(self) -> None:
        """Release connections; stop an embedded engine cleanly."""


class ChatModel(Protocol):
    """An OpenAI-compatible chat endpoint (vLLM, llama.cpp server, cloud).

    ``structured`` returns a validated instance of ``schema`` or raises ``LLMError`` naming the field.
    """

    def complete(
        self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0
    ) -> ChatResult: ...

    def stream(
        self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0
    ) -> Iterator[str]: ...

    def structured(
        self,
        messages: Sequence[ChatMessage],
        schema: type[M],
        *,
        max_retries: int = 2,
        max_tokens: int | None = None,
    ) -> M: ...

    def health(self) -> dict[str, str]: ...


class Embedder(Protocol):
    """Text → dense vectors. Queries and passages may be embedded differently (e5 prefixes)."""

    dimension: int

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]: ...

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]: ...


class SearchIndex(Protocol):
    """Hybrid (dense + keyword) retrieval over named collections with payload filters."""

    def upsert(self, collection: str, docs: Sequence[SearchDoc]) -> int: ...

    def search(
        self, collection: str, query: str, *, limit: int = 10, filters: Mapping[str, Any] | None = None
    ) -> list[SearchHit]: ...

    def delete(self, collection: str, ids: Sequence[str]) -> int: ...

    def count(self, collection: str) -> int: ...


class AuditLog(Protocol):
    """Append-only record of writes made through the API and the ``safecloud`` command line."""

    def record(self, entry: AuditEntry) -> None: ...

    def recent(
        self,
        *,
        limit: int = 50,
        user_id: str | None = None,
        since_ms: int | None = None,
        channel: str | None = None,
    ) -> list[AuditEntry]: ...


class UserStore(Protocol):
    """Accounts and login sessions (``graph.users``). Usernames are unique (the store refuses a
    second one with ``UniqueConflictError``); sessions are kept by the SHA-256 of their token."""

    def create_user(self, user: User) -> None: ...

    def get_user(self, username: str) -> User | None: ...

    def list_users(self) -> list[User]: ...

    def set_enabled(self, username: str, enabled: bool) -> bool: ...

    def set_password(
        self, username: str, password_hash: str, changed_at: int, must_change: bool = False
    ) -> bool:
        """Also clears the failure counter and any lock (an administrator's reset unlocks);
        ``must_change`` marks a password the user did not choose (changed at the next login)."""

    def update_user(self, user: User) -> bool:
        """Store the account's display name, scope and role; False when there is no such user."""

    def record_failure(self, username: str, now: int, max_failures: int, locked_until: int) -> User | None:
        """Count one wrong password atomically (a lock that has run out starts the count again);
        at ``max_failures`` the account is locked until ``locked_until``. Returns the user after."""

    def record_success(self, username: str, now: int) -> int:
        """Reset the counter and note the login; returns the failures counted since the last login."""

    def create_session(self, session: Session) -> None: ...

    def session_user(self, token_sha256: str, now: int) -> User | None:
        """The enabled user of an unexpired session, else None."""

    def delete_session(self, token_sha256: str) -> bool: ...

    def delete_sessions_of(self, username: str) -> int: ...

    def sessions_of(self, username: str, now: int) -> list[Session]:
        """The user's unexpired sessions, oldest first."""

    def delete_expired_sessions(self, now: int) -> int: ...


class LoginFailureStore(Protocol):
    """Login attempts per client address (api/login_throttle.py), shared by every worker and kept
    across restarts (``graph.login_failures``); an in-memory one serves a single process."""

    def begin_attempt(self, client: str, now: int, since: int, limit: int) -> list[int] | None:
        """In one step: forgets ``client``'s attempts at or before ``since``; when fewer than ``limit``
        remain, records ``now`` and returns None, else records nothing and returns the remaining
        times, oldest first."""
        ...

    def forget_attempt(self, client: str, at: int) -> None:
        """Takes back one attempt recorded at ``at`` (it was no refused login)."""
        ...

    def forget_idle(self, since: int) -> int:
        """Forgets addresses with no attempt after ``since``; returns how many."""
        ...


class EventBus(Protocol):
    """Publish JSON messages on named topics and read them back (``ingestion.bus``).

    The embedded adapter is a durable SQLite outbox; the production one is Kafka. Delivery is
    at-least-once: consumers deduplicate on ``BusMessage.id``. Messages of one topic are read in
    publish order (Kafka: per key, i.e. per partition; the dev broker's topics have one partition).
    """

    kind: str

    def publish(self, topic: str, key: str, payload: Mapping[str, Any]) -> str:
        """Store or send one message; return its id. ``ValidationError`` for a bad topic, key or
        payload; ``EventBusError`` when it cannot be stored (outbox) or acknowledged (Kafka, on flush)."""

    def read(
        self, topic: str, *, offset: int = 0, limit: int = 100, timeout_s: float = 5.0
    ) -> list[BusMessage]:
        """Messages of ``topic`` from position ``offset`` in publish order, at most ``limit``. Returns
        what is there now; only when nothing is there yet does it wait, up to ``timeout_s``, for the
        first message (``[]`` after that)."""

    def info(self) -> dict[str, str]:
        """Adapter name and location, for ``safecloud doctor``."""

    def close(self) -> None:
        """Flush what was published (Kafka: wait for the broker's acks) and release connections."""


class EventConsumer(Protocol):
    """Reads a consumer group's share of one or more topics (``ingestion.bus``): the outbox with a
    per-group cursor, or a Kafka consumer group. Delivery is at-least-once: what was polled but not
    committed comes again after a restart, and consumers deduplicate on ``BusMessage.id``.

    A new group starts at the oldest event still kept (the outbox prunes delivered rows; Kafka
    applies its own retention).
    """

    kind: str
    group: str

    def poll(self, max_events: int = 100, timeout_s: float = 1.0) -> list[BusMessage]:
        """The next events after this consumer's position, oldest first, at most ``max_events``
        (frozen messages). Waits up to ``timeout_s`` only while there is none; ``[]`` after that.
        ``EventBusError`` when the store or the broker cannot be reached."""

    def commit(self) -> None:
        """Record the position after the last polled event for the group, so a restart resumes
        there. Nothing polled since the last commit: no-op."""

    def seek_to_start(self) -> None:
        """Rewind: the next poll starts again at the oldest event still kept (commit to persist)."""

    def close(self) -> None:
        """Release connections; positions not committed are forgotten."""
