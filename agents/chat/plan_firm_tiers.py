"""Response levels said by a firm's tier: "车间级响应谁指挥", "公司级响应启动后先做什么".

A firm's plan names its levels by who handles them — 公司级 (the whole firm), 车间级 (one workshop),
班组级 (one shift team) — and maps them onto numbered levels, usually 一级/二级/三级 but not always
(a two-tier plan's 车间级 is its 二级, another plan may number them the other way). The importer keeps
the tier in the level's name ("二级响应（车间级）", "车间级响应"), so the level asked is the one whose name
holds the tier; only a plan whose level names hold no tier is read by the usual mapping.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

# 厂级 = 公司级, 岗位级 = the lowest tier; 部门级 sits where 车间级 does.
_TIER = re.compile(r"(公司|厂|车间|部门|班组|岗位|工段)级")
_TIER_NAMES = {"公司": "公司级", "厂": "公司级", "车间": "车间级", "部门": "车间级", "工段": "车间级",
               "班组": "班组级", "岗位": "班组级"}  # fmt: skip
_USUAL_LEVEL = {"公司级": "一级", "车间级": "二级", "班组级": "三级"}
_SAME_TIER = {
    "公司级": ("公司级", "厂级"),
    "车间级": ("车间级", "部门级", "工段级"),
    "班组级": ("班组级", "岗位级"),
}


def asked_tier(question: str) -> str | None:
    """The tier a question asks about (公司级/车间级/班组级), None when it says none."""
    m = _TIER.search(question)
    return _TIER_NAMES[m.group(1)] if m else None


def tier_levels(levels: Sequence[Mapping[str, Any]], tier: str) -> list[Mapping[str, Any]]:
    """The plan's level for the tier: the one whose name holds it, else the usual numbered level when
    no level name holds any tier (a plan that says only 一级/二级/三级)."""
    named = [lv for lv in levels if any(t in str(lv.get("name") or "") for t in _SAME_TIER[tier])]
    if named:
        return named
    if any(_TIER.search(str(lv.get("name") or "")) for lv in levels):
        return []  # the plan names its tiers, but not this one
    return [lv for lv in levels if lv.get("level") == _USUAL_LEVEL[tier]]


__all__ = ["asked_tier", "tier_levels"]
