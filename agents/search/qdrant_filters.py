"""Plain payload filters as Qdrant ``Filter``s, and the payload index type a sample value wants.

Filters (``Mapping[str, Any]``): ``str``/``int``/``bool`` → exact match, a list/tuple/set →
any of, ``{"gte": …, "lte": …, "gt": …, "lt": …}`` → range (numbers; ISO strings → datetime
range), ``None`` → ignored. Keys are payload keys, e.g. ``town``, ``category``, ``type``,
``time`` (epoch ms) or a data-scope key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from qdrant_client import models

from core.errors import ValidationError


def build_filter(filters: Mapping[str, Any] | None) -> models.Filter | None:
    """Payload filter from a plain mapping (see the module docstring)."""
    if not filters:
        return None
    must: list[models.Condition] = []
    for key, value in filters.items():
        if value is None:
            continue
        if isinstance(value, Mapping):
            bounds = {k: value[k] for k in ("gt", "gte", "lt", "lte") if value.get(k) is not None}
            unknown = set(value) - {"gt", "gte", "lt", "lte"}
            if unknown or not bounds:
                raise ValidationError(
                    f"过滤条件 {key} 的范围写法无效：只支持 gt/gte/lt/lte", code="invalid_filter"
                )
            if all(isinstance(v, str) for v in bounds.values()):
                must.append(models.FieldCondition(key=key, range=models.DatetimeRange(**bounds)))
            else:
                must.append(models.FieldCondition(key=key, range=models.Range(**bounds)))
        elif isinstance(value, list | tuple | set | frozenset):
            options = list(value)
            if not options:
                raise ValidationError(f"过滤条件 {key} 的候选值为空", code="invalid_filter")
            must.append(models.FieldCondition(key=key, match=models.MatchAny(any=options)))
        elif isinstance(value, bool | int | str):
            must.append(models.FieldCondition(key=key, match=models.MatchValue(value=value)))
        elif isinstance(value, float):
            must.append(models.FieldCondition(key=key, range=models.Range(gte=value, lte=value)))
        else:
            raise ValidationError(
                f"过滤条件 {key} 的值类型不受支持：{type(value).__name__}", code="invalid_filter"
            )
    return models.Filter(must=must) if must else None


def schema_for(value: Any) -> models.PayloadSchemaType:
    """The payload index type for a key whose values look like ``value`` (a list: its first item)."""
    if isinstance(value, list | tuple) and value:
        value = value[0]
    if isinstance(value, bool):
        return models.PayloadSchemaType.BOOL
    if isinstance(value, int):
        return models.PayloadSchemaType.INTEGER
    if isinstance(value, float):
        return models.PayloadSchemaType.FLOAT
    return models.PayloadSchemaType.KEYWORD
