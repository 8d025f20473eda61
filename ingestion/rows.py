"""Untrusted rows (JSON lines from other systems) → validated domain entities.

Each bad row yields a ``RowError`` naming the line and field with a Chinese message; good rows
go on to the loader, so one malformed line never loses the rest of a file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pydantic

from core.errors import SafeCloudError
from core.json_keys import DuplicateJsonKeyError, loads_unique
from core.models import ENTITY_TYPES, Entity
from core.observed_times import implausible_times, out_of_order_times

_BY_NAME: dict[str, type[Entity]] = {t.label.lower(): t for t in ENTITY_TYPES}

_TYPE_ZH = {
    "missing": "缺少必填字段",
    "extra_forbidden": "未知字段",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "greater_than": "数值过小",
    "enum": "取值不在允许范围内",
    "string_too_short": "不能为空",
    "float_parsing": "应为数字",
    "int_parsing": "应为整数",
    "bool_parsing": "应为布尔值",
    "value_error": "取值无效",
    # A lone UTF-16 surrogate ("\\ud800") is legal JSON but no character: it cannot be stored.
    "string_unicode": "不是有效的文本（含有不成对的代理字符 \\uD800–\\uDFFF）",
}


@dataclass(frozen=True)
class LineError:
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"第 {self.line} 行 字段 {self.field}：{self.message}"


class LineErrorLog:
    """One import's line errors: every one counted, the first ``keep`` kept to report. A file of
    30 000 bad lines had printed 300 000 errors (17 MB of JSON) and held them all in memory."""

    def __init__(self, keep: int = 1000) -> None:
        self.keep = keep
        self.kept: list[LineError] = []
        self.total = 0
        self.lines = 0  # lines with at least one error (errors arrive in line order)
        self._last_line = 0

    def append(self, error: LineError) -> None:
        self.total += 1
        if error.line != self._last_line:
            self.lines, self._last_line = self.lines + 1, error.line
        if len(self.kept) < self.keep:
            self.kept.append(error)

    def extend(self, errors: Iterable[LineError]) -> None:
        for error in errors:
            self.append(error)

    def report(self) -> dict[str, object]:
        """The import summary's part: the kept errors, the count, and a note when some were left out."""
        out: dict[str, object] = {"line_errors": [str(e) for e in self.kept], "line_errors_total": self.total}
        if self.total > len(self.kept):
            out["line_errors_note"] = (
                f"共 {self.lines} 行有误（{self.total} 处），仅列出前 {len(self.kept)} 处"
            )
        return out


def entity_type(name: str) -> type[Entity]:
    try:
        key = name.lower()
        return _BY_NAME[key] if key in _BY_NAME else _BY_NAME[key.removesuffix("s")]
    except KeyError:
        raise SafeCloudError(f"未知的数据类型：{name}", code="unknown_entity_type") from None


# The json module's reasons, said in Chinese: "不是合法的 JSON（Expecting value，第 1 列）" had
# reached the operator half in English. An unknown reason is kept as it is.
_JSON_ZH = {
    "Expecting value": "缺少值",
    "Expecting property name enclosed in double quotes": "字段名须用英文双引号括起来",
    "Expecting ',' delimiter": "缺少英文逗号",
    "Expecting ':' delimiter": "缺少英文冒号",
    "Extra data": "一行只能有一个 JSON 对象，之后还有多余内容",
    "Unterminated string starting at": "字符串缺少结尾的英文双引号",
    "Invalid control character at": "字符串中有控制字符（如未转义的换行或制表符）",
    "Invalid \\escape": "无效的反斜杠转义",
    "Invalid \\uXXXX escape": "无效的 \\u 转义",
}


def json_problem(msg: str) -> str:
    return _JSON_ZH.get(msg, msg)


NOT_UTF8 = "不是 UTF-8 编码（可能是 GBK/GB2312 导出的文件），请将文件另存为 UTF-8 编码后重新导入"


def _text(line: str | bytes, number: int) -> str:
    """A line as text: bytes are decoded as UTF-8 here, line by line, so a file saved as GBK is one
    Chinese error per line rather than a traceback halfway through a load. The byte-order mark that
    Windows Notepad puts first is dropped (``json`` refuses it, and the first row was lost)."""
    text = line.decode("utf-8") if isinstance(line, bytes) else line
    return text.removeprefix("\ufeff") if number == 1 else text


