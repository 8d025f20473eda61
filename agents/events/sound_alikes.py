"""Words transcribed by a phone's voice input: the right sounds written with other characters
(花市/滑石 for 华士, 林港 for 临港, 眼雾 for 烟雾, 夜位 for 液位, 风力毛纺 for 丰利毛纺).

Speech recognition knows common words, not this city's proper nouns, so it writes a town or an
enterprise as the nearest common word; it rarely misses a common vocabulary word entirely, so a
vocabulary word is only recovered from a non-word one character away. Consulted only for leftover
words, after the one-slip and whole-word rules of ``agents.events.leftover_places``:
* a window of a leftover whose toneless pinyin is that of exactly one town alias, place name or
  vocabulary word of the same length names it;
* a window that is an ordinary word (in jieba's general dictionary) may stand for a town or place,
  never for a vocabulary word (以及 is not 一级, 食品 not 视频), and a duty word with a meaning of
  its own (离岗, 脱岗) stands for nothing;
* a place name (3+ characters) must share a character with the window, a vocabulary word all but
  one (眼雾/烟雾, 反光依/反光衣): two-syllable coincidences across words are common;
* a vocabulary word is not read from a window that cuts an ordinary word of the leftover in two
  (大货车: 大货 is half of 货车, not 大火; events-robust14).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from agents.events.typos import pinyin
from agents.events.vocab import DUTY_WORDS

_CJK = re.compile(r"[\u4e00-\u9fff]+")


@cache
def _sound(text: str) -> str:
    return pinyin(text)


class SoundAlikes:
    def __init__(
        self,
        towns: Iterable[str],
        places: Iterable[str],
        vocabulary: Iterable[str],
        ordinary_word: Callable[[str], bool] | None = None,
    ) -> None:
        """``towns``: town aliases; ``places``: village, road, enterprise and camera names;
        ``vocabulary``: surface words of the event-type, level, status and source tables."""
        self._sources = (("town", towns), ("place", places), ("vocab", vocabulary))
        self._index: dict[str, set[tuple[str, str]]] | None = None
        self._longest = 2
        self.ordinary_word = ordinary_word

    def _build(self) -> dict[str, set[tuple[str, str]]]:
        if self._index is None:
            index: dict[str, set[tuple[str, str]]] = {}
            for kind, words in self._sources:
                for word in words:
                    if len(word) >= (3 if kind == "place" else 2) and _CJK.fullmatch(word):
                        index.setdefault(_sound(word), set()).add((kind, word))
                        self._longest = max(self._longest, len(word))
            self._index = index
        return self._index

    def match(self, word: str) -> str | None:
        """The one name or vocabulary word that ``word`` sounds like, or None."""
        found = self._match(word)
        return None if found is None else found[1]

    def _match(self, word: str) -> tuple[str, str] | None:
        if not _CJK.fullmatch(word) or len(word) < 2:
            return None
        hits = {
            (k, w) for k, w in self._build().get(_sound(word), ()) if w != word and self._fits(word, k, w)
        }
        return hits.pop() if len(hits) == 1 else None

    def _cuts_a_word(self, text: str, start: int, end: int) -> bool:
        """An ordinary word of ``text`` crosses the window's edge (大货车: 大货 cuts 货车), so the window is
        half of one word and half of another, not a word typed with other characters."""
        if self.ordinary_word is None:
            return False
        return any(
            self.ordinary_word(text[i:j])
            for i in range(len(text))
            for j in range(i + 2, len(text) + 1)
            if i < end and j > start and not (start <= i and j <= end)
        )

    def _fits(self, word: str, kind: str, target: str) -> bool:
        if word in DUTY_WORDS:
            return False
        shared = sum(a == b for a, b in zip(word, target, strict=True))
        ordinary = self.ordinary_word is not None and self.ordinary_word(word)
        if kind == "vocab":
            return not ordinary and shared == len(word) - 1
        return kind == "town" or shared >= 1

    def split(self, word: str) -> list[tuple[str, str | None]]:
        """``word`` cut into pieces, each with the name it sounds like (or None): the longest
        window that matches first, then the pieces left and right of it the same way."""
        self._build()
        for size in range(min(self._longest, len(word)), 1, -1):
            for i in range(len(word) - size + 1):
                found = self._match(word[i : i + size])
                if found is not None and not (found[0] == "vocab" and self._cuts_a_word(word, i, i + size)):
                    target = found[1]
                    left = self.split(word[:i]) if i else []
                    right = self.split(word[i + size :]) if i + size < len(word) else []
                    return [*left, (word[i : i + size], target), *right]
        return [(word, None)] if word else []
