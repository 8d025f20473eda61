"""SafeCloud error hierarchy.

    SafeCloudError                 root; carries a stable ``code``, a Chinese ``message`` and ``details``
    ├── ConfigError                settings or environment unusable
    ├── ValidationError            bad input (user data, rows, parameters)
    │   └── (core.standards.uscc.UsccError)
    ├── NotFoundError              an entity that should exist does not
    ├── AuthenticationError        no valid session, or a login refused (wrong password, locked account)
    ├── PermissionDeniedError      outside the principal's data scope
    ├── RateLimitedError           too many attempts from one client (logins); ``retry_after_seconds``
    ├── ConflictError              the request clashes with what is stored (a retired plan, a duplicate)
    │   └── UniqueConflictError    a uniqueness constraint of the graph refused the write (also a GraphError)
    ├── GraphError                 the graph engine failed or refused a query
    │   └── RetryableError         transient failure (deadlock, leader switch, connection reset)
    ├── DocumentError              a document could not be parsed
    ├── LLMError                   the language model failed or gave unusable output
    └── EventBusError              the event bus (outbox, Kafka) could not store or deliver a message

HTTP status mapping lives only in ``api/errors.py``. Messages meant for users are Chinese.
"""

from __future__ import annotations


class SafeCloudError(Exception):
    """Root of all SafeCloud errors."""

    code = "safecloud_error"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        details: dict[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.details = details or {}


class ConfigError(SafeCloudError):
    code = "config_error"


class ValidationError(SafeCloudError):
    code = "validation_error"


class NotFoundError(SafeCloudError):
    code = "not_found"


class AuthenticationError(SafeCloudError):
    code = "unauthenticated"


class PermissionDeniedError(SafeCloudError):
    code = "permission_denied"


class RateLimitedError(SafeCloudError):
    """Refused for a while, whatever the request says; ``details["retry_after_seconds"]`` says how long."""

    code = "too_many_attempts"


class ConflictError(SafeCloudError):
    code = "conflict"


class GraphError(SafeCloudError):
    code = "graph_error"


class RetryableError(GraphError):
    code = "graph_unavailable"


class UniqueConflictError(ConflictError, GraphError):
    """A write refused by a uniqueness constraint of the store (two workers took one plan title,
    version number, upload or template name at once). Raised by the graph adapters with the label
    and property in ``details``; the plan workflow re-raises it naming the plan, version or template
    that holds the value. Also a ``GraphError`` (the store refused the query, nothing was written),
    so code that handles refused queries keeps doing so; HTTP sees the conflict (409)."""

    code = "unique_conflict"


class DocumentError(SafeCloudError):
    code = "document_error"


class LLMError(SafeCloudError):
    code = "llm_error"


class EventBusError(SafeCloudError):
    """The outbox could not be written or read, or the broker did not acknowledge a message.

    Never raised through an API write: domain events go to the outbox, and the relay retries."""

    code = "event_bus_error"
