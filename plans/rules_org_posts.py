"""Duties written against a post of a unit: "（1）车间主任：a；b" under a unit whose roles name 车间主任.

A 现场处置方案 often sets its unit up in one sentence ("组长由车间主任担任，…，成员为炉前工、行车工和安全员")
and then gives each post its duties in a paragraph of its own. The duties go on the role the post
holds; a post that is one of several members listed as one 成员 holder gets a role of its own, so the
member list is split into one role per post (the title repeated).

Or each post is a header line "<title>：<holder>" ("组长：设备部经理", "成员：安全员") with that person's
duties as the numbered items below it ("1.…；"): ``post_header`` finds the role, ``role_duty`` adds one item.
"""

from __future__ import annotations

import re
from typing import Any

from plans.draft import PlanDraft
from plans.outline_text import CHECKLIST_ITEM
from plans.rules_org_duties import add_duties
from plans.rules_post_listing import post_by_holder
from plans.structure import Block, split_number

_POST_LEAD = re.compile(r"^([\u4e00-\u9fff]{2,12})\s*[:：]\s*(.+)$", re.S)
_LIST_SEPARATOR = re.compile(r"[、，,和及与]")


def _listed(holder: str) -> list[str]:
    """The posts of a member list as written ("炉前工、行车工和安全员"), or [] if it is not a plain list."""
    posts = [p.strip() for p in _LIST_SEPARATOR.split(holder)]
    return posts if len(posts) >= 2 and all(2 <= len(p) <= 12 for p in posts) else []


# "组长（车间主任）：a；b": the title, and who holds it in brackets
_TITLED_POST_LEAD = re.compile(r"^([\u4e00-\u9fff]{2,12})[（(]([^（()）]{2,16})[)）]\s*[:：]\s*(.+)$", re.S)


def post_duties(draft: PlanDraft, unit_index: int, block: Block) -> bool:
    """Put a "<post>：a；b" paragraph's duties on the unit's role held by <post> (or titled <post>
    and held by the bracket of "<title>（<holder>）：a；b"); False when the paragraph does not name one
    of the unit's posts."""
    if block.kind not in ("paragraph", "list_item"):
        return False
    numbering = split_number(block.text.strip())
    text = numbering.rest if numbering else block.text.strip()
    roles: list[dict[str, Any]] = draft.data["org_units"][unit_index]["roles"]
    titled = _TITLED_POST_LEAD.match(text)
    if titled:
        title, held_by = titled.group(1), titled.group(2)
        same = [n for n, r in enumerate(roles) if r["title"] == title]
        target = next((n for n in same if roles[n]["holder"] in (held_by, None)), None)
        if target is None:
            shared = next((n for n in same if held_by in _listed(roles[n]["holder"] or "")), None)
            target = None if shared is None else _split_members(draft, unit_index, shared, block, held_by)
        if target is not None:
            add_role_duties(draft, (unit_index, target), block, re.split(r"[；;]", titled.group(3)))
            return True
    lead = _POST_LEAD.match(text)
    if lead is None:
        return False
    post = lead.group(1)
    target = next((n for n, r in enumerate(roles) if r["holder"] == post), None)
    if target is None:
        shared = next((n for n, r in enumerate(roles) if post in _listed(r["holder"] or "")), None)
        if shared is None:
            return False
        target = _split_members(draft, unit_index, shared, block, post)
    duties = roles[target]["duties"]
    for duty in re.split(r"[；;]", lead.group(2)):
        duty = duty.strip().rstrip("。；;")
        if duty and duty not in duties:
            duties.append(duty)
            start, end = draft.span(block.paragraph, duty)
            pointer = f"/org_units/{unit_index}/roles/{target}/duties/{len(duties) - 1}"
            draft.cite(pointer, block.paragraph, start, end, confidence=0.8)
    return True


