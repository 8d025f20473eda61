"""Illness said as the cause: heatstroke, food poisoning, a sudden disease — no production-safety accident.

A worker who 晕倒 reads as 中毒和窒息 (``plan_spoken``) and 食物中毒 holds 中毒; but a faint the caller puts
down to 中暑 or a meal is an occupational illness or a public-health event, a type no GB 6441 accident class
and no production-safety plan lists, so a sector's general plan must not stand in for it either
(``plan_guide.rank``). Pure functions over the question text.
"""

from __future__ import annotations

import re

ILLNESS = "疾病"  # the type read for them: listed by no plan's scope, so only a 突发事件总体 plan covers it
_ILL = re.compile(r"中暑|热射病|热衰竭|热痉挛|食物中毒|吃坏|上吐下泻|突发疾病|心脏病|心梗|脑溢血|低血糖|发病")
# a gas or a confined space said beside the illness is still a poisoning at work (中暑后又进了污水井)
_POISON = re.compile(r"毒气|有毒气体|有限空间|硫化氢|一氧化碳|煤气|氨|氯|苯|泄漏|漏气|熏|呛")


def illness_said(question: str) -> bool:
    return _ILL.search(question) is not None


def reread(types: list[str], question: str) -> list[str]:
    """The accident types with an illness put in place of the poisoning its symptoms were read as."""
    if not illness_said(question):
        return types
    if not _POISON.search(question.replace("食物中毒", "")):
        types = [t for t in types if t != "中毒和窒息"]
    return [*types, ILLNESS]


def only_illness(types: set[str]) -> bool:
    """Nothing but illness asked: no sector plan stands in."""
    return bool(types) and types <= {ILLNESS}
