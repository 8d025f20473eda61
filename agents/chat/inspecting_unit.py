"""Which kind of unit made an inspection: "市应急管理局这个月检查了多少次", "安监办今年查了哪些企业".

Every inspection is conducted by a department (``(Department)-[:CONDUCTED]->(Inspection)``): the
city's 应急管理局 or a town's 安监办. Callers name the unit, not its id, and a town's 安监办 is said
with its town ("华士镇安监办"), which the town slot already holds, so the level alone is the
condition: 市 for the bureau, 镇 for an 安监办.
"""

from __future__ import annotations

import re
from typing import Any

from core.vocab import DutyLevel

# The bureau: 江阴市应急管理局, 市应急局, 应急局, 市局 ("市局来查过几次").
_CITY_UNIT = re.compile(r"应急管理局|应急局|市局|市里(?:来)?(?:检查|查)")
# A town's office: 安监办, 安监站, 安全生产监督管理办公室 ("镇里安监办").
_TOWN_UNIT = re.compile(
    r"安监办|安监站|安监所|安全生产监督管理办公室|镇里(?:来)?(?:检查|查)|街道(?:来)?(?:检查|查)的"
)
_INSPECTED = re.compile(r"检查|查过|查了|查的|执法|来查|抽查|夜查")


def inspecting_level(text: str) -> str | None:
    """The level of the unit said to have inspected (市 / 镇), or None when no unit is said."""
    if _INSPECTED.search(text) is None:
        return None
    city, town = _CITY_UNIT.search(text), _TOWN_UNIT.search(text)
    if city and not town:
        return DutyLevel.CITY.value
    if town and not city:
        return DutyLevel.TOWN.value
    return None  # both or neither: no condition to add


def town_office(level: str | None, town: str | None) -> str | None:
    """The one office meant by "华士镇安监办查了几家企业": that town's 安监办, not every town's.

    Offices are named after their town in the records ("华士镇安监办"); the level alone would count
    what any town's office inspected in the firms of that town.
    """
    return f"{town}安监办" if level == DutyLevel.TOWN.value and town else None


def with_town_office(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with the office of their town and level, where a condition's town came separately."""
    if values.get("inspecting_unit") or not (
        office := town_office(values.get("inspecting_level"), values.get("town"))
    ):
        return values
    return values | {"inspecting_unit": office}


def unit_values(clause: str, town: str | None) -> dict[str, Any]:
    """The unit slots of an inspection condition ("澄江街道安监办这个月查过几家企业"), or {}."""
    level = inspecting_level(clause)
    if level is None:
        return {}
    return {"inspecting_level": level, "inspecting_unit": town_office(level, town)}
