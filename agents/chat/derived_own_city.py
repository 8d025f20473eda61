"""A town officer's own figure against the city's (ADR 0018, round 7): "我镇平均每家企业有几条没整改的隐患，
跟全市平均水平比是高还是低", "本镇企业平均几个传感器，和全市的平均数相比怎么样".

The city's figure is computed over records outside his scope, so it is refused as any city figure is
for him (evals/README.md (7), (36)); but his own figure is his to see. Round 6 read the whole
sentence and answered neither plainly. Here the comparison with 全市 is cut off, his own figure is
answered as any question of his, and the answer says in Chinese that the city figure is outside his
scope, with no city number. A city officer's question is left as it is.

Round 8: his town's rank among the towns ("我们镇的隐患数量在全市排第几") is computed from every other
town's figure, so it is refused as the city's share is (evals/README.md (51)), not answered with his
own count as if that were the rank.
"""

from __future__ import annotations

import re

from agents.chat.models import ChatAnswer
from core.scope import Principal, ScopeLevel

_VERSUS_CITY = re.compile(r"(?:跟|和|与|同|较|比|对比|相比)(?:一下)?(?:全市|全江阴|市里|全县)")
_MEAN = re.compile(r"平均|均值|户均|人均|家均")
NOTE = (
    "\n全市的平均水平要用全市的数据计算，超出您的数据范围（无权查看全市数据），无法与全市比较；"
    "如需比较，请联系市级值班人员。"
)


def own_part(text: str, principal: Principal) -> str | None:
    """The question without its comparison with the city, when a town officer asks his mean against it."""
    if principal.scope.level is ScopeLevel.CITY or not _MEAN.search(text):
        return None
    m = _VERSUS_CITY.search(text)
    if m is None:
        return None
    own = text[: m.start()].rstrip("，,；;、 的")
    return own if _MEAN.search(own) else None


_RANK = re.compile(r"排(?:在)?(?:第)?几|排名(?:第)?几|第几名|排名(?:怎么样|如何|多少|靠前|靠后)|名次|排位")
_AMONG_TOWNS = re.compile(
    r"全市|全江阴|各镇|镇街|全区|其他|所有镇|(?:我们|本|我|咱们?)(?:镇|街道|园区|公司|厂|单位)"
)
_WITHIN = re.compile(r"(?:本|我们|我)(?:镇|街道)[^，,。？?]{0,12}?(?:企业|公司|单位|厂)")
RANK_REFUSED = (
    "各镇街的排名要用全市各镇街的数据计算，超出您的数据范围（无权查看其他镇街的数据），无法给出本镇的排名；"
    "可以问本镇自己的数字，如“本镇未整改隐患有多少条”。"
)


def rank_refused(text: str, principal: Principal) -> ChatAnswer | None:
    """A refusal when a town or enterprise caller asks where his own place ranks among the others."""
    if principal.scope.level is ScopeLevel.CITY or not (m := _RANK.search(text)):
        return None
    if not _AMONG_TOWNS.search(text[: m.start()]) or _WITHIN.search(text):
        return None  # 本镇隐患最多的企业排第几: a ranking inside his own scope
    return ChatAnswer(answer=RANK_REFUSED, path="refusal")


def with_scope_note(answer: ChatAnswer) -> ChatAnswer:
    """His own figure, and why the city's is not given."""
    if answer.path == "refusal":
        return answer
    return answer.model_copy(update={"answer": answer.answer + NOTE})


__all__ = ["NOTE", "RANK_REFUSED", "own_part", "rank_refused", "with_scope_note"]
