"""The last time a record was made: "最近一次检查是什么时候", "上次被罚是哪天", "最后一次演练".

The record templates list newest first (``ORDER BY … DESC LIMIT $limit``), so the one record asked
for is the list cut to a single row. Said of a count ("最近一次检查发现了几个问题") nothing is cut:
only list templates read ``limit``. An explicit number ("最近的三次检查") is the limit slot's own.
"""

from __future__ import annotations

import re
from typing import Any

# The record after the words: an inspection (检查/被查/执法), a penalty (罚/处罚), a drill, an alarm.
_LATEST_ONE = re.compile(
    r"(?:最近|上|最后|最新的?)\s*一次\s*(?:被|的)?\s*(?:执法)?(?:检查|查|抽查|夜查|处罚|罚|演练|报警|告警)"
    r"|上次\s*(?:被|的|来)?\s*(?:执法)?(?:检查|查|处罚|罚|演练|报警|告警)"
)


def latest_one(text: str) -> dict[str, Any]:
    """``{"limit": 1}`` when one last record is asked for, else nothing."""
    return {"limit": 1} if _LATEST_ONE.search(text) else {}
