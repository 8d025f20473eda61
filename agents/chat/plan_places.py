"""Where a plan question's accident is, when the question names no town of the gazetteer.

A zone's plan covers the towns and parks its 适用范围 names ("临港经济开发区范围内（含利港街道、申港街道、
夏港街道和石利化工集中区）"). Three ways a question places its accident inside such a zone without
naming one of those towns:

* a park said by its own name, in any form ("石利化工园区", "石利集中区" for 石利化工集中区): the park is
  no town of the graph, but a plan whose scope names it applies there;
* a firm of the demo city said by its 字号 and trade ("伟创化学" for 江阴伟创化学有限公司): its town in
  the graph is the place, as when the firm's full name is said;
* a firm whose own plan is published but which the city's records do not hold (澄邦化学): its seat is
  the town its own plan names most — the 街道 it reports to, its neighbours, its 作业区. That seat
  places it inside a zone whose scope names the town; it does not make the town's own plans the
  firm's (a town a plan's body names in passing is not the town the caller said).

The result is read by ``agents.chat.plan_guide.rank``: ``place_plans`` (plan ids that count as the
asked place's plans) and, for a demo-city firm, ``enterprise_id`` bound before the query runs.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from agents.chat.plan_guide import is_public, names_issuer
from agents.chat.slots import GENERIC_PLACES, Gazetteer
from core.ports import GraphStore
from core.scope import DataScope
from graph.plan_place_queries import (
    enabled_plan_documents,
    enterprise_profile,
    enterprise_towns,
    plan_issuers,
    town_names,
)

# "石利化工集中区", "石利集中区", "石利化工园区", "滨江工业园": a proper name of two to four characters
# before the park word (化工/工业 may be dropped or swapped by the caller).
_PARK = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:化工|工业|经济)?(?:集中区|园区|工业园|产业园)")
# Words before a park word that are no park's name: "我们这边化工集中区", "这个园区".
_NOT_A_NAME = re.compile(r"我们|咱们|本|这|那|辖区|附近|一个|一家|某|化工|工业|开发")

_FIRM_AFFIXES = re.compile(
    r"^(?:江苏省?|无锡市?|江阴市?)|(?:股份|集团)?有限(?:责任)?公司.*$|(?:股份|集团)公司.*$"
)


def park_names(question: str) -> list[str]:
    """The proper names of the parks a question says ("石利" of 石利化工园区)."""
    names = []
    for m in _PARK.finditer(question):
        name = m.group(1)
        if not _NOT_A_NAME.search(name):
            names.append(name)
    return names


def core_name(full: str) -> str:
    """A firm's 字号 and trade, as people say it: 江阴伟创化学有限公司 → 伟创化学."""
    return _FIRM_AFFIXES.sub("", full)


def firm_in_question(store: GraphStore, question: str, scope: DataScope) -> tuple[str, str | None] | None:
    """(id, town) of the one demo-city firm whose 字号 and trade the question holds, within the
    caller's scope; None when none or several do."""
    hits = []
    for row in enterprise_towns(store):
        core = core_name(str(row.get("name") or ""))
        town = row.get("town")
        if len(core) >= 4 and core in question and (town is None or scope.allows_town(str(town))):
            hits.append((str(row["id"]), str(town) if town else None))
    return hits[0] if len(hits) == 1 else None


def another_issuer_named(store: GraphStore, params: Mapping[str, Any], question: str) -> bool:
    """The question names the issuer of an enabled plan ("江阴澄宇化工…") that is not the firm the chat
    resolved its words to (a near name of the demo city, 富宇化工): the accident is the issuer's, so the
    resolved firm's town must not filter the issuer's plan out (it is filed under its own seat)."""
    firm = params.get("enterprise_id")
    if not firm:
        return False
    named = [str(p["issuing_unit"]) for p in plan_issuers(store) if names_issuer(p, question)]
    if not named:
        return False
    resolved = core_name(str((enterprise_profile(store, str(firm)) or {}).get("name") or ""))
    return all(core_name(u) != resolved for u in named)


def seat(document: str, gazetteer: Gazetteer) -> str | None:
    """The town a firm's plan names most (full names and short forms: 申港作业区 is 申港's), or None
    when it names none or two towns equally often."""
    counts: Counter[str] = Counter(
        town for said, town in gazetteer.find(document) if said not in GENERIC_PLACES
    )
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _scope_of(document: str) -> str:
    try:
        return str(json.loads(document).get("scope") or "")
    except (ValueError, AttributeError):
        return ""


def _zone(row: Mapping[str, Any]) -> bool:
    """A public plan whose scope names several towns (a zone's, or a joint plan)."""
    return is_public(row) and len(row.get("towns") or []) > 1


def place_plans(
    store: GraphStore, rows: Sequence[Mapping[str, Any]], params: Mapping[str, Any], question: str
) -> list[str]:
    """Ids of the plans that are the asked place's by a park said or a named firm's seat (module doc).
    Only when the question placed the accident nowhere else (no town, no firm of the graph)."""
    if params.get("town") or params.get("enterprise_id") or not rows:
        return []
    parks = park_names(question)
    firms = [r for r in rows if not is_public(r) and names_issuer(r, question)]
    if (
        not firms
    ):  # the named firm's plan is for another accident (H2S, a fire asked): its seat still places it
        firms = [p for p in plan_issuers(store) if not is_public(p) and names_issuer(p, question)]
    if not parks and not firms:
        return []
    zones = [r for r in rows if _zone(r)]
    docs = enabled_plan_documents(store, [str(r["id"]) for r in zones + firms])
    found = [str(r["id"]) for r in zones if any(p in _scope_of(docs.get(str(r["id"]), "")) for p in parks)]
    if firms:
        gazetteer = Gazetteer.from_towns(town_names(store))
        seats = {s for f in firms if (s := seat(docs.get(str(f["id"]), ""), gazetteer))}
        found += [str(r["id"]) for r in zones if seats & set(r.get("towns") or [])]
    return list(dict.fromkeys(found))


__all__ = ["another_issuer_named", "core_name", "firm_in_question", "park_names", "place_plans", "seat"]
