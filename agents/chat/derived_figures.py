"""Derived figures: which two counts a share, a growth rate or a whole-and-part question needs (ADR 0018).

"危化企业占全市企业的比例是多少", "本月告警数量环比上月增长了多少", "全市企业一共有多少家，其中涉氨制冷的
有几家": no template divides one count by another or compares two periods, and one count alone
answers another question, so these were declined (chat round 25). Each is two ordinary count
questions: the part and the whole, or the quantity in this period and in the other one. This module
only reads the question and writes those two questions (pure text work, no graph); asking them
through the usual pipeline, computing the figure and the answer are ``derived_run``'s.

Context said once belongs to both counts: in "全市未整改隐患中重大隐患" the part is 全市未整改重大隐患;
in "利港今年罚款金额占全市罚款总额" the whole is also this year's; a whole said only as a place
("占全市的比例") is the part's quantity over that place; with no whole at all ("危化企业占比") it is
the part's head noun over the same place and period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from agents.chat.composed_followup import PERIOD
from agents.chat.slots import Gazetteer

Kind = Literal["share", "whole_part", "change"]

# What can be counted, longest first where one contains another; the last one said is the head noun.
_HEAD = re.compile(
    r"重大危险源|危险源|执法检查|检查|行政处罚|处罚|罚款金额|罚款总额|罚款|告警|报警|事件|传感器|摄像头|隐患|"
    r"企业|厂子|单位|公司|特殊作业|作业"
)
_UNITS = {"企业": "家", "厂子": "家", "单位": "家", "公司": "家", "隐患": "条", "告警": "条", "报警": "条",
          "事件": "起", "检查": "次", "执法检查": "次", "处罚": "起", "行政处罚": "起", "危险源": "处",
          "重大危险源": "处", "传感器": "个", "摄像头": "个", "作业": "项", "特殊作业": "项"}  # fmt: skip
_MONEY_HEADS = ("罚款金额", "罚款总额")
_PLACE = re.compile(r"全市|全区|全镇|全街道|本镇|本街道|本辖区|辖区|我镇|我们镇|咱镇|我们街道|本园区")
_OWN_TOWN = re.compile(r"全镇|全街道|全区|本镇|本街道")  # the whole's place said as "the town" itself
_QUARTER = r"(?:今年)?第?[一二三四1-4]季度|上个?季度|本季度|这个?季度|上半年|下半年"
# 今年10月 / 去年10月份 (round 9): a named month of a named year is one period, moved as a whole
_YEAR_MONTH = r"(?:今年|去年|上年|前年)(?:1[0-2]|[1-9]|十[一二]|[一二三四五六七八九十])月份?"
_TIME = re.compile(
    rf"今年以来|今年截至目前|本月截至目前|去年同期|上年同期|{_YEAR_MONTH}|{_QUARTER}|{PERIOD.pattern}"
)
_PER_TOWN = re.compile(r"各个?镇(?:街道|街)?|每个镇(?:街道|街)?|各街道|分镇街|按镇街?")
_EDGE = re.compile(r"^[，,\s]+|[，,\s？?。！!呢吗啊的]+$")
_COUNTED = re.compile(
    r"(?:[，,]\s*)?(?:一共|总共|共计|合计|共|现在|目前|总数|数量|总量|的)?(?:有|是|为)?(?:多少|几)[家条个次起处项名笔]?$"
    r"|(?:的)?(?:总数|数量|总量|个数)(?:是|有|为)?$|(?:分别|各)(?:是|有)?$"
)

_COUNT_BEFORE_HEAD = re.compile(
    rf"(?:一共|总共|共)?有(?:多少|几)[家条个次起处项名笔]?(?=(?:{_HEAD.pattern})$)"
)
_COUNT_FIRST = re.compile(r"^(?:其中)?(?:有)?(?:多少|几)[家条个次起处项名笔]?(?:是|为|属于)")
_MEASURE = re.compile(r"(?:多少|几)([家条个次起处项名笔])")  # the unit the caller said: 多了几起, 多少家

# Shares: "P占W的比例", "P在W里占比", "W中P占多少", "P占比".
_OCCUPY = re.compile(r"(?:所)?占(?!用|地)了?")
_SHARE_TAIL = re.compile(
    r"^(?P<w>.*?)(?:的)?(?:多大|多少)?(?:比例|比重|百分比|比|百分之几|百分之多少|几成|多少)(?:分别)?(?:是|为|有)?(?:多少|多大|几|什么)?"
    r"(?:比例)?$"
)
_INSIDE = re.compile(r"(?P<p>.+?)在(?P<w>.+?)(?:里面|当中|之中|中|里)")
_WHOLE_FIRST = re.compile(
    r"(?P<w>.+?)(?:(?<!整改)(?<!进行)(?<!处理)(?:里面|当中|之中|中|里)(?:的)?[，,]?|[，,]?其中)(?P<p>.+)"
)

# Changes: "Q 环比上月 增长了多少", "Q 比去年同期 多了几起", "Q 同比 增减情况", "Q 跟去年同期比 增长了多少".
_OTHER = rf"去年同期|上年同期|同期|{_YEAR_MONTH}|{_QUARTER}|{PERIOD.pattern}"
_CHANGE = re.compile(
    # "跟去年10月比，同比增长了多少": the 同比/环比 after the other period only repeats the comparison
    rf"(?P<comp>环比|同比|比|和|跟|与|同|较)(?P<other>{_OTHER})?(?:相比|比较|对比|比)?(?:的)?[，,\s]*(?:是)?"
    r"(?:同比|环比)?"
    r"(?P<cue>增长率|增速|增幅|降幅|涨幅|(?:增长|增加|上升|下降|减少|降低|涨|降|多|少)了?(?:多少|几|百分之)|增减|变化|"
    r"(?:多|增加|增长|上升)了?还是(?:少|减少|下降)了?|"
    r"(?:增长|下降)(?:情况|幅度)?$|(?P<bare>(?:的)?(?:情况|变化情况|数据|怎么样|如何)?$))"
)
_PREVIOUS = (("本月", "上月"), ("这个月", "上个月"), ("当月", "上月"), ("本周", "上周"), ("这周", "上周"),
             ("今天", "昨天"), ("今年", "去年"), ("本季度", "上季度"), ("这季度", "上季度"))  # fmt: skip


@dataclass(frozen=True)
class Figure:
    """The two counts a derived figure needs, each as an ordinary question, and how to combine them.

    ``share`` and ``whole_part``: ``first`` is the part, ``second`` the whole; ``change``: ``first``
    is this period's quantity, ``second`` the other period's. ``per_town``: both are asked per town."""

    kind: Kind
    first: str
    second: str
    first_label: str
    second_label: str
    unit: str
    per_town: bool = False


def figure(text: str, gazetteer: Gazetteer) -> Figure | None:
    text = _EDGE.sub("", text)
    found = _change(text) or _whole_and_part(text, gazetteer) or _share(text, gazetteer)
    said = _MEASURE.search(text)
    if found is None or said is None or found.unit == "元":
        return found
    return replace(found, unit=said.group(1))


def unit_of(phrase: str) -> str:
    head = _head(phrase)
    if head is None:
        return ""
    return "元" if head.group(0) in _MONEY_HEADS else _UNITS.get(head.group(0), "")


def _head(phrase: str) -> re.Match[str] | None:
    found = list(_HEAD.finditer(phrase))
    return found[-1] if found else None


def core(phrase: str) -> str:
    """The counted thing of a clause: "临港经济开发区企业有多少家，" → "临港经济开发区企业"; "临港有几家企业" →
    "临港企业"; "有几家是危化企业" → "危化企业". A count word left inside ("有多少家企业被处罚过") stays:
    such a clause is no plain count, and ``_plain`` turns it away."""
    phrase = _EDGE.sub("", phrase)
    while (shorter := _EDGE.sub("", _COUNTED.sub("", phrase))) != phrase:
        phrase = shorter
    phrase = _COUNT_BEFORE_HEAD.sub("", _COUNT_FIRST.sub("", phrase))
    return re.sub(r"^(?:其中|那么?|请问|另外)", "", phrase)


def _plain(*phrases: str) -> bool:
    return all(_HEAD.search(p) and not re.search(r"多少|几", p) for p in phrases)


def _place(phrase: str, gazetteer: Gazetteer) -> str:
    named = gazetteer.find(phrase)
    if named:
        return named[0][0]
    said = _PLACE.search(phrase)
    return said.group(0) if said else ""


def _time(phrase: str) -> str:
    said = _TIME.search(phrase)
    return said.group(0) if said else ""


def _without(phrase: str, word: str) -> str:
    return phrase.replace(word, "", 1) if word else phrase


def _share(text: str, gazetteer: Gazetteer) -> Figure | None:
    per_town = _PER_TOWN.search(text)
    if per_town:
        text = text[: per_town.start()] + text[per_town.end() :]
    for occupy in _OCCUPY.finditer(text):
        tail = _SHARE_TAIL.match(text[occupy.end() :])
        if tail is not None:
            break
    else:
        return None
    before, said_whole = core(text[: occupy.start()]), core(tail["w"])
    inside, whole_first = _INSIDE.fullmatch(before), _WHOLE_FIRST.fullmatch(before)
    if said_whole:
        part, whole = before, said_whole
    elif inside:
        part, whole = core(inside["p"]), core(inside["w"])
    elif whole_first:
        whole = core(whole_first["w"])
        part = _qualified(whole, core(whole_first["p"]), gazetteer)
    else:
        part, whole = before, ""
    if not part:
        return None
    return _pair("share", part, whole, gazetteer, bool(per_town))


def _whole_and_part(text: str, gazetteer: Gazetteer) -> Figure | None:
    """ "全市企业总数多少家，其中危化企业多少家": the whole and, within it, the part."""
    m = re.fullmatch(r"(?P<w>.+?(?:多少|几)[^，,。？?]*)[，,。？?\s]*其中(?P<p>.+?(?:多少|几).*)", text)
    if m is None or _OCCUPY.search(m["p"]):
        return None
    whole = core(m["w"])
    part = _qualified(whole, core(m["p"]), gazetteer)
    if not whole or not part:
        return None
    pair = _pair("share", part, whole, gazetteer, False)
    return None if pair is None else Figure("whole_part", *_fields(pair))


def _fields(f: Figure) -> tuple[str, str, str, str, str, bool]:
    return f.first, f.second, f.first_label, f.second_label, f.unit, f.per_town


def _qualified(whole: str, part: str, gazetteer: Gazetteer) -> str:
    """The part said inside a whole ("全市未整改隐患中重大隐患"): the whole's words with the part's."""
    if (place := _place(part, gazetteer)) and place != _place(whole, gazetteer):  # "其中临港": not 全市
        whole = _without(whole, _place(whole, gazetteer))
    head, own = _head(whole), _head(part)
    if head is None or not part:
        return part
    if own is None:  # "误报" in "本月告警": 本月误报告警
        return whole[: head.start()] + part + whole[head.start() :]
    if own.group(0) == head.group(0):  # "重大隐患": the whole's place, period and states before it
        return whole[: head.start()] + part
    return f"{whole}里{part}"  # "其中有重大危险源的": a condition on the whole's things


def _pair(kind: Kind, part: str, whole: str, gazetteer: Gazetteer, per_town: bool) -> Figure | None:
    if _head(part) is None and (head := _head(whole)) is not None:  # "加油站占全市企业": 加油站企业
        part = part.removesuffix("的") + head.group(0)
    part_place, part_time = _place(part, gazetteer), _time(part)
    if not whole or (_head(whole) is None and not _place(whole, gazetteer)):  # "危化企业占比": of its kind
        head = _head(part)
        if head is None:
            return None
        whole = part_place + part_time + head.group(0)
    elif _head(whole) is None:  # "占全市的比例": the part's quantity over that place
        whole = whole + _without(_without(part, part_place), part_time)
        whole = (part_time + whole) if part_time else whole
    else:
        whole_place = _place(whole, gazetteer)
        if _OWN_TOWN.fullmatch(whole_place or "-") and part_place:  # "新桥镇…占全镇传感器": 新桥镇's
            whole = whole.replace(whole_place, part_place, 1)
        elif not whole_place and part_place:
            whole = part_place + whole
        if part_time and not _time(whole):
            whole = part_time + whole
    whole_place, whole_time = _place(whole, gazetteer), _time(whole)
    if not part_place and whole_place and not _OWN_TOWN.fullmatch(whole_place):
        part = whole_place + part
    if not part_time and whole_time:
        part = whole_time + part
    if not _plain(part, whole) or part == whole:
        return None
    return Figure(kind, part, whole, part, whole, unit_of(whole), per_town)


def _change(text: str) -> Figure | None:
    m = _CHANGE.search(text)
    if m is None:
        return None
    comp, other = m["comp"], m["other"]
    if other is None and comp not in ("环比", "同比"):
        return None  # "比华士多了几条": two places, not two periods
    if m["bare"] is not None and (other is not None or comp not in ("环比", "同比")):
        return None  # "隐患数量环比" names the change (round 8); "和上月比怎么样" is versus's
    quantity = core(text[: m.start()])
    periods = list(_TIME.finditer(quantity))
    if not _plain(quantity) or len(periods) != 1:
        return None  # no period to move, or two and no word which one
    this = periods[0]
    if other is None or other in ("同期", "去年同期", "上年同期"):
        if comp == "环比":
            other = _previous(this.group(0))
            if other is None:
                return None
        else:  # 同比: the same stretch a year earlier, up to today's date (sameperiod)
            so_far = {"今年": "今年以来", "本月": "本月截至目前", "这个月": "本月截至目前"}.get(this.group(0))
            said = quantity if so_far is None else quantity[: this.start()] + so_far + quantity[this.end() :]
            return Figure("change", said, "去年同期" + said, this.group(0), "去年同期", unit_of(quantity))
    moved = quantity[: this.start()] + other + quantity[this.end() :]
    return Figure("change", quantity, moved, this.group(0), other, unit_of(quantity))


def _previous(period: str) -> str | None:
    for this, before in _PREVIOUS:
        if period == this:
            return before
    m = re.fullmatch(r"(?:今年)?第?([一二三四1-4])季度", period)
    if m:
        n = "一二三四".index(m[1]) + 1 if m[1] in "一二三四" else int(m[1])
        return f"第{'一二三四'[n - 2]}季度" if n > 1 else None
    return None


__all__ = ["Figure", "core", "figure", "unit_of"]
