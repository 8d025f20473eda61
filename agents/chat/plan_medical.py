"""A caller at a hospital asking about the casualties it receives: the health commission's rescue plan is theirs.

"我是人民医院急诊科的，一次送来5个中毒的工人，我们医院要多长时间内报告" is asked by the place that treats the
injured, not the one where the accident happened. What that caller has to do (report a batch of casualties,
whom to call) is laid down in the 卫健委 medical-rescue plan, which lists no accident types of its own (its
scope is the medical side of every accident with casualties), so the accident's words never select it. When
the caller says they are a hospital, a health centre or the 120 centre and casualties are said, that plan is
the caller's own matter and comes first; the plans of the accident where it happened follow as usual.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from agents.chat.plan_sectors import title_sectors

# "我是江阴市人民医院急诊科的", "这里是镇卫生院", "我们医院", "市急救中心这边"
_MEDICAL_CALLER = re.compile(
    r"(?:我是|我们是|这里是|这边是|我在)[^，,。；;？?]{0,14}(?:医院|卫生院|急救中心|急救站|120)|"
    r"我们(?:医院|卫生院|急救中心|急诊)|(?:医院|卫生院|急救中心|急诊科?)(?:这边|这里)"
)
_CASUALTIES = re.compile(r"伤员|伤者|病人|患者|中毒|受伤|烧伤|烫伤|送来|送进来|接诊|收治|抢救")


def medical_caller(question: str) -> bool:
    """The caller is a medical institution receiving casualties."""
    return bool(_MEDICAL_CALLER.search(question)) and bool(_CASUALTIES.search(question))


def callers_plan(row: Mapping[str, Any], question: str) -> bool:
    """``row`` is the medical-rescue plan and the question comes from a hospital receiving casualties."""
    return "医疗救援" in title_sectors(str(row.get("title") or "")) and medical_caller(question)


__all__ = ["callers_plan", "medical_caller"]
