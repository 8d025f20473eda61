"""ASGI middleware that refuses a JSON request body naming one key twice (``core.json_keys``).

FastAPI parses bodies with ``json.loads``, which keeps the last of two values in silence: a plan
node sent with ``"town"`` twice was written to whichever came last. The body is checked as it
arrives (a JSON body is small and bounded by ``api.body_limit``, which sits outside this one);
uploads (multipart) pass untouched. The refusal is a 422 with the Chinese message, rendered by the
app's handler, and audited like any write (the audit middleware is outside too).
"""

from __future__ import annotations

import email.message

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.json_keys import DuplicateJsonKeyError, loads_unique

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def parsed_as_json(headers: Headers) -> bool:
    """Whether FastAPI will read this body as JSON: a JSON media type, or none declared."""
    declared = headers.get("content-type")
    if not declared:
        return True
    message = email.message.Message()
    message["content-type"] = declared
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json")
    )


def duplicate_key_message(body: bytes) -> str | None:
    """The Chinese refusal for a body with a repeated key; None for any other body (bad JSON too:
    FastAPI reports that itself)."""
    try:
        loads_unique(body)
    except DuplicateJsonKeyError as exc:
        return exc.message
    except (ValueError, RecursionError):
        return None
    return None


class UniqueJsonKeysMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in _BODY_METHODS
            or not scope["path"].startswith("/api/")
            or not parsed_as_json(Headers(scope=scope))
        ):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []

        async def checked_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    refusal = duplicate_key_message(b"".join(chunks))
                    chunks.clear()
                    if refusal is not None:
                        # FastAPI re-raises an HTTPException met while reading the body; the app's
                        # handler renders it as our JSON error body (as api.body_limit's 413).
                        raise HTTPException(422, detail=refusal)
            return message

        await self.app(scope, checked_receive, send)


__all__ = ["UniqueJsonKeysMiddleware", "duplicate_key_message"]
