"""Rescue resources a question asks for ("危化救援队和专家"), in the order it names them."""

from __future__ import annotations

from agents.chat.slots import RESOURCE_SYNONYMS, normalise_question


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
