"""Pydantic validation errors in Chinese, for every boundary that shows them to users (the API's
request errors, a reviewer's edited plan field). Pure: only the error dicts pydantic produces."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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
        message = str(error.get("msg", "")).removeprefix("Value error, ").removeprefix("Assertion failed, ")
        if message.startswith("Expected UploadFile"):
            # FastAPI's words for a file part whose file name is empty (a script's upload, curl -F
            # "file=@-;filename="): they had reached users in English.
            return _NO_FILE_CHOSEN
        return message  # ours are Chinese; the CLI says Typer's choice errors in Chinese itself
    return f"值无效（{kind}）"


_NO_FILE_CHOSEN = "应为上传的文件：没有收到文件（未选择文件，或文件名为空），请选择要上传的文件"
