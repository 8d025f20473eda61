"""Query builders for idempotent batch upserts, and the model → row mapping.

Labels and relationship types are identifiers taken from ``graph.schema`` (an allow-list), never
from input; every value travels as a ``$rows`` parameter.
"""

from __future__ import annotations

from enum import Enum
from functools import cache
from typing import Any

from core.geo import grid_cell
from core.models import Entity
from graph.schema import LABELS, RELATIONSHIPS, SELF, RelSpec


def _ident(name: str) -> str:
    if not name.replace("_", "").isalnum() or not name.isascii():
        raise ValueError(f"not a schema identifier: {name!r}")
    return name


def _node_ref(label: str, field: str, owner: str, var: str) -> tuple[str, str]:
    """Returns (variable, optional-match clause or '') for one end of a relationship."""
    if label == owner and field == SELF:
        return "n", ""
    return var, f"OPTIONAL MATCH ({var}:{_ident(label)} {{id: row.refs.{_ident(field)}}})"


@cache
def upsert_query(label: str) -> str:
    """UNWIND $rows → MERGE node by id, SET props, MERGE each declared relationship.

    ``row`` = ``{id, props: {...}, refs: {field: id|null}}``. A missing optional end is skipped
    by the FOREACH-over-CASE idiom, which both Neo4j and FalkorDB run.
    """
    if label not in LABELS:
        raise ValueError(f"unknown label {label!r}")
    lines = [
        "UNWIND $rows AS row",
        f"MERGE (n:{_ident(label)} {{id: row.id}})",
        "SET n += row.props",
    ]
    for i, spec in enumerate(RELATIONSHIPS[label]):
        src, src_match = _node_ref(spec.src_label, spec.src_field, label, f"s{i}")
        dst, dst_match = _node_ref(spec.dst_label, spec.dst_field, label, f"d{i}")
        lines.append("WITH n, row")
        lines.extend(m for m in (src_match, dst_match) if m)
        present = " AND ".join(f"{v} IS NOT NULL" for v in (src, dst) if v != "n") or "true"
        lines.append(
            f"FOREACH (_ IN CASE WHEN {present} THEN [1] ELSE [] END | "
            f"MERGE ({src})-[:{_ident(spec.rel)}]->({dst}))"
        )
    lines.append("RETURN count(*) AS written")
    return "\n".join(lines)


@cache
def naive_upsert_queries(label: str) -> tuple[str, ...]:
    """Per-row statements (benchmark baseline): one MERGE for the node, one per relationship."""
    node = f"MERGE (n:{_ident(label)} {{id: $id}}) SET n += $props"
    rels = []
    for spec in RELATIONSHIPS[label]:
        rels.append(
            f"MATCH (a:{_ident(spec.src_label)} {{id: $src}}) MATCH (b:{_ident(spec.dst_label)} {{id: $dst}}) "
            f"MERGE (a)-[:{_ident(spec.rel)}]->(b)"
        )
    return (node, *rels)


def reference_fields(label: str) -> dict[str, tuple[str, bool]]:
    """field → (target label, required) for every foreign end declared for ``label``."""
    out: dict[str, tuple[str, bool]] = {}
    for spec in RELATIONSHIPS[label]:
        for target, field in spec.other_end(label):
            prev = out.get(field)
            out[field] = (target, spec.required or (prev[1] if prev else False))
    return out


def _value(v: Any) -> Any:
    if isinstance(v, Enum):
        return v.value
    if isinstance(v, (tuple, list)):
        return [_value(x) for x in v]
    return v


def entity_row(entity: Entity) -> dict[str, Any]:
    """Graph row for one entity: all fields as properties (references too, so filters stay
    cheap), references repeated under ``refs`` for the relationship MERGEs."""
    props = {k: _value(v) for k, v in entity.__dict__.items()}
    if isinstance(props.get("lat"), float) and isinstance(props.get("lon"), float):
        props["grid"] = grid_cell(props["lat"], props["lon"])
    refs = {field: props.get(field) for field in reference_fields(entity.label)}
    return {"id": entity.id, "props": props, "refs": refs}


def relationship_types() -> list[RelSpec]:
    return [spec for specs in RELATIONSHIPS.values() for spec in specs]
