"""Posts named by their holder: "1.车间主任职责：a；b" after "环保车间主任任组长，…组员由A、B和C组成".

A small unit's posts are often set up in one sentence that names who holds them, and each post's
duties follow under that holder's name (the short one: 车间主任 for 环保车间主任), not under the title.
The duty label then finds its role by holder; a holder inside a member listing ("组员由操作工、维修工和
监护人组成") turns the listing into one role per listed post, since each of them gets duties of its own.
"""

from __future__ import annotations

import re
from typing import Any

from plans.draft import PlanDraft

_MEMBER_TITLES = ("组员", "成员", "队员")
_LISTING_SPLIT = re.compile(r"[、，,]|和|及|与")
# a post, not a body: 车间主任, 安全员, 操作工, 监护人, 班长 (a label naming a 办公室 or 局 is a unit's duty list)
_POST_WORD = re.compile(r"(?:员|工|长|主任|经理|人|师|司机|手)$")


def _names(holder: str, post: str) -> bool:
    """ "环保车间主任" names the post "车间主任"; "污水站操作工" names "操作工"."""
    return len(post) >= 2 and (holder == post or holder.endswith(post))


def post_by_holder(
    draft: PlanDraft, units: dict[str, int], current: str | None, subject: str
) -> tuple[str, int] | None:
    """(unit, role index) of the role whose holder is the post a duty label names, the current unit
    first; a member listing that names it is split into one role per listed post."""
    post = re.sub(r"\s+|的$|(?:的)?(?:主要)?(?:职责|任务)(?:是|为|如下)?\s*[:：]?\s*$", "", subject)
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,12}", post) or not _POST_WORD.search(post):
        return None
    order = ([current] if current in units else []) + [u for u in units if u != current]
    for unit in order:
        index = units[unit]
        roles: list[dict[str, Any]] = draft.data["org_units"][index]["roles"]
        for n, role in enumerate(roles):
            if _names(role["holder"] or "", post):
                return unit, n
        for n, role in enumerate(roles):
            if role["title"] in _MEMBER_TITLES and any(_names(p, post) for p in _listed(role["holder"])):
                _split_listing(draft, index, n)
                return unit, next(k for k, r in enumerate(roles) if _names(r["holder"] or "", post))
    return None


def _listed(holder: str | None) -> list[str]:
    parts = [p.strip() for p in _LISTING_SPLIT.split(holder or "") if p.strip()]
    # a listing of posts only ("操作工、维修工和监护人"), not of member units
    return parts if len(parts) > 1 and all(_POST_WORD.search(p) for p in parts) else []


def _split_listing(draft: PlanDraft, unit_index: int, at: int) -> None:
    """One role per post of the listing: the first keeps the listing's place, the others follow."""
    roles = draft.data["org_units"][unit_index]["roles"]
    listing = roles[at]
    posts = _listed(listing["holder"])
    pointer = f"/org_units/{unit_index}/roles/{at}"
    source = next((ref for ref in draft.sources if ref.field == pointer), None)
    listing["holder"] = posts[0]
    for post in posts[1:]:
        roles.append({"title": listing["title"], "holder": post, "duties": []})
        if source is not None:
            draft.sources.append(
                source.model_copy(update={"field": f"/org_units/{unit_index}/roles/{len(roles) - 1}"})
            )
