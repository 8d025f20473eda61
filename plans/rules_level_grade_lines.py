"""Response grades defined in 总则 one line each, the measures later: "医院响应由低到高分为Ⅲ级、Ⅱ级、Ⅰ级：" over
"Ⅲ级：一次接收伤员10～19人，或危重伤员2人以下；" lines, then "（一）Ⅲ级响应" headings with the commander and measures.

A bare "Ⅲ级：…" line names a response level only when its paragraph also says who commands it (rules_level_blocks):
an accident grading in 总则 ("Ⅰ级（特别重大）：造成30人以上死亡") looks the same and is no response. Here the sentence
before the lines says they grade the response ("响应…分为"), so each line's text is the trigger of that level, which
the level headings found without one. Levels are only filled, never made: a grading nothing later responds to adds
no level.
"""

from __future__ import annotations

import re

from plans.draft import PlanDraft
from plans.rules_level_fields import _GLOSS_OPT, _LEVEL_TOKEN, level_of, strip_number
from plans.sections import Outline

# "Ⅲ级：<trigger>；" / "三级（一般）：<trigger>。" — a bare level name, a colon, the condition
_GRADE_LINE = re.compile(rf"^\s*({_LEVEL_TOKEN}\s*级){_GLOSS_OPT}\s*[:：]\s*(.+?)\s*[；;。.]?\s*$", re.S)
# "响应由低到高分为Ⅲ级、Ⅱ级、Ⅰ级：" / "应急响应分为三级：": the lines below grade the response
_RESPONSE_INTRO = re.compile(r"响应[^。；;]{0,20}?分为")


def fill_grade_line_triggers(draft: PlanDraft, outline: Outline) -> None:
    levels = {entry["level"]: n for n, entry in enumerate(draft.data["response_levels"])}
    if not levels:
        return
    graded = False  # the run of lines follows a "响应…分为" sentence of the same section
    section: int | None = None
    for block in draft.blocks:
        if block.kind == "heading" or outline.block_section[block.paragraph] != section:
            graded, section = False, outline.block_section[block.paragraph]
        if block.kind == "table":
            continue
        text = strip_number(block.text.strip())
        m = _GRADE_LINE.match(text)
        if not m:
            graded = bool(_RESPONSE_INTRO.search(text))
            continue
        level = level_of(m.group(1))
        index = levels.get(level) if graded and level else None
        if index is None or draft.data["response_levels"][index]["trigger"]:
            continue
        trigger = m.group(2).strip()
        draft.data["response_levels"][index]["trigger"] = trigger
        start = block.text.find(trigger)
        draft.cite(
            f"/response_levels/{index}/trigger", block.paragraph, start, start + len(trigger), confidence=0.7
        )
