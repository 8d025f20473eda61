"""LLM error types beyond ``core.errors.LLMError``.

    LLMError (core)                  code ``llm_error``; also ``llm_invalid_output``, ``llm_requests_disabled``
    ├── LLMUnavailableError          ``llm_unavailable``: server down, refused, 429 or 5xx (``retryable``)
    │   ├── LLMTimeoutError          ``llm_timeout``: no answer within the read timeout (not retried)
    │   └── LLMBusyError             ``llm_busy``: every concurrency slot stayed taken (not retried)
    └── PromptError                  ``prompt_invalid``: a prompt file or its inputs are wrong

``core.errors.RetryableError`` belongs to the graph branch, so the LLM branch carries its own
transient type with a ``retryable`` flag that the adapter's retry policy reads.
Messages are Chinese (they may reach users); details carry the technical facts.
"""

from __future__ import annotations

from core.errors import LLMError


class LLMUnavailableError(LLMError):
    """The model server could not serve the request. ``retryable`` says whether trying again may help."""

    code = "llm_unavailable"

    def __init__(
        self,
        message: str,
        *,
        retryable: bool = True,
        code: str | None = None,
        details: dict[str, object] | None = None,
    ) -> None:
        super().__init__(message, code=code, details=details)
        self.retryable = retryable


class LLMTimeoutError(LLMUnavailableError):
    code = "llm_timeout"

    def __init__(self, message: str, *, details: dict[str, object] | None = None) -> None:
        super().__init__(message, retryable=False, details=details)


class LLMBusyError(LLMUnavailableError):
    code = "llm_busy"

    def __init__(self, message: str, *, details: dict[str, object] | None = None) -> None:
        super().__init__(message, retryable=False, details=details)


class PromptError(LLMError):
    """A prompt file is malformed, or a render got missing or undeclared inputs."""

    code = "prompt_invalid"
