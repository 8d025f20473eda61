"""Place names typed with one wrong character: a look-alike glyph (华土 for 华士, 临巷 for 临港) or a
same-sound character (城冬 for 城东, a pinyin input-method slip).

Look-alikes come from a small table of common 形近字 groups rather than a glyph-similarity library:
char-similar (the one PyPI package for it) pins tqdm 4.31 and needs multiprocess and macropodus,
too heavy for one comparison (ADR 0011, "typos").
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from functools import cache

# Groups of characters commonly confused by shape in handwriting and on-screen input.
_LOOKALIKE_GROUPS = """土士 巷港 泾经径茎劲 澄橙登蹬 闸匣 亭停婷享 申甲由田 阳阴 杨扬场汤 桥侨娇 霞瑕暇 塘溏糖搪
    祝视 庄压 城诚 利科 月用 青清情晴请 顾硕 华毕 夏复 长张涨 新亲 周同 东车 璜潢磺横 徐涂途 客各 江红 云去
    己已巳 未末 戊戌戍 日曰 人入八 大太犬 干千于 王玉主 候侯 免兔 折拆 贝见 刀力 历厉 幕墓暮慕 辩辨辫 拔拨
    茶荼 思恩 鸟乌 山出 石右 村材 区匹 社杜 河何 湖胡 港巷 沙砂 塘堂 埠阜 桂佳 凤风 龙尤 宁宇 安案 明朋"""
_LOOKALIKE: dict[str, frozenset[str]] = {}
for _group in _LOOKALIKE_GROUPS.split():
    for _ch in _group:
        _LOOKALIKE[_ch] = _LOOKALIKE.get(_ch, frozenset()) | frozenset(_group)


def pinyin(text: str) -> str:
    """Toneless pinyin, syllables separated by spaces (城冬 → "cheng dong")."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pypinyin import lazy_pinyin

    return " ".join(lazy_pinyin(text))


def toned_pinyin(text: str) -> str:
    """Pinyin with tone numbers (离岗 → "li2 gang3", 利港 → "li4 gang3")."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pypinyin import Style, lazy_pinyin

    return " ".join(lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True))


@cache
def _sounds(ch: str) -> frozenset[str]:
    """Every toneless reading of one character: a phone or input method writes a polyphonic
    character for any of them (厦 sha/xia in 厦港 for 夏港, 长 chang/zhang)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pypinyin import Style
        from pypinyin import pinyin as readings

    return frozenset(r for rs in readings(ch, style=Style.NORMAL, heteronym=True) for r in rs) - {ch}


def initials(text: str) -> frozenset[str]:
    """Every way to write ``text`` as the first letters of its syllables, each polyphonic character by any of its
    readings (长泾镇 → cjz and zjz: a duty note writes the reading the place uses, a dictionary may pick another)."""
    found = {""}
    for ch in text:
        letters = {r[0] for r in _sounds(ch)} or {ch}
        found = {f + letter for f in found for letter in letters}
    return frozenset(found)


def confusable(a: str, b: str) -> bool:
    """Whether one character may be typed for the other: alike in shape or sharing a reading."""
    return b in _LOOKALIKE.get(a, ()) or bool(_sounds(a) & _sounds(b))


def sound_alike(a: str, b: str) -> bool:
    """Whether two characters share a reading (a phone keyboard offers one for the other)."""
    return bool(_sounds(a) & _sounds(b))


def one_slip_away(word: str, names: Iterable[str]) -> list[str]:
    """Names of the same length as ``word`` that differ from it in exactly one position, where the
    two characters look or sound alike."""
    out = []
    for name in names:
        if len(name) != len(word) or name == word:
            continue
        diffs = [(a, b) for a, b in zip(word, name, strict=True) if a != b]
        if len(diffs) == 1 and confusable(*diffs[0]):
            out.append(name)
    return out


def slipped_town(word: str, towns: Mapping[str, str]) -> str | None:
    """The one town (canonical name) whose alias ``word`` mistypes by one character, or None."""
    if not 2 <= len(word) <= 7 or not all("\u4e00" <= ch <= "\u9fff" for ch in word):
        return None
    hits = {towns[alias] for alias in one_slip_away(word, towns)}
    return hits.pop() if len(hits) == 1 else None
