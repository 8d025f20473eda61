"""A future time that says when the answer will be used, not when the events happened (ADR 0011,
events-robust28): "明天开会要用 上个月 全市 红色事件" asks about last month; 明天 is when the meeting is.

Searches look back, so a future word (明天, 后天, 下周, 下个月, 明早 …) followed by what will happen then (开会, 汇报,
检查, 督查, 迎检, 考核, 交班, 交材料, 要用, 向领导汇报) is no filter, and so is a part of today said with 要 and a
purpose (下午要开个会, 晚上还要向局里汇报): the span from the future word through that purpose is
blanked before the time grammar reads the sentence, so the past period said with it is the time, and with none said
there is no time. A future word said alone (明天 华士 有没有火情) keeps the grammar's calendar meaning (ADR 0010).
Only event search does this: the chat asks about tomorrow's duty roster and work permits (明天谁带班) with 明天.
"""

from __future__ import annotations

import re

_FUTURE = r"(?:明天|明早|明晚|明儿个?|后天|下(?:个)?(?:周|星期|礼拜)[一二三四五六日天]?|下个?月|过两天)"
_PART = r"(?:早上|上午|中午|下午|晚上)?(?:[\d一二两三四五六七八九十]{1,3}点半?)?"
_WHO = r"(?:向|给|跟|找|领导|局里|局长|市里|区里|省里|省厅|上级|上面|检查组|督查组|专家组|专家|我|我们|要|得|就|来|去|的)*"
_PURPOSE = (
    r"(?:开个?会|例会|开例会|碰头会|交接班|交班|汇报|检查|督查|迎检|考核|评估|交材料|写材料|报材料|交报告|写报告|要用|要看|要数据|要报)"
    r"(?:要用|用|要看|看)?的?"
)
_FUTURE_PURPOSE = re.compile(_FUTURE + r"\s*" + _PART + r"\s*" + _WHO + _PURPOSE)
# Later today, said with 要 (下午要开个会, 晚上局里要汇报): the part of today is when the purpose happens (events-robust29);
# so is 下午开会要用 (a use said after the purpose); without either (下午开会时报的) the part of the day may be the past
# and stays the grammar's.
_LATER_TODAY = r"(?:今天|今儿个?)?(?:上午|中午|下午|晚上|待会儿?|等会儿?|一会儿)"
_TODAY_PURPOSE = re.compile(
    _LATER_TODAY + r"\s*" + _WHO.replace(")*", ")*?")
    + r"(?:(?:要|还要|得)" + _WHO + _PURPOSE + r"|(?:开个?会|例会|汇报|检查|督查|考核)(?:要用|用|要看)的?)"
)  # fmt: skip


def purpose_time_spans(text: str) -> list[tuple[int, int]]:
    """Spans of 明天开会要用, 下周一领导要看, 后天督查组来检查, 下午要开个会: a future word or a part of today with its purpose."""
    return sorted({m.span() for rule in (_FUTURE_PURPOSE, _TODAY_PURPOSE) for m in rule.finditer(text)})
