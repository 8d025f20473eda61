"""Vocabulary words typed in toneless pinyin on a keyboard without an input method (events41).

A duty officer on a borrowed terminal types ``anquanmao`` for 安全帽, ``dianpingche`` for 电瓶车, ``wubao`` for
误报: any word of two or more characters in the closed vocabularies (event type, level, status, source) reads as
that word when typed as its pinyin, so the words around it keep their meaning (没戴anquanmao = 没戴 安全帽). The
table is derived from the vocabularies rather than listed, so a word added to them is typed in pinyin for free.

Two words that share a pinyin but mean different things (no such pair exists today) are both left out: a guess
would put a wrong value into the filter. Short spellings (under four letters) are left out too, as they are
English or abbreviations more often than pinyin.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")
_MIN_LETTERS = 4


def pinyin_spellings(tables: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Toneless pinyin (letters only, lower case) → the vocabulary word it spells, for every unambiguous word."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pypinyin import lazy_pinyin

    found: dict[str, str] = {}
    meanings: dict[str, set[tuple[int, Any]]] = {}
    for n, table in enumerate(tables):
        for word, values in table.items():
            if not _WORD.fullmatch(word):
                continue
            spelled = "".join(lazy_pinyin(word))
            if len(spelled) < _MIN_LETTERS or not spelled.isascii() or not spelled.isalpha():
                continue
            found.setdefault(spelled, word)
            meanings.setdefault(spelled, set()).add((n, values))
    return {spelled: word for spelled, word in found.items() if len(meanings[spelled]) == 1}


@cache
def _vocabulary_spellings() -> dict[str, str]:
    from agents.events.vocab import EVENT_TYPE_WORDS, LEVEL_WORDS, SOURCE_WORDS, STATUS_WORDS

    return pinyin_spellings((EVENT_TYPE_WORDS, LEVEL_WORDS, STATUS_WORDS, SOURCE_WORDS))


def word_for_pinyin(word: str) -> str | None:
    """The vocabulary word ``word`` spells in pinyin (anquanmao → 安全帽), else None."""
    if len(word) < _MIN_LETTERS or not word.isascii() or not word.isalpha():
        return None
    return _vocabulary_spellings().get(word.casefold())
