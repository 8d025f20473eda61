"""Questions the chat declines before routing: requests to change data and asking for the weather.

Requests to change data ("帮我删除所有企业", "把华士镇的隐患都删掉", "请修改澄江街道的值班人"):
the chat only reads. Routed like questions, such a request was answered with the very rows it asked
to delete — read by a duty officer as if it had been carried out, or as if it were about to be.
It is refused instead, saying what the chat can do. Only imperative forms count: "本月新增了多少隐患",
"哪些隐患已整改" are questions.
"""

from __future__ import annotations

import re

from agents.chat.unheld_facts import unheld_fact

_POLITE = r"(?:请你?|帮我|帮忙|麻烦你?|给我|你)"
_WRITE_REQUEST = re.compile(
    rf"^{_POLITE}?(?:删除|删掉|清空|清除|篡改)(?![的过了])"  # said first, an order ("删除的告警…" is not)
    rf"|^{_POLITE}(?:修改|更改|新增|添加|录入|创建|新建)"  # other writes only when asked for
    r"|(?:把|将).{1,30}?(?:删除|删掉|删了|清空|清除|改成|改为|改掉)"  # 把…删掉, 将…改为…
)
REFUSAL = "智能问答只能查询数据，不能新增、修改或删除；如需变更数据，请在对应业务模块中办理。"

# Asking for the weather ("今天天气怎么样", "明天会下雨吗"): the graph holds none. Asked alone,
# "今天天气怎么样" was routed by its 怎么样 to the towns' overview (every town's figures); in a
# conversation, short as it is, it was read as a follow-up of the previous question. Weather said as a
# circumstance ("最近天气干燥，拉一下华士镇的火焰告警", "大风天气哪些企业在高处作业") is no such question.
_ASKS_FOR_WEATHER = re.compile(
    r"天气(?:预报)?(?:怎么样|咋样|如何|怎样|好不好|怎么说)|(?:什么|啥)天气|天气预报"
    r"|气温(?:多少|几度)|多少度|(?:会|要)(?:不会)?下(?:大|小)?雨[吗么没]?$|下不下雨"
)
NO_WEATHER = (
    "系统里没有天气数据，天气预报请查看气象部门发布的信息。"
    "可查企业、隐患、重大危险源、检查处罚、监测告警、特殊作业、值班、救援资源和预案。"
)


def write_refusal(text: str) -> str | None:
    """The refusal for a request to change data, or None for a question."""
    return REFUSAL if _WRITE_REQUEST.search(text) else None


def weather_refusal(text: str) -> str | None:
    """The decline for a question asking for the weather, or None."""
    return NO_WEATHER if _ASKS_FOR_WEATHER.search(text) else None


def unanswerable(text: str) -> str | None:
    """Why the chat declines the question before routing, or None."""
    return write_refusal(text) or weather_refusal(text) or unheld_fact(text)
