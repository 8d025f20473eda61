"""What a plan question asks about beyond "which plan": reporting, warnings, the end of a response, steps.

A plan answers these in prose, not in its level fields: "镇里接报后多久要报到市里" is its 信息报告
paragraph, "蓝色预警什么情况下发" its 预警 paragraph or table, "什么时候可以宣布结束响应" its 响应终止
paragraph, "现场先做什么" its 应急处置 steps. The router reads the question forms here to send such a
question to ``plan_for`` (``asks_aspect``); the passage choice reads ``aspect`` to aim the knowledge-base
search at that section and to tell which passage is on the point (``agents.chat.plan_passages``).
"""

from __future__ import annotations

import re

from agents.chat.plan_shelter_release import RELEASE_ASKED, SHELTER_ASKED

# Question forms only (routing): a time limit, an addressee or a content asked of a report.
_TIME = r"(?:多长时间|多久|几分钟|几个?小时|时限|时间要求)"
REPORT_ASKED = re.compile(
    _TIME + r"(?:内|以内|之内)?.{0,8}?(?:上报|报告|报送|汇报|报到|报给|报[市镇县局省])|"
    r"(?:上报|报告|报送)" + _TIME + "|"
    r"(?:向|给|跟)(?:谁|哪些?|哪个|哪几个|哪一?级)(?:部门|单位)?(?:报告|上报|报送|汇报)|"
    r"(?:报告|上报|报送|报)(?:给|到)?(?:谁|哪些?部门|哪个部门|哪些?单位|哪里)|"
    r"(?:报告|上报|报送)的?内容|(?:报告|上报).{0,6}(?:包括|包含)"
)
# "蓝色预警什么情况下发", "黄色预警由谁发布", "预警分几种颜色": a plan's warning levels.
WARNING_ASKED = re.compile(
    r"[红橙黄蓝]色预警.{0,12}(?:谁|发布|什么情况|哪些情况|条件|标准|情形|什么时候|何时)|"
    r"(?:谁|什么情况下?|什么条件|何时).{0,8}[红橙黄蓝]色预警|"
    r"预警(?:分(?:为)?(?:几|哪)|级别|等级|颜色)|"
    # "大风来了码头发几级预警", "该发什么颜色的预警", "预警由谁发布": what the plan's warning table says
    r"(?:发|发布|启动)(?:几|哪一?)级(?:的)?预警|(?:发|发布|启动)什么(?:颜色|级别|等级)?的?预警|预警(?:由谁|谁来?)发布"
)
ENDING_ASKED = re.compile(r"(?:结束|终止|解除)(?:应急)?响应|响应(?:结束|终止|解除)")

# Aspect words for aiming the search and judging passages (wider than the routing forms).
_REPORTING = re.compile(r"上报|报告|报送|报到|报给|通知谁|通知哪|多长时间|多久|几分钟|时限")
_WARNING = re.compile(r"预警")
_ENDING = re.compile(r"结束|终止|解除")
_STEPS = re.compile(
    r"怎么办|如何处置|怎么处置|处置流程|应急处置|怎么做|程序|步骤|第一步|先做|先干|先采取|首先|做什么|做啥|做哪些|措施|干什么|干啥|干嘛"
)


def asks_aspect(text: str) -> bool:
    """The question asks a plan's reporting, warning or end of response in a form no other
    question takes (an accident need not be named: "危化品事故报告内容要包括哪些")."""
    return any(p.search(text) for p in (REPORT_ASKED, WARNING_ASKED, ENDING_ASKED))


def aspect(question: str) -> str | None:
    """``shelter`` or ``release`` when the question's last clauses ask where people go or who speaks
    to the press (a follow-up restated after its history ends with what it asks); else ``warning``,
    ``ending``, ``reporting`` or ``steps`` — the first that the question asks, in that order (a warning
    or ending question may say 发布/宣布 near 报告 words; steps are the widest words) — or None."""
    tail = "，".join(_CLAUSES.split(question.strip("？?。！! "))[-2:])
    if SHELTER_ASKED.search(tail):
        return "shelter"
    if RELEASE_ASKED.search(tail):
        return "release"
    if _WARNING.search(question):
        return "warning"
    if ENDING_ASKED.search(question) or re.search(
        r"(?:什么时候|何时|什么情况下?|到什么程度).{0,10}(?:结束|终止)", question
    ):
        return "ending"
    if _REPORTING.search(question):
        return "reporting"
    if _STEPS.search(question):
        return "steps"
    return None


_CLAUSES = re.compile(r"[，,；;。？?！!]")

# Where a passage speaks to the aspect: words of its text (reporting, warning, ending) or of its
# section name (steps: a working group's duties share words with a step question, not its point).
ON_POINT_TEXT = {
    "reporting": re.compile(r"报告|上报|报送"),
    "warning": re.compile(r"预警"),
    "ending": re.compile(r"(?:结束|终止)"),
    # the places people are taken (a card's 人往哪躲 line), the group that speaks for the response
    "shelter": re.compile(r"避难场所|避难所|安置点|安置场所|避灾|人往哪躲|集中安置|临时安置"),
    "release": RELEASE_ASKED,
}
STEP_SECTION = re.compile(r"处置|响应|措施|程序|行动|救援|步骤|流程")
ON_POINT_SECTION = {"warning": re.compile(r"预警"), "ending": re.compile(r"终止|结束")}

__all__ = [
    "ENDING_ASKED",
    "ON_POINT_SECTION",
    "ON_POINT_TEXT",
    "REPORT_ASKED",
    "STEP_SECTION",
    "WARNING_ASKED",
    "asks_aspect",
    "aspect",
]
