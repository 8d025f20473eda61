"""What a "…怎么样" question asks about, for the towns' overview (镇街概况).

"华士镇今天怎么样", "最近整体情况咋样", "现在怎么样" ask how things stand: the overview answers them.
"今天股市怎么样", "最近油价怎么样" ask about something the graph does not hold; routed by their 怎么样
alone they were answered with every town's figures, as if understood. So the words before 怎么样,
less times, fillers and safety-situation words, must be empty or the question must name a place.
"""

from __future__ import annotations

import re

from agents.chat.slots import Slots

_HOW = re.compile(r"怎么样|咋样|怎样")
_TIME = (
    r"今天|今日|昨天|明天|现在|目前|当前|眼下|最近|近期|近来|这段时间|这阵子|这(?:几|两|一)?[天周月]|"
    r"本[周月年]|上[周月]|这个?[周月]|今年|去年|周末|早上|上午|下午|晚上|夜里|今晚"
)
_FILLER = (
    r"[的了呢啊吧呀嘛都总]|那边|这边|那里|这里|一下|我们|咱们|大家|全市|全镇|全区|各镇街?|各街道|江阴|"
    r"整体|总体|总的|安全生产|安全|形势|情况|概况|态势|状况|工作|形式"
)
_NOT_A_SUBJECT = re.compile(rf"(?:{_TIME}|{_FILLER})")
_CJK_OR_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


def asks_how_something_else_is(text: str, slots: Slots) -> bool:
    """True when "…怎么样" is about a subject other than a place or the safety situation."""
    found = _HOW.search(text)
    if found is None or slots.town:
        return False
    subject = _NOT_A_SUBJECT.sub("", text[: found.start()])
    return bool(_CJK_OR_WORD.search(subject))
