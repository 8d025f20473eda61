"""LangChain's view of the same endpoint: ``langchain_chat_model(settings) -> BaseChatModel``.

For agent code built on LangChain/LangGraph components. It reads the very ``Settings.llm`` group
that ``build_chat_model`` reads, so both talk to one server (embedded llama.cpp, vLLM or cloud).
``langchain_openai`` is imported inside the function: importing ``agents.llm`` stays light.
Local servers need no key; ``ChatOpenAI`` insists on one, so they get a placeholder.

The kill switch applies here too: ``allow_requests=False`` raises
``LLMError(code="llm_requests_disabled")`` instead of returning a client that could reach a server.
Do not call ``get_num_tokens`` on the result offline: it makes ``tiktoken`` download its encodings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from agents.llm.config import LOCAL_API_KEY, HasLlm, LlmConfig, endpoint_for, llm_config
from agents.llm.openai_chat_model import REQUESTS_DISABLED
from core.errors import LLMError

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel


def langchain_chat_model(settings: HasLlm | LlmConfig, **overrides: Any) -> BaseChatModel:
    """A ``langchain_openai.ChatOpenAI`` for ``settings`` (a ``Settings`` or its ``llm`` group).

    ``overrides`` go to ``ChatOpenAI`` as given (e.g. ``temperature=0.2``, ``max_tokens=256``).
    """
    cfg = llm_config(settings)
    endpoint = endpoint_for(cfg)
    if not cfg.allow_requests:
        raise LLMError(
            "语言模型调用已被禁用（SAFECLOUD_LLM__ALLOW_REQUESTS=false）",
            code=REQUESTS_DISABLED,
            details={"base_url": endpoint.base_url},
        )
    from langchain_openai import ChatOpenAI
    from pydantic import SecretStr

    options: dict[str, Any] = {
        "model": endpoint.model,
        "base_url": endpoint.base_url,
        "api_key": SecretStr(endpoint.api_key or LOCAL_API_KEY),
        "timeout": cfg.timeout_s,
        "max_retries": cfg.max_retries,
        "temperature": 0.0,
    }
    options.update(overrides)
    return ChatOpenAI(**options)
