"""Places below a town: a caller names the village or community (马嘶村, 华西村) instead of the town.

Duty rosters, plans, events, cameras and operations are held per town, and nearest resources are
measured from the town, so a village stands for its town (the chat-robust17 convention). A village
name that two towns share (滨江社区) places nothing and is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from agents.chat.router import asks_plan
from agents.chat.slots import Gazetteer, Slots
from agents.chat.villages import VillageGazetteer, village_ids
from core.ports import GraphStore
from graph import queries as gq


def village_aliases(villages: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """``{village: town}`` for every village name that lies in exactly one town."""
    towns_of: dict[str, set[str]] = {}
    for row in villages:
        towns_of.setdefault(row["village"], set()).add(row["town"])
    return {name: next(iter(towns)) for name, towns in towns_of.items() if len(towns) == 1 and len(name) >= 3}


def with_villages(gazetteer: Gazetteer, villages: Iterable[Mapping[str, str]]) -> Gazetteer:
    """``gazetteer`` that also places the villages; a town's own names and aliases win over a village's.
    It keeps each village's id, the filter of enterprise questions (``agents.chat.villages``)."""
    rows = list(villages)
    return VillageGazetteer(gazetteer.towns, village_aliases(rows) | gazetteer.aliases, village_ids(rows))


# A road, station, tunnel, bridge or park said as the place (幸福路那边, 江阴高铁站附近): the graph holds
# towns and villages, no road or site, so one that names no town or village cannot be placed; answering
# for the whole city instead would be a made-up answer (chat-robust18). Not 道路/线路/管路/公路 (words).
_SITE = re.compile(
    r"(?:^|[\s，,。？?、在到离和与去])([\u4e00-\u9fff]{2,4}(?:(?<![道线管电思门出网马公水铁])路|大道|大街|隧道|大桥|"
    r"高铁站|火车站|汽车站|客运站|公园|广场|高速|服务区|收费站))"
)


def unknown_place(text: str, slots: Slots) -> str | None:
    """The road or site a question is placed at when it names no town or village (slots.town unset).

    None for a plan or incident question (an accident on 锡澄高速, 上学路上): records are held per town,
    but the plans that cover an accident on a road are the city's (transport, hazardous chemicals), so
    the road is where it happened, not a filter the graph must hold."""
    if slots.town or slots.enterprise_mention_strong or asks_plan(text):
        return None
    m = _SITE.search(text)
    return m.group(1) if m else None


def gazetteer_with_villages(store: GraphStore) -> Gazetteer:
    towns = store.read(gq.TOWNS, {"scope_town": None, "scope_enterprise": None})
    return with_villages(Gazetteer.from_towns(r["name"] for r in towns), store.read(gq.VILLAGES, {}))


__all__ = ["gazetteer_with_villages", "unknown_place", "village_aliases", "with_villages"]
