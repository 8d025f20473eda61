"""An exclusion said before the part kept: "去掉一般隐患，只算重大的" says the same as "只算重大的".

The dropped words (一般隐患) would otherwise be read as the question's own subject and level — a new
hazard list of the very level excluded — instead of a follow-up narrowing the last question (chat round
28). Only an exclusion followed by an 只/光/仅 clause is dropped: "除了一般隐患还有哪些" stays as it was.
"""

from __future__ import annotations

import re

_REPLACED = re.compile(
    r"^(?:那|把)?(?:去掉|去除|不要|不算|除去|排除|刨掉|扣掉|剔除|拿掉)[^，,。；;！!？?]{1,12}[，,；;]\s*"
    r"(?=(?:那?就?)(?:只|光|仅)(?:算|看|要|查|留|统计|剩))"
)


def without_replaced_part(text: str) -> str:
    """The text with a leading exclusion dropped when an 只-clause says what is kept."""
    return _REPLACED.sub("", text, count=1)


__all__ = ["without_replaced_part"]
