"""The only place that maps SafeCloud errors to HTTP. Bodies: ``{"code", "message", "details"}``."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

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

_DATETIME_ZH = "应为有效的日期时间（ISO 8601，例如 2025-11-01T08:00:00+08:00）"
_FIELD_ZH = {
    "missing": "缺少必填参数",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "float_parsing": "应为数字",
    "float_type": "应为数字",
    "finite_number": "应为有限的数字",
    "bool_parsing": "应为 true 或 false",
    "bool_type": "应为 true 或 false",
    "string_type": "应为字符串",
    "string_unicode": "应为有效的 UTF-8 文本",
    "string_pattern_mismatch": "格式不正确",
    "dict_type": "应为 JSON 对象",
    "model_type": "应为 JSON 对象",
    "model_attributes_type": "应为 JSON 对象",
    "list_type": "应为列表",
    "extra_forbidden": "不支持该字段",
    "json_invalid": "JSON 格式无效",
    "json_type": "应为 JSON",
    "datetime_parsing": _DATETIME_ZH,
    "datetime_from_date_parsing": _DATETIME_ZH,
    "datetime_type": _DATETIME_ZH,
    "date_parsing": "应为有效的日期（YYYY-MM-DD）",
    "date_from_datetime_parsing": "应为有效的日期（YYYY-MM-DD）",
    "date_type": "应为有效的日期（YYYY-MM-DD）",
}
# Types whose message needs the constraint from the error's context.
_BOUND_ZH = {
    "greater_than_equal": ("ge", "应大于或等于 {}"),
    "greater_than": ("gt", "应大于 {}"),
    "less_than_equal": ("le", "应小于或等于 {}"),
    "less_than": ("lt", "应小于 {}"),
    "string_too_short": ("min_length", "至少 {} 个字符"),
    "string_too_long": ("max_length", "最多 {} 个字符"),
    "too_short": ("min_length", "至少 {} 项"),
    "too_long": ("max_length", "最多 {} 项"),
    "literal_error": ("expected", "取值应为 {}"),
    "enum": ("expected", "取值应为 {}"),
}

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


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def field_message(error: Mapping[str, Any]) -> str:
    """One pydantic error in Chinese. Our own validators already raise Chinese ``value_error``s."""
    kind = str(error.get("type", ""))
    if kind in _FIELD_ZH:
        return _FIELD_ZH[kind]
    ctx = error.get("ctx") or {}
    if kind in _BOUND_ZH:
        key, template = _BOUND_ZH[kind]
        return template.format(str(ctx.get(key, "?")).replace(" or ", " 或 "))
    if kind in ("value_error", "assertion_error"):
        return str(error.get("msg", "")).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return f"值无效（{kind}）"


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
        detail = exc.detail if isinstance(exc.detail, str) else ""
        if exc.status_code != 404 and _has_chinese(detail):
            message = detail  # raised by our own code, already for users
        else:
            message = _HTTP_ZH.get(exc.status_code, f"请求失败（HTTP {exc.status_code}）")
        code = "not_found" if exc.status_code == 404 else "http_error"
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
