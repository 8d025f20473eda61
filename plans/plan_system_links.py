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
from core.scope import Principal
from plans.catalogue import RETIRED, PlanCatalogue
from plans.plan_tiers import PlanNode, propose_links


def _accident_types(catalogue: PlanCatalogue, row: dict[str, Any]) -> list[str]:
    """All accident types of the enabled version (the plan node keeps only the first, its category)."""
    version_id = row.get("enabled_version_id")
    version = catalogue.repo.get_version(row["id"], version_id) if version_id else None
    if not version or not version.get("document"):
        return []
    return [str(t) for t in json.loads(version["document"]).get("accident_types") or []]


def link_system(catalogue: PlanCatalogue, principal: Principal, *, dry_run: bool = False) -> dict[str, Any]:
    """Propose (and unless ``dry_run`` set) a parent for every live plan in scope that has none.

    Returns ``linked`` (child, parent, their titles and the reason, in Chinese) and ``refused``
    (a proposal the catalogue's checks turned down, with its message)."""
    rows = [r for r in catalogue.repo.system(principal.scope) if r.get("status") != RETIRED]
    nodes = [PlanNode.of(r, _accident_types(catalogue, r)) for r in rows]
    titles = {r["id"]: r["title"] for r in rows}
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
    return {"linked": linked, "refused": refused, "roots": roots}


__all__ = ["link_system"]
