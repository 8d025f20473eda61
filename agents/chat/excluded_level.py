"""An excluded hazard level is the other one: "除了一般隐患还有哪些" asks for the 重大 hazards.

Hazards have two levels (一般, 重大), so excluding one names the other. Read as written, the excluded
word was taken as the question's own level — "除了一般隐患还有哪些" listed the 一般 hazards, the very ones
left out — and "除了一般的还有哪些" after a hazard list was not understood (chat round 28 left both).
An exclusion followed by an 只-clause ("去掉一般隐患，只算重大的") is agents.chat.replaced_part's.
Pure functions; no I/O.
"""

from __future__ import annotations

import re

_OTHER = {"一般": "重大", "重大": "一般"}
# "除了一般隐患(以外)", "除一般的隐患外": said with 隐患, the level swaps in the text itself.
_EXCLUDED_HAZARDS = re.compile(r"除了?(一般|重大)的?隐患(?:以外|之外|外)?")
# "除了一般的还有哪些" after a hazard question: the level word alone (not 重大危险源, 重大风险).
_EXCLUDED_LEVEL = re.compile(r"^(?:那)?除了?(一般|重大)(?!危险|风险)")


def other_hazard_level(text: str) -> str:
    """``text`` with an excluded hazard level said with 隐患 replaced by the other level."""
    return _EXCLUDED_HAZARDS.sub(lambda m: _OTHER[m.group(1)] + "隐患", text)


def excluded_level(text: str) -> str | None:
    """The level meant by a follow-up that excludes a bare level ("除了一般的还有哪些" → 重大), or None."""
    m = _EXCLUDED_LEVEL.search(text)
    return _OTHER[m.group(1)] if m else None


__all__ = ["excluded_level", "other_hazard_level"]
