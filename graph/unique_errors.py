"""Both engines' uniqueness-constraint refusals as one typed ``UniqueConflictError``.

Neo4j raises ``ConstraintError`` (Neo.ClientError.Schema.ConstraintValidationFailed) naming label and
property; FalkorDB answers ``unique constraint violation on node of type <Label>`` without the
property. Callers that know which key they wrote re-raise with the holder named (plans/).
"""

from __future__ import annotations

import re

from core.errors import UniqueConflictError

_NEO4J = re.compile(r"label `(?P<label>[^`]+)` and propert(?:y|ies) `(?P<prop>[^`]+)`")
_FALKOR = re.compile(r"unique constraint violation on (?:node|edge) of type (?P<label>\w+)", re.I)


def unique_conflict(label: str | None, prop: str | None, cause: str) -> UniqueConflictError:
    what = f"{label}.{prop}" if label and prop else (label or "")
    return UniqueConflictError(
        f"保存失败：与已有数据重复（{what}），可能有人同时提交了相同内容，请刷新后查看",
        details={"label": label, "property": prop, "cause": cause},
    )


def from_neo4j(message: str) -> UniqueConflictError:
    m = _NEO4J.search(message or "")
    return unique_conflict(m["label"] if m else None, m["prop"] if m else None, message)


def falkor_unique_violation(exc: Exception) -> UniqueConflictError | None:
    """The typed conflict when FalkorDB refused a write on a unique constraint, else None."""
    m = _FALKOR.search(str(exc))
    return unique_conflict(m["label"], None, str(exc)) if m else None


__all__ = ["falkor_unique_violation", "from_neo4j", "unique_conflict"]
