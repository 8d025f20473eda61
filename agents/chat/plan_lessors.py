"""A 厂中厂 lessee's accident is also its lessor's: the lessor's plans for its whole 厂区 apply.

A firm renting a workshop in another firm's works (厂中厂) is inside the lessor's 厂区: the lessor's
own plans whose accident types cover the incident are the ones its site is run under, whether or not the
caller says the lessor's 字号 ("益锦塑业的注塑车间着火了" — 益锦 rents from 兴利机电). The lease is in the
graph (``(lessee)-[:LEASES_FROM]->(:Lessor)<-[:ACTS_AS]-(lessor firm)``, ``graph.plan_place_queries``),
so the lessor's plans are read for the lessee named (the same ``plan_for`` query, the accident filter and
the caller's plan scope still apply) and placed as the accident's place's plans (``place_plans``), after
the lessee's own. A 现场处置方案 is written for one room or post of the lessor, not its whole 厂区, so it
is left out; a lessor that is a person or a village collective holds no plans.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from agents.chat.plan_places import firm_in_question
from core.ports import GraphStore
from core.scope import DataScope
from graph.plan_place_queries import lessor_firms

Read = Callable[[dict[str, Any]], list[dict[str, Any]]]


def with_lessor_plans(
    store: GraphStore,
    rows: Sequence[Mapping[str, Any]],
    params: Mapping[str, Any],
    question: str,
    scope: DataScope,
    read: Read,
) -> tuple[list[dict[str, Any]], list[str]]:
    """``rows`` with the lessors' plans added, and the ids of those added."""
    found = [dict(r) for r in rows]
    firm = params.get("enterprise_id") or (firm_in_question(store, question, scope) or (None,))[0]
    if not firm:
        return found, []
    have = {r.get("id") for r in found}
    added: list[str] = []
    for lessor in lessor_firms(store, str(firm), scope.town):
        for row in read({**params, "enterprise_id": lessor, "town": None}):
            own = row.get("enterprise_id") == lessor or lessor in (row.get("enterprises") or [])
            if own and row.get("plan_type") != "现场处置方案" and row.get("id") not in have:
                found.append(dict(row))
                have.add(row.get("id"))
                added.append(str(row.get("id")))
    return found, added


__all__ = ["with_lessor_plans"]
