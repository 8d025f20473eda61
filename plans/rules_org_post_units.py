"""Rows of a 岗位 | 职责 table that name another unit's post: "抢险救援组组长", "指挥部办公室主任".

A two-column duty table under the 指挥部 usually lists the HQ's own posts (总指挥, 副总指挥, 成员), but a row
whose post is a known group's or office's name followed by a role title belongs to that unit: its duties are
the 组长's of that group, the 主任's of that office — not one more 成员 of the HQ. The table rules
(rules_org_tables) hand such rows here first and give the remaining rows to the HQ as before.
"""

from __future__ import annotations

import re
from typing import Any

from plans.draft import PlanDraft
from plans.rules_org_cells import cell_items
from plans.rules_org_names import ROLE_TITLES, UNIT_SUFFIX, canonical
from plans.structure import Block, table_cell

_TITLES = sorted(ROLE_TITLES, key=len, reverse=True)


def unit_post(
    post: str, owner: str, units: dict[str, int], aliases: dict[str, str]
) -> tuple[str, str] | None:
    """(unit, title) when ``post`` is a known unit other than ``owner`` followed by a role title."""
    for title in _TITLES:
        prefix = post[: -len(title)] if post.endswith(title) else ""
        if len(prefix) < 2 or not UNIT_SUFFIX.search(prefix):
            continue
        name = canonical(prefix, units, aliases)
        return (name, title) if name and name != owner else None
    return None


def route_unit_posts(
    draft: PlanDraft,
    block: Block,
    units: dict[str, int],
    aliases: dict[str, str],
    owner: str,
    post_col: int,
    duty_cols: list[int],
    add_role: Any,
) -> frozenset[int]:
    """Put each row naming another unit's post on that unit's role (made when the text gave none);
    returns the indices of the rows it took (into ``block.cells``)."""
    taken: set[int] = set()
    for at, row in enumerate(block.cells[1:] if block.cells else [], start=1):
        found = unit_post(re.sub(r"\s+", "", table_cell(row, post_col)), owner, units, aliases)
        if found is None:
            continue
        name, title = found
        roles: list[dict[str, Any]] = draft.data["org_units"][units[name]]["roles"]
        target = next((r for r in roles if r["title"] == title), None)
        if target is None:
            add_role(name, title, None)
            target = next((r for r in roles if r["title"] == title), None)
        if target is None:
            continue
        taken.add(at)
        n = roles.index(target)
        for duty in (d for col in duty_cols for d in cell_items(table_cell(row, col))):
            if duty not in target["duties"]:
                target["duties"].append(duty)
                draft.cite(
                    f"/org_units/{units[name]}/roles/{n}/duties/{len(target['duties']) - 1}",
                    block.paragraph,
                    confidence=0.8,
                )
    return frozenset(taken)
