"""ASGI middleware that audits every write through the API.

Any method other than GET/HEAD/OPTIONS under ``/api/`` is recorded after the response completes, and
so is a GET that writes: ``GET /api/v1/events/search?q=…`` keeps the sentence in the caller's search
history (the issue's API for other subsystems, so it must keep doing so),
(for streamed responses: after the last chunk), with the caller, the outcome status and a SHA-256 of
the request body computed while it streams through, so uploads are not buffered twice. A failing
audit store is logged loudly but does not turn a completed write into an error for the caller.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import time
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.audit import AuditEntry
from core.ports import AuditLog
from core.scope import Principal

log = logging.getLogger(__name__)

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# GETs with a side effect: the event search records a non-empty ``q`` in the caller's history.
RECORDING_READS = frozenset({"/api/v1/events/search"})


def writes(scope: Scope) -> bool:
    """Whether this API request changes stored state, so it must leave an audit row."""
    if scope["type"] != "http" or not scope["path"].startswith("/api/"):
        return False
    if scope["method"] not in READ_METHODS:
        return True
    if scope["method"] != "GET" or scope["path"].rstrip("/") not in RECORDING_READS:
        return False
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    return any(value.strip() for value in query.get("q", []))


class AuditTrail:
    """Entry ids and the one way an entry is stored, for the API middleware and the CLI
    (``api/cli_audit.py``): a failing store is logged as ``AUDIT RECORD LOST``, never raised."""

    def __init__(self, audit_log: Callable[[], AuditLog | None]) -> None:
        self._audit_log = audit_log
        # Ids sort like insertion order within a process even when two writes share a millisecond.
        self._seq = itertools.count()
        self._run = uuid.uuid4().hex[:8]

    def new_id(self, at: int) -> str:
        return f"{at:013d}-{self._run}-{next(self._seq):09d}"

    def record(self, entry: AuditEntry) -> None:
        try:  # reaching the store may fail too (a CLI command that connects only to audit)
            audit_log = self._audit_log()
            if audit_log is not None:
                audit_log.record(entry)
        except Exception:
            log.exception("AUDIT RECORD LOST: %s %s by %s", entry.method, entry.path, entry.user_id)


class AuditMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        audit_log: Callable[[], AuditLog | None],
        resolve_principal: Callable[[Headers], Principal],
        clock: Callable[[], int],
        client_of: Callable[[Scope], str] | None = None,
    ) -> None:
        self.app = app
        self._trail = AuditTrail(audit_log)
        self._resolve_principal = resolve_principal
        self._clock = clock
        # The forwarded client behind a trusted proxy (api.client_address); the socket peer by default.
        self._client_of = client_of or _peer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not writes(scope):
            await self.app(scope, receive, send)
            return
        digest = hashlib.sha256()
        state: dict[str, Any] = {"bytes": 0, "status": 500}

        async def counting_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                body = message.get("body", b"")
                digest.update(body)
                state["bytes"] += len(body)
            return message

        async def status_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["status"] = message["status"]
            await send(message)

        started = time.perf_counter()
        at = self._clock()
        try:
            await self.app(scope, counting_receive, status_send)
        finally:
            entry = self._entry(scope, at, started, digest.hexdigest(), state)
            await run_in_threadpool(self._trail.record, entry)

    def _entry(self, scope: Scope, at: int, started: float, sha256: str, state: dict[str, Any]) -> AuditEntry:
        headers = Headers(scope=scope)
        # Who the route found the caller to be (api.deps; the login route names the account tried).
        caller = scope.get("state", {}).get("audit_caller")
        if caller is not None:
            user_id, scope_label = caller
        else:
            try:
                principal = self._resolve_principal(headers)
                user_id, scope_label = principal.user_id, principal.scope.describe()
            except Exception:  # noqa: BLE001 - a malformed scope header or no session is itself worth auditing
                user_id, scope_label = "unresolved", "invalid"
        # A body carrying a password is not hashed: an unsalted SHA-256 of it would let anyone who
        # reads the audit trail test guesses offline. Its size is still kept.
        secret = carries_password(scope["path"])
        sha256 = "" if secret else sha256
        size = int(state["bytes"])
        if secret and size:
            # City officers read the trail: the exact size of a login body is its password's length.
            size = -(-size // PASSWORD_BODY_BUCKET) * PASSWORD_BODY_BUCKET
        return AuditEntry(
            id=self._trail.new_id(at),
            at=at,
            user_id=visible(user_id),
            scope=visible(scope_label),
            method=scope["method"],
            path=visible(scope["path"]),
            query=visible(scope.get("query_string", b"").decode("latin-1")[:2000]),
            status=int(state["status"]),
            duration_ms=int((time.perf_counter() - started) * 1000),
            client=visible(self._client_of(scope)),
            body_sha256=sha256 if state["bytes"] else "",
            body_bytes=size,
        )


def _peer(scope: Scope) -> str:
    client = scope.get("client")
    return f"{client[0]}" if client else ""


# Bodies holding a password are recorded at this granularity (the policy caps a password at 128).
PASSWORD_BODY_BUCKET = 256


def carries_password(path: str) -> bool:
    """Login, password change, account creation and password reset bodies hold a password."""
    path = path.rstrip("/")
    return path in {"/api/v1/auth/login", "/api/v1/auth/password", "/api/v1/users"} or (
        path.startswith("/api/v1/users/") and path.endswith("/password")
    )


def visible(text: str) -> str:
    """NUL bytes shown as ``\\x00``: a store may refuse them, and a hostile request must not be able
    to lose its own audit row by putting one in its path or scope header."""
    return text.replace("\x00", "\\x00")
