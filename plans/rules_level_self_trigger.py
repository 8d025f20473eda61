"""A "trigger" that only names the level itself: "发生一级响应时，公司1小时内书面报告…".

Later sections (reporting, closing the response) refer back to a level by its name ("启动Ⅱ级响应后",
"发生一级响应时"). Read with the level-trigger pattern such a clause looks like a trigger, but it says
nothing about when the level starts: it is no trigger, and the level's real one (written elsewhere) wins.
"""

from __future__ import annotations

import re

from plans.rules_level_fields import _LEVEL_TOKEN

_LEVEL_NAMED = re.compile(
    rf"(?:发生|启动|进入|达到|实施|执行|处于)?\s*(?:{_LEVEL_TOKEN})\s*级\s*(?:[（(][^)）]{{0,8}}[)）])?\s*(?:应急)?响应"
)


def names_only_the_level(trigger: str) -> bool:
    """True when ``trigger`` is nothing but a response level's name (with a verb before it)."""
    rest = _LEVEL_NAMED.sub("", trigger)
    return not re.sub(r"[\s，,。；;：:]|^(?:当|在|如|若|一旦)", "", rest)
