"""Whose a demo plan is: a firm's plan goes to its own demo firm or to its town, never to the whole city.

The sample corpus holds real-looking plans of firms the generated demo city does not hold (江阴澄邦化学,
江阴澄宇化工 …). Filed by their name alone most landed city-wide (no town in the firm's name), and a
city-wide plan is shown to every town and every enterprise user: each of them saw other companies' plans
in the plan list and in the dispatch guide. A plan's jurisdiction is therefore read as a real filing
would set it:

* public issuers (a government, a department, a zone's committee, a village committee): the town its
  title or issuer names, else city-wide — unchanged;
* a firm's plan (its issuer is a company, works or group, or it is a 现场处置方案): the demo firm of that
  name when the city holds it; else the firm's town — the town its name carries, else the seat its own
  text names most (``agents.chat.plan_places.seat``), else the town of the demo firm whose name shares
  most characters with the issuer. It is not handed to another demo firm: the guide would then tell
  that firm's people to follow a stranger's plan as their own (正中化工 given 澄宇化工's plan);
* another private issuer (a hospital, a school, a venue's 管理处), or none read and the title names no
  public body: its town (name or seat), not a firm.

Deterministic: the same corpus over the same city gives the same owners on every ``make demo``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from agents.chat.plan_guide import is_public, names_public_body
from agents.chat.plan_places import core_name, seat
from agents.chat.slots import Gazetteer

_FIRM_MARKS = ("公司", "厂", "集团")


@dataclass(frozen=True)
class Owner:
    town: str | None
    enterprise_id: str | None = None


def _is_firm(issuing_unit: str, plan_type: str | None) -> bool:
    return plan_type == "现场处置方案" or any(mark in issuing_unit for mark in _FIRM_MARKS)


def _likeness(issuer: str, name: str) -> int:
    """Characters of the issuer's 字号 and trade the firm's name also holds (江阴 and the suffix dropped)."""
    core = core_name(issuer)
    return len(set(core) & set(core_name(name)))


def owner(
    plan: Mapping[str, Any],
    named_town: str | None,
    document: str,
    firms: Sequence[Mapping[str, Any]],
    towns: Sequence[str],
) -> Owner:
    """The town and firm a sample plan is filed under. ``plan``: title, issuing_unit, plan_type;
    ``named_town``: the town its title or issuer names (``api.demo_plans._town_of``); ``document``: its
    text (for the seat); ``firms``: the demo firms (id, name, town)."""
    issuer = str(plan.get("issuing_unit") or "")
    # No issuer read and no public body in the title (江阴市体育中心…, 江阴临港物流园…): a venue's or a
    # park operator's plan, not the city's; a department's title names it (…消防救援大队…).
    unknown = not issuer and not names_public_body(str(plan.get("title") or ""))
    if is_public(plan) and not _is_firm(issuer, plan.get("plan_type")) and not unknown:
        return Owner(named_town)
    town = named_town or seat(document, Gazetteer.from_towns(towns))
    if not _is_firm(issuer, plan.get("plan_type")):  # a hospital, a school, a venue: its town only
        return Owner(town)
    same = [f for f in firms if core_name(str(f.get("name") or "")) == core_name(issuer)]
    if same:
        return Owner(str(same[0].get("town") or "") or None, str(same[0]["id"]))
    if town:
        return Owner(town)
    if not firms:
        return Owner(None)
    # Neither its name nor its text places it: the town of the demo firm most like it (a 化工 firm's
    # plan goes where chemical works are), so it is still some town's, never the whole city's.
    best = max(firms, key=lambda f: (_likeness(issuer, str(f.get("name") or "")), str(f["id"])))
    return Owner(str(best.get("town") or "") or None)


__all__ = ["Owner", "owner"]
