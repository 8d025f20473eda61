"""A clause that says why the caller asks, not what: "早上要给领导汇报，…", "…，晨会通报用".

A leader or an office preparing a briefing opens or closes the question with its purpose. The time
words in that clause (早上, 下午, 明天) date the caller's meeting, not the records asked about, so
left in place 早上 would narrow the hazards to this morning's. The clause is dropped before the
rules read the question; a clause holding a question word (哪/几/多少/什么/有没有) is the question
itself and stays.
"""

from __future__ import annotations

import re

# What a briefing clause is about: reporting upwards or a meeting.
# Not 报告的/汇报的 (上周报告的事件: the events reported, a record).
# Training and ledgers are the same kind of purpose ("安全员培训要用", "年底台账要填").
_PURPOSE = (
    r"(?:汇报|通报|报告|开会|晨会|早会|例会|周会|调度会|会上|写材料|准备材料|发言|培训|台账|报表|课件)(?!的)"
)
# A clause with a question word or a record noun asks something ("上周通报过的隐患，…" is no purpose).
_QUESTION_WORD = re.compile(
    r"哪|几|多少|什么|啥|有没有|是否|吗|么|呢|隐患|事件|报警|告警|企业|作业|检查|处罚|罚|传感|摄像|危险源|风险点|值班"
)
# "早上要给领导汇报，", "下午开会要用：", "明天要向局长报告一下，": a first clause ending in a comma or colon.
_LEADING = re.compile(r"^([^，,。；;：:？?]{0,24}?" + _PURPOSE + r"[^，,。；;：:？?]{0,8})[，,；;：:]\s*")
# "…，晨会通报用", "…，开会要用", "…，汇报用。": a last clause that only says what the answer is for.
_TRAILING = re.compile(
    r"[，,；;]\s*([^，,。；;：:？?]{0,8}"
    + _PURPOSE
    + r"[^，,。；;：:？?]{0,4}?(?:要用|用|需要|要填|填))[。!！]?\s*$"
)


# "澄建建设在南闸的项目部报告，…", "村里来电报告：…": who reports the incident that follows (its firm and
# place), not a briefing the caller prepares — no addressee (给/向/跟) and no intent (要/准备/得) is said.
_REPORTED_BY = re.compile(r"^(?!.*(?:给|向|跟|要|准备|得|需要|帮|用)).*(?:报告|上报|来报|反映)(?:说|称)?$")


def without_purpose_clause(text: str) -> str:
    """``text`` without a leading or trailing clause that only says why the caller asks."""
    lead = _LEADING.match(text)
    if lead is not None and _REPORTED_BY.match(lead.group(1).strip()):
        lead = None
    if lead is not None and not _QUESTION_WORD.search(lead.group(1)) and text[lead.end() :].strip():
        text = text[lead.end() :]
    trail = _TRAILING.search(text)
    if trail is not None and not _QUESTION_WORD.search(trail.group(1)) and text[: trail.start()].strip():
        text = text[: trail.start()]
    return text


__all__ = ["without_purpose_clause"]
