"""Chat models behind the ``core.ports.ChatModel`` port.

* ``OpenAIChatModel`` (``openai_chat_model.py``) — the one adapter for vLLM, the embedded llama.cpp
  server and cloud endpoints (responses read by ``openai_protocol.py``); ``FakeChatModel``
  (``fake_chat_model.py``) — ``fn(messages) -> str`` for tests; both share ``structured.py`` (schema,
  validation, re-ask).
* ``prompts.py`` loads the versioned templates of ``prompts/<task>/v<N>.toml``; ``vocab.py``
  normalises generated values to closed vocabularies; ``extraction.py`` holds ``PlanFacts`` and the
  deterministic baseline extractor; ``langchain_bridge.py`` gives LangChain the same endpoint.

``build_chat_model(settings)`` is what the composition root calls.
"""

from __future__ import annotations

from agents.llm.config import HasLlm, LlmConfig, endpoint_for, llm_config
from agents.llm.openai_chat_model import Backend, OpenAIChatModel
from core.errors import ConfigError

__all__ = ["OpenAIChatModel", "build_chat_model"]

_BACKENDS: dict[str, Backend] = {"llama_cpp": "llama_cpp", "vllm": "vllm", "openai": "openai"}


def build_chat_model(settings: HasLlm | LlmConfig) -> OpenAIChatModel:
    """The ChatModel for ``settings`` (a ``Settings`` or its ``llm`` group). No I/O.

    Typed as the concrete adapter (a ``ChatModel``) so the composition root can ``close()`` it.

    ``base_url`` unset → ``http://{llm.host}:{llm.port}/v1``, the embedded llama.cpp server, serving
    ``qwen2.5-coder-{llm.size}-instruct`` unless ``llm.model`` names another alias.
    """
    cfg = llm_config(settings)
    endpoint = endpoint_for(cfg)
    backend = _BACKENDS.get(endpoint.backend)
    if backend is None:
        raise ConfigError(f"未知的 LLM 后端：{endpoint.backend}")
    return OpenAIChatModel(
        base_url=endpoint.base_url,
        model=endpoint.model,
        backend=backend,
        api_key=endpoint.api_key,
        timeout_s=cfg.timeout_s,
        max_concurrency=cfg.max_concurrency,
        max_retries=cfg.max_retries,
        context_tokens=cfg.context,
        allow_requests=cfg.allow_requests,
    )
