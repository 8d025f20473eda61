"""Villages, communities and park parcels as a filter on enterprise questions (马嘶村有几家企业).

Enterprise records carry their village (``e.village`` = the Village id, "新桥镇/马嘶村"), so the
enterprise list and count templates narrow to it; records held per town (duty, events, cameras) keep
standing for the town (``agents.chat.places``). The names are the graph's own villages, never a fixed
list. A park the graph does not hold (华士工业园) is reported unknown, naming the parks it does hold,
instead of being answered with its town's or the city's firms (held-out 61 convention (4)).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from agents.chat.router import asks_plan
from agents.chat.slots import Gazetteer, Slots, normalise_question

# A park said by name: 华士工业园, 璜土化工园区, 石利港区. Its name part is cut at a function word
# ("企业在化工园区" names 化工园区). 开发区 and 高新区 are towns' aliases (临港, 城东), not parks here.
_PARK = re.compile(r"[\u4e00-\u9fff]{0,4}(?:工业园区|工业园|产业园|科技园|工业区|集中区|园区|港区)")
_FUNCTION_WORD = re.compile(r".*[的在和与及里有是个家那这哪些到去]")
_PARK_SUFFIX = re.compile(r"(?:工业园区|工业园|产业园|科技园|工业区|集中区|园区|港区)$")
# Firms counted or listed ("有几家", "有哪些", "名单"): only then is an unheld park declined; a park said
# as an accident's scene ("石利集中区里一家企业苯泄漏") is where it happened, not a filter.
_FIRMS_ASKED = re.compile(r"(?:几|多少)家|哪(?:些|几家)|名单|清单|列(?:一下|出)")
# "我们园区", "本园区", "各园区": the caller's own or every park, no name (``agents.chat.ownscope``).
_NO_NAME = re.compile(r"^(?:我们?|咱们?|本|该|这|那|各|每|哪|全|其他|所在|所属|整个)")


@dataclass(frozen=True)
class VillageGazetteer(Gazetteer):
    """The towns' gazetteer plus every village name → its Village ids (one name may lie in two towns)."""

    villages: dict[str, tuple[str, ...]] = field(default_factory=dict)


def village_ids(rows: Iterable[Mapping[str, str]]) -> dict[str, tuple[str, ...]]:
    """``{name: (id, …)}`` from ``graph.queries.VILLAGES`` rows; names under three characters are left
    out (a two-character name such as 新村 is more often a word than the place)."""
    ids: dict[str, list[str]] = {}
    for row in rows:
        if len(row["village"]) >= 3:
            ids.setdefault(row["village"], []).append(row.get("id") or f"{row['town']}/{row['village']}")
    return {name: tuple(sorted(v)) for name, v in ids.items()}


def _park_said(text: str) -> str | None:
    for m in _PARK.finditer(text):
        name = _FUNCTION_WORD.sub("", m.group())
        if len(_PARK_SUFFIX.sub("", name)) >= 2 and not _NO_NAME.match(name):  # "工业园区" alone: no name
            return name
    return None


def narrow(text: str, slots: Slots, gazetteer: Gazetteer) -> Slots:
    """``slots`` with the village said (its town too when no town was), or with an unheld park as
    ``unknown_town`` (and no town) so the question is declined rather than answered for a wider place.

    A village of a town other than the one said is no match; a name two towns share places nothing
    unless the town is said. A village inside the firm's own name (马嘶村加油站) is no filter."""
    if not isinstance(gazetteer, VillageGazetteer):
        return slots
    said = normalise_question(text)
    named = slots.enterprise_mention if slots.enterprise_mention_strong else None
    for name in sorted(gazetteer.villages, key=len, reverse=True):
        if name not in said or (named and name in named):
            continue
        ids = [i for i in gazetteer.villages[name] if slots.town is None or i.startswith(f"{slots.town}/")]
        if len(ids) == 1:
            slots.village, slots.town = ids[0], slots.town or ids[0].split("/", 1)[0]
            return slots
    park = _park_said(said)  # "璜土化工园区" is 璜土镇's own park (a held kind); a plan's scene is no filter
    if (
        park
        and not (named and park in named)
        and park not in gazetteer.names()
        and not any(name in park for name in gazetteer.villages)
        and not asks_plan(said)
        and _FIRMS_ASKED.search(said)
    ):
        slots.unknown_town, slots.town = park, None
    return slots


def not_found(name: str, gazetteer: Gazetteer) -> str:
    """The decline for a place the graph does not hold; for a park, the parks it does hold."""
    held = sorted(
        i.replace("/", "") for ids in getattr(gazetteer, "villages", {}).values() for i in ids
        if _PARK_SUFFIX.search(i)
    )  # fmt: skip
    if _PARK_SUFFIX.search(name) and held:
        return (
            f"图谱中没有“{name}”这个园区的数据。已收录的园区有：{'、'.join(held)}；请检查名称或说明所在镇街。"
        )
    return f"没有找到名为“{name}”的镇街或地点，请检查名称或说明所在镇街。"


__all__ = ["VillageGazetteer", "narrow", "not_found", "village_ids"]
