"""A bound on one penalty's amount: "罚款在5万元以上的处罚有哪些", "罚款不到1万元的处罚", "3万以下的罚单有几张".

The penalty templates filter each penalty's ``amount_yuan`` against these bounds. Coverage flags such a
bound as a 数量门槛 (no other template compares a number); the service first lets the aggregation step
answer it when the firms are asked ("罚款超过5万元的企业": a firm's largest penalty, ADR 0013), and
only what that leaves reaches the penalty templates through :func:`absorb`. Bounds follow the
earlier gold (round 22): 超过/大于/高于 = more than, X以上/不少于/至少 = at least, 不到/低于/少于 =
less than, X以下/不超过/最多 = at most.
"""

from __future__ import annotations

import re
from typing import Any

from agents.chat.coverage import ENTERPRISES_ASKED
from agents.chat.members_asked import firms_or_towns_asked
from agents.llm.vocab import cn_to_int

PENALTY_INTENTS = frozenset({"penalty_list", "penalty_total"})
THRESHOLD = "数量门槛"  # the name coverage gives a numeric bound

_NUM = r"[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百千]+"
_AMOUNT = rf"(?P<n>{_NUM})\s*(?P<wan>万)?\s*(?:元|块)?"
_BEFORE = re.compile(
    rf"(?P<op>超过|超出|大于|多于|高于|不少于|不低于|至少|达到|不到|不足|低于|少于|小于|不超过|最多)\s*{_AMOUNT}"
)
_AFTER = re.compile(rf"{_AMOUNT}\s*(?P<op>(?:或|及|和)?以上|(?:或|及|和)?以下|以内)")
# An amount needs a money word: "3次以上" is a count of penalties, not an amount.
_MONEY = re.compile(r"万|元|块")
_OPS = {
    "超过": "amount_above", "超出": "amount_above", "大于": "amount_above", "多于": "amount_above",
    "高于": "amount_above", "不少于": "amount_from", "不低于": "amount_from", "至少": "amount_from",
    "达到": "amount_from", "以上": "amount_from", "不到": "amount_below", "不足": "amount_below",
    "低于": "amount_below", "少于": "amount_below", "小于": "amount_below", "不超过": "amount_upto",
    "最多": "amount_upto", "以下": "amount_upto", "以内": "amount_upto",
}  # fmt: skip


def amount_bounds(text: str) -> dict[str, Any]:
    """The amount slots said in ``text`` ({"amount_from": 50000.0}), or {}."""
    found: dict[str, float] = {}
    for rx in (_BEFORE, _AFTER):
        for m in rx.finditer(text):
            if not _MONEY.search(m.group(0)):
                continue
            digits = m["n"]
            value = float(digits) if digits[0].isdigit() else cn_to_int(digits)
            if value is None:
                continue
            found[_OPS[m["op"].lstrip("或及和")]] = float(value) * (10_000 if m["wan"] else 1)
    return dict(found)


def absorb(text: str, intent_id: str, missing: tuple[str, ...], values: dict[str, Any]) -> tuple[str, ...]:
    """For a penalty template, put the amount bound into ``values`` and take it off ``missing``.

    Called after the aggregation step had its turn, so a firm list over a bound keeps its meaning.
    """
    if (
        intent_id not in PENALTY_INTENTS
        or (ENTERPRISES_ASKED in missing and firms_or_towns_asked(text) != "towns")
        or not (bounds := amount_bounds(text))
    ):
        return missing  # firms asked ("单笔罚款超过3万元的企业有几家"): penalties would miscount them
    # towns asked ("…的企业分布在哪些镇"): the penalties' towns are the firms' towns (agents.chat.members_asked)
    values |= bounds
    return tuple(m for m in missing if m != THRESHOLD)


__all__ = ["PENALTY_INTENTS", "absorb", "amount_bounds"]
