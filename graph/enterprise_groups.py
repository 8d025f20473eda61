"""The village and 行业 (category) of each enterprise behind a set of template rows.

"各村逾期没整改的隐患分别有几条", "按行业分一下还没整改的隐患": the thing templates return one row per
thing with its enterprise and town, but not the enterprise's village or category, so a per-village or
per-category count (ADR 0013, ``agents.chat.aggregate_run``) reads them here for the enterprises its
rows name, under the caller's data scope (a row outside it names no enterprise it may see).
"""

from __future__ import annotations

from collections.abc import Iterable

from core.ports import GraphStore
from core.scope import DataScope
from graph.queries import ENTERPRISE_SCOPE

# The templates' own scope predicate: a town officer's grouping reads their town's enterprises only.
ENTERPRISE_GROUPS = f"""MATCH (e:Enterprise) WHERE e.id IN $ids AND {ENTERPRISE_SCOPE}
RETURN e.id AS id, e.village AS village, e.category AS category"""

GROUP_FIELDS = ("village", "category")


def enterprise_groups(
    store: GraphStore, ids: Iterable[object], field: str, scope: DataScope
) -> dict[str, str]:
    """{enterprise id: its ``field`` ("village" or "category")} for ``ids``; ids without one are left out."""
    if field not in GROUP_FIELDS:
        raise ValueError(f"not a group field: {field}")
    wanted = sorted({str(i) for i in ids if i})
    if not wanted:
        return {}
    rows = store.read(ENTERPRISE_GROUPS, {"ids": wanted} | scope.as_params())
    return {str(r["id"]): str(r[field]) for r in rows if r.get(field)}


__all__ = ["ENTERPRISE_GROUPS", "GROUP_FIELDS", "enterprise_groups"]
