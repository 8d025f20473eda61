"""Same-sound slips of a southern speaker: 顾三 for 顾山, 城冬 for 城东, 申刚 for 申港.

Around Jiangyin (Wu-speaking) people do not tell the retroflex initials from the flat ones (zh/z,
ch/c, sh/s) nor the back nasal finals from the front ones (ang/an, eng/en, ing/in), and pinyin input
methods offer a "fuzzy sound" (模糊音) setting for exactly these pairs. A town name typed that way
differs from the name by one character whose readings match only under those pairs. This is the
chat's fallback after the strict look-alike / same-sound test (``agents.events.typos``), which the
event search shares and which stays strict there.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from functools import cache

_FLAT_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"))


def _flattened(reading: str) -> str:
    """A toneless reading with the pairs a fuzzy-sound input method merges folded together."""
    for retroflex, flat in _FLAT_INITIALS:
        if reading.startswith(retroflex):
            reading = flat + reading[len(retroflex) :]
            break
    if reading.endswith(("ang", "eng", "ing")):
        reading = reading[:-1]
    return reading


@cache
def _fuzzy_sounds(ch: str) -> frozenset[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pypinyin import Style
        from pypinyin import pinyin as readings

    found = {r for rs in readings(ch, style=Style.NORMAL, heteronym=True) for r in rs} - {ch}
    return frozenset(_flattened(r) for r in found)


def fuzzy_alike(a: str, b: str) -> bool:
    """Whether two characters read alike once flat/retroflex initials and -n/-ng finals are merged."""
    return a != b and bool(_fuzzy_sounds(a) & _fuzzy_sounds(b))


def fuzzy_slipped_town(word: str, towns: Mapping[str, str]) -> str | None:
    """The one town (canonical name) whose name or alias ``word`` mistypes by one fuzzy-sound character."""
    if not 2 <= len(word) <= 7 or not all("\u4e00" <= ch <= "\u9fff" for ch in word):
        return None
    hits = set()
    for alias, town in towns.items():
        if len(alias) != len(word) or alias == word:
            continue
        diffs = [(a, b) for a, b in zip(word, alias, strict=True) if a != b]
        if len(diffs) == 1 and fuzzy_alike(*diffs[0]):
            hits.add(town)
    return hits.pop() if len(hits) == 1 else None
