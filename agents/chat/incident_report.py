"""An incident typed as a statement: "利港一家厂子仓库起火了" with no question word after it.

A duty officer on the phone types what the caller reports and sends it as it is; what they want is
the plan for it (who commands, what comes first), the same as "…起火了怎么办". Without a question word
the routing rules saw only the place and the kind of works, and listed the town's firms or declined.
A sentence that asks for records (报警, 事件, 记录), a number, or the help nearby ("…爆炸了 周边的救援队":
the nearest resources) is no report.
"""

from __future__ import annotations

import re

_QUESTION = re.compile(r"[?？吗么嘛呢]|什么|啥|哪|谁|几|多少|有没有|是否|是不是|怎|咋|如何|查|看看|列|统计")
_RECORDS = re.compile(
    r"报警|告警|预警|事件|记录|清单|名单|台账|隐患|演练|处罚|检查|"
    r"周边|附近|最近|救援队|消防站|专家|物资仓库|应急仓库|物资|避难"
)
# It has just happened, or someone is hurt or still there: the caller reports, not recalls.
_HAPPENING = re.compile(
    r"了|刚刚|刚才|现在|正在|有人|工人|伤|下风向|蔓延|浓烟|火势|还在往|在往上|往上(?:走|涨|升)|降不下|控制不住"
)


def incident_report(text: str, accident: re.Pattern[str]) -> bool:
    """``text`` reports an accident (``accident``: the accident words) as a statement."""
    return bool(
        accident.search(text)
        and _HAPPENING.search(text)
        and not _QUESTION.search(text)
        and not _RECORDS.search(text)
    )


__all__ = ["incident_report"]
