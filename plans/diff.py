"""Field-by-field difference of two plan documents, at JSON-pointer level.

Lists are compared by position (plans keep document order, and the review pointers are
positional too), so "the second response level's trigger changed" reads as
``/response_levels/1/trigger changed``. Provenance (``sources``) is not compared: re-importing the
same text with a different layout is not a change of the plan.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from plans.models import FieldChange

IGNORED = frozenset({"sources"})


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _walk(old: Any, new: Any, pointer: str) -> Iterator[FieldChange]:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old, *(k for k in new if k not in old)]:
            if not pointer and key in IGNORED:
                continue
            child = f"{pointer}/{_escape(key)}"
            if key not in new:
                yield FieldChange(field=child, change="removed", old=old[key])
            elif key not in old:
                yield FieldChange(field=child, change="added", new=new[key])
            else:
                yield from _walk(old[key], new[key], child)
    elif isinstance(old, list) and isinstance(new, list):
        for i in range(max(len(old), len(new))):
            child = f"{pointer}/{i}"
            if i >= len(new):
                yield FieldChange(field=child, change="removed", old=old[i])
            elif i >= len(old):
                yield FieldChange(field=child, change="added", new=new[i])
            else:
                yield from _walk(old[i], new[i], child)
    elif old != new:
        if old in (None, "", []) and new not in (None, "", []):
            yield FieldChange(field=pointer, change="added", new=new)
        elif new in (None, "", []) and old not in (None, "", []):
            yield FieldChange(field=pointer, change="removed", old=old)
        else:
            yield FieldChange(field=pointer, change="changed", old=old, new=new)


def diff_documents(old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    """Changes that turn ``old`` into ``new`` (both ``EmergencyPlan.model_dump(mode="json")``)."""
    return list(_walk(old, new, ""))
