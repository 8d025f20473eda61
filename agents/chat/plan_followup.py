"""A follow-up to a plan question: "那一级响应谁指挥", "三级响应先做什么", "换成月城镇呢".

``plan_for`` reads the accident, the firm and the place from the question's own words
(``plan_guide.slot_values``), so a follow-up that says only the level or the step asked found no accident
and answered for no plan ("请说明是哪类事故"), and one that changes the town kept the town but lost the
accident. A duty officer asks a plan question in turns: the accident first, then who commands a level,
what comes first, where to report. So a follow-up to a plan answer that names no accident of its own and
asks one of those things is the earlier question with it added; one that says only another town is the
earlier question placed there. Anything else (a resource, a record, a new accident) is a new question.
Pure text work: no graph access here.
"""

from __future__ import annotations

import re

from agents.chat.models import TurnState
from agents.chat.plan_asked import more_accident
from agents.chat.plan_next_step import done_clause
from agents.chat.plan_shelter_release import RELEASE_ASKED, SHELTER_ASKED
from agents.chat.slots import Gazetteer
from plans.rules_meta import accident_type_spans

# What a plan answer is asked about in a later turn: a level or tier, the commander, the first steps,
# reporting, warning, the end of the response, the plan itself.
_ASKS = re.compile(
    r"[一二三四几1-4ⅠⅡⅢⅣIV]+\s*级|[公司厂车间班组岗位]级|谁(?:来)?(?:指挥|牵头|负责|挂帅|拍板)|指挥长|总指挥|"
    r"先(?:做|干|弄|搞)|第一步|首要|措施|怎么(?:处置|处理|办)|(?:上报|报告|报到|报给|通知)|预警|"
    r"(?:结束|终止)|预案|"
    # the field command post, the teams or stock to call in, moving people out: what the plan sets up for
    # the accident just asked ("现场指挥部设在哪", "需要调哪些救援队伍", "要不要疏散群众")
    r"现场指挥部|指挥部设在|(?:调|派|请求|增援|支援)[^，,。？?]{0,6}?(?:队伍|救援队|抢险队|消防队|救援力量|物资|装备)|"
    r"(?:队伍|救援队|救援力量|物资|装备)[^，,。？?]{0,6}?(?:调|派|增援|支援)|疏散|撤离|转移群众|"
    # where the people go, who speaks to the press ("往哪里安置", "新闻发布谁负责"): the plan's lines too
    + SHELTER_ASKED.pattern
    + "|"
    + RELEASE_ASKED.pattern
)
# How near a resource is asked: a search of the graph's resources, not the plan's ("最近的消防站在哪");
# 附近 only when no team or stock is called in ("附近有消防站吗").
_DISTANCE = re.compile(r"最近|就近|距离|多远|几公里|多少公里|离[^，,。？?]{1,8}(?:近|远)")
_CALLED_IN = re.compile(r"调|派|请求|增援|支援")
_LEAD = re.compile(r"^(?:那么?|好的?|嗯|再|换成|改成|换为|改为|如果是|要是|若是|如果在|要是在|在|，|,)+")
# A fact added to the accident already asked about: "现在着火了", "目前有人中毒了", "刚才又爆炸了" —
# not "现在另一家厂也着火了" (another works: a question of its own).
_NOW = re.compile(r"(?:现在|目前|眼下|刚刚|刚才|后来)(?!.*(?:一家|另一|另外|别的|其他))")
# An account grown worse is said at more length than a bare follow-up ("现在钢瓶漏得班组控制不住了，氯气
# 已经飘到厂外，几级响应，谁指挥"): it still starts with 现在/刚才 and names no place.
_GROWN = 45
_TAIL = re.compile(r"(?:的话|的|呢|吗|？|\?|。|，|,)+$")


def restate(text: str, previous: TurnState | None, gazetteer: Gazetteer) -> str | None:
    """The earlier plan question with ``text`` added or its town changed, or None (a new question)."""
    if previous is None or previous.intent != "plan_for" or not previous.question:
        return None
    earlier = previous.question
    core = _TAIL.sub("", _LEAD.sub("", text.strip()))
    if _NOW.match(core) and _ASKS.search(text) and len(text) <= _GROWN and not gazetteer.find(core):
        # "现在着火了，几级响应": the same accident grown worse, not a new one (``plan_account`` reads
        # the fact said last, so the earlier "还没着火" gives way)
        return f"{earlier.rstrip('？?。！! ')}，{text}"
    if done_clause(text) and len(text) <= 40 and not gazetteer.find(core):
        # "泄漏区域的动火作业已经停了，下一步做什么": a step of the same accident done, its words no new one
        return f"{earlier.rstrip('？?。！! ')}，{text}"
    if accident_type_spans(text) or more_accident(text):
        return None  # a new accident: a question of its own
    found = gazetteer.find(core)
    if len(found) == 1 and core.replace(found[0][0], "").strip("镇街道的在") == "":
        before = gazetteer.find(earlier)
        if len(before) > 1:
            return None
        return earlier.replace(before[0][0], found[0][1], 1) if before else found[0][1] + earlier
    if found or not _ASKS.search(text) or len(text) > 30:
        return None
    if _DISTANCE.search(text) or ("附近" in text and not _CALLED_IN.search(text)):
        return None  # a resource search of its own
    return f"{earlier.rstrip('？?。！! ')}，{text}"


__all__ = ["restate"]
