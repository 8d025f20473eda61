"""A follow-up that replaces one value of the question before it (compound round 5).

"把三级换成二级呢" after "有三级重大危险源、而且有未整改隐患的企业有哪些", or "时间改成去年" after
"今年被处罚过、又有逾期隐患的企业有几家", asks the same question with that one value changed. Without
this the follow-up reached the router alone and got the clarification: it names no subject. Here the
earlier question is restated with the value replaced — the words said after 把/将 where the earlier
question holds them once, or, for 时间/时段/日期, its only period — and answered afresh, so the planner
(ADR 0012) sees every condition again. Pure text work: no graph access here.
"""

from __future__ import annotations

import re

_SWAP = re.compile(
    r"^(?:那么?|好的?|嗯|那就)?(?:把|将)?(?P<old>[^，,。？?；;把将]{1,10}?)(?:都)?(?:换成|改成|换为|改为|变成|改为)"
    r"(?P<new>[^，,。？?；;]{1,10}?)(?:的)?(?:呢|吧|吗|看看|试试|再查一下|再查查|再看看|再查)?[？?。！!]?$"
)
# The period itself named instead of its value ("时间改成去年", "把时间段换成上个月").
_TIME_NAMED = re.compile(r"^(?:统计|查询|检查|处罚|罚款)?(?:时间段?|时段|日期|期限|年份|月份|时间范围|期间)$")
# A replacement must be a value, not another condition ("把三级换成有逾期隐患的"): that is a new question.
# A lead word alone is no value ("那换成去年呢" names no old value; composed_followup reads it as a period).
_LEAD_ONLY = re.compile(r"(?:那么?|好的?|嗯|那就|就|再|都|也|还|只)+")
_CONDITION_WORDS = re.compile(r"隐患|危险源|罚|检查|执法|作业|传感器|摄像|告警|报警|租|没|未|不")


def swapped(text: str, earlier: str, period: re.Pattern[str]) -> str | None:
    """``earlier`` with the one value ``text`` replaces, or None. ``period``: the periods said of records."""
    said = _SWAP.match(text.strip())
    if said is None:
        return None
    old, new = said["old"].strip(), said["new"].strip()
    if not old or not new or old == new or _LEAD_ONLY.fullmatch(old) or _CONDITION_WORDS.search(new):
        return None
    if _TIME_NAMED.match(old):
        if not period.fullmatch(new):
            return None
        periods = list(period.finditer(earlier))
        if len(periods) != 1:
            return None  # no period to replace, or two and no word which
        found = periods[0]
        return earlier[: found.start()] + new + earlier[found.end() :]
    if earlier.count(old) != 1:
        return None  # not said before, or said twice: which one is meant?
    return earlier.replace(old, new, 1)


__all__ = ["swapped"]
