"""An organisation chart drawn as a text tree under a root line:

    镇应急指挥部
    ├─ 指挥部办公室
    └─ 现场指挥部
    ├─ 综合协调组
    └─ 后勤保障组

Each node that names a known body sits under the nearest body above it on its branch; a node that names a
category ("应急救援小组" over the groups) is no body, so its items sit under the body it hangs from. Word and
PDF extraction drop the leading spaces, so depth is read from the glyphs: each "│" in front is one level,
and a line at the same depth right after a "└─" line (which closes its list of siblings) is a child of that
node. Like an arrow chart, the tree overrides parents guessed elsewhere.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from plans.draft import PlanDraft
from plans.rules_org_names import canonical
from plans.structure import Block

_NODE = re.compile(r"^([\s　│┃|]*)([├└┣┗])[─━—-]*\s*(\S.*?)\s*$")
_BRACKET = re.compile(r"[（(][^）)]*[）)]")


class _Line(NamedTuple):
    bars: int  # "│" glyphs in front: levels the drawing kept
    closed: bool  # a "└─" node: the last of its siblings
    depth: int  # the level read (1 = a child of the root)


def tree_parents(
    draft: PlanDraft, blocks: list[Block], units: dict[str, int], aliases: dict[str, str]
) -> None:
    """Set the parent of every known body a text tree places (see the module docstring)."""
    path: list[str | None] = []
    previous: _Line | None = None
    for at, block in enumerate(blocks):
        node = _NODE.match(block.text) if block.kind in ("paragraph", "list_item") else None
        if node is None:
            path, previous = [], None
            continue
        if previous is None:  # the root is the line just above the first node
            root = blocks[at - 1].text.strip() if at else ""
            path = [canonical(_BRACKET.sub("", root), units, aliases) if root else None]
        bars, closed = node.group(1).count("│") + node.group(1).count("┃"), node.group(2) in "└┗"
        depth = _depth(previous, bars)
        path = [*path[:depth], _known(node.group(3), units, aliases)]
        previous = _Line(bars, closed, depth)
        name, parent = path[-1], next((p for p in reversed(path[:-1]) if p), None)
        if name and parent and name != parent:
            draft.data["org_units"][units[name]]["parent"] = parent


def _depth(previous: _Line | None, bars: int) -> int:
    if previous is None:
        return 1
    if bars != previous.bars:
        return max(1, previous.depth + bars - previous.bars)
    return previous.depth + 1 if previous.closed else previous.depth


def _known(text: str, units: dict[str, int], aliases: dict[str, str]) -> str | None:
    name = _BRACKET.sub("", text).strip().rstrip("：:")
    return canonical(name, units, aliases) if len(name) >= 2 else None
