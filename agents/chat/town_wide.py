"""A condition said of an enterprise's town, not of the enterprise (compound round 6).

"所在镇有二级重大危险源的加油站" asks for filling stations in towns where some firm has a level-2
major hazard source; read as an ordinary condition it listed the stations that have such a source
themselves (none), a confident wrong answer. The planner (ADR 0012) blanks the lead ("所在镇") and
marks the condition it introduces; ``compound_run`` then widens that condition's enterprise set to
every enterprise in scope in the towns of its rows. Pure text work here.
"""

from __future__ import annotations

import re

# "所在镇有", "所在的街道里有", "所属镇街存在": the town of the enterprise asked about
_LEAD = re.compile(
    r"(?:所在|所属)的?(?:镇街|乡镇|镇|街道|园区|开发区)(?:里|内|中|上)?(?=有|存在|出过|发生过|没|无|未)"
)


def town_wide_leads(text: str) -> tuple[str, list[int]]:
    """``text`` with each town lead blanked (same length), and where each lead ended."""
    ends = [m.end() for m in _LEAD.finditer(text)]
    return _LEAD.sub(lambda m: " " * len(m[0]), text), ends


def towns_of(rows: list[dict[str, object]]) -> set[str]:
    """The towns a condition's rows lie in (every condition template returns ``town``)."""
    return {str(r["town"]) for r in rows if r.get("town")}


__all__ = ["town_wide_leads", "towns_of"]
