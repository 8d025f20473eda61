"""Questions typed loosely: traditional characters (臨港 for 临港) and a town name with one character
mistyped (华仕 for 华士, 李港 for 利港, 成东 for 城东).

Traditional characters are mapped by the shared table of ``agents.nlp.traditional`` (re-exported
here as ``simplified``).
Town slips reuse the look-alike / same-sound test of the event search (``agents.events.typos``).
"""

from __future__ import annotations

from collections.abc import Mapping

from agents.events.typos import slipped_town
from agents.nlp.traditional import simplified

__all__ = ["simplified", "slipped_town_in"]


def slipped_town_in(text: str, names: Mapping[str, str]) -> tuple[str, str] | None:
    """(span, town) for the first span of ``text`` that mistypes one town name or alias by one
    look-alike or same-sound character ("华仕镇" → 华士镇), when exactly one town fits; else None."""
    lengths = sorted({len(n) for n in names}, reverse=True)
    for start in range(len(text)):
        for size in lengths:
            span = text[start : start + size]
            if len(span) == size and (town := slipped_town(span, names)) is not None:
                return span, town
    return None
