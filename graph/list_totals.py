"""The true number of rows a listing template matches, past the rows it returned.

List templates end with ``LIMIT $limit`` (500 by default), so a city-wide list of 1,571 risk points
came back as 500 rows and the answer said "共查到 500" (chatfix3, chat-2608). The same query without
its cut, wrapped in a counting subquery, gives the total under the same slots and data scope.
"""

from __future__ import annotations

import re
from typing import Any

from core.ports import GraphStore

# The cut every list template ends with; a query without it returned all its rows already.
_TAIL_LIMIT = re.compile(r"\s+LIMIT\s+\$limit\s*;?\s*$", re.IGNORECASE)


def total_rows(store: GraphStore, cypher: str, params: dict[str, Any]) -> int | None:
    """How many rows ``cypher`` matches without its trailing ``LIMIT $limit``; None when it has none."""
    if not _TAIL_LIMIT.search(cypher):
        return None
    inner = _TAIL_LIMIT.sub("", cypher)
    rows = store.read(f"CALL {{\n{inner}\n}}\nRETURN count(*) AS n", params)
    return int(rows[0]["n"]) if rows else 0


__all__ = ["total_rows"]