def post_header(draft: PlanDraft, unit_index: int, block: Block) -> int | None:
    """The index of the role a "<title>：<holder>" header line names (one listed member of a shared
    成员 holder gets a role of its own), or None when the line is not such a header."""
    if block.kind not in ("paragraph", "list_item"):
        return None
    lead = _POST_LEAD.match(strip_header_number(block.text))
    if lead is None or re.search(r"[，,。；;：:]", lead.group(2).strip().rstrip("。")):
        return None
    title, holder = re.sub(r"\s+", "", lead.group(1)), lead.group(2).strip().rstrip("。")
    roles: list[dict[str, Any]] = draft.data["org_units"][unit_index]["roles"]
    same = [n for n, r in enumerate(roles) if r["title"] == title]
    target = next((n for n in same if roles[n]["holder"] == holder), None)
    if target is not None:
        return target
    shared = next((n for n in same if holder in _listed(roles[n]["holder"] or "")), None)
    return None if shared is None else _split_members(draft, unit_index, shared, block, holder)


def strip_header_number(text: str) -> str:
    numbering = split_number(text.strip())
    return numbering.rest if numbering else text.strip()


def role_duty(draft: PlanDraft, unit_index: int, role_index: int, block: Block) -> bool:
    """Add a numbered item ("1.接到报告后立即赶赴现场；") to a role's duties; False for an unnumbered block."""
    numbering = split_number(block.text.strip())
    # a checklist item (plans.outline_text) is a peer of the post line above it, not part of it
    if numbering is None and (block.kind != "list_item" or block.style == CHECKLIST_ITEM):
        return False
    duty = strip_header_number(block.text).rstrip("。；;")
    duties = draft.data["org_units"][unit_index]["roles"][role_index]["duties"]
    if duty and duty not in duties:
        duties.append(duty)
        start, end = draft.span(block.paragraph, duty)
        pointer = f"/org_units/{unit_index}/roles/{role_index}/duties/{len(duties) - 1}"
        draft.cite(pointer, block.paragraph, start, end, confidence=0.8)
    return True


def _split_members(draft: PlanDraft, unit_index: int, shared: int, block: Block, post: str) -> int:
    """One role per listed post in place of the shared one; returns the index of ``post``'s role."""
    roles: list[dict[str, Any]] = draft.data["org_units"][unit_index]["roles"]
    posts = _listed(roles[shared]["holder"])
    title = roles[shared]["title"]
    roles[shared]["holder"] = posts[0]
    for other in posts[1:]:
        roles.append({"title": title, "holder": other, "duties": []})
        start, end = draft.span(block.paragraph, other)
        draft.cite(
            f"/org_units/{unit_index}/roles/{len(roles) - 1}", block.paragraph, start, end, confidence=0.75
        )
    return shared if post == posts[0] else len(roles) - len(posts) + posts.index(post)


# "①a；②b；③c" in one item or paragraph: several duties, one per circled number
_CIRCLED_NEXT = re.compile(r"[；;]\s*(?=[②-⑳])|(?<=[^；;\s])(?=[②-⑳])")


def circled_items(text: str) -> list[str]:
    """The items of a line that starts with ① and runs on to ②, ③ (a PDF line or one Word paragraph);
    the line itself otherwise."""
    text = text.strip()
    return [p for p in _CIRCLED_NEXT.split(text) if p.strip()] if re.match(r"^[①-⑳]", text) else [text]


def post_label_duties(
    draft: PlanDraft, units: dict[str, int], current: str | None, subject: str, duties: str, block: Block
) -> tuple[int, int] | None:
    """ "（1）总指挥职责：①a；②b" (a "<post>职责：" label): the duties go on the role with that title in
    the current unit, or in the one unit that has it; returns (unit, role) index, None when the label
    names no such post."""
    items = re.split(r"[；;]|(?=[②-⑳])", duties)
    held = post_of(draft, units, current, subject)
    # "年级组长职责：a；b" after a table giving each 年级组 its 年级组长: the same duties for every such post
    every = [] if held else posts_titled(draft, subject)
    if len(every) >= 2:
        for role_at in every:
            add_role_duties(draft, role_at, block, items)
        return every[0]
    held = held or post_by_holder(draft, units, current, subject)
    if held is None:
        return None
    unit_index, target = units[held[0]], held[1]
    add_role_duties(draft, (unit_index, target), block, items)
    return unit_index, target


