"""The texts a plan's level names are read from, with the tiers a level table names only in its cells.

``named_levels`` ranks unmapped tiers ("车间级响应", "公司级响应") from running text. A plan whose tiers
appear only as bare cells of its level table (级别 | 情形 | 处置要点 with rows "车辆级" / "车队级" /
"公司级") names them nowhere else, so each such cell is offered to the ranking as "X级响应" too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from plans.rules_level_fields import named_levels
from plans.structure import Block

_LEVEL_HEADER = re.compile(r"级别|等级")
# A bare tier cell: "车队级", "公司级响应" (a numbered level needs no ranking)
_TIER_CELL = re.compile(r"\s*([^\s\d一二三四ⅠⅡⅢⅣIV级（()）]{1,4})级(?:应急)?(?:响应)?\s*")


def _table_tiers(block: Block) -> Iterable[str]:
    if not block.cells or len(block.cells) < 3:
        return
    header = block.cells[0]
    col = next((i for i, h in enumerate(header) if _LEVEL_HEADER.search(h)), None)
    if col is None:
        return
    for row in block.cells[1:]:
        m = _TIER_CELL.fullmatch(row[col]) if col < len(row) else None
        if m:
            yield f"{m.group(1)}级响应"


def level_names(blocks: list[Block]) -> dict[str, str]:
    """{written name: level} over the plan's running text and its level tables' bare tier cells."""
    texts = [b.text for b in blocks if b.kind != "table"]
    texts += [t for b in blocks if b.kind == "table" for t in _table_tiers(b)]
    return named_levels(texts)


# A measures cell's clause that only says who leads at that level: "现场由押运员负责", "车队长到场指挥"
_LEAD_CLAUSE = re.compile(
    r"(?:现场)?由([^，,。；;由]{2,8}?)(?:负责|统一)?(?:现场)?(?:指挥|负责)|([^，,。；;由]{2,8}?)(?:到场指挥|赶赴现场)"
)
# A crowd or several bodies sent to the scene ("指挥部全体成员赶赴现场", "各抢险小组…", "抢修组和警戒组…") is
# a measure of the level: one post leads, a whole body or every group does not
_CROWD = re.compile(r"全体|各|相关|有关|[、和及与]|(?:成员|人员|队员|力量|单位|组)$")


def cell_leader(clause: str) -> str | None:
    """The post a level table's measures clause names as leading that level, or None for a measure."""
    m = _LEAD_CLAUSE.fullmatch(clause)
    if m is None:
        return None
    if m.group(1):
        return m.group(1)
    return None if _CROWD.search(m.group(2)) else m.group(2)
