"""Read ``Settings.llm`` without importing ``api`` (dependencies point inward): structural types.

``api.settings.LlmSettings`` satisfies ``LlmConfig`` and ``api.settings.Settings`` satisfies
``HasLlm``; the factories accept either.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from pydantic import SecretStr

from core.errors import ConfigError

DEFAULT_MODELS = {
    "0.5b": "qwen2.5-coder-0.5b-instruct",
    "1.5b": "qwen2.5-coder-1.5b-instruct",
}
LOCAL_API_KEY = "sk-local-no-key"  # placeholder for clients that insist on a key; local servers ignore it


class LlmConfig(Protocol):
    @property
    def backend(self) -> str: ...
    @property
    def base_url(self) -> str | None: ...
    @property
    def api_key(self) -> SecretStr | None: ...
    @property
    def model(self) -> str | None: ...
    @property
    def size(self) -> str: ...
    @property
    def host(self) -> str: ...
    @property
    def port(self) -> int: ...
    @property
    def context(self) -> int: ...
    @property
    def timeout_s(self) -> float: ...
    @property
    def max_concurrency(self) -> int: ...
    @property
    def max_retries(self) -> int: ...
    @property
    def allow_requests(self) -> bool: ...


class HasLlm(Protocol):
    @property
    def llm(self) -> LlmConfig: ...


@dataclass(frozen=True)
class Endpoint:
    backend: str
    base_url: str
    model: str
    api_key: str | None


def llm_config(settings: HasLlm | LlmConfig) -> LlmConfig:
    """``settings.llm`` for a whole Settings object, else ``settings`` itself."""
    inner = getattr(settings, "llm", None)
    return inner if inner is not None else settings  # type: ignore[return-value]


def endpoint_for(cfg: LlmConfig) -> Endpoint:
    """Where to send chat requests. ``base_url`` unset → the embedded llama.cpp server."""
    key = cfg.api_key.get_secret_value() if cfg.api_key else None
    if cfg.base_url:
        base_url = cfg.base_url.rstrip("/")
    elif cfg.backend == "llama_cpp":
        base_url = f"http://{cfg.host}:{cfg.port}/v1"
    else:
        raise ConfigError(f"LLM 后端为 {cfg.backend} 时必须设置 SAFECLOUD_LLM__BASE_URL")
    if cfg.model:
        model = cfg.model
    elif cfg.backend == "llama_cpp":
        model = DEFAULT_MODELS.get(cfg.size, DEFAULT_MODELS["1.5b"])
    else:
        raise ConfigError(f"LLM 后端为 {cfg.backend} 时必须设置 SAFECLOUD_LLM__MODEL（服务端的模型名）")
    if cfg.backend == "openai" and not key:
        raise ConfigError("云端 LLM 需要 API 密钥，请设置 SAFECLOUD_LLM__API_KEY")
    return Endpoint(backend=cfg.backend, base_url=base_url, model=model, api_key=key)
