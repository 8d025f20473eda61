"""Two enterprise categories joined by 或 ("纺织或者轻工企业", "冶金或有色企业"): either of them.

The enterprise templates filter on a list of categories (``$category_group``), so "A或B" is one
attribute with two values, not a union of two answers. The compound planner and the aggregation step
used to refuse every 或 (a union of two condition sets is not an intersection), and one reading of
"冶金或有色" kept 冶金 only. Only two category words side by side are read here; 或 between anything
else (two conditions, two towns) stays refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agents.chat.slots import CATEGORY_SYNONYMS

_WORDS = "|".join(sorted((re.escape(w) for w in CATEGORY_SYNONYMS), key=len, reverse=True))
_EITHER = re.compile(rf"({_WORDS})(?:类|企业|类企业)?(?:或者是?|或是|或|还是|要么是?)({_WORDS})")
# Keeps positions and is neither a clause separator nor a word of any slot.
FILLER = "＊"


@dataclass(frozen=True)
class Either:
    text: str  # the question with the "A或B" words blanked out (same length)
    categories: list[str]  # the category values named, in order, without repeats


def either_categories(text: str) -> Either | None:
    """The categories joined by 或 in ``text``, or None when there is no such pair."""
    found: list[str] = []
    blanked = text
    for m in _EITHER.finditer(text):
        for word in (m[1], m[2]):
            if CATEGORY_SYNONYMS[word] not in found:
                found.append(CATEGORY_SYNONYMS[word])
        blanked = blanked[: m.start()] + FILLER * (m.end() - m.start()) + blanked[m.end() :]
    return Either(blanked, found) if len(found) > 1 else None


__all__ = ["FILLER", "Either", "either_categories"]
