"""What a plan question asks besides the plan: who issued it, what resources it lists.

"青石村防汛明白卡是谁发的", "锦程钢结构的涂装火灾预案里准备了哪些应急物资": the officer has the plan
in mind and wants one fact of it. The plan's issuing unit and the resources its 应急保障 section lists
are verified facts the plan projected into the graph (``Plan.issuing_unit``, ``PlanResource``), so the
answer adds them under each plan it lists, from those facts only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

ISSUER_ASKED = re.compile(
    r"谁(?:发|出|定|编|签|制定|印发|发布|编制)|(?:哪个|哪家|什么|啥)(?:单位|部门|机关|机构)(?:发|出|印发|发布|编制|制定|的)|"
    r"(?:发布|印发|编制|制定|出台)(?:单位|部门|机关)|(?:是|由)(?:哪个|哪家|什么)"
    r"(?:单位|部门)"
)
RESOURCES_ASKED = re.compile(
    r"(?:物资|装备|器材|设备|储备)(?:有|是)?(?:哪些|什么|啥|多少)|(?:备|准备|储备|配备|配)(?:了|有)?(?:哪些|什么|啥)"
)
# "谁是总指挥", "总指挥是谁", "谁当总指挥": the head of the plan's command, not a level's commander.
HEAD_ASKED = re.compile(r"谁(?:是|当|任|担任)总指挥|总指挥(?:是|由)(?:谁|哪个|哪位|什么人)")
SHOWN_RESOURCES = 8
SHOWN_HEADS = 2


def asked(question: str) -> set[str]:
    """ "issuer", "resources" and/or "head": the plan facts the question asks for."""
    return {name for name, pattern in (("issuer", ISSUER_ASKED), ("resources", RESOURCES_ASKED),
                                       ("head", HEAD_ASKED))
            if pattern.search(question)}  # fmt: skip


def _resource(item: Mapping[str, Any]) -> str:
    amount = f"{item.get('quantity') or ''}{item.get('unit') or ''}"
    return f"{item.get('name')}{' ' + amount if amount else ''}"


def lines(row: Mapping[str, Any], wanted: set[str]) -> list[str]:
    """The lines to add under a listed plan for the facts asked."""
    out = []
    if "issuer" in wanted:
        unit = str(row.get("issuing_unit") or "").strip()
        out.append(f"   发布单位：{unit}" if unit else "   发布单位：预案中未写明")
    if "resources" in wanted:
        items = [r for r in row.get("resources") or [] if r and r.get("name")]
        if items:
            more = f"等 {len(items)} 项" if len(items) > SHOWN_RESOURCES else ""
            out.append("   应急物资：" + "、".join(_resource(r) for r in items[:SHOWN_RESOURCES]) + more)
        else:
            out.append("   应急物资：预案中没有已核实的物资清单")
    if "head" in wanted:  # ``graph.plan_chiefs.with_heads``
        heads = [h for h in row.get("heads") or [] if h.get("holder")][:SHOWN_HEADS]
        out += [f"   {h['title']}：{h['holder']}（{h['unit']}）" for h in heads] or [
            "   总指挥：预案中未写明"
        ]
    return out


__all__ = ["HEAD_ASKED", "ISSUER_ASKED", "RESOURCES_ASKED", "asked", "lines"]
