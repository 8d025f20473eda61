"""A value taken back as it is said (events-robust22): 宁锦模具 不对 是阳益电力, 周庄 哦说错了 是祝塘, 城东，不对，澄江.
Dictated and tired typing corrects itself in line; the value before the correction is dropped and the one after it
stands (the filter would otherwise hold both)."""

from __future__ import annotations

import re
from collections.abc import Callable

_MARK = re.compile(
    r"[，,\s]*(?:哦|噢|呃|啊)?\s*(?:不对不对|不对(?!劲)|说错了|说错|搞错了|讲错了|不是不是|不是(?=[，,\s]+是))[，,。\s]*(?:应该|我是说)?是?"
)
_SEPARATORS = " \t，,。；;！!？?"
_LONGEST_NAME = 12


def corrected(text: str, is_name: Callable[[str], bool]) -> str:
    """``text`` with every correction mark and the value it takes back blanked: the words back to the previous
    space or comma when the speaker set them apart, else the longest known name ending right before the mark."""
    out = text
    for m in _MARK.finditer(text):
        end = m.start()
        back = end
        while back > 0 and text[back - 1] not in _SEPARATORS and end - back <= _LONGEST_NAME:
            back -= 1
        if back > 0 and text[back - 1] not in _SEPARATORS:  # a run of words: only a known name ending here
            back = next((k for k in range(end - _LONGEST_NAME, end) if k >= 0 and is_name(text[k:end])), end)
        if back < end:
            out = out[:back] + " " * (m.end() - back) + out[m.end() :]
    return out
