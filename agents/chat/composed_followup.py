"""A follow-up that changes one condition of a composed question (ADR 0012, ADR 0013).

A composed answer ("今年被检查过又有未整改隐患的危化品生产企业") keeps no single intent in its turn
state, so "换成去年呢", "那今年呢", "只看A类的" or "其中在华士的呢" after it had no template to
continue, and were declined or answered by a fresh single template that dropped the other conditions.
The follow-up names one period, one town or one enterprise attribute and nothing else; the question it
changes is still in the turn state. So the earlier question is restated with that one condition
changed (the period said in it replaced, the town or attribute replaced or added) and answered as a
new question by the planner, which then holds every condition again. Anything else about the
follow-up (a new condition, two periods to choose between without a hint) leaves it to the usual
follow-up handling. Pure text work: no graph access here.
"""

from __future__ import annotations

import re

from agents.chat.condition_edits import edited
from agents.chat.coverage import ATTRIBUTE_WORDS, attribute_values
from agents.chat.models import TurnState
from agents.chat.slots import Gazetteer
from agents.chat.tags import TAG_SYNONYMS
from agents.chat.value_swap import swapped

_NUM = "[0-9一二两三四五六七八九十半]+"
# Periods a duty officer says for records; longest forms first where one contains another.
PERIOD = re.compile(
    rf"(?:今年|去年|前年|本年度?|上一?年度?|这一?年|这个月|本月|当月|上个?月|上一个月|这周|本周|这个?礼拜|上周|"
    rf"上个?礼拜|今天|昨天|前天|(?:近|最近|过去)(?:{_NUM})(?:天|日|周|个?星期|个?礼拜|个月|年)|"
    rf"(?:20\d\d年)?(?:1[0-2]|[1-9]|[一二三四五六七八九十]|十[一二])月份?|20\d\d年(?:度)?)"
)
_LEAD = re.compile(
    r"^(?:那么?|好的?|嗯|再|换成|改成|换为|改为|换|改|如果是|要是|若是|只看|只要|只查|只算|只统计|仅看|仅限|看看|"
    r"其中|这里面|这些里面?|那些里面?|里面|当中|中间|哪些|哪几家|有哪些|在|是|，|,)+"
)
_TAIL = re.compile(
    r"(?:的|呢|吗|呀|啊|吧|？|\?|。|！|!|，|,|企业|单位|公司|有哪些|是哪些|哪些|哪几家|有几家|几家|有多少家?|多少家|"
    r"情况|怎么样|如何)+$"
)
# Words of another condition: a follow-up holding one is a new question, not one condition changed.
_CONDITION_WORDS = re.compile(
    r"隐患|危险源|风险|罚|检查|查过|执法|作业|传感器|摄像|告警|报警|事件|租|没|未|不"
)
# The clause verbs a follow-up may name to say which of two periods it changes ("换成去年被罚的呢").
_VERB_HINT = re.compile(r"罚|处罚|检查|查|发现|报|告警|报警|作业")
# Where a period's clause ends: the next condition begins after one of these.
_CLAUSE_END = re.compile(r"[，,、；;。]|又|并且|而且|同时|但|还|且|以及")
_ENTERPRISE_NOUN = re.compile(r"(?:企业|单位|公司|工厂|厂)")


def restate(text: str, previous: TurnState | None, gazetteer: Gazetteer) -> str | None:
    """The earlier composed question with the one condition ``text`` changes, or None. A condition
    dropped or added ("不限纺织了", "再加一个条件：…") restates any earlier question."""
    if previous is not None and previous.question and (changed := edited(text, previous.question, gazetteer)):
        return changed
    if previous is not None and previous.question and (changed := swapped(text, previous.question, PERIOD)):
        return changed  # "把三级换成二级呢", "时间改成去年": one value replaced (agents.chat.value_swap)
    if previous is None or not previous.composed or not previous.question:
        return None
    core = _TAIL.sub("", _LEAD.sub("", text.strip()))
    if not core or len(core) > 12:
        return None
    earlier = previous.question
    period = PERIOD.fullmatch(core) or PERIOD.match(core)
    if period is not None:
        return _new_period(earlier, period.group(0), core[period.end() :])
    if _CONDITION_WORDS.search(core):
        return None
    return _new_town(earlier, core, gazetteer) or _new_attribute(earlier, core)


def _new_period(earlier: str, period: str, hint: str) -> str | None:
    hint = re.sub(r"^(?:被|的|有|受到?|接受)+", "", hint)
    if hint and not _VERB_HINT.fullmatch(re.sub(r"(?:过|了|的)+$", "", hint)):
        return None  # "去年的重大隐患呢": another condition comes with the period
    said = list(PERIOD.finditer(earlier))
    if hint:  # the period of the clause whose verb the follow-up names
        said = [m for m in said if hint[0] in _CLAUSE_END.split(earlier[m.end() :], maxsplit=1)[0]]
    if len(said) != 1:
        return None  # no period to replace, or two and no hint which
    chosen = said[0]
    return earlier[: chosen.start()] + period + earlier[chosen.end() :]


def _new_town(earlier: str, core: str, gazetteer: Gazetteer) -> str | None:
    found = gazetteer.find(core)
    if len(found) != 1 or core.replace(found[0][0], "").strip("的在") != "":
        return None
    town = found[0][1]
    before = gazetteer.find(earlier)
    if len(before) > 1:
        return None
    if before:
        return earlier.replace(before[0][0], town, 1)
    return town + earlier


def _new_attribute(earlier: str, core: str) -> str | None:
    word = core.strip("的")
    tables = [*ATTRIBUTE_WORDS, TAG_SYNONYMS]
    table = next((t for t in tables if attribute_values(word, t) and _covers(word, t)), None)
    if table is None:
        return None
    old = [w for w in sorted(table, key=len, reverse=True) if w in earlier]
    if old:  # the same kind of attribute said before: replaced ("换成机械企业呢")
        return earlier.replace(old[0], word, 1)
    nouns = list(_ENTERPRISE_NOUN.finditer(earlier))
    if not nouns:
        return None
    at = nouns[-1].start()
    for other in tables:  # before an attribute word that stands right before the noun ("纺织企业")
        for w in sorted(other, key=len, reverse=True):
            if earlier[:at].endswith(w):
                at -= len(w)
                break
    return earlier[:at] + word + earlier[at:]


def _covers(word: str, table: dict[str, str]) -> bool:
    """The follow-up is the attribute word alone (with 企业 after it at most)."""
    rest = word
    for w in sorted(table, key=len, reverse=True):
        rest = rest.replace(w, "")
    return _ENTERPRISE_NOUN.sub("", rest) == ""


def echo(asked: str, answered: str) -> str:
    """Says which question was answered when a follow-up was restated."""
    return "" if asked == answered else f"（按上一问改一个条件理解为：{answered}）\n"


__all__ = ["PERIOD", "echo", "restate"]
