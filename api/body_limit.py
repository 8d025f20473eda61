"""ASGI middleware that refuses request bodies larger than the API accepts, before reading them.

Without it a body of any size was read in full before a field's length check refused it: a 90 MB
JSON question held ~0.8 GB of memory, and an upload over the plan size limit was spooled to disk in
full first. Two limits: multipart uploads may carry a plan file (``plans.max_upload_mb`` plus room
for the form fields), every other body ``api.max_json_body_mb``. A declared ``Content-Length`` over
the limit is answered at once; a body streamed without one is cut off where it passes the limit.
Both answers are ``413 payload_too_large`` with a Chinese message, and are audited like any write
(the audit middleware sits outside this one).
"""

from __future__ import annotations

import json

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MB = 1024 * 1024
FORM_OVERHEAD = MB  # multipart boundaries and the plan form's text fields


def too_large_message(limit: int, *, upload: bool = False) -> str:
    if upload:  # the author thinks of the file, not the form around it
        return f"上传的文件超过大小上限 {(limit - FORM_OVERHEAD) // MB} MB"
    return f"请求体过大：超过上限 {limit // MB} MB"


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, *, json_limit: int, upload_limit: int) -> None:
        self.app = app
        self.json_limit = json_limit
        self.upload_limit = upload_limit + FORM_OVERHEAD

    def limit_for(self, headers: Headers) -> tuple[int, bool]:
        """The byte limit for this request, and whether it is a (multipart) upload."""
        multipart = headers.get("content-type", "").lower().startswith("multipart/form-data")
        return (self.upload_limit if multipart else self.json_limit), multipart

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        limit, upload = self.limit_for(headers)
        refusal = too_large_message(limit, upload=upload)
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _refuse(send, refusal, limit)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # FastAPI re-raises an HTTPException met while reading the body (any other
                    # error becomes a 400); the app's handler renders it as our JSON error body.
                    raise HTTPException(413, detail=refusal)
            return message

        await self.app(scope, limited_receive, send)


async def _refuse(send: Send, message: str, limit: int) -> None:
    body = json.dumps(
        {"code": "payload_too_large", "message": message, "details": {"limit_bytes": limit}},
        ensure_ascii=False,
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


__all__ = ["BodyLimitMiddleware", "too_large_message"]
