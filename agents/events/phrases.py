"""Spoken event phrases built from parts, and negations, for ``agents.events.query_parser``.

The synonym tables in ``agents.events.vocab`` list whole words; duty officers also *compose* them:
a verb of blocking with any kind of escape route (堵通道, 安全出口被挡, 楼道里堆了杂物), a negated
"wear" with any kind of hard hat (没戴帽子, 不戴头盔), any name of an e-bike moving indoors (电驴推进
电梯, 电动车上楼). Each kind is one regular pattern over parts lists, so a new verb or noun is one
more list entry, never a new sentence (ADR 0011, "spoken phrases").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import Any

from agents.events.report_verbs import without_report_verbs
from agents.events.vocab import (
    COMBUSTIBLE_GASES,
    EVENT_TYPE_WORDS,
    LEVEL_WORDS,
    SOURCE_WORDS,
    STATUS_WORDS,
    TOXIC_GASES,
    canonical_spelling,
)
from core.vocab import EventLevel, EventSource, EventStatus
from core.vocab import EventType as E


def _alt(*words: str) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


# Escape routes and what blocks them.
_ROUTE = _alt(
    "消防通道",
    "安全通道",
    "疏散通道",
    "逃生通道",
    "消防车道",
    "安全出口",
    "疏散出口",
    "通道",
    "出口",
    "楼道",
    "车道",
)
_BLOCK = _alt("堵", "堵住", "堵塞", "堵死", "占", "占用", "占住", "占着", "挡", "挡住", "挡着", "封堵", "封死", "锁住",
              "锁死", "堆", "堆放", "堆满", "停满", "乱停", "乱放", "乱堆")  # fmt: skip
_ASPECT = r"(?:了|着|住|满)?"
# Hard hats and vests, and a negated "wear".
_NOT = _alt("没", "没有", "未", "不", "没在")
_WEAR = _alt("戴", "带", "佩戴", "穿", "穿戴", "着")
_HAT = _alt("安全帽", "帽子", "头盔", "安全头盔", "帽")
_VEST = _alt("反光衣", "反光背心", "反光马甲", "马甲", "背心", "反光服")
# E-bikes and moving indoors.
_EBIKE = _alt("电动车", "电瓶车", "电动自行车", "电驴", "小电驴", "电摩", "电动摩托", "电车", "电单车")
_OBSTACLE = f"(?:{_EBIKE}|车辆|杂物|东西|货物)"
_INDOORS = r"(?:推|骑|开|带)?(?:进|上|入)了?(?:电梯|梯|楼|楼道|楼上|单元|室内|屋)"
# Someone getting in where they should not.
# Climbing a barrier names the barrier inside the verb phrase (翻围墙, 爬过了护栏, 翻墙头): any of them.
_BARRIER = _alt(
    "墙", "围墙", "院墙", "墙头", "围栏", "栅栏", "护栏", "栏杆", "铁门", "大门", "围挡", "铁丝网"
)
_INTRUDE = (
    rf"(?:翻|爬)(?:过|上|越)?了?{_BARRIER}(?:进|入)?(?:来|去|了)*"
    r"|(?:闯|翻|爬|溜|钻|混|跑)(?:进|入|过|越)(?:来|去|了)*|外来人员|陌生人|外人进"
)
# A measured quantity out of range: 温度高, 压力超了, 液位太低, 有毒气体超了 …
_TOO = r"(?:太|过|偏|很|有点|特别)?(?:高|低|大|超)(?:了|标|限)?|(?:超标|超限|异常|不正常|报警|告警)"
_LEAK = r"泄漏|泄露|外泄|漏了|漏"  # only gases leak
_MEASURES: tuple[tuple[str, tuple[E, ...]], ...] = (
    (_alt("温度", "气温", "油温", "水温", "炉温"), (E.OVER_TEMPERATURE,)),
    (_alt("压力", "气压", "管压", "罐压"), (E.OVER_PRESSURE,)),
    (_alt("液位", "水位", "罐位"), (E.LEVEL_ABNORMAL,)),
    (_alt(*COMBUSTIBLE_GASES, "可燃气体", "可燃气", "燃气", "煤气"), (E.GAS_LEAK,)),
    (_alt(*TOXIC_GASES, "有毒气体", "有毒有害气体", "毒气"), (E.TOXIC_GAS,)),
    (_alt("气体", "浓度"), (E.GAS_LEAK, E.TOXIC_GAS)),
)

_PHRASES: tuple[tuple[re.Pattern[str], E], ...] = (
    # What blocks the route may be said first (有电动车堵了消防通道): an e-bike there is the obstacle, not
    # one taken into a lift, so it is part of this phrase.
    (re.compile(f"{_OBSTACLE}?{_BLOCK}{_ASPECT}的?{_ROUTE}|{_ROUTE}(?:里|上|口)?(?:被|有人|有|让)?(?:{_EBIKE}|车|车辆|杂物|东西|货物|人)?{_BLOCK}{_ASPECT}"), E.FIRE_LANE_BLOCKED),
    (re.compile(f"{_NOT}{_WEAR}{_HAT}|{_HAT}(?:都|也)?{_NOT}{_WEAR}"), E.NO_HELMET),
    (re.compile(f"{_NOT}{_WEAR}{_VEST}|{_VEST}(?:都|也)?{_NOT}{_WEAR}"), E.NO_REFLECTIVE_VEST),
    (re.compile(f"{_EBIKE}(?:被)?{_INDOORS}|(?:电梯|梯)(?:里|内)?(?:有)?{_EBIKE}"), E.EBIKE_IN_ELEVATOR),
    (re.compile(f"(?:有人|人员)?(?:{_INTRUDE})"), E.PERSON_INTRUSION),
    # Someone hit by a vehicle or a load (被叉车撞了, 被行车吊的钢板砸了): an injury; a thing hit (车被撞了) is none (events-robust29).
    (re.compile(r"(?<![车门墙杆栏架])被(?:叉车|铲车|货车|车|行车|天车|吊车|吊物|钢板|重物|东西)?(?:撞|压|砸|轧|碾)(?:了|到|伤|倒)?"), E.MANUAL_INJURY),
    (re.compile(r"冒(?:了|着|出|点|些)*(?:黑|白|青|浓|大)?烟"), E.SMOKE),
    (re.compile(r"(?:着|(?<![几一二两三四五六七八九十\d多数])起|失)(?:了|起)*(?:大|小)?火(?![车锅柴箭情警灾])"), E.FIRE),
    # A pungent smell with no gas named (罐子那边味道很冲, 气味刺鼻, 呛人) = a toxic gas (events-robust22); 天然气味 names its gas,
    # and an odd smell alone (闻到怪味, 有异味) stays no type (holdout35).
    (re.compile(r"(?<![气])(?:味道|气味|异味|味儿?)(?:很|特别|太|好|有点儿?|非常|比较|老)?(?:冲|呛人?|刺鼻|难闻|大|重)|刺鼻|呛人|呛鼻子?"), E.TOXIC_GAS),
    (re.compile(r"(?:煤气|燃气|液化气)(?:的)?(?:味道?|气味)"), E.GAS_LEAK),  # 闻到一股煤气味, as 天然气味
)  # fmt: skip


def _measure_pattern(what: str, types: tuple[E, ...]) -> re.Pattern[str]:
    out_of_range = f"{_TOO}|{_LEAK}" if {E.GAS_LEAK, E.TOXIC_GAS} & set(types) else _TOO
    return re.compile(f"{what}(?:浓度|读数|数值|值)?(?:{out_of_range})")


_MEASURE_PHRASES = tuple((_measure_pattern(what, types), types) for what, types in _MEASURES)


def event_phrases(text: str) -> Iterator[tuple[int, int, E]]:
    """Non-overlapping composed event phrases in ``text``: (start, end, event type)."""
    taken: list[tuple[int, int]] = []
    patterns = [(p, (t,)) for p, t in _PHRASES] + list(_MEASURE_PHRASES)
    for pattern, event_types in patterns:
        for m in pattern.finditer(text):
            if not any(m.start() < e and s < m.end() for s, e in taken):
                taken.append((m.start(), m.end()))
                for event_type in event_types:
                    yield m.start(), m.end(), event_type


# A word right before a status/level/source/type that turns it into "all but this" (除了误报的).
NEGATIONS: frozenset[str] = frozenset(
    (
        "除了",
        "除",
        "除去",
        "除开",
        "排除",
        "排除掉",  # events-robust22: 排除掉已经处理完的
        "不包括",
        "不包含",
        "不含",
        "不算",
        "不要",
        "去掉",
        "去除",
        "不是",
        "并不是",
        "不属于",  # 不属于误报的, 并非误报 (events-robust21): jieba split 不属于 into 不 + 属于
        "并非",
        "非",
        "别算",
        "别看",
        "不看",
        "不用看",
        "不需要",
    )
)
# Right after words of one field: the same negation said afterwards (误报的除外, 视频和物联以外).
POST_NEGATIONS: frozenset[str] = frozenset(("除外", "以外", "之外"))
# Said on either side of what they take out: before (不要误报的) or after (误报的不算, 已处置的就不要了).
# After, when no word of a field follows them in their clause (see ``negates_backwards``).
EITHER_WAY_NEGATIONS: frozenset[str] = frozenset(
    ("不算", "别算", "不要", "别要", "不看", "别看", "不用看", "不需要", "去掉", "排除", "算了", "就算了")
)  # 算了 / 就算了 only ever after what they drop (小事就算了, events37): not in NEGATIONS
# Between the words and a negation said afterwards, these keep the words (已处置的就不要了, 误报的都不算).
RUN_PARTICLES: frozenset[str] = frozenset(("的", "了", "就", "都", "也", "全", "全都"))
_CLAUSE_END = frozenset("，,。；;！!？?")
# Between two negated words the negation carries on (除了误报和已处置的); so it does over 已经 before the first one
# (排除掉已经处理完的, events-robust22).
NEGATION_JOINERS: frozenset[str] = frozenset(
    ("和", "与", "及", "、", "或", "或者", "以及", "跟", ",", "，", "已经")
)


_FIELDS: tuple[tuple[str, dict[str, Any], type[StrEnum]], ...] = (
    ("statuses", STATUS_WORDS, EventStatus),
    ("levels", LEVEL_WORDS, EventLevel),
    ("types", EVENT_TYPE_WORDS, E),
    ("sources", SOURCE_WORDS, EventSource),
)


def vocab_hit(word: str) -> tuple[str, tuple[Any, ...]] | None:
    word = canonical_spelling(word)
    for name, table, _enum in _FIELDS:
        if word in table:
            return name, table[word]
    return None


def negates_backwards(words: list[str], i: int, is_place: Callable[[str], bool] = lambda _w: False) -> bool:
    """Whether the either-way negation ``words[i]`` applies to what came before it: right after a
    field word with 的 (误报的别算, 已处置的就不要了), or when nothing of a field follows it before the
    clause ends (红色 不算). 烟雾 不要误报的 and 城东的不要误报 negate 误报 (a place cannot be negated).
    Right after a place (``is_place``) it takes the place back unless a field word is glued to it
    (临港的不看 今天 AI抓拍: the place goes, AI抓拍 stays; events-robust13)."""
    # 仪表报的不要: the reporting verb belongs to the source word before it (report_verbs)
    before = [w for w in without_report_verbs(words[:i]) if w.strip() and w not in RUN_PARTICLES - {"的"}]
    if len(before) >= 2 and before[-1] == "的":
        before[-2:] = [before[-2] + "的"]
    last = before[-1] if before else ""
    if last.endswith("的") and (vocab_hit(last) or vocab_hit(last.removesuffix("的"))) is not None:
        return True
    glued = words[i + 1] if i + 1 < len(words) else ""
    if is_place(last.removesuffix("的")) and (not glued.strip() or vocab_hit(glued) is None):
        return True
    for word in words[i + 1 :]:
        if word in _CLAUSE_END:
            return True
        if not word.strip() or word in RUN_PARTICLES or word in ("吧", "啊", "哈", "呢"):
            continue
        return vocab_hit(word) is None
    return True


def negation_carries(words: list[str], i: int, field: str, between: bool = False) -> bool:
    """Whether the negation before ``words[i]`` (a negated word of ``field``, or with ``between`` a word between
    two) goes on past it: over a joiner, not after 的 (除了误报的 今天: 今天 is kept), unless a joiner and another word
    of the same field follow (除了误报的和已处置的, 除了已处置 的 跟误报的, 不要误报的或者已派发的; events32)."""
    if between and words[i] != "的":
        return words[i] in NEGATION_JOINERS
    if not words[i].endswith("的"):
        return True
    rest = [w for w in words[i + 1 :] if w.strip()]
    if len(rest) < 2 or rest[0] not in NEGATION_JOINERS:
        return False
    hit = vocab_hit(rest[1])
    return hit is not None and hit[0] == field


_COMMAS = frozenset((",", "，"))


def negated_place_carries(words: list[str], i: int, is_place: Callable[[str], bool]) -> bool:
    """Whether the negation on the place ``words[i]`` takes the next place with it: after 和/、/或 it does
    (不包括城东和澄江: both go, events32). A comma ends the negated clause, so the places after it are the ones
    searched (除了临港，璜土和月城的 = 璜土 and 月城), unless 以外/之外/除外 closes them into the negation
    (除了临港，璜土以外的) (events43)."""
    rest = [w for w in words[i + 1 :] if w.strip()]
    if not rest or rest[0] not in NEGATION_JOINERS:
        return False
    if rest[0] not in _COMMAS:
        return True
    for word in rest[1:]:
        if word in POST_NEGATIONS:
            return True
        if not (is_place(word) or word in NEGATION_JOINERS or word == "的"):
            return False
    return False


def without(excluded: list[tuple[str, tuple[Any, ...]]], name: str, values: list[str]) -> list[str]:
    """``values`` (deduplicated) less the negated ones of field ``name``; a negation alone means
    every other value (除了误报的 = all statuses but 误报)."""
    gone = {v.value for field_name, vs in excluded if field_name == name for v in vs}
    values = list(dict.fromkeys(values))
    if not gone:
        return values
    enum = next(e for n, _t, e in _FIELDS if n == name)
    return [v for v in values or [e.value for e in enum] if v not in gone]


_FILTER_LISTS = ("towns", "places", "types", "levels", "statuses", "status_groups", "sources", "keywords")


def filter_sizes(found: Any) -> dict[str, int]:
    """How many values each list of the parser's findings holds, to take the latest ones back."""
    return {name: len(getattr(found, name)) for name in _FILTER_LISTS}


def _field_of(word: str) -> str:
    hit = vocab_hit(word)
    return hit[0] if hit is not None else "places"  # towns, villages, enterprises … are one field


def take_back(found: Any, run: list[tuple[str, dict[str, int]]], notes: list[str]) -> None:
    """误报的除外, 视频和物联以外: the trailing words of ``run`` (each with the list sizes before it)
    that share the last word's field become exclusions; a word of another field ends them, so in
    临港 有毒气体 人工报的除外 only 人工报的 is excluded. A place cannot be excluded (the filter has no
    "not in"), so it is dropped with a note."""
    field = _field_of(run[-1][0])
    start = len(run)
    while start > 0 and _field_of(run[start - 1][0]) == field:
        start -= 1
    for word, _sizes in run[start:]:
        hit = vocab_hit(word)
        if hit is not None:
            found.excluded.append(hit)
        else:
            notes.append(f"暂不支持排除地点，已忽略“{word}”")
    for name, size in run[start][1].items():
        del getattr(found, name)[size:]
