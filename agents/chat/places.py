"""Places below a town: a caller names the village or community (马嘶村, 华西村) instead of the town.

Duty rosters, plans, events, cameras and operations are held per town, and nearest resources are
measured from the town, so a village stands for its town (the chat-robust17 convention). A village
name that two towns share (滨江社区) places nothing and is left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from agents.chat.slots import Gazetteer
from core.ports import GraphStore
from graph import queries as gq


def village_aliases(villages: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """``{village: town}`` for every village name that lies in exactly one town."""
    towns_of: dict[str, set[str]] = {}
    for row in villages:
        towns_of.setdefault(row["village"], set()).add(row["town"])
    return {name: next(iter(towns)) for name, towns in towns_of.items() if len(towns) == 1 and len(name) >= 3}


def with_villages(gazetteer: Gazetteer, villages: Iterable[Mapping[str, str]]) -> Gazetteer:
    """``gazetteer`` that also places the villages; a town's own names and aliases win over a village's."""
    return Gazetteer(gazetteer.towns, village_aliases(villages) | gazetteer.aliases)


def gazetteer_with_villages(store: GraphStore) -> Gazetteer:
    towns = store.read(gq.TOWNS, {"scope_town": None, "scope_enterprise": None})
    return with_villages(Gazetteer.from_towns(r["name"] for r in towns), store.read(gq.VILLAGES, {}))


__all__ = ["gazetteer_with_villages", "village_aliases", "with_villages"]
