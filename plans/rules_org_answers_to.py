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
    _place_tiers(draft, units, set_up)


# "各班组设班组级应急处置组，接受车间级应急小组指挥": the clause after the body is set up says whom it takes orders from
_TAKES_ORDERS = re.compile(
    r"[，,]\s*(?:并|均|统一)?(?:接受|服从|在)\s*([^，,。；;在]{2,20}?)\s*(?:的)?(?:统一)?(?:指挥|领导)(?:下)?"
)


def _place_tiers(draft: PlanDraft, units: dict[str, int], set_up: dict[int, int]) -> None:
    """A tier body under its own heading whose first sentence sets it up and then says "接受X指挥" / "在X领导下"
    sits under X when X is a sibling the default put beside it (both under the same command body): the
    text places it one step lower. A parent the headings or the text gave otherwise stays."""
    for index, entry in enumerate(draft.data["org_units"]):
        at = set_up.get(index)
        if at is None or draft.blocks[at].kind != "heading":
            continue
        following = next((b for b in draft.blocks[at + 1 :] if b.text.strip() and b.kind != "table"), None)
        if following is None or following.kind != "paragraph":
            continue
        sentence = re.split(r"[。；;]", following.text, maxsplit=1)[0]
        m = _TAKES_ORDERS.search(sentence)
        if not m or entry["name"] not in sentence[: m.start()]:
            continue  # the clause must follow the body's own name: "…设班组级应急处置组，接受…"
        parent = canonical(m.group(1), units)
        if parent is None or parent == entry["name"]:
            continue
        known = draft.data["org_units"][units[parent]]
        if entry["parent"] is None or known["parent"] == entry["parent"]:
            entry["parent"] = parent
            draft.cite(
                f"/org_units/{index}/parent", following.paragraph, m.start(1), m.end(1), confidence=0.8
            )


# "指挥部下设调度中心，调度中心是指挥部的日常值守机构，24小时值班，负责a、b。": what the body is set up as comes
# between its name and its duty, so the set-up rule (duty right after the name) does not reach the 负责 clause
_DESK = re.compile(r"(?:调度中心|值守中心|办公室|值班室|调度室)$")


def desk_duties(draft: PlanDraft) -> None:
    """A duty desk set up in a sentence, with no duty yet: the "负责…" run of the sentence that says what it is."""
    set_up = draft.units_set_up_at()
    for index, entry in enumerate(draft.data["org_units"]):
        at = set_up.get(index)
        if entry["duties"] or at is None or not _DESK.search(entry["name"]):
            continue
        block = draft.blocks[at]
        m = re.search(
            rf"{re.escape(entry['name'])}(?:是|为|作为)[^。；;]*?(?:机构|部门)[^。]*?[，,]\s*(负责[^。]+)",
            block.text,
        )
        if m:
            add_duties(draft, index, block, re.split(r"[；;]", m.group(1)))
