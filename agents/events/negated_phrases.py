"""Composed event phrases under a negation (events-robust22): 不是冒烟的, 不是着火也不是冒烟的, 除了冒烟和起火以外的,
冒烟的除外. ``phrases.event_phrases`` finds the phrase before the tokens are read, so the token-level negation in
``query_parser._read_tokens`` never sees it; here the words around the phrase decide whether it is a type asked
for or one taken out ("every other type", as a negated vocabulary word)."""

from __future__ import annotations

import re
from typing import Any

from agents.events.phrases import NEGATIONS
from core.vocab import EventType

_NEGATION = "(?:" + "|".join(sorted(NEGATIONS, key=len, reverse=True)) + ")"
_JOINER = r"(?:和|与|及|、|或者|或|以及|跟|还有|也)"
# Right before the phrase: a negation (不是冒烟), or a negation, one more negated word and a joiner (除了烟雾和冒烟).
# Not a negation said afterwards about the words before it (误报的别算 电瓶车进电梯: 电瓶车 is asked for).
_SAID_AFTER = r"(?<![的了就都])"
_BEFORE = re.compile(
    rf"{_SAID_AFTER}{_NEGATION}\s*(?:有|是)?\s*$|{_SAID_AFTER}{_NEGATION}[^\s，,。；;]{{1,8}}?{_JOINER}\s*$"
)
_JOINED = re.compile(rf"\s*(?:{_JOINER}\s*)?")
# Right after it: the negation said afterwards (冒烟的除外, 冒烟以外的).
_AFTER = re.compile(r"^\s*的?\s*(?:除外|以外|之外)")


def is_negated(text: str, start: int, end: int) -> bool:
    """True when the phrase at ``text[start:end]`` is taken out rather than asked for."""
    return bool(_BEFORE.search(text[max(0, start - 16) : start]) or _AFTER.match(text[end:]))


def place_phrases(
    text: str,
    phrases: list[tuple[int, int, EventType]],
    types: list[str],
    excluded: list[tuple[str, tuple[Any, ...]]],
) -> str:
    """Put each phrase's type into ``types`` or, when negated, into ``excluded``; ``text`` with the phrases blanked.
    The negation is read on the text as typed, before any phrase is blanked (除了冒烟和起火: both)."""
    out = text
    negated_ends: set[int] = set()
    for start, end, event_type in sorted(phrases, key=lambda p: p[0]):
        if is_negated(text, start, end) or _next_to(text, negated_ends, start):
            excluded.append(("types", (event_type,)))
            negated_ends.add(end)
        else:
            types.append(event_type.value)
        out = out[:start] + " " * (end - start) + out[end:]
    return out


def _next_to(text: str, negated_ends: set[int], start: int) -> bool:
    # right after a negated phrase, with nothing or a joiner between (排除冒烟着火的, 不是冒烟或者起火的)
    return any(_JOINED.fullmatch(text[e:start]) for e in negated_ends if e <= start)
