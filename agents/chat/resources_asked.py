"""Rescue resources a question asks for ("危化救援队和专家"), in the order it names them."""

from __future__ import annotations

import re

from agents.chat.slots import RESOURCE_SYNONYMS, normalise_question
from agents.llm.vocab import cn_to_int

# A number and a measure word right before a resource noun: "两支消防队", "一个医院", "3名专家".
_COUNT_BEFORE = re.compile(r"([0-9一二两三四五六七八九十]{1,3})\s*(?:支|个|家|名|位|处|座|所|只)?\s*$")


def _spans(text: str) -> list[tuple[int, tuple[str, str | None]]]:
    """(start, request) of each resource noun, longest nouns first, none overlapping."""
    spans: list[tuple[int, tuple[str, str | None]]] = []
    taken: set[int] = set()
    for word in sorted(RESOURCE_SYNONYMS, key=len, reverse=True):
        start = text.find(word)
        if start >= 0 and not taken & set(range(start, start + len(word))):
            taken |= set(range(start, start + len(word)))
            spans.append((start, RESOURCE_SYNONYMS[word]))
    return spans


def requested_counts(text: str) -> dict[tuple[str, str | None], int]:
    """How many of each kind a question asks for, where it says so: "最近的两支消防队和一个医院" →
    {("team", "消防"): 2, ("medical", None): 1}. Kinds said without a number are left out."""
    text = normalise_question(text)
    counts: dict[tuple[str, str | None], int] = {}
    for start, request in _spans(text):
        if (m := _COUNT_BEFORE.search(text[:start])) is not None:
            n = int(m.group(1)) if m.group(1).isdigit() else cn_to_int(m.group(1))
            if n and 0 < n <= 20:
                counts.setdefault(request, n)
    return counts


def resource_requests(text: str) -> list[tuple[str, str | None]]:
    """Every (resource kind, team type) asked for: "危化救援队和专家" → [("team", "危化"), ("expert", None)]."""
    text = normalise_question(text)
    found: list[tuple[str, str | None]] = []
    taken: set[int] = set()
    for word in sorted(RESOURCE_SYNONYMS, key=len, reverse=True):
        start = text.find(word)
        if start >= 0 and not taken & set(range(start, start + len(word))):
            taken |= set(range(start, start + len(word)))
            request = RESOURCE_SYNONYMS[word]
            if request not in found and not any(k == request[0] and request[1] is None for k, _ in found):
                found.append(request)
    return sorted(
        found, key=lambda r: text.find(next(w for w, v in RESOURCE_SYNONYMS.items() if v == r and w in text))
    )
