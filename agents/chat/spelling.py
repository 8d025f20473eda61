"""Questions typed loosely: traditional characters (臨港 for 临港), a town name with one character
mistyped (华仕 for 华士, 李港 for 利港, 成东 for 城东) or typed in toneless pinyin on a keyboard
without an input method (lingang, Huashi, zhouzhuangzhen).

Traditional characters are mapped by the shared table of ``agents.nlp.traditional`` (re-exported
here as ``simplified``).
Town slips reuse the look-alike / same-sound test of the event search (``agents.events.typos``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from agents.chat.fuzzy_sounds import fuzzy_slipped_town
from agents.events.typos import pinyin, slipped_town
from agents.nlp.traditional import simplified

__all__ = ["loose_town_in", "pinyin_town_in", "simplified", "slipped_town_in"]

# A run of Latin letters long enough to spell a town ("lingang"), stopping before a capital that
# starts the next word ("lingangA类": lingang, then A类).
_LATIN_WORD = re.compile(r"[A-Z]?[a-z]{3,29}|[A-Z]{4,30}")


def slipped_town_in(text: str, names: Mapping[str, str]) -> tuple[str, str] | None:
    """(span, town) for the first span of ``text`` that mistypes one town name or alias by one
    look-alike or same-sound character ("华仕镇" → 华士镇), or failing that by one fuzzy-sound
    character ("顾三镇" → 顾山镇), when exactly one town fits; else None."""
    lengths = sorted({len(n) for n in names}, reverse=True)
    for test in (slipped_town, fuzzy_slipped_town):  # a strict slip anywhere first, then a fuzzy sound
        for start in range(len(text)):
            for size in lengths:
                span = text[start : start + size]
                if len(span) == size and (town := test(span, names)) is not None:
                    return span, town
    return None


@cache
def _spellings(names: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Toneless pinyin without spaces → town, for spellings that name only one town."""
    towns: dict[str, set[str]] = {}
    for alias, town in names:
        towns.setdefault(pinyin(alias).replace(" ", ""), set()).add(town)
    return {spelling: next(iter(found)) for spelling, found in towns.items() if len(found) == 1}


def pinyin_town_in(text: str, names: Mapping[str, str]) -> tuple[str, str] | None:
    """(span, town) for the first Latin word of ``text`` that spells one town name or alias in
    toneless pinyin ("lingang" → 临港经济开发区, "Huashizhen" → 华士镇), else None."""
    spellings = _spellings(tuple(sorted(names.items())))
    for m in _LATIN_WORD.finditer(text):
        if (town := spellings.get(m.group().lower())) is not None:
            return m.group(), town
    return None


def loose_town_in(text: str, names: Mapping[str, str]) -> tuple[str, str] | None:
    """A town written loosely: one character slipped (``slipped_town_in``), or spelled in pinyin."""
    return slipped_town_in(text, names) or pinyin_town_in(text, names)
