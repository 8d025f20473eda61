"""What follows a word and modifies it: a radius after a place (附近两公里, 500米内, 那边两公里内) and a
direction after a level (二级以上, 三级以下); levels said as a run of colour characters (红橙两级), as a
span of numbers (一到三级) or as 一般 on its own (一般的).
Used by ``agents.events.query_parser``."""

from __future__ import annotations

import re

from agents.nlp.numerals import chinese_to_int
from core.vocab import EventLevel

DEFAULT_RADIUS_M = 1000
# 半 (半里地, 半公里) = 0.5 of the unit (events-robust19)
# 一点五公里 (a decimal said in words) and 一公里半 / 2公里半 (半 after the unit = and a half) (events-robust28)
_NUM = r"(\d+(?:\.\d+)?|[零一二两三四五六七八九十百千]+(?:点[零一二三四五六七八九]+)?|半)"
_HALF = r"(半(?![小钟天个月年]))?"
# 里 (500 m) as old people and villagers say it: 方圆二里, 两里地以内 (events-robust18)
_UNIT = r"(米|公里|千米|km|KM|m|里[地路]?)"
# Between the place and its radius: 厂/公司 after a short name (凯誉钢铁厂附近, events-robust22), a former name in brackets (豪佳化学（原豪佳化工厂）周边1公里; NFKC has made the
# brackets ASCII) and 那边/那里 (誉润那边两公里内). 那边 alone is the place itself, no radius (events-robust12).
_ASIDE = r"(?:厂区|厂|公司)?(?:\([^()]{0,30}\))?\s*(?:那边|那里|那儿|那块儿?|那一块|这边)?"
# A direction between the place and a distance (往北两公里, 北边500米, 向东一公里以内) is dropped: the filter has no
# bearing, and a radius of that distance covers the point said (events-robust22). A direction alone (东边) is no radius.
_DIRECTION = r"(?:(?:往|向|朝)\s*正?[东南西北]{1,2}(?:边|面|方向?)?(?:走|开)?|正?[东南西北]{1,2}(?:边|面|侧|方向?)|正[东南西北]{1,2})\s*(?:大概|大约|约)?"
_RADIUS_AFTER = re.compile(
    rf"^\s*{_ASIDE}\s*的?\s*(?:(附近|周边|周围|一带|旁边|隔壁|对面)\s*的?\s*(?:{_NUM}\s*{_UNIT}{_HALF}\s*(?:内|以内|之内|范围内?)?)?"
    rf"|(?:{_DIRECTION}\s*)?{_NUM}\s*{_UNIT}{_HALF}\s*(?:内|以内|之内|范围内?|范围)?)"
)


def metres_per(unit: str) -> int:
    """Metres in one ``unit`` of a radius (里 = 500 m)."""
    if unit.startswith("里"):
        return 500
    return 1000 if unit in ("公里", "千米", "km", "KM") else 1


def number_value(number: str) -> float:
    """A distance's number: digits (1.5), numerals (两), a decimal in words (一点五) or 半."""
    if number[0].isdigit():
        return float(number)
    if number == "半":
        return 0.5
    whole, _, decimals = number.partition("点")
    fraction = "".join(str("零一二三四五六七八九".index(ch)) for ch in decimals)
    return float(chinese_to_int(whole) or 0) + (float("0." + fraction) if fraction else 0.0)


def radius_m(after: str) -> int | None:
    """Radius in metres from the text right after a place, or None when there is none."""
    m = _RADIUS_AFTER.match(after)
    if not m or not m.group(0).strip(" 的"):
        return None
    number, unit, half = m.group(2, 3, 4) if m.group(1) else m.group(5, 6, 7)
    if not number:
        # 华西村一带 is the village itself (events-robust25); 附近/周边 alone keep the default radius
        return None if m.group(1) == "一带" else DEFAULT_RADIUS_M
    metres = (number_value(number) + (0.5 if half else 0)) * metres_per(unit)
    return int(min(max(metres, 10), 20_000)) if metres > 0 else DEFAULT_RADIUS_M


_LEVEL_ORDER = list(EventLevel)  # most severe first
# 较大等级以上, 二级别及以上: the field's own noun may stand between the level and its direction.
_AT_LEAST = re.compile(r"^\s*(?:的?(?:等级|级别))?\s*(?:及|或)?(?:以上|更高|往上)")
_AT_MOST = re.compile(r"^\s*(?:的?(?:等级|级别))?\s*(?:及|或)?(?:以下|更低|往下)")


