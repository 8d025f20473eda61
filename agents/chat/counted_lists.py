"""How many rows a list template may return when the question asks how many ("本月全市告警有多少条").

Templates without a count of their own (events, penalties, inspections…) answer "有多少" with their
rows, and the answer states the row count. Those rows stop at the listing limit (500), so a month of
the city's alarms (578) was reported as 500, and "本月告警环比上月" compared 500 with 500 ("持平").
When the number is what is asked, every row is fetched: the count must be the true one, and the
answer still shows only its first rows.
"""

from __future__ import annotations

import re

from agents.chat.members_asked import firms_or_towns_asked
from graph.intents import Intent

# The number itself asked for; "哪几条" / "列出" ask for the items (the listing limit is kept).
_COUNT_ASKED = re.compile(
    r"多少|(?<!哪)几(?:家|个|条|处|次|起|项|笔|张|回|支|位|场)|数量|总数|一共|总共|合计|共计|统计|"
    r"增加|减少|多了|少了|持平|环比|同比"
)
COUNT_LIMIT = 100_000


def row_limit(intent: Intent, text: str, limit: int) -> int:
    """``limit``, or every row when ``text`` asks how many of a list template's things there are."""
    if intent.shape == "list" and _COUNT_ASKED.search(text):
        return max(limit, COUNT_LIMIT)
    if intent.shape == "list" and "enterprise_id" in intent.columns and firms_or_towns_asked(text):
        return max(limit, COUNT_LIMIT)  # "今年被检查过的公司有哪几家": the firms of every record, not of 500
    return limit


def as_count(question: str) -> str:
    """``question`` asking how many: "这个月的报警" compared with last month is compared by its number."""
    return question if _COUNT_ASKED.search(question) else question + "有多少"


__all__ = ["COUNT_LIMIT", "as_count", "row_limit"]
