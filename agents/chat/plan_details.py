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
    r"(?:物资|装备|器材|设备|储备)(?:有|是)?(?:哪些|什么|啥|多少)|(?:备|准备|储备|配备|配)(?:了|有)?(?:哪些|什么|啥)|"
    # the teams a plan assigns, and items asked first: "安排了哪支技术支撑队伍", "有哪些应急物资"
    r"(?:哪些|什么|啥|哪支|哪几支)[^，,。？?]{0,6}?(?:物资|装备|器材|队伍|救援队|抢险队|抢修队|消防队|救援力量)|"
    r"(?:队伍|救援队|抢险队|抢修队|消防队|救援力量)(?:有|是)?(?:哪些|什么|哪支|多少)"
)
# "…队伍，是哪个单位的": the holder of a team or item asked, not the plan's issuer
_STOCK = re.compile(r"物资|装备|器材|队伍|救援队|抢险队|抢修队|消防队|救援力量")
_CLAUSES = re.compile(r"[，,。；;？?]")
# "谁是总指挥", "总指挥是谁", "谁当总指挥": the head of the plan's command, not a level's commander.
HEAD_ASKED = re.compile(r"谁(?:是|当|任|担任)总指挥|总指挥(?:是|由)(?:谁|哪个|哪位|什么人)")
# "启动响应要谁批准", "谁决定启动", "由谁下令启动": the body the plan gives the decision to start a response.
STARTER_ASKED = re.compile(
    r"谁(?:来)?(?:批准|审批|批|决定|拍板|下令|同意)|(?:由|找)谁(?:来)?(?:批准|决定|下令)|"
    r"(?:哪个|哪一?级|什么)(?:部门|单位|领导|机构)?(?:来)?(?:批准|决定|下令)(?:启动)?|(?:批准|决定)(?:启动)?(?:的)?是谁"
)
SHOWN_RESOURCES = 8
SHOWN_HEADS = 2


def asked(question: str) -> set[str]:
    """ "issuer", "resources", "head" and/or "starter": the plan facts the question asks for."""
    found = {name for name, pattern in (("resources", RESOURCES_ASKED), ("head", HEAD_ASKED))
             if pattern.search(question)}  # fmt: skip
    if STARTER_ASKED.search(question):
        found.add("starter")
    clauses = _CLAUSES.split(question)
    for i, clause in enumerate(clauses):
        if ISSUER_ASKED.search(clause) and not (
            _STOCK.search(clause) or (i and _STOCK.search(clauses[i - 1]))
        ):
            found.add("issuer")
    return found


def _resource(item: Mapping[str, Any]) -> str:
    quantity = item.get("quantity")
    if isinstance(quantity, float) and quantity.is_integer():
        quantity = int(quantity)  # the graph stores counts as floats: "15人", not "15.0人"
    amount = f"{quantity or ''}{item.get('unit') or ''}"
    holder = f"（{item['holder']}）" if item.get("holder") else ""  # who keeps it: "是哪个单位的"
    return f"{item.get('name')}{' ' + amount if amount else ''}{holder}"


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
    if "starter" in wanted:  # ``graph.plan_chiefs.with_starters``
        starters = row.get("starters") or []
        out += [f"   决定启动响应：{s['unit']}{'（简称' + s['short'] + '）' if s.get('short') else ''}——{s['duty']}"
                for s in starters[:SHOWN_HEADS]] or ["   决定启动响应：预案中未写明由谁决定"]  # fmt: skip
    return out


__all__ = ["HEAD_ASKED", "ISSUER_ASKED", "RESOURCES_ASKED", "STARTER_ASKED", "asked", "lines"]
