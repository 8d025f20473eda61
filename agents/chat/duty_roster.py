"""Whose roster "今天谁值班" means: the caller's own town's, else the city's (issue #5 §2).

A town officer asking "今天谁值班" / "现在谁在岗" wants their own town's duty officers, and an
enterprise user wants the town the enterprise is in (whom to call); a city-level caller the city's.
Before, every caller who named no town got the 市级 roster, and an enterprise user got nothing at all
(the template shut out the enterprise scope). Who may see which shifts stays in the query's scope
parameters (``duty_now``: a town scope sees its town and the city, an enterprise scope its
enterprise's town and the city); this module only picks which of those the question means.

A town with no shift at that time ("华士镇现在谁值班" before the town's roster is entered) says so and
shows the 市级 roster: the duty officer still needs someone to call.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core.errors import NotFoundError
from core.ports import GraphStore
from core.scope import DataScope, ScopeLevel
from graph.repository import SafetyGraphRepository

FALLBACK_KEY = "duty_town_without_shift"  # the town asked for, when its roster was empty


def own_town(
    params: dict[str, Any], scope: DataScope, repository: SafetyGraphRepository, *, city_said: bool
) -> dict[str, Any]:
    """``params`` with the caller's own town when the question named no town and did not ask for the
    city's roster (``city_said``: "市里今天谁带班")."""
    if params.get("town") or city_said:
        return params
    town = scope.town if scope.level is ScopeLevel.TOWN else None
    if scope.level is ScopeLevel.ENTERPRISE and scope.enterprise_id:
        try:
            town = repository.get_enterprise(scope, scope.enterprise_id).town
        except NotFoundError:
            town = None  # an enterprise not in the graph: the city's roster, which it may see
    return params | {"town": town, "duty_city": None} if town else params


def with_city_fallback(
    cypher: str, params: dict[str, Any], rows: list[dict[str, Any]], store: GraphStore
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The city's roster when the town asked for has no shift then; ``params`` say which town was empty."""
    if rows or not params.get("town"):
        return params, rows
    city = params | {"town": None, "duty_city": True}
    city_rows = [dict(r) for r in store.read(cypher, {k: v for k, v in city.items() if k != "window_label"})]
    return city | {FALLBACK_KEY: params["town"]}, city_rows


def fallback_note(params: Mapping[str, Any]) -> str:
    """The sentence before the city's roster when the town's was empty, or ""."""
    town = params.get(FALLBACK_KEY)
    when = params.get("window_label") or "当前"
    return f"{town}{when}没有值班安排，以下为市级值班：\n" if town else ""
