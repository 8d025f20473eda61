"""Duty-room nouns typed with one character slipped: 加由站 for 加油站, 监空 for 监控, 整该 for 整改.

A phone keyboard offers the same-sound character first, and a hurried caller does not correct it.
The routing rules and vocabulary tables are written against the right words, so a slipped noun
would end in the polite decline or, worse, in a neighbouring template (监空 read as a sensor).
Town names have their own slip test (``agents.chat.spelling``); this one covers the nouns.

Two-character nouns are corrected only for a same-sound slip (not a look-alike one): with two
characters a look-alike pair too often forms another real word.

Voice input on a phone (a grid worker's, chat-robust15) writes a whole word with homophones: 设想头
for 摄像头, every character replaced. A noun of three characters or more whose every character shares
a reading with the one it stands for is that noun too (two characters stay one-slip only: 预期 is a
word of its own).
"""

from __future__ import annotations

from agents.events.typos import one_slip_away, sound_alike

# Three characters and more: one slipped character leaves the word recognisable.
_LONG_TERMS = (
    "加油站",
    "传感器",
    "摄像头",
    "危险源",
    "消防队",
    "救援队",
    "避难场所",
    "特殊作业",
    "风险点",
    "出租方",
    "承租方",
    "承租企业",
    "危化品",
    "救援装备",
)
# Two characters: only a same-sound slip. The records nouns (演练, 装备, 租赁) came with the records
# templates (chat-robust17) and slip the same way.
_SHORT_TERMS = (
    "监控",
    "隐患",
    "整改",
    "值班",
    "带班",
    "动火",
    "吊装",
    "罚款",
    "逾期",
    "失信",
    "演练",
    "装备",
    "租赁",
)
# Characters built on one phonetic component (佥) that a handwriting pad or a glance swaps although
# they sound apart: 危检源 for 危险源. Only for the long terms, where one slip cannot form a word.
_SHAPE_FAMILIES = ("险检验脸签剑捡",)


# Words of their own that sound like a term: 预期 (expected) is not 逾期.
_OWN_WORDS = frozenset({"预期"})
# Place names that open a firm's legal name: their last character with the next one is no slipped
# noun ("江阴市信力树脂" has 市信, which sounds like 失信; chat round 27).
_PLACE_NAMES = ("江阴市", "无锡市", "江苏省")


def _same_sound_slip(span: str, term: str) -> bool:
    if span in _OWN_WORDS:
        return False
    diffs = [(a, b) for a, b in zip(span, term, strict=True) if a != b]
    return len(diffs) == 1 and sound_alike(*diffs[0])


def _slipped_term(span: str) -> str | None:
    if not all("\u4e00" <= ch <= "\u9fff" for ch in span):
        return None
    if len(span) == 2:
        found = [t for t in _SHORT_TERMS if _same_sound_slip(span, t)]
    else:
        same_length = [t for t in _LONG_TERMS if len(t) == len(span)]
        found = (
            one_slip_away(span, same_length)
            or [t for t in same_length if _spoken_alike(span, t)]
            or [t for t in same_length if _shape_slip(span, t)]
        )
    return found[0] if len(found) == 1 else None


def _shape_slip(span: str, term: str) -> bool:
    diffs = [(a, b) for a, b in zip(span, term, strict=True) if a != b]
    return len(diffs) == 1 and any(set(diffs[0]) <= set(family) for family in _SHAPE_FAMILIES)


def _spoken_alike(span: str, term: str) -> bool:
    """Every character of ``span`` is the term's own or shares a reading with it (voice input)."""
    return span != term and all(a == b or sound_alike(a, b) for a, b in zip(span, term, strict=True))


def fix_word_slips(text: str) -> str:
    """``text`` with each duty-room noun typed with one slipped character written right."""
    out = text
    for size in (4, 3, 2):
        start = 0
        while start + size <= len(out):
            span = out[start : start + size]
            term = None if _in_place_name(out, start) else _slipped_term(span)
            if term is not None:
                out = out[:start] + term + out[start + size :]
                start += size
            else:
                start += 1
    return out


def _in_place_name(text: str, start: int) -> bool:
    """The character at ``start`` ends a place name such as 江阴市."""
    return any(text[max(start - len(p) + 1, 0) : start + 1] == p for p in _PLACE_NAMES)


__all__ = ["fix_word_slips"]
