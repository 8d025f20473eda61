"""Vocabulary words typed with one wrong character, put right before the sentence is read.

A night shift types fast: 烟务/咽雾 for 烟雾, 安全冒 for 安全帽, 已排发 for 已派发, 误抱 for 误报, 液为 for
液位. ``agents.events.sound_alikes`` already recovers such words, but only among the leftovers, after
the tokens were read: by then 误抱的除外 has no status word before 除外 (nothing is excluded) and 安全冒
has vanished into the filler words 安全 and 冒. So the slip is mended in the text itself, where it
stands, and negations, exclusions and level ranges then apply to it as to the right word (ADR 0011,
events-robust9).

A window is one or more whole tokens of the segmenter (never half a word: 增加的 holds no 加的 for 假的)
that is not a known word (vocabulary, place, spot), whose slipped character is not inside a known word
of two or more characters (压力超线: 线 is mended, 压力 never rewritten), and is not a common word (jieba frequency of 100 or more: 以及, 食品, 检测 stay themselves; 火眼, at 25,
is the phone's 火焰). It must differ from exactly one vocabulary word of its length in one character,
the two characters alike in shape or sharing a reading (``agents.events.typos.confusable``). Words
with 的 and 有 + one character are no target (哪家的 is not 假的, 有货 not 有火), and a particle is never
the slipped character.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from agents.events.typos import confusable

_CJK = re.compile(r"[\u4e00-\u9fff]+")
# Typed on purpose, never a slip, though some share a rare reading with a vocabulary character
# (的 di: 红色等级的 is not 等级低).
_PARTICLES = frozenset("的地得了着过吗呢吧啊呀么")
_THERE_IS = re.compile(r"有.")
COMMON_FREQ = 100  # jieba frequency from which a word is taken as meant (火眼 25, 以及 30775)


def _keys(word: str) -> Iterable[tuple[str, int]]:
    for i in range(len(word)):
        yield word[:i] + "?" + word[i + 1 :], i


class VocabSlips:
    def __init__(
        self, vocabulary: Iterable[str], known: Callable[[str], bool], frequency: Callable[[str], int]
    ) -> None:
        """``known``: a vocabulary, place or spot word; ``frequency``: jieba's count for a word."""
        self._index: dict[tuple[str, int], set[str]] = {}
        self._longest = 2
        for word in vocabulary:
            # 有 + a noun of the same sound is ordinary speech (有货 is not 有火, 有言 not 有烟)
            if len(word) >= 2 and _CJK.fullmatch(word) and "的" not in word and not _THERE_IS.fullmatch(word):
                for key in _keys(word):
                    self._index.setdefault(key, set()).add(word)
                self._longest = max(self._longest, len(word))
        self.known = known
        self.frequency = frequency

    def target(self, window: str) -> tuple[str, int] | None:
        """The one vocabulary word ``window`` mistypes by one confusable character, and where, or None."""
        hits = {
            (word, i)
            for key, i in _keys(window)
            for word in self._index.get((key, i), ())
            if word != window and window[i] not in _PARTICLES and confusable(window[i], word[i])
        }
        return hits.pop() if len(hits) == 1 else None

    def mend(self, text: str, tokens: Iterable[tuple[str, int, int]]) -> str:
        """``text`` with every slipped vocabulary word replaced by the word (same length, so spans
        found earlier stay valid); ``tokens``: the segmenter's (word, start, end) over ``text``."""
        toks = list(tokens)
        i = 0
        while i < len(toks):
            for j in range(len(toks), i, -1):
                window = "".join(t[0] for t in toks[i:j])
                if len(window) > self._longest or not self._usable(window):
                    continue
                hit = self.target(window)
                if hit is not None and not self._in_known_word(hit[1], toks[i:j]):
                    word, start = hit[0], toks[i][1]
                    text = text[:start] + word + text[start + len(word) :]
                    i = j - 1
                    break
            i += 1
        return text

    def _usable(self, window: str) -> bool:
        return (
            len(window) >= 2
            and _CJK.fullmatch(window) is not None
            and not self.known(window)
            and self.frequency(window) < COMMON_FREQ
        )

    def _in_known_word(self, offset: int, parts: list[tuple[str, int, int]]) -> bool:
        """Whether the slipped character is inside a known word of two or more characters: a known word
        is never rewritten (压力超线 mends 线, never 压力)."""
        for word, _s, _e in parts:
            if offset < len(word):
                return len(word) >= 2 and self.known(word)
            offset -= len(word)
        return False  # pragma: no cover - the offset is inside the window
