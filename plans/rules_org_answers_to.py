"""A standing body that says whom it answers to: "调度室在指挥部领导下实行24小时值守，…".

A 调度室 or 车队 under its own heading has no parent of its own: the organisation rules leave it beside the
command body (round 23 (b): only the text puts a body under another). When the first sentence under the body's
heading says it works "在X领导下" (or "在X的统一指挥下"), X is its parent, as for a 工作组 "在领导小组领导下".
A room's duties often follow what it is in the same sentence ("调度室实行24小时值班，负责a；b。"): when the
organisation rules found none, the run from 负责 to the full stop is its duties, one per "；" clause.
"""

from __future__ import annotations

import re

from plans.draft import PlanDraft
from plans.rules_org_duties import add_duties
from plans.rules_org_names import STANDING_ROOM, canonical

# "调度室在指挥部领导下…" / "本室在公司应急指挥部的统一指挥下…": the body before 在 may be left out
_ANSWERS_TO = re.compile(
    r"^\s*(?:本|该)?([\u4e00-\u9fff]{0,12}?)\s*在\s*([^，,。；;在]{2,20}?)\s*(?:的)?(?:统一)?(?:领导|指挥)下"
)


def place_answering_bodies(draft: PlanDraft) -> None:
    """Give each unit without a parent the body its own text says it works under, and a room its duties
    (see the module docstring)."""
    units = {u["name"]: n for n, u in enumerate(draft.data["org_units"])}
    set_up = draft.units_set_up_at()
    for index, entry in enumerate(draft.data["org_units"]):
        at = set_up.get(index)
        if entry["parent"] is not None or at is None or draft.blocks[at].kind != "heading":
            continue
        following = next((b for b in draft.blocks[at + 1 :] if b.text.strip() and b.kind != "table"), None)
        if following is None or following.kind != "paragraph":
            continue
        run = re.search(r"[，,]\s*(负责[^。]+)", following.text)
        if (
            run and not entry["duties"] and STANDING_ROOM.match(entry["name"])
        ):  # "调度室实行24小时值班，负责a；b。"
            add_duties(draft, index, following, re.split(r"[；;]", run.group(1)))
        m = _ANSWERS_TO.match(following.text)
        if not m or (m.group(1) and canonical(m.group(1), {entry["name"]: index}) is None):
            continue  # the sentence is about another body ("在指挥部领导下，各组…")
        parent = canonical(m.group(2), units)
        if parent and parent != entry["name"]:
            entry["parent"] = parent
            draft.cite(
                f"/org_units/{index}/parent", following.paragraph, m.start(2), m.end(2), confidence=0.8
            )