_ZIP, _OLE2 = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
NOT_JSON_LINES = (
    '文件不是 JSON Lines 格式（每行一个 JSON 对象，如 {{"id": …}}），看起来是{what}；'
    "请在导出时选择 JSON Lines（.jsonl），或把表格转换为每行一个 JSON 对象后重新导入"
)


def spreadsheet_kind(head: bytes) -> str | None:
    """What a file handed to the JSON-lines import really is, judged from its first bytes: an Excel
    workbook (.xlsx is a zip, .xls an OLE2 file) or comma/tab-separated text whose first line is not
    a JSON object. None when it may be JSON lines (every line is then judged on its own). Without
    it a CSV gave one "不是合法的 JSON" per row and a workbook a line of binary noise."""
    if head.startswith(_ZIP) or head.startswith(_OLE2):
        return "Excel 工作簿（.xlsx/.xls）或其他压缩文件"
    first = next((ln for ln in head.splitlines() if ln.strip()), b"")
    first = first.removeprefix(b"\xef\xbb\xbf").strip()
    if first and not first.startswith((b"{", b"[")) and (b"," in first or b"\t" in first):
        return "CSV 或制表符分隔的表格文本"
    return None


def _own_reason(cause: object) -> str | None:
    """The Chinese reason a model validator gave (值班结束时间必须晚于开始时间): the generic
    "取值无效" had replaced it, and the user could not tell what to fix."""
    text = str(cause) if isinstance(cause, ValueError) else ""
    return text if any("\u4e00" <= ch <= "\u9fff" for ch in text) else None


def _nul_fields(data: Any, path: str = "") -> Iterator[str]:
    """The fields of a decoded line whose text holds a NUL (the graph cannot store one: it had
    stopped the whole import with one error instead of refusing the line)."""
    if isinstance(data, str):
        if "\x00" in data:
            yield path or "-"
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _nul_fields(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _nul_fields(value, f"{path}.{i}" if path else str(i))


NUL_IN_FIELD = "含有不允许的控制字符（NUL），请删除后重试"


def parse_jsonl(
    kind: type[Entity],
    lines: Iterable[str | bytes],
    errors: list[LineError] | LineErrorLog,
    *,
    now_ms: int | None = None,
) -> Iterator[Entity]:
    """Yield valid entities; append one ``LineError`` per problem to ``errors``. ``now_ms``: also
    refuse observation times before 2000 or in the future (``core.observed_times``)."""
    for number, raw in enumerate(lines, start=1):
        try:
            line = _text(raw, number)
        except UnicodeDecodeError:
            errors.append(LineError(number, "-", NOT_UTF8))
            continue
        if not line.strip():
            continue
        try:
            data = loads_unique(line)
        except DuplicateJsonKeyError as exc:
            errors.append(LineError(number, exc.key, exc.message))
            continue
        except json.JSONDecodeError as exc:
            errors.append(
                LineError(number, "-", f"不是合法的 JSON（{json_problem(exc.msg)}，第 {exc.colno} 列）")
            )
            continue
        if not isinstance(data, dict):
            errors.append(LineError(number, "-", "每行必须是一个 JSON 对象"))
            continue
        if nul := list(_nul_fields(data)):
            errors.extend(LineError(number, field, NUL_IN_FIELD) for field in nul)
            continue
        if kind.label == "Enterprise" and "uscc" in data and "id" not in data:
            data["id"] = data.pop("uscc")
        try:
            entity = kind.model_validate(data)
        except SafeCloudError as exc:  # e.g. UsccError raised inside a model validator
            errors.append(LineError(number, "id", exc.message))
        except pydantic.ValidationError as exc:
            for err in exc.errors():
                field = ".".join(str(p) for p in err["loc"]) or "-"
                cause = err.get("ctx", {}).get("error")
                message = (
                    getattr(cause, "message", None)
                    or _own_reason(cause)
                    or _TYPE_ZH.get(err["type"], err["msg"])
                )
                errors.append(LineError(number, field, message))
        else:
            problems = implausible_times(entity, now_ms) if now_ms is not None else []
            problems += out_of_order_times(entity)
            errors.extend(LineError(number, field, message) for field, message in problems)
            if not problems:
                yield entity
