"""环比 with no period said (ADR 0018, round 6): "隐患整改率环比", "告警环比增长了多少".

环比 names the period before but not this one. Round 2 asked such a question back; but the city's
briefings are monthly, so a bare 环比 is read as this month so far against the whole previous month
(evals/README.md (37)) and the answer says so, which is cheaper for a duty officer than one more turn.
同比 or 比以前 with no period still name no span at all and are still asked back (round 2).
"""

from __future__ import annotations

import re

from agents.chat.models import ChatAnswer
from agents.chat.timewords import TimeParser, time_window

_BARE = re.compile(r"环比")
_OTHER = re.compile(r"同比|去年|上年|以前|之前|过去")
NOTE = "（未说明时段，按环比的常用口径：本月截至目前与上月整月比较。）\n"


def this_month_by_default(text: str, now_ms: int, parser: TimeParser | None) -> str | None:
    """``text`` with 本月 said when it asks a 环比 and names no period, else None."""
    if not _BARE.search(text) or _OTHER.search(text):
        return None
    if time_window(text, now_ms, parser) is not None:
        return None  # "三季度告警环比": its own period
    return "本月" + text


def noted(answer: ChatAnswer) -> ChatAnswer:
    """The answer with the period it assumed said first, so the caller can ask again with another."""
    if answer.path != "derived":
        return answer
    return answer.model_copy(update={"answer": NOTE + answer.answer})


__all__ = ["NOTE", "noted", "this_month_by_default"]
