"""A town officer's own figure against the city's (ADR 0018, round 7): "我镇平均每家企业有几条没整改的隐患，
跟全市平均水平比是高还是低", "本镇企业平均几个传感器，和全市的平均数相比怎么样".

The city's figure is computed over records outside his scope, so it is refused as any city figure is
for him (evals/README.md (7), (36)); but his own figure is his to see. Round 6 read the whole
sentence and answered neither plainly. Here the comparison with 全市 is cut off, his own figure is
answered as any question of his, and the answer says in Chinese that the city figure is outside his
scope, with no city number. A city officer's question is left as it is.
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


def with_scope_note(answer: ChatAnswer) -> ChatAnswer:
    """His own figure, and why the city's is not given."""
    if answer.path == "refusal":
        return answer
    return answer.model_copy(update={"answer": answer.answer + NOTE})


__all__ = ["NOTE", "own_part", "with_scope_note"]
