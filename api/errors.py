"""The only place that maps SafeCloud errors to HTTP. Bodies: ``{"code", "message", "details"}``."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from core.errors import (
    ConfigError,
    DocumentError,
    GraphError,
    NotFoundError,
    PermissionDeniedError,
    RetryableError,
    SafeCloudError,
    ValidationError,
)

log = logging.getLogger(__name__)

_STATUS: list[tuple[type[SafeCloudError], int]] = [
    (ValidationError, 422),
    (DocumentError, 422),  # an uploaded document that cannot be read (encrypted, corrupt, not a plan)
    (NotFoundError, 404),
    (PermissionDeniedError, 403),
    (RetryableError, 503),
    (GraphError, 502),
    (ConfigError, 500),
]

_FIELD_ZH = {"missing": "缺少必填参数", "int_parsing": "应为整数", "float_parsing": "应为数字"}


def status_for(exc: SafeCloudError) -> int:
    return next((status for cls, status in _STATUS if isinstance(exc, cls)), 500)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(SafeCloudError)
    async def _safecloud(_: Request, exc: SafeCloudError) -> JSONResponse:
        status = status_for(exc)
        if status >= 500:
            log.error("request failed: %s %s", exc.code, exc.message)
        return JSONResponse(
            {"code": exc.code, "message": exc.message, "details": exc.details}, status_code=status
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) and exc.status_code != 404 else "资源不存在"
        code = "not_found" if exc.status_code == 404 else "http_error"
        return JSONResponse({"code": code, "message": message, "details": {}}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}：{_FIELD_ZH.get(e['type'], e['msg'])}"
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
