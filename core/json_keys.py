"""JSON objects that name one key twice, refused wherever untrusted JSON is read.

``{"town": "华士镇", "town": "临港经济开发区"}`` is valid JSON, and Python's ``json`` keeps the last
value in silence: a request body or an imported line meant two things at once, and whichever the
sender (or a proxy, a log, another parser that keeps the first) believed was written is a guess.
The API (``api.json_body``) and ``safecloud import`` (``ingestion.rows``) refuse such an object,
naming the key, instead of choosing for the user.
"""

from __future__ import annotations

import json
from typing import Any

from core.errors import ValidationError


class DuplicateJsonKeyError(ValidationError):
    """A JSON object names ``key`` more than once."""

    code = "duplicate_json_key"

    def __init__(self, key: str) -> None:
        super().__init__(
            f"字段“{key}”在同一个 JSON 对象中出现了多次，无法确定以哪一个为准，请只保留一个",
            details={"key": key},
        )
        self.key = key


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``json``'s ``object_pairs_hook``: the object, or ``DuplicateJsonKeyError`` on a repeated key."""
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise DuplicateJsonKeyError(key)
        obj[key] = value
    return obj


def loads_unique(text: str | bytes) -> Any:
    """``json.loads`` refusing repeated keys at any depth (``json.JSONDecodeError`` as usual)."""
    return json.loads(text, object_pairs_hook=unique_keys)
