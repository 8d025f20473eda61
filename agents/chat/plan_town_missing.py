"""Say so when the town asked has no plan of its own for the matter and the city's plans stand in.

"我是月城镇应急办的，明天日降雨量要到100毫米以上，镇里按哪个预案" lists the city 水利 plan: 月城 has no
防汛防台 plan of its own. Listing the city plan alone left the officer to guess whether a town plan was
missed; the answer now says that none of the town's enabled plans covers the matter, so the city's apply.
Pure text work over the ranked rows and their reach (``plan_guide._reach``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

CITY_REACH = 2  # ``plan_guide._reach``: a city plan (0 own firm or named, 1 the town's, 3 another town's)


def note(rows: Sequence[Mapping[str, Any]], reaches: Sequence[int]) -> list[str]:
    """One line when a town was asked and every plan shown is the city's; none otherwise."""
    town = next((str(r["asked_town"]) for r in rows if r.get("asked_town")), "")
    if not town or not reaches or any(reach != CITY_REACH for reach in reaches):
        return []
    return [f"系统中没有{town}本级适用于此事的已启用预案，按以下市级预案执行。"]


__all__ = ["note"]