def posts_titled(draft: PlanDraft, subject: str) -> list[tuple[int, int]]:
    """(unit, role) of every role titled as the duty label names it, one per unit, when that title is the
    same post in several units (each 年级组's 年级组长) rather than one unit's."""
    title = re.sub(r"\s+|的$|(?:的)?(?:主要)?(?:职责|任务)(?:是|为|如下)?\s*[:：]?\s*$", "", subject)
    found = []
    for u, entry in enumerate(draft.data["org_units"]):
        n = next((n for n, r in enumerate(entry["roles"]) if r["title"] == title), None)
        if n is not None:
            found.append((u, n))
    return found


def post_of(
    draft: PlanDraft, units: dict[str, int], current: str | None, subject: str
) -> tuple[str, int] | None:
    """(unit, role index) of the post a duty label names ("总指挥", "副总指挥的"): in the current unit, or
    in the one unit that has it; None when no unit has that post."""
    title = re.sub(r"\s+|的$|(?:的)?(?:主要)?(?:职责|任务)(?:是|为|如下)?\s*[:：]?\s*$", "", subject)
    holding = [
        u for u in units if any(r["title"] == title for r in draft.data["org_units"][units[u]]["roles"])
    ]
    owner = current if current in holding else (holding[0] if len(holding) == 1 else None)
    if owner is None:
        return None
    roles: list[dict[str, Any]] = draft.data["org_units"][units[owner]]["roles"]
    return owner, next(n for n, r in enumerate(roles) if r["title"] == title)


def add_role_duties(draft: PlanDraft, role_at: tuple[int, int], block: Block, items: list[str]) -> None:
    unit_index, target = role_at
    entry = draft.data["org_units"][unit_index]["roles"][target]["duties"]
    for item in items:
        duty = strip_header_number(item).rstrip("。；;")
        if duty and duty not in entry:
            entry.append(duty)
            start, end = draft.span(block.paragraph, duty)
            pointer = f"/org_units/{unit_index}/roles/{target}/duties/{len(entry) - 1}"
            draft.cite(pointer, block.paragraph, start, end, confidence=0.8)


def runs_on(block: Block) -> bool:
    """A block that ends inside a list ("…；" / "职责：") continues on the next line of a PDF."""
    return block.text.rstrip().endswith(("；", ";", "：", ":"))


def opens_circled(block: Block) -> bool:
    """A line that opens with ①…⑳: the list a "职责：" line introduced, or the rest of a "①a；②b"
    list that a PDF broke onto a new line."""
    return block.kind in ("paragraph", "list_item") and re.match(r"^\s*[①-⑳]", block.text) is not None


# (unit, role) whose circled duty list runs on to the next line; role None: the unit's own duties
Run = tuple[int, int | None]


def add_run_duties(draft: PlanDraft, run: Run, block: Block) -> None:
    unit_index, role_index = run
    if role_index is None:
        add_duties(draft, unit_index, block, circled_items(block.text))
    else:
        add_role_duties(draft, (unit_index, role_index), block, circled_items(block.text))


def holder_and_duty(value: str) -> tuple[str, str | None]:
    """ "车间主任，负责组织处置、向公司报告" → ("车间主任", "负责组织处置、向公司报告"): a post line may say
    what its holder does after a comma."""
    m = re.match(r"^([^，,]{1,30}?)\s*[，,]\s*(负责[^。；;]+)$", value)
    return (m.group(1), m.group(2)) if m else (value, None)


def add_holder_duty(
    draft: PlanDraft, unit_index: int, title: str, holder: str, block: Block, duty: str
) -> None:
    title = re.sub(r"\s+", "", title)
    roles: list[dict[str, Any]] = draft.data["org_units"][unit_index]["roles"]
    target = next((n for n, r in enumerate(roles) if r["title"] == title and r["holder"] == holder), None)
    if target is not None:
        add_role_duties(draft, (unit_index, target), block, [duty])
