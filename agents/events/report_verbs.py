"""A reporting verb after a source word (仪表报的, 物联网报上来的, 网格报的): it says how the event came in,
so it belongs to the source word and must not end the run of words a negation said afterwards takes back
(仪表报的不要 = every source but 物联阈值; events-robust15, round 14's 物联报的不要)."""

from __future__ import annotations

from agents.events.vocab import SOURCE_WORDS, canonical_spelling

REPORT_VERBS: frozenset[str] = frozenset(
    [
        "报",
        "报的",
        "报了",
        "报过",
        "报过的",
        "报来",
        "报来的",
        "报上来",
        "报上来的",
        "报过来",
        "报过来的",
        "上报",
        "上报的",
    ]
)


def is_source_word(word: str) -> bool:
    return canonical_spelling(word) in SOURCE_WORDS


def follows_a_source(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is a reporting verb right after a source word (spaces between them skipped)."""
    if words[i] not in REPORT_VERBS:
        return False
    before = [w for w in words[:i] if w.strip()]
    return bool(before) and is_source_word(before[-1])


def without_report_verbs(words: list[str]) -> list[str]:
    """``words`` less every reporting verb that follows a source word."""
    return [w for i, w in enumerate(words) if not follows_a_source(words, i)]
