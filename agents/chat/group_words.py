"""Per-village and per-行业 groupings asked in a count or ranking ("各村…分别有几条", "按行业分一下…").

The thing templates group by enterprise or town only (ADR 0013), so "各村逾期没整改的隐患分别有几条" was
answered with the town's whole list, and "按行业分一下全市还没整改的隐患" with one total (chat round 37,
chat-2776 / chat-2789). These words name the group; ``agents.chat.aggregate`` plans the count and
``graph.enterprise_groups`` reads each enterprise's village or category. 行业 is the firm ``category``
(the graph holds no other trade field). Pure functions; no I/O.
"""

from __future__ import annotations

import re

# 各村 / 每个社区 / 按村 / 哪个村…最多; not a named village ("澄西村"), which is a place slot.
PER_VILLAGE = re.compile(
    r"(?:各|每|分)(?:个|一个)?(?:行政村|村居|村社区|村|社区)|按(?:村|社区)(?:社区)?(?:分|统计|汇总|排)?"
    r"|哪(?:个|些|几个|一个)(?:村|社区)"
)
# 各行业 / 按行业分一下 / 分行业 / 哪个行业…最多 / 按企业类别.
PER_CATEGORY = re.compile(
    r"(?:各|每|分)(?:个|一个)?(?:行业类别|行业|企业类别|类别)|按(?:行业类别|行业|企业类别|类别)"
    r"|哪(?:个|些|几个|一个)(?:行业|类别)"
)


def group_asked(text: str) -> str | None:
    """ "village" or "category" when ``text`` groups its count by one of them, else None."""
    if PER_CATEGORY.search(text):
        return "category"
    if PER_VILLAGE.search(text):
        return "village"
    return None


def without_group_words(text: str) -> str:
    """``text`` with its grouping words blanked: 村 there is the group, no village left unplaced."""
    return PER_VILLAGE.sub(lambda m: " " * len(m[0]), PER_CATEGORY.sub(lambda m: " " * len(m[0]), text))


__all__ = ["PER_CATEGORY", "PER_VILLAGE", "group_asked", "without_group_words"]
