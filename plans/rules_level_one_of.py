"""A level defined by a list of conditions any one of which starts it: "满足下列条件之一的为Ⅰ级响应：（1）…；（2）…。",
"有下列情形之一的，启动Ⅱ级响应：" followed by "（1）…；" items. The conditions after the colon are the level's
trigger, their numbers kept as written (they read as one list); the closing 。 is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from plans.draft import PlanDraft
from plans.rules_level_fields import _LEVEL_TOKEN
from plans.structure import Block

# "下列条件之一", "以下情形之一", "如下情况之一": the sentence defines the level by alternatives
_ONE_OF = re.compile(r"(?:下列|以下|如下)[^。；;：:]{0,8}?(?:条件|情形|情况|标准)之一")
# a block that continues the list: it opens with an item number ("（2）", "(2)", "②", "2、", "2．")
# "一级或二级响应": a level token before 级 (the 响应 may follow the last one only)
_LEVEL_WORD = re.compile(rf"{_LEVEL_TOKEN}\s*级")
_ITEM_START = re.compile(r"^\s*(?:[（(]\d{1,2}[)）]|[①-⑳]|\d{1,2}\s*[、.．](?!\d))")

Mentions = Callable[[str], dict[str, re.Match[str]]]


def one_of_triggers(draft: PlanDraft, scope: list[Block], mentions: Mentions, ensure: Any) -> None:
    """Set the trigger of each level a "…下列条件之一的为X级响应：<conditions>" block defines (when the
    level has none yet). The conditions may follow in numbered blocks of their own (a DOCX list, or a
    PDF that starts a new block at a line opening with "（2）"); those run on while the list is open."""
    for at, block in enumerate(scope):
        colon = re.search(r"[:：]", block.text) if block.kind != "table" else None
        head = block.text[: colon.start()] if colon else ""
        if not colon or not _ONE_OF.search(head):
            continue
        named = mentions(head)
        if len(named) != 1 or len(set(_LEVEL_WORD.findall(head))) > 1:  # "…启动一级或二级响应": no one level
            continue
        level, mention = next(iter(named.items()))
        index = ensure(level, mention.group(0).replace(" ", ""), block, mention.start(), mention.end())
        entry: dict[str, Any] = draft.data["response_levels"][index]
        body = block.text[colon.end() :].strip()
        if entry["trigger"] or names_more_levels(body, mentions):
            continue
        parts = [body] if body else []
        for follower in scope[at + 1 :]:
            open_list = not parts or parts[-1].rstrip().endswith(("；", ";", "：", ":"))
            if follower.kind == "table" or not open_list or not _ITEM_START.match(follower.text):
                break
            if mentions(follower.text):  # the next level's definition, not another condition
                break
            parts.append(follower.text.strip())
        trigger = "".join(parts).strip().rstrip("。；;").strip()
        if not trigger:
            continue
        entry["trigger"] = trigger
        start = colon.end() + (len(block.text[colon.end() :]) - len(block.text[colon.end() :].lstrip()))
        draft.cite(
            f"/response_levels/{index}/trigger", block.paragraph, start, len(block.text), confidence=0.8
        )


def names_more_levels(body: str, mentions: Mentions) -> bool:
    """The text after the colon names a level itself ("…：Ⅰ级由市指挥部启动"): a list of levels, no conditions."""
    return bool(mentions(body))
