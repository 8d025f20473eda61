"""这周和上周各多少次: two periods named side by side, asked as one comparison (chat round 22).

"10月和11月全市罚款哪个月多", "这周和上周全市报警各多少次", "本街道去年和今年各罚了多少钱": the caller
wants the quantity for both periods. The time grammar read "A和B" as one window (or the list of the
first), so the reply was one number or a list. The pair is rewritten into the comparison that
``agents.chat.versus`` answers ("10月全市罚款和11月比多还是少"): the quantity asked for the first
period, compared with the second.
"""

from __future__ import annotations

import re

from agents.chat.composed_followup import PERIOD

_PAIR = re.compile(rf"(?P<a>{PERIOD.pattern})(?:和|与|跟|同|及|、)(?P<b>{PERIOD.pattern})")
# What asks for both: 各/分别 before the quantity, or which of the two is larger.
_EACH = re.compile(r"各自?|分别")
_WHICH = re.compile(r"(?:是)?哪(?:个|一)(?:月|年|周|天|个月)?(?:更|比较)?(?:多|少|高|低)(?:一些|些|一点)?")
_TAIL = re.compile(r"[，,\s呢？?。]+$")


def as_comparison(text: str) -> str | None:
    """The comparison form of a two-period question, or None when no two periods are paired."""
    pair = _PAIR.search(text)
    if pair is None or not (_EACH.search(text, pair.end()) or _WHICH.search(text, pair.end())):
        return None
    rest = text[pair.end() :]
    rest = _WHICH.sub("", _EACH.sub("", rest, count=1), count=1)
    first = _TAIL.sub("", text[: pair.start()] + pair["a"] + rest)
    return f"{first}和{pair['b']}比多还是少"


__all__ = ["as_comparison"]
