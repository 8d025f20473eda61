"""One paragraph that sets up several groups with their posts: "指挥部设两个工作组：A组组长由X担任，组员包括Y，
负责…；B组组长由Z担任，…", or names them before a comma: "领导小组下设A组和B组，A组由X任组长，负责…；B组…".

The intro before the colon only counts the groups ("两个工作组", "三个专业组"): it is no unit. Splitting it off
lets the intro say whom the groups sit under and lets each "A组组长由…" clause lead its own unit. An intro that
names the groups ("下设A组和B组") is cut off the same way, at the comma or colon after the last name.
"""

from __future__ import annotations

import re

# "指挥部设两个工作组：" / "专职消防队编为两个战斗班：" / "处置组下设以下小组：" — a counted or listed set of groups
_COUNTED_GROUPS = re.compile(
    r"^([^，,。；;：:]{2,30}?(?:下设|设立|设置|设|编为|分为|组建|成立)\s*"
    r"(?:以下|下列|如下|(?:\d+|[一二三四五六七八九十两]+)\s*个)\s*[^，,。；;：:]{0,6}?(?:组|班|队|专班))\s*[：:]\s*"
)

# "指挥部下设抢险组和救护组，" / "大队设立一中队、二中队及三中队：": two or more groups named together, then a comma
# or a colon
_GROUP = r"[^，,。；;：:、和及与]{1,12}?(?:组|班|队|专班)"
_NAMED_GROUPS = re.compile(
    rf"^([^，,。；;：:]{{2,30}}?(?:下设|另设|设立|设置|设|编为|分为|组建|成立)\s*{_GROUP}(?:\s*[、和及与]\s*{_GROUP})+)\s*[，,：:]\s*"
)
# what follows the intro leads a group of its own: "A组组长由…", "A组：…", "A组由…"
_LEADS_GROUP = re.compile(r"[^，,。；;：:]{1,12}?(?:组|班|队)(?:组长|班长|队长|副组长|[：:]|由)")


def split_group_intro(clauses: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``clauses`` with a counting intro ("指挥部设两个工作组：") cut off the clause it opens, when what
    follows the colon leads a group of its own ("A组组长由…", "A组：…")."""
    out: list[tuple[int, int, str]] = []
    for start, end, clause in clauses:
        lead = len(clause) - len(clause.lstrip())
        m = _COUNTED_GROUPS.match(clause[lead:]) or _NAMED_GROUPS.match(clause[lead:])
        rest = clause[lead + m.end() :] if m else ""
        if m and _LEADS_GROUP.match(rest):
            out.append((start + lead, start + lead + len(m.group(1)), m.group(1)))
            out.append((start + lead + m.end(), end, rest))
        else:
            out.append((start, end, clause))
    return out
