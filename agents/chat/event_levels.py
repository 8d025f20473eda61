"""The colour level of an alarm said in a question: "红色报警", "黄色的火情报告", "报警级别是橙色的".

Events are graded 红/橙/黄/蓝. The colour may come before the alarm word, with 的 or an event type
between ("橙色的可燃气体报警"), or after it ("级别为红色"). Colours that grade something else — a risk
point, a landlord (出租方), a 厂中厂 — are not event levels, so a colour whose words run into one of
those is left to the slots that read them.
"""

from __future__ import annotations

import re

from core.vocab import EventLevel

_ALARM = r"告警|报警|预警|警报|警情|事件|报告"
_NOT_EVENT = r"风险|出租|厂中厂|房东|档|企业|厂|公司"
_BEFORE = re.compile(  # the colour, then at most a few words (no other graded thing), then the alarm word
    rf"([红橙黄蓝])色(?:等级|级别|级)?(?:的)?(?:(?!{_NOT_EVENT})[\u4e00-\u9fff]){{0,6}}?(?:{_ALARM}|等级|级别)"
)
_AFTER = re.compile(rf"(?:{_ALARM})(?:的)?(?:级别|等级)?(?:是|为|属于)([红橙黄蓝])色")


def event_level_in(text: str) -> str | None:
    """The event level (``EventLevel`` value, e.g. "红色") the question asks about, if it says one."""
    m = _BEFORE.search(text) or _AFTER.search(text)
    if m is None:
        return None
    return EventLevel(m.group(1) + "色").value
