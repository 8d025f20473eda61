"""Spoken counts 俩 (= 两个) and 仨 (= 三个), read before the rules look at a question.

A voice-typed or colloquial question says "这俩镇哪个隐患多" or "最多的仨镇街": the routing
rules and the ranking limit read 两个 / 三个 with a measure word, so the spoken form is written
out here. Before a measure word (家, 条, 起 …) only the numeral is replaced (俩家 → 两家); before a
time word it is left to the time grammar, which already reads 俩 (俩小时, 俩点).
"""

from __future__ import annotations

import re

_MEASURE = "家条起次位名处支座项台辆户个"
_TIME = r"点|时|小时|钟|刻|分|号|日|天|周|礼拜|星期|月|年"
_BEFORE_MEASURE = re.compile(rf"([俩仨])(?=[{_MEASURE}])")
_BEFORE_NOUN = re.compile(rf"([俩仨])(?!{_TIME}|[{_MEASURE}])(?=[\u4e00-\u9fff])")
_WORD = {"俩": "两", "仨": "三"}


def spoken_counts(text: str) -> str:
    """``"这俩镇哪个隐患多"`` → ``"这两个镇哪个隐患多"``; ``"仨家"`` → ``"三家"``."""
    text = _BEFORE_MEASURE.sub(lambda m: _WORD[m.group(1)], text)
    return _BEFORE_NOUN.sub(lambda m: _WORD[m.group(1)] + "个", text)


__all__ = ["spoken_counts"]
