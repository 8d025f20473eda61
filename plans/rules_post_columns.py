"""A 现场处置方案's duty table whose columns are the posts: "处置步骤 | 值班长 | 中控室内操 | 罐区外操", one row per
step, "—" where a post has nothing to do at that step.

The posts are the ones the setting-up sentence gave the unit ("组长：当班值班长；组员：中控室内操、罐区外操"). Each
post column's cells are that post's duties, one per cell. A listed post ("组员：A、B、C") becomes one role per post
when the table gives each its own column, since each then has its own duties (the corpus's convention for
per-post duties). A column header may be the post's short name ("值班长" for "当班值班长"). The step column is
no data.
"""

from __future__ import annotations

import re
from typing import Any

from plans.draft import PlanDraft
from plans.structure import table_cell

# The first column names the steps or stages the rows walk through
_STEP_COLUMN = re.compile(r"步骤|阶段|环节|程序|流程|事项|工作内容|处置内容")
_NO_TASK = re.compile(r"[\s—\-－–/／]*|无")
_LISTED = re.compile(r"[、，,]|和|及")


def _same_post(header: str, post: str) -> bool:
    """ "值班长" names "当班值班长": a column may drop the shift word in front of the post."""
    return len(header) >= 2 and (header == post or post.endswith(header) or header.endswith(post))


def _posts(unit: dict[str, Any]) -> list[tuple[int, str]]:
    """(role index, post) for every post the unit's roles hold, a listed holder split into its posts."""
    out: list[tuple[int, str]] = []
    for n, role in enumerate(unit["roles"]):
        for post in _LISTED.split(role["holder"] or ""):
            if post.strip():
                out.append((n, post.strip()))
    return out


def _owner(data: dict[str, Any], headers: list[str]) -> tuple[int, list[tuple[int, str]]] | None:
    """The unit whose posts every post column names, with the matched (role index, post) per column."""
    for index, unit in enumerate(data["org_units"]):
        posts = _posts(unit)
        matched = [next((p for p in posts if _same_post(h, p[1])), None) for h in headers]
        if all(m is not None for m in matched):
            return index, [m for m in matched if m is not None]
    return None


def extract_post_columns(draft: PlanDraft) -> None:
    for block in draft.blocks:
        if block.kind != "table" or not block.cells or len(block.cells) < 2:
            continue
        header = [re.sub(r"\s+", "", h) for h in block.cells[0]]
        if len(header) < 3 or not _STEP_COLUMN.search(header[0]) or not all(header[1:]):
            continue
        found = _owner(draft.data, header[1:])
        if found is None:
            continue
        index, matched = found
        roles = draft.data["org_units"][index]["roles"]
        listed = {n for n, _ in matched if len([m for m in matched if m[0] == n]) > 1}
        reused: set[int] = set()
        for col, (n, post) in enumerate(matched, start=1):
            role = roles[n]
            if n in listed:  # "组员：A、B、C" with a column each: one 组员 role per post
                if n not in reused:  # the listing role itself becomes the first post's
                    reused.add(n)
                    role["holder"] = post
                else:
                    role = {"title": role["title"], "holder": post, "duties": []}
                    roles.append(role)
            at = roles.index(role)
            for row in block.cells[1:]:
                duty = table_cell(row, col).strip().rstrip("。；;")
                if duty and not _NO_TASK.fullmatch(duty) and duty not in role["duties"]:
                    role["duties"].append(duty)
                    draft.cite(
                        f"/org_units/{index}/roles/{at}/duties/{len(role['duties']) - 1}",
                        block.paragraph,
                        confidence=0.8,
                    )
