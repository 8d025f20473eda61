"""Leftover words that still name a place, consulted only for words nothing else understood
(ADR 0011, "places"): a town typed with a same-sound or look-alike character (城冬, 华土) or in
pinyin (lingang), a village without 村/社区 or with one slip (红光, 华西材), an enterprise by its
字号 (毅晨, 宏新机械厂) or, through the search index, by a near-miss name (澄兴化工 → 澄星化工).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from agents.events.gazetteer import Gazetteer, Place
from agents.events.typos import initials, one_slip_away, pinyin, slipped_town
from agents.events.vocab import DUTY_WORDS
from core.errors import SafeCloudError

log = logging.getLogger(__name__)

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# A town typed in pinyin on a keyboard without an input method: lingang, Huashi, zhouzhuangzhen.
_PINYIN_WORD = re.compile(r"[A-Za-z]{4,30}")
# A town typed as the initials of its full name (hsz 华士镇, cdjd 城东街道), as duty notes abbreviate (events35): only
# names with their 镇 / 街道 / 区, so two letters (hs) never count; kept only when one town has those initials.
_INITIALS_WORD = re.compile(r"[A-Za-z]{3,8}")
_SUFFIXED_NAME = re.compile(r".+(?:镇|街道|区)")


class LeftoverPlaces:
    def __init__(
        self,
        gazetteer: Gazetteer,
        enterprise_search: Callable[[str], list[str] | None] | None = None,
    ) -> None:
        """``enterprise_search``: ranked credit codes for a fuzzy name (the search index), or None."""
        self.gazetteer = gazetteer
        self.enterprise_search = enterprise_search
        self._town_sounds: dict[str, str] | None = None
        self._town_spellings: dict[str, str] | None = None
        self._town_initials: dict[str, str] | None = None

    def town(self, word: str) -> str | None:
        return (
            self._homophone_town(word)
            or slipped_town(word, self.gazetteer.towns)
            or self._pinyin_town(word)
            or self._initials_town(word)
        )

    def villages(self, word: str) -> list[Place]:
        """红光 for 红光村, 要塞 for 要塞社区; 红光材 (a look-alike slip) for 红光村 when only one fits."""
        found = self.gazetteer.village_bases.get(word)
        if found:
            return found
        if len(word) < 3:
            return []
        names = one_slip_away(word, self.gazetteer.village_names())
        return self.gazetteer.places[names[0]] if len(names) == 1 else []

    def enterprise(self, word: str) -> Place | None:
        """A leftover naming one enterprise: its unique two-character 字号, or the search index's
        best hit when that enterprise's name shares most of the word's characters (one typo)."""
        traded = self.gazetteer.trade_names.get(word)
        if traded and len(traded) == 1:
            return traded[0]
        # 宏新精密, 宏新机械厂, 毅晨厂: a unique 字号 followed by words of that enterprise's own name.
        traded = self.gazetteer.trade_names.get(word[:2])
        rest = re.sub(r"(?:厂|公司|集团|企业)$", "", word[2:])
        if traded and len(traded) == 1 and (rest == "" or (len(rest) >= 2 and rest in traded[0].name)):
            return traded[0]
        # A 字号 two enterprises share (旭捷机电设备, 旭捷色纺): the rest of the word tells them apart.
        owners = [p for p in traded or () if len(rest) >= 2 and rest in p.name]
        if len(owners) == 1:
            return owners[0]
        if self.enterprise_search is None or len(word) < 3 or not _CJK_RUN.fullmatch(word):
            return None
        try:
            ids = self.enterprise_search(word) or []
        except SafeCloudError as exc:
            log.warning("search index unavailable for event places: %s", exc.message)
            return None
        place = self.gazetteer.lookup("enterprise", ids[0]) if ids else None
        if place is None:
            return None
        shared = sum(1 for ch in set(word) if ch in place.name)
        return place if shared >= len(set(word)) - 1 and shared >= 2 else None

    def _homophone_town(self, word: str) -> str | None:
        if not 2 <= len(word) <= 7 or not all("\u4e00" <= ch <= "\u9fff" for ch in word):
            return None
        if self._town_sounds is None:
            self._town_sounds = {pinyin(alias): town for alias, town in self.gazetteer.towns.items()}
        # Voice input writes a town as the nearest common word, tones or not (花市/滑石 for 华士,
        # 黄土 for 璜土); only a duty word with a meaning of its own (离岗, not 利港) is that word.
        return None if word in DUTY_WORDS else self._town_sounds.get(pinyin(word))

    def _pinyin_town(self, word: str) -> str | None:
        """A town alias spelled in toneless pinyin, when the spelling names only one town."""
        if not _PINYIN_WORD.fullmatch(word):
            return None
        if self._town_spellings is None:
            spellings: dict[str, set[str]] = {}
            for alias, town in self.gazetteer.towns.items():
                spellings.setdefault(pinyin(alias).replace(" ", ""), set()).add(town)
            self._town_spellings = {s: next(iter(t)) for s, t in spellings.items() if len(t) == 1}
        return self._town_spellings.get(word.lower())

    def _initials_town(self, word: str) -> str | None:
        """A town typed as the pinyin initials of its full name, when those initials name only one town."""
        if not _INITIALS_WORD.fullmatch(word):
            return None
        if self._town_initials is None:
            owners: dict[str, set[str]] = {}
            for alias, town in self.gazetteer.towns.items():
                for letters in initials(alias) if _SUFFIXED_NAME.fullmatch(alias) else ():
                    owners.setdefault(letters, set()).add(town)
            self._town_initials = {k: next(iter(t)) for k, t in owners.items() if len(t) == 1}
        return self._town_initials.get(word.lower())
