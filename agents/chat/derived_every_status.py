"""Hazards counted inside a derived figure: every record unless a status is said (ADR 0018, round 8).

The plain count template reads a bare 隐患 as the open ones (duty officers mean those), while the
per-group shares count every record (evals/README.md (15), (17)). A figure whose two counts came
from the template ("危化企业的隐患占全市隐患的比例", "隐患数量环比") then disagreed with the same
figure asked per town. Convention (45): a 隐患 with no status word in a derived figure is every
record, for the part and the whole alike; a status said (未整改, 逾期, 已验收) keeps its meaning.
"""

from __future__ import annotations

import re

from agents.chat.slots import Gazetteer, extract_slots

# words the count template already reads as every status, or as a status of its own
_EVERY_OR_STATUS = re.compile(
    r"全部|所有|历史|累计|总共|一共|各种状态|发现|排查|查出|检查出|新增|上报|登记|整改|验收|销号|闭环|逾期|超期"
)


def every_status(question: str, gazetteer: Gazetteer) -> str:
    """``question`` with 全部 before its last 隐患 when it counts hazards and says no status."""
    at = question.rfind("隐患")
    if at < 0 or _EVERY_OR_STATUS.search(question):
        return question
    said = extract_slots(question, gazetteer)
    if said.hazard_status or said.open_only or said.overdue:
        return question
    return question[:at] + "全部" + question[at:]


__all__ = ["every_status"]
