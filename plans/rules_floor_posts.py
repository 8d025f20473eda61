"""Floor posts written one per line under a group: "B1层引导员：王磊（超市店长）", "4—5层引导员：陆明（…）".

A mall, a hospital or an office tower names a warden for each floor under its 疏散引导组; each line is a
post of that group (the floor is part of the title, the person with the bracket is the holder). The
group is the one whose own text names the post word ("组员为各楼层引导员"), else the body set up last
above the lines. Runs after ``plans.rules_org`` (which finds the bodies) and adds only posts it did not find.
"""

from __future__ import annotations

import re

from plans.draft import PlanDraft
from plans.org_section_blocks import org_text_blocks, unit_set_up_above
from plans.sections import Outline

_FLOOR = r"(?:[BbFf]?\d{1,2}|负[一二三]|地下[一二三]|[一二三四五六七八九十]{1,3})"
# "B1层引导员：王磊（超市店长）" / "4—5层引导员：陆明" / "三楼楼层长：孙丽"
FLOOR_POST_LINE = re.compile(
    rf"^\s*({_FLOOR}(?:\s*[—–\-~至到]\s*{_FLOOR})?\s*(?:层|楼)(?:楼层)?([\u4e00-\u9fff]{{1,6}}?(?:员|长|人)))"
    r"\s*[:：]\s*([\u4e00-\u9fff]{2,4}(?:[（(][^）)]{1,20}[)）])?)\s*[。；;]?\s*$"
)


def floor_post(text: str) -> tuple[str, str, str] | None:
    """(title, post word, holder) of a floor post line; None for any other text."""
    m = FLOOR_POST_LINE.match(text)
    return (re.sub(r"\s", "", m.group(1)), m.group(2), m.group(3)) if m else None


def extract_floor_posts(draft: PlanDraft, outline: Outline) -> None:
    units = draft.data["org_units"]
    if not units:
        return
    set_up_at = draft.units_set_up_at()
    for block in org_text_blocks(draft, outline):
        post = floor_post(block.text)
        if post is None:
            continue
        title, word, holder = post
        naming = [i for i, u in enumerate(units) if any(word in (r["holder"] or "") for r in u["roles"])]
        owner = naming[-1] if naming else unit_set_up_above(set_up_at, block.paragraph)
        if owner is None:
            continue
        roles = units[owner]["roles"]
        if any(r["title"] == title and r["holder"] == holder for r in roles):
            continue
        roles.append({"title": title, "holder": holder, "duties": []})
        start = max(block.text.find(holder), 0)
        draft.cite(
            f"/org_units/{owner}/roles/{len(roles) - 1}",
            block.paragraph,
            start,
            start + len(holder),
            confidence=0.8,
        )
