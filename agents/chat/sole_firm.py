"""A firm named by its place and trade only: "新桥那个加油站的法人是谁", "华士那家涂料厂有几条隐患".

A town and a singular determiner (那个/那家/这个/这家) with a category word point at one firm: when
the town holds exactly one enterprise of that category, the question is about it (chat round 29).
With two or more the words keep their old reading (the category of the town: a list, a count, or a
clarification), since guessing one of several firms would answer about the wrong one.
"""

from __future__ import annotations

import re

from agents.chat.resolve import ResolvedEnterprise
from agents.chat.slots import Slots
from core.scope import DataScope
from graph.repository import SafetyGraphRepository

# "那个加油站", "那家化工厂"; not "那几家", "这些"; a list or count of firms asks for the category
_ONE = re.compile(r"[那这][个家]")
_MANY = re.compile(r"哪些|哪几|几家|多少家|各|都有|所有|全部")


def sole_firm(
    text: str, slots: Slots, scope: DataScope, repository: SafetyGraphRepository
) -> ResolvedEnterprise | None:
    """The one enterprise of the category said in the town said, or None."""
    if not (slots.town and slots.category) or slots.enterprise_mention_strong:
        return None
    if not _ONE.search(text) or _MANY.search(text):
        return None
    page = repository.search_enterprises(scope, town=slots.town, category=slots.category, size=2)
    if page.total != 1:
        return None
    e = page.items[0]
    return ResolvedEnterprise(e.uscc, e.name, e.town, e.lat, e.lon)


__all__ = ["sole_firm"]
