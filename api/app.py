"""FastAPI application factory. The container (adapters, services) comes from api.bootstrap."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI, HTTPException
from fastapi.responses import FileResponse
from fastapi_offline import FastAPIOffline

from api.audit import AuditMiddleware
from api.body_limit import MB, BodyLimitMiddleware
from api.bootstrap import Container, build_container, build_relay, retention_policy
from api.deps import principal_from_headers, session_guard
from api.errors import install_error_handlers
from api.json_body import UniqueJsonKeysMiddleware
from api.routes import audit, auth, chat, enterprises, events, models, plans, system, towns, users
from api.settings import Settings
from core.errors import SafeCloudError

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, *, container: Container | None = None) -> FastAPI:
    container = container or build_container(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        container.graph.connect()
        if container.settings.api.auth == "token" and not container.auth.list_users():
            # Nobody could log in: say how to create the first administrator (ADR 0017).
            log.warning("登录已启用但还没有任何用户，请先运行：safecloud users add admin --city --admin")
        stop_relay = start_relay_thread(container)
        start_llm_warm_up(container)
        try:
            yield
        finally:
            stop_relay()
            if container.bus is not None:
                container.bus.close()
            if container.search is not None:
                container.search.close()  # releases the Qdrant local-mode folder lock
            container.graph.close()

    # Offline-first: /docs and /redoc load Swagger UI / ReDoc from the fastapi-offline wheel's
    # static files, not from a CDN that a plant's or the city's closed network cannot reach.
    app = FastAPIOffline(
        title="SafeCloud 安全云平台 API",
        version="0.1.0",
        description="江阴市安全生产知识图谱与智能平台 / City work-safety knowledge graph",
        lifespan=lifespan,
    )
    app.state.container = container
    install_error_handlers(app)
    settings = container.settings
    # Innermost: checks a JSON body that the size limit (outside it) already bounded.
    app.add_middleware(UniqueJsonKeysMiddleware)
    app.add_middleware(  # inside the audit middleware: a refused body is audited too
        BodyLimitMiddleware,
        json_limit=settings.api.max_json_body_mb * MB,
        upload_limit=settings.plans.max_upload_mb * MB,
    )
    app.add_middleware(
        AuditMiddleware,
        audit_log=lambda: container.audit,
        resolve_principal=lambda headers: principal_from_headers(container, headers),
        clock=container.clock,
        client_of=container.client_of,
    )
    # Token mode: the guard makes every /api/v1 route but login need a session (api.deps).
    for module in (system, auth, users, enterprises, towns, models, audit, plans, events, chat):
        app.include_router(module.router, dependencies=[Depends(session_guard)])
    _mount_web(app, container.settings.api.web_dist)
    return app


def start_llm_warm_up(container: Container) -> None:
    """With ``chat.warm_up_llm``, a daemon thread has the model server evaluate the text-to-Cypher
    prompt's fixed prefix once (``agents.cypher.prompt_build.warm_up``), so the first question that
    needs the model does not pay for it. A failure is logged, never raised; requests never wait."""
    chat = container.chat
    if not container.settings.chat.warm_up_llm or chat is None or chat.chat_model is None:
        return
    from agents.cypher.prompt_build import warm_up

    def run() -> None:
        try:
            warm_up(chat.chat_model, container.graph)
        except Exception:  # best effort in the background (the graph may close at shutdown …)
            log.warning("text-to-Cypher warm-up stopped", exc_info=True)

    threading.Thread(target=run, name="llm-warm-up", daemon=True).start()


def start_relay_thread(container: Container) -> Callable[[], None]:
    """With ``event_bus.kind=kafka`` (and ``relay_in_server``), a daemon thread forwards the outbox to
    Kafka while the app runs; returns the function that stops it. A down broker only delays delivery:
    the thread backs off and retries, requests never wait for it."""
    cfg = container.settings.event_bus
    assert container.bus is not None
    if cfg.kind != "kafka" or not cfg.relay_in_server:
        return start_prune_thread(container)  # no relay thread to prune on its interval
    relay = build_relay(container.settings, container.bus)
    stop = threading.Event()
    thread = threading.Thread(
        target=relay.follow,
        args=(stop,),
        kwargs={"interval_s": cfg.relay_interval_s},
        name="outbox-relay",
        daemon=True,
    )
    thread.start()
    log.info("outbox relay to Kafka %s started", cfg.bootstrap_servers)

    def stop_relay() -> None:
        stop.set()
        thread.join(timeout=cfg.delivery_timeout_s + 5)
        try:
            relay.sink.close()
        except SafeCloudError as exc:  # what it did not deliver stays in the outbox for the next start
            log.warning("outbox relay: %s", exc.message)

    return stop_relay


def start_prune_thread(container: Container) -> Callable[[], None]:
    """Prune at start, then every ``prune_interval_s`` while the app runs (0: at start only), so a
    long-running server without a relay keeps its outbox bounded; returns the function that stops it."""
    prune_once(container)
    interval = container.settings.event_bus.prune_interval_s
    if interval <= 0:
        return lambda: None
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(interval):
            prune_once(container)

    thread = threading.Thread(target=loop, name="outbox-prune", daemon=True)
    thread.start()

    def stop_pruning() -> None:
        stop.set()
        thread.join(timeout=5)

    return stop_pruning


def prune_once(container: Container) -> None:
    """Prune outbox rows past retention; a failure is logged, never fatal to the server."""
    assert container.bus is not None
    try:
        report = container.bus.prune(retention_policy(container.settings))
    except SafeCloudError as exc:
        log.warning("outbox prune failed: %s", exc.message)
        return
    if report.removed:
        log.info("outbox pruned: %d rows removed, %d remain", report.removed, report.remaining)


# A missing file the page itself loads (a hashed bundle of an older build, still named by a cached
# index.html) must be a 404: index.html in its place fails as "MIME type text/html" — a blank page.
_ASSET_SUFFIXES = (".js", ".mjs", ".css", ".map", ".json", ".png", ".jpg", ".svg", ".ico", ".woff", ".woff2")


def _mount_web(app: FastAPI, dist: Path) -> None:
    """Serve the built SPA: real files as-is, missing assets 404, every other non-API path falls
    back to index.html, which is revalidated on each load so a new build's bundles are picked up."""
    dist = dist.resolve()
    index = dist / "index.html"

    @app.get("/{path:path}", include_in_schema=False)
    def spa(path: str) -> FileResponse:
        if path.startswith(("api/", "docs", "redoc", "openapi.json", "static-offline-docs")):
            raise HTTPException(status_code=404)
        candidate = (dist / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(dist):
            return FileResponse(candidate)
        if path.startswith("assets/") or path.lower().endswith(_ASSET_SUFFIXES):
            raise HTTPException(status_code=404)
        if not index.is_file():
            raise HTTPException(status_code=404, detail="前端未构建：请运行 make run 或 make web")
        return FileResponse(index, headers={"Cache-Control": "no-cache"})
