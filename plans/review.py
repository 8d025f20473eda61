"""Field-level review of an extracted plan: which values a person accepted, edited or rejected.

The review state is a map ``JSON pointer → status`` kept next to the document on the version.
Fields are the leaves of the plan (scalars and list-of-string items) outside ``sections`` and
``sources``; only ``accepted``/``edited`` fields become graph facts (plans.graph_mapping).
Edits are written into the document and the whole document is re-validated against
``EmergencyPlan``, so an edit can never produce a plan the rest of the system cannot read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from pydantic import ValidationError as PydanticValidationError

from core.errors import ValidationError
from core.plan_document import EmergencyPlan, SourceRef
from core.plan_keys import strip_invisible
from core.validation_messages import field_message
from plans.models import VERIFIED, Decision, ReviewField, SourceBlock
from plans.review_values import check_edited_values

NOT_REVIEWED = frozenset({"sections", "sources"})
# One edit holds what a reviewer types or pastes for one field or row; far more is a slip (a whole
# file pasted into a title), and every later review page would carry it.
MAX_EDIT_CHARS = 20_000

SECTION_NAMES = {
    "title": "基本信息",
    "plan_type": "基本信息",
    "issuing_unit": "基本信息",
    "version": "基本信息",
    "issued_at": "基本信息",
    "scope": "总则",
    "purpose": "总则",
    "basis": "总则",
    "accident_types": "总则",
    "warning_levels": "预警",
    "response_levels": "应急响应",
    "org_units": "组织机构及职责",
    "reporting": "信息报告",
    "resources": "应急保障",
    "contacts": "附件·通讯录",
}

ReviewState = dict[str, str]  # JSON pointer → ReviewStatus


# ---- JSON pointers (RFC 6901) ---------------------------------------------------------------
def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def split_pointer(pointer: str) -> list[str]:
    if not pointer.startswith("/"):
        raise ValidationError(f"字段路径无效：{pointer}（应以 / 开头）", code="invalid_field")
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/")]


_INDEX = re.compile(r"0|[1-9][0-9]*")  # RFC 6901 array index: ASCII digits, no leading zero


def _index(token: str, pointer: str) -> int | None:
    """A list position, or None when ``token`` is no number. "01" named the same row as "1", so one
    field had two review-state keys; it is refused, as "１" (full-width) and "²" are."""
    if _INDEX.fullmatch(token):
        return int(token)
    if token.isdigit():
        raise ValidationError(
            f"字段路径无效：{pointer}（数组下标应为不带前导零的半角数字，例如 /response_levels/1）",
            code="invalid_field",
        )
    return None


def _step(node: Any, token: str, pointer: str) -> Any:
    if isinstance(node, dict) and token in node:
        return node[token]
    if isinstance(node, list):
        i = _index(token, pointer)
        if i is not None and i < len(node):
            return node[i]
    raise ValidationError(f"字段不存在：{pointer}", code="unknown_field")


def resolve(doc: Any, pointer: str) -> Any:
    node = doc
    for token in split_pointer(pointer):
        node = _step(node, token, pointer)
    return node


def assign(doc: Any, pointer: str, value: Any) -> None:
    tokens = split_pointer(pointer)
    parent = doc
    for token in tokens[:-1]:
        parent = _step(parent, token, pointer)
    last = tokens[-1]
    if isinstance(parent, dict) and last in parent:
        parent[last] = value
    elif isinstance(parent, list) and (i := _index(last, pointer)) is not None and i < len(parent):
        parent[i] = value
    else:
        raise ValidationError(f"字段不存在：{pointer}", code="unknown_field")


def _leaves(node: Any, prefix: str) -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, f"{prefix}/{_escape(key)}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _leaves(value, f"{prefix}/{i}")
    elif node not in (None, ""):
        yield prefix, node


def leaf_fields(plan: EmergencyPlan) -> list[tuple[str, Any]]:
    """(pointer, value) for every non-empty reviewable leaf, in document order."""
    doc = plan.model_dump(mode="json")
    return [
        leaf for key, value in doc.items() if key not in NOT_REVIEWED for leaf in _leaves(value, f"/{key}")
    ]


def source_index(plan: EmergencyPlan) -> dict[str, SourceRef]:
    return {s.field: s for s in plan.sources}


def source_for(pointer: str, sources: Mapping[str, SourceRef]) -> SourceRef | None:
    """The field's own source, else the nearest ancestor's (a row extracted as a whole)."""
    path = pointer
    while path:
        if path in sources:
            return sources[path]
        path = path.rsplit("/", 1)[0]
    return None


# ---- the review state machine --------------------------------------------------------------
def initial_state(plan: EmergencyPlan, *, manual: bool = False) -> ReviewState:
    """Every extracted field starts pending; values typed by a person (templates, forms) start accepted."""
    status = "accepted" if manual else "pending"
    return {pointer: status for pointer, _ in leaf_fields(plan)}


def status_of(state: Mapping[str, str], pointer: str) -> str:
    return state.get(pointer, "pending")


def is_verified(state: Mapping[str, str], pointer: str) -> bool:
    return state.get(pointer) in VERIFIED


def review_fields(plan: EmergencyPlan, state: Mapping[str, str]) -> list[ReviewField]:
    sources = source_index(plan)
    out = []
    for pointer, value in leaf_fields(plan):
        src = source_for(pointer, sources)
        out.append(
            ReviewField(
                field=pointer,
                section=SECTION_NAMES.get(split_pointer(pointer)[0], "其他"),
                value=value,
                status=status_of(state, pointer),
                confidence=src.confidence if src else None,
                source=src,
            )
        )
    return out


def with_origins(fields: list[ReviewField], blocks: Iterable[SourceBlock]) -> list[ReviewField]:
    """Each field with the author's text of its source block where the importer rewrote that block
    (a key-value table row, a bullet, a Q/A pair): the reviewer checks the value against what was
    written, not against the joining words the rewrite added."""
    origins = {b.paragraph: b.origin_text for b in blocks if b.origin_text}
    return [
        f.model_copy(update={"source_origin": origins.get(f.source.paragraph)}) if f.source else f
        for f in fields
    ]


def _check_reviewable(pointer: str) -> None:
    if split_pointer(pointer)[0] in NOT_REVIEWED:
        raise ValidationError(f"字段 {pointer} 为来源记录，不能审核", code="invalid_field")


def apply_decisions(
    plan: EmergencyPlan, state: Mapping[str, str], decisions: Iterable[Decision]
) -> tuple[EmergencyPlan, ReviewState]:
    """Apply accept/edit/reject decisions. All-or-nothing: one bad decision rejects the batch."""
    doc = plan.model_dump(mode="json")
    new_state: ReviewState = dict(state)
    for d in decisions:
        _check_reviewable(d.field)
        resolve(doc, d.field)  # unknown pointer → 422 before anything changes
        if d.action == "edit":
            if d.value is None:
                raise ValidationError(f"修改字段 {d.field} 时必须提供新值", code="missing_value")
            if len(json.dumps(d.value, ensure_ascii=False)) > MAX_EDIT_CHARS:
                raise ValidationError(
                    f"字段 {d.field} 修改后的值过长（上限 {MAX_EDIT_CHARS} 字），请精简后再保存",
                    code="value_too_long",
                )
            value = strip_invisible(d.value)  # zero-width, BOM, bidi: dropped as in uploaded names
            check_edited_values([(d.field, value), *_leaves(value, d.field)])
            assign(doc, d.field, value)
            new_state[d.field] = "edited"
            # A row or list typed by a person (e.g. a whole response level) is verified leaf by leaf.
            for pointer, _ in _leaves(value, d.field):
                new_state[pointer] = "edited"
        else:
            new_state[d.field] = "accepted" if d.action == "accept" else "rejected"
    try:
        edited = EmergencyPlan.model_validate(doc)
    except PydanticValidationError as exc:
        problems = "；".join(
            f"/{'/'.join(str(p) for p in e['loc'])}：{field_message(e)}" for e in exc.errors()
        )
        raise ValidationError(
            f"修改后的值不符合预案结构：{problems}",
            code="invalid_field_value",
            details={
                "errors": [
                    {"field": "/" + "/".join(str(p) for p in e["loc"]), "type": e["type"]}
                    for e in exc.errors()
                ]
            },
        ) from exc
    return edited, new_state


def accept_above(plan: EmergencyPlan, state: Mapping[str, str], threshold: float) -> tuple[ReviewState, int]:
    """Accept every still-pending field whose source confidence is ≥ ``threshold``."""
    new_state: ReviewState = dict(state)
    accepted = 0
    for f in review_fields(plan, state):
        if f.status == "pending" and f.confidence is not None and f.confidence >= threshold:
            new_state[f.field] = "accepted"
            accepted += 1
    return new_state, accepted


def counts(fields: Iterable[ReviewField]) -> dict[str, int]:
    out = {"pending": 0, "accepted": 0, "edited": 0, "rejected": 0}
    for f in fields:
        out[f.status] += 1
    return out
