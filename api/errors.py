"""The only place that maps SafeCloud errors to HTTP. Bodies: ``{"code", "message", "details"}``."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from agents.search.errors import SearchError
from core.errors import (
    AuthenticationError,
    ConfigError,
    ConflictError,
    DocumentError,
    EventBusError,
    GraphError,
    LLMError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    RetryableError,
    SafeCloudError,
    UniqueConflictError,
    ValidationError,
)
from core.validation_messages import field_message

log = logging.getLogger(__name__)

_STATUS: list[tuple[type[SafeCloudError], int]] = [
    (ValidationError, 422),
    (DocumentError, 422),  # an uploaded document that cannot be read (encrypted, corrupt, not a plan)
    (NotFoundError, 404),
    (AuthenticationError, 401),
    (PermissionDeniedError, 403),
    (RateLimitedError, 429),
    # Before GraphError: a write the graph refused on a unique key is the caller's conflict, not an outage.
    (UniqueConflictError, 409),
    (ConflictError, 409),
    (RetryableError, 503),
    (EventBusError, 503),  # API writes never raise it (events go to the outbox); kept for completeness
    (GraphError, 502),
    # Upstream services, not bugs: the search index busy or down (e.g. its folder held by a CLI
    # rebuild) and the language model failing are a 503 / 502 the caller may retry, not a 500.
    (SearchError, 503),
    (LLMError, 502),
    (ConfigError, 500),
]

# Framework refusals (routing, body parsing) carry English details; users get these instead.
_HTTP_ZH = {
    400: "请求格式无效（无法解析请求体）",
    401: "未认证，请先登录",
    403: "没有权限访问该资源",
    404: "资源不存在",
    405: "该地址不支持此请求方法",
    413: "请求体过大",
    415: "不支持的请求内容类型",
}


# Stable codes for the framework refusals clients branch on (api.body_limit raises the 413).
# A 422 raised while reading the body (api.json_body: a key named twice) is a request refused as invalid.
_HTTP_CODES = {404: "not_found", 413: "payload_too_large", 422: "invalid_request"}


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def status_for(exc: SafeCloudError) -> int:
    return next((status for cls, status in _STATUS if isinstance(exc, cls)), 500)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(SafeCloudError)
    async def _safecloud(_: Request, exc: SafeCloudError) -> JSONResponse:
        status = status_for(exc)
        if status >= 500:
            log.error("request failed: %s %s", exc.code, exc.message)
        # RFC 6750: a 401 names the scheme the client must use (the session's bearer token).
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        if status == 429:  # RFC 9110: how many seconds to wait, for clients that retry on their own
            headers = {"Retry-After": str(exc.details.get("retry_after_seconds", 60))}
        return JSONResponse(
            {"code": exc.code, "message": exc.message, "details": exc.details},
            status_code=status,
            headers=headers,
        )

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        # A bug, not bad input: the trace goes to the log; users get the same JSON body as any
        # other error (Starlette's plain-text "Internal Server Error" broke the console's parsing).
        log.error("unhandled error", exc_info=exc)
        return JSONResponse(
            {"code": "internal_error", "message": "服务器内部错误，请稍后重试", "details": {}},
            status_code=500,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else ""
        if exc.status_code != 404 and _has_chinese(detail):
            message = detail  # raised by our own code, already for users
        else:
            message = _HTTP_ZH.get(exc.status_code, f"请求失败（HTTP {exc.status_code}）")
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        details = {"detail": detail} if detail and detail != message else {}
        return JSONResponse(
            {"code": code, "message": message, "details": details},
            status_code=exc.status_code,
            headers=exc.headers,
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}：{field_message(e)}"
            for e in exc.errors()
        ]
        return JSONResponse(
            {
                "code": "invalid_request",
                "message": "请求参数无效：" + "；".join(problems),
                "details": {"errors": [{"loc": list(e["loc"]), "type": e["type"]} for e in exc.errors()]},
            },
            status_code=422,
        )
