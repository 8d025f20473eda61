"""Places the parser found outside the caller's data scope are not named back to the caller.

The gazetteer knows the whole city, so a town officer's partial name ("江苏澜源") resolved to
another town's enterprise and the parsed filter echoed its registered name, credit code and town,
a way round the scope that every other path (enterprise pages, chat) refuses. Such a place is
replaced by a placeholder that matches nothing: the search still returns nothing for it (as for a
town outside the scope), the filter chip says why, and sending the chips back gives the same.
"""

from __future__ import annotations

from collections.abc import Callable

from core.event_search import EventFilter, PlaceFilter
from core.scope import DataScope, ScopeLevel

OUT_OF_SCOPE_ID = "out-of-scope"
OUT_OF_SCOPE_NAME = "（不在您的数据范围内的地点）"


TownOf = Callable[[PlaceFilter], str | None]


def _stated_town(place: PlaceFilter) -> str | None:
    return place.town


def outside(place: PlaceFilter, scope: DataScope, town_of: TownOf = _stated_town) -> bool:
    """``town_of`` gives the place's real town (the gazetteer's; a filter sent back may omit it)."""
    if place.id == OUT_OF_SCOPE_ID:
        return False  # already the placeholder
    if scope.level is ScopeLevel.TOWN:
        town = town_of(place)
        return town is not None and town != scope.town
    if scope.level is ScopeLevel.ENTERPRISE:
        return place.kind == "enterprise" and place.id != scope.enterprise_id
    return False


def redact_places(
    flt: EventFilter, scope: DataScope, town_of: TownOf = _stated_town
) -> tuple[EventFilter, list[str]]:
    """The filter with out-of-scope places replaced by the placeholder, and the warning to show."""
    hidden = [p for p in flt.places if outside(p, scope, town_of)]
    if not hidden:
        return flt, []
    places = [
        PlaceFilter(kind=p.kind, id=OUT_OF_SCOPE_ID, name=OUT_OF_SCOPE_NAME) if p in hidden else p
        for p in flt.places
    ]
    where = scope.town if scope.level is ScopeLevel.TOWN else "本单位"
    note = f"句中有 {len(hidden)} 个地点不在您的数据范围（{where}）内，不会返回其事件"
    return flt.model_copy(update={"places": places}), [note]


__all__ = ["OUT_OF_SCOPE_ID", "OUT_OF_SCOPE_NAME", "outside", "redact_places"]
