"""Unnumbered grades a 现场处置方案 names by severity: "按泄漏程度分两级处置：（1）一般泄漏：…的，由值班长指挥处置；
（2）严重泄漏：…的，由组长指挥处置。" — whether the items share one paragraph or stand one per paragraph.

Such a plan numbers no level, so the level rules find none; the grades are its response levels all the same.
Their order gives the level: written from the mildest ("一般", "轻微", "小") the last grade is 一级, written from the
worst ("严重", "重大", "特别") the first is (round 16's rule for two unnamed tiers, extended to any count up to four).
Each item's text before the closing 的 / 时 is the trigger, the X of "由X（现场）指挥" the commander; the grade
carries no actions (the plan's steps follow for every grade). Runs only when no other rule found a level.
"""

from __future__ import annotations

import re

from plans.draft import PlanDraft
from plans.sections import Outline, blocks_in
from plans.structure import Block

RESPONSE_ORDER = ("一级", "二级", "三级", "四级")
# "分两级处置" / "分为三个等级" / "分二级响应": the sentence that announces the grades
_ANNOUNCE = re.compile(r"分(?:为)?\s*([两二三四])\s*(?:个)?(?:级|等级|个级别|(种|类))")
_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4}
# "（1）一般泄漏：<trigger>的，由值班长指挥处置" — a short name, a colon, then the item
_ITEM = re.compile(
    r"(?:^|[；;。：:\s])\s*(?:[（(]\s*\d+\s*[）)]|\d+[.、．]|[①②③④])\s*([^：:，,。；;（()）]{2,10})[：:]"
)
_MILD = re.compile(r"^(?:一般|轻微|轻度|小型?|局部|初期|初起|较小|少量)")
_SEVERE = re.compile(r"^(?:特别严重|特别重大|严重|重大|特大|大型?|较大|大量)")
_TRIGGER_END = re.compile(r"^(.{4,80}?)(?:的|时)\s*[，,]")
_COMMANDER = re.compile(r"由\s*([^，,。；;由]{2,20}?)\s*(?:现场|统一|负责|组织)?\s*指挥")
# "由公司应急指挥部总指挥指挥处置": a commander whose title ends in 指挥 runs up to the last 指挥 of the clause
_COMMANDER_TO_END = re.compile(r"由\s*([^，,。；;由]{2,20})\s*(?:指挥|组织)(?:处置|处理|救援)?\s*$")
_MODE = re.compile(r"(?:现场|统一|负责|组织)$")
# "初期火灾指…的，由X指挥处置；罐体火灾指…的，由Y指挥处置": unnumbered grades, each defined by 指 in its clause
_DEFINED = re.compile(r"^\s*([^：:，,。；;（()）]{2,10}?)(?:是指|指)(.+)$")


def _commander(body: str) -> str | None:
    whole = _COMMANDER_TO_END.search(body)
    if whole:
        return _MODE.sub("", whole.group(1).strip()) or None
    m = _COMMANDER.search(body)
    return m.group(1).strip() if m else None


def _defined(text: str) -> list[tuple[str, str]]:
    """(name, body) of each "name指body" clause in ``text`` (after the announcing colon)."""
    text = re.sub(r"^\s*[：:]", "", text)
    out = []
    for clause in re.split(r"[；;。]", text):
        m = _DEFINED.match(clause)
        if m:
            out.append((m.group(1).strip(), m.group(2).strip()))
    return out


def _items(text: str) -> list[tuple[str, str]]:
    """(name, body) of each numbered "name：body" item in ``text``."""
    marks = list(_ITEM.finditer(text))
    out = []
    for n, m in enumerate(marks):
        end = marks[n + 1].start() if n + 1 < len(marks) else len(text)
        out.append((m.group(1).strip(), text[m.end() : end].strip().rstrip("。；;")))
    return out


def _ordered(names: list[str]) -> list[str] | None:
    """The level of each grade from the severity word it opens with; None when the order is unclear."""
    if _MILD.match(names[0]) and not _MILD.match(names[-1]):
        return list(reversed(RESPONSE_ORDER[: len(names)]))
    if _SEVERE.match(names[0]) and not _SEVERE.match(names[-1]):
        return list(RESPONSE_ORDER[: len(names)])
    return None


def extract_grade_items(draft: PlanDraft, outline: Outline) -> None:
    if draft.data["response_levels"]:
        return
    # a grading may stand under its own heading ("3 火情分级") that maps to no standard section
    scoped = blocks_in(draft.blocks, outline, ("总则/响应分级", "应急响应/分级响应", "应急响应"))
    for scope in (scoped, draft.blocks):
        if _grades(draft, scope):
            return


def _grades(draft: PlanDraft, scope: list[Block]) -> bool:
    for n, block in enumerate(scope):
        announced = _ANNOUNCE.search(block.text) if block.kind != "table" else None
        if announced is None:
            continue
        count = _COUNT[announced.group(1)]
        after = block.text[announced.end() :]
        found = [(name, body, block) for name, body in _items(after)]
        if announced.group(2):  # "分为两种": only grades each defined with its own commander
            found = [(name, body, block) for name, body in _defined(after) if _commander(body)]
        for later in scope[n + 1 : n + 1 + count] if not found else []:  # one item per paragraph
            found += [(name, body, later) for name, body in _items(later.text)[:1]]
        found = found[:count]
        levels = _ordered([name for name, _, _ in found]) if len(found) == count else None
        if levels is None:
            continue
        for (name, body, at), level in zip(found, levels, strict=True):
            trigger = _TRIGGER_END.match(body)
            commander = _commander(body)
            draft.add(
                "response_levels",
                {
                    "level": level,
                    "name": name,
                    "trigger": trigger.group(1).strip() if trigger else "",
                    "commander": commander,
                    "actions": [],
                },
                at.paragraph,
                *draft.span(at.paragraph, name),
                confidence=0.7,
            )
        draft.sort_list("response_levels", lambda r: RESPONSE_ORDER.index(r["level"]))
        return True
    return False