def level_range(levels: tuple[EventLevel, ...], after: str) -> list[str]:
    """ "二级以上" = 红色+橙色, "三级以下" = 黄色+蓝色; a level word alone is itself."""
    if len(levels) == 1:
        i = _LEVEL_ORDER.index(levels[0])
        if _AT_LEAST.match(after):
            return [v.value for v in _LEVEL_ORDER[: i + 1]]
        if _AT_MOST.match(after):
            return [v.value for v in _LEVEL_ORDER[i:]]
    return [v.value for v in levels]


# 红橙两级, 黄蓝色, 红、橙: single colour characters run together name several levels. Only matched in
# text nothing else understood, so a place name with a colour in it is never split.
_COLOURS = {"红": EventLevel.RED, "橙": EventLevel.ORANGE, "黄": EventLevel.YELLOW, "蓝": EventLevel.BLUE}
_COLOUR_RUN = re.compile(
    r"[红橙黄蓝](?:[、/和与及或跟]?[红橙黄蓝])+(?:[两二三四234]个?)?(?:颜色|级别|等级|级|色)?(?:的)?"
)


def colour_run(text: str, pos: int, endpos: int) -> tuple[int, list[str]] | None:
    """Levels named by a run of two or more colour characters at ``pos``: (end, levels) or None."""
    m = _COLOUR_RUN.match(text, pos, endpos)
    if m is None:
        return None
    return m.end(), list(dict.fromkeys(_COLOURS[ch].value for ch in m.group() if ch in _COLOURS))


# 一到二级, 三至四级, 1-3级, Ⅱ到Ⅳ级: a span of the numbered levels, both ends included, said once with one
# 级 (一级到三级 is two level words and needs no rule). Matched before the tokens are read, since jieba
# splits 一到二级 into 一 / 到 / 二级 and the bare 一 would be lost.
# Roman numerals arrive as Latin letters (the parser applies NFKC: Ⅲ → III).
_LEVEL_NUMBER = {
    w: i for i, ws in enumerate(("一 1 I", "二 2 II", "三 3 III", "四 4 IV")) for w in ws.split()
}
_ONE_LEVEL = r"(IV|III|II|I|[一二三四1-4])"
_LEVEL_SPAN = re.compile(
    rf"(?<![\dA-Za-z一二三四五六七八九十]){_ONE_LEVEL}\s*(?:到|至|-|~|～|—)\s*{_ONE_LEVEL}\s*级"
)


# 一般 said on its own as a level (一般的, 只看一般的, "一般 抽烟") = 黄色+蓝色, like 一般级别 (events-robust12); not
# 一般风险/一般级别 (vocabulary words), 一般化工/一般的企业 (a kind of enterprise) nor the adverb (一般几点, 一般来说).
# Joined to another level (严重的或者一般的, 一般和红色) or after another field's 的 (还没核实的一般的) it is a level too,
# and 一般性 = 一般 (events-robust21).
_LEVEL_JOINERS = "和或者及跟与、"
_GENERAL = re.compile(
    rf"(?:(?<![\u4e00-\u9fff])|(?<=[看要查找是的{_LEVEL_JOINERS}]))一般"
    rf"(?:性(?=的|事件|告警|[\s，,。；;、{_LEVEL_JOINERS}]|$)"
    rf"|(?=的(?!化工|企业|单位|公司|厂|情况|来说|时候|问题)|[\s，,。；;、！!？?{_LEVEL_JOINERS}]|$))的?"
)


def level_spans(text: str) -> list[tuple[int, int, list[str]]]:
    """(start, end, levels) of every span of numbered levels in ``text``, and of 一般 said alone."""
    out = []
    for m in _LEVEL_SPAN.finditer(text):
        a, b = sorted((_LEVEL_NUMBER[m.group(1)], _LEVEL_NUMBER[m.group(2)]))
        out.append((m.start(), m.end(), [v.value for v in _LEVEL_ORDER[a : b + 1]]))
    for m in _GENERAL.finditer(text):
        out.append((m.start(), m.end(), [EventLevel.YELLOW.value, EventLevel.BLUE.value]))
    return out
