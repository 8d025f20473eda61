"""Cold, snow and ice: weather no pinned plan is written for, asked about as if a flood plan covered it.

"镇里明天寒潮降温还要下大雪，防汛防台那个预案管不管这个": the town's 防汛防台 plan is named only to ask
whether it stretches to the cold; the hazard said is 寒潮/暴雪. The plans' vocabulary (``core.vocab``) has
no type for 低温雨雪冰冻, so the question read only the 防汛/防台 of the plan's name and listed the flood
plans. Here the cold is a type of its own that no flood or typhoon plan lists, so only a plan written for
it (or a 突发事件总体 plan, which covers every emergency of its place) is offered; and a 防汛/防台 said
as the name of the plan being asked about is no flood when no flood is said. Pure text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agents.chat import plan_account, plan_measures

COLD_TYPE = "低温雨雪冰冻"
# 低温 or 降温 alone are no weather hazard (低温储罐, 给工人降温): only with the snow or ice said.
_COLD = re.compile(
    r"寒潮|暴雪|大雪|雪灾|冻雨|冰冻|(?:道路|路面|桥面)结冰|雨雪冰冻|低温雨雪|冰雪|霜冻|积雪|雪压"
)
# What a flood or typhoon is said as, besides the plan's prevention words (防汛, 防台)
_FLOOD_SAID = re.compile(
    r"暴雨|大雨|洪水|洪涝|内涝|积水|水位|漫堤|决口|管涌|渗水|台风|涨水|水涨|进水|淹|汛情|潮位"
)
_FLOOD_TYPES = ("洪涝灾害", "台风")


def _said(pattern: re.Pattern[str], text: str) -> bool:
    return any(plan_account.said(m.group(0), text) for m in pattern.finditer(text))


def reread(found: Sequence[str], question: str) -> list[str]:
    """``found`` with the cold's own type added when cold, snow or ice is said, and the flood types
    dropped when they came only from the name of the 防汛防台 plan asked about; a flood added when only
    its reading is said ("预报日降雨量100毫米以上", "超过警戒水位半米": a flood plan's own trigger)."""
    if plan_measures.readings(question) and not any(t in _FLOOD_TYPES for t in found):
        found = [*found, _FLOOD_TYPES[0]]
    if not _said(_COLD, question):
        return list(found)
    kept = [t for t in found if t not in _FLOOD_TYPES or _said(_FLOOD_SAID, question)]
    return [*kept, COLD_TYPE]


__all__ = ["COLD_TYPE", "reread"]
