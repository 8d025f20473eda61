"""Link plans that have no parent into the plan system (预案体系) by the rule of ``plans.plan_tiers``.

Used by the demo install after it publishes the sample plans and by ``safecloud plans link-system``.
Each link goes through ``PlanCatalogue.set_parent`` (scope, cycle and order checks); a plan that
already has a parent keeps it, so a link a user set is never overwritten and a second run links
nothing new. Retired plans (已废止) take no part: a live plan must not answer to a retired one.
"""

from __future__ import annotations

import json
from typing import Any

from core.errors import SafeCloudError
from core.scope import Principal, ScopeLevel
from plans.catalogue import RETIRED, PlanCatalogue
from plans.models import OrphanPlan, SystemGraph
from plans.plan_orphans import orphans
from plans.plan_tiers import PlanNode, propose_links


def _accident_types(catalogue: PlanCatalogue, row: dict[str, Any]) -> list[str]:
    """All accident types of the enabled version (the plan node keeps only the first, its category)."""
    version_id = row.get("enabled_version_id")
    version = catalogue.repo.get_version(row["id"], version_id) if version_id else None
    if not version or not version.get("document"):
        return []
    return [str(t) for t in json.loads(version["document"]).get("accident_types") or []]


def _live_nodes(catalogue: PlanCatalogue, principal: Principal) -> list[PlanNode]:
    rows = [r for r in catalogue.repo.system(principal.scope) if r.get("status") != RETIRED]
    return [PlanNode.of(r, _accident_types(catalogue, r)) for r in rows]


def system_graph(catalogue: PlanCatalogue, principal: Principal) -> SystemGraph:
    """The plan-system view with its orphans: live plans without a parent that could have one,
    and why none exists (``plans.plan_orphans``)."""
    graph = catalogue.system(principal)
    scoped = principal.scope.level is not ScopeLevel.CITY
    found = orphans(_live_nodes(catalogue, principal), scoped=scoped)
    return graph.model_copy(update={"orphans": [OrphanPlan(**o) for o in found]})


def link_system(catalogue: PlanCatalogue, principal: Principal, *, dry_run: bool = False) -> dict[str, Any]:
    """Propose (and unless ``dry_run`` set) a parent for every live plan in scope that has none.

    Returns ``linked`` (child, parent, their titles and the reason, in Chinese), ``refused``
    (a proposal the catalogue's checks turned down, with its message) and ``orphans`` (plans left
    without a parent because none exists for them, with the reason, in Chinese)."""
    nodes = _live_nodes(catalogue, principal)
    titles = {n.id: n.title for n in nodes}
    linked, refused = [], []
    for p in propose_links(nodes):
        item = {
            "child": p.child,
            "child_title": titles[p.child],
            "parent": p.parent,
            "parent_title": titles[p.parent],
            "reason": p.reason,
        }
        try:
            if not dry_run:
                catalogue.set_parent(principal, p.child, p.parent)
        except SafeCloudError as exc:
            refused.append({**item, "error": exc.message})
            continue
        linked.append(item)
    roots = sum(not n.parents for n in nodes) - len(linked)
    scoped = principal.scope.level is not ScopeLevel.CITY
    return {"linked": linked, "refused": refused, "roots": roots, "orphans": orphans(nodes, scoped=scoped)}


__all__ = ["link_system", "system_graph"]
