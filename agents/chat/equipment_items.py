"""Rescue equipment said before the teams are asked: "无人机，哪支队伍手里有", "雷达生命探测仪在哪个救援队",
"冲锋舟和救生衣都有的是哪支队伍" (chat-robust18).

People on duty name the thing they need first and ask who holds it; ``records._ITEM_FIRST`` read only
"X哪几支队伍有" with nothing between. Here a comma, 在/都有的是 before the team word and 手里/那里
after it are allowed, and two items joined by 和/与/及/、 are both required (a team holding both is
what the caller needs at the scene). A question must say a having word (有/配/在), so a plain team
list ("华士镇哪些救援队") is not read as an item.
"""

from __future__ import annotations

import re

_ITEMS_FIRST = re.compile(
    r"^(?P<first>[\u4e00-\u9fff]{2,10}?)(?:(?:和|与|跟|及|、)(?P<second>[\u4e00-\u9fff]{2,10}?))?[，,\s]*"
    r"(?P<before>都有的?是|都配了的?是|都有|在|是)?(?:哪几?支|哪些|哪个|哪家|哪一支)(?:救援)?(?:队伍|队)"
    r"(?:手里|手上|那里|那儿|那边|里)?(?P<verb>有|配了|配备了?|配有|配置了?)?(?:的|吗|呢)?[？?]?$"
)
# Not an item: a place, a team, a question or amount word, or a having verb swallowed by the item.
_NOT_ITEM = re.compile(
    r"镇|街道|开发区|园区|村|市|附近|最近|队|站|^(?:救援|应急)?(?:装备|器材|设备)$|什么|哪|啥|东西|多少|几|有$|全部|所有"
)


def items_first(text: str) -> list[str]:
    """The equipment items said before a team question, or [] when the question is not that form."""
    m = _ITEMS_FIRST.search(text.strip())
    if m is None or not (m.group("before") or m.group("verb")):
        return []
    items = [i for i in (m.group("first"), m.group("second")) if i]
    return [] if any(_NOT_ITEM.search(i) for i in items) else items


__all__ = ["items_first"]
