"""A follow-up that drops one condition of the question before it, or adds one (compound round 4).

"不限纺织了，全镇的呢", "去掉澄江这个条件，全市有几家" after "华士镇有逾期隐患的纺织企业有哪些" /
"澄江街道有未整改重大隐患的企业有哪些" asked for the same question without one condition; "再加一个条件：
还有逾期隐患没整改的" for it with one more. They were read as an enterprise named "不限纺织" or as a
fresh single-template question that kept none of the earlier conditions. Here the earlier question is
restated — the town or enterprise attribute said after 不限/去掉 taken out of it, or the added clause put
before its enterprise noun — and answered afresh, so the planner (ADR 0012) holds every condition again.
What the follow-up says besides ("全镇", "全市有几家") may only widen the place back, ask for a count,
or repeat words of the earlier question; anything else is a new question and is left alone. Pure text
work: no graph access here.
"""

from __future__ import annotations

import re

from agents.chat.coverage import ATTRIBUTE_WORDS, attribute_values
from agents.chat.slots import Gazetteer
from agents.chat.tags import TAG_SYNONYMS

_DROP = re.compile(
    r"^(?:那么?|好的?|嗯)?(?:就|再)?(?:不限|不限制|不管|不看|不要|去掉|去除|拿掉|取消)了?"
    r"(?P<said>[^，,。？?；;]{1,12}?)(?:这个|这一个?|的)?(?:条件|限制|范围)?了?(?:[，,。；;]|$)(?P<rest>.*)$"
)
_ADD = re.compile(
    r"^(?:那么?|好的?|嗯)?(?:再|另外|还要|还得|同时)?(?:加上?|添上?|增加|补充)(?:一个|一条|一下|个|条)?(?:条件)?"
    r"[：:，,\s]*(?P<said>.+)$"
)
# Words of a condition (as composed_followup's list): an added clause must hold one.
_CONDITION_WORDS = re.compile(r"隐患|危险源|风险|罚|检查|查过|执法|作业|传感器|摄像|告警|报警|事件|租|演练")
# What the rest of a drop may say: the place widened back, enterprises, a count or list word.
_WIDER = re.compile(r"全镇|全街道|全区|全市|整个镇|全部|所有|都|那|的|呢|吗|？|\?|。|企业|单位|公司|有|是")
_COUNT = re.compile(r"几家|多少家|多少个|数量|总数")
_LIST_TAIL = re.compile(r"(?:都)?(?:有哪些|是哪些|有哪几家|是哪几家|哪些|名单|清单)?[？?。]?$")
_NOUN = re.compile(r"企业|单位|公司|工厂|厂")


def edited(text: str, earlier: str, gazetteer: Gazetteer) -> str | None:
    """``earlier`` with the one condition ``text`` drops or adds, or None."""
    text = text.strip()
    if (drop := _DROP.match(text)) is not None:
        return _dropped(earlier, drop["said"].strip("的了"), drop["rest"], gazetteer)
    if (add := _ADD.match(text)) is not None:
        return _added(earlier, add["said"])
    return None


def _dropped(earlier: str, said: str, rest: str, gazetteer: Gazetteer) -> str | None:
    word = _said_in(earlier, said, gazetteer)
    if word is None:
        return None
    without = earlier.replace(word, "", 1).lstrip("的，, ")
    leftover = _WIDER.sub("", _COUNT.sub("", rest))
    if leftover and leftover not in without:  # "去掉纺织，查一下重大隐患": a new question
        return None
    if _COUNT.search(rest) and not _COUNT.search(without):
        return without[: _LIST_TAIL.search(without).start()] + "有几家"  # type: ignore[union-attr]
    return without


def _said_in(earlier: str, said: str, gazetteer: Gazetteer) -> str | None:
    """How the earlier question says the town or attribute the follow-up drops, or None."""
    said = _NOUN.sub("", said)
    towns = gazetteer.find(said)
    if len(towns) == 1 and said.replace(towns[0][0], "") == "":
        before = [mention for mention, town in gazetteer.find(earlier) if town == towns[0][1]]
        return before[0] if len(before) == 1 else None
    tables = [*ATTRIBUTE_WORDS, TAG_SYNONYMS]
    if said and said in earlier and any(attribute_values(said, t) for t in tables):
        return said
    return None


def _added(earlier: str, said: str) -> str | None:
    clause = re.sub(r"(?:的(?:企业|单位|公司)?|呢|吧|吗|[？?。！!])+$", "", said.strip())
    if not clause or not _CONDITION_WORDS.search(clause) or clause in earlier:
        return None
    nouns = list(_NOUN.finditer(earlier))
    if not nouns:
        return None
    at = nouns[-1].start()
    for table in [*ATTRIBUTE_WORDS, TAG_SYNONYMS]:  # past an attribute right before the noun ("纺织企业")
        for w in sorted(table, key=len, reverse=True):
            if earlier[:at].endswith(w):
                at -= len(w)
                break
    if not earlier[:at].endswith("的"):
        return None  # "华士镇纺织企业…": no clause ends before the noun to join the new one to
    at -= 1
    return f"{earlier[:at]}，{clause}{earlier[at:]}"


__all__ = ["edited"]
