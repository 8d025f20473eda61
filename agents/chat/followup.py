"""Follow-up questions: what a short question keeps from, or changes in, the previous turn.

Duty officers rarely repeat themselves: after "嘉汇化学的法人是谁" they ask "被罚过吗" or "附近的消防队"
(the same enterprise), after "华士镇未整改隐患多少条" they ask "重大的呢" (a bare level word, read
against the previous intent), "都列出来" (the list behind a count) or "各镇呢" (the per-town count).
Pure functions over the question, its slots and the previous ``TurnState``; ``ChatService`` applies them.
"""

from __future__ import annotations

import re

from agents.chat.models import TurnState
from agents.chat.router import GROUPED, family
from agents.chat.slots import Slots

# family → (list intent, count intent, per-group intent)
_SIBLINGS: dict[str, tuple[str | None, str | None, str | None]] = {
    "hazard": ("hazard_list", "hazard_count", "hazard_count_by_town"),
    "enterprise": ("enterprise_list", "enterprise_count", "enterprise_count_by_town"),
    "inspection": ("inspection_list", "inspection_count", None),
    "penalty": ("penalty_list", "penalty_total", None),
    "event": ("events_recent", None, "event_count_by_type"),
}
_LIST = re.compile(r"列出|列一下|列个|明细|清单|名单|具体|详细|都有哪些|有哪些|是哪些|哪几")
_COUNT = re.compile(r"多少|几家|几条|几个|几次|几起|几处|一共|总共|数量|总数")
# A question that widens the subject again does not inherit the previous enterprise.
_WIDENS = re.compile(r"全市|所有|全部|各|每个|哪些企业|哪家|哪几家|企业有|名单|清单|我们|本镇|本街道")
_CARRY_MAX_CHARS = 12


def sibling(previous_intent: str | None, text: str) -> str | None:
    """The list / count / per-town form of the previous intent that the follow-up asks for, if any."""
    fam = family(previous_intent)
    if fam is None or fam not in _SIBLINGS:
        return None
    listing, count, grouped = _SIBLINGS[fam]
    if grouped and re.search(GROUPED, text):
        return grouped
    if count and _COUNT.search(text):
        return count
    if listing and _LIST.search(text):
        return listing
    return None


def bare_levels(text: str, intent: str | None) -> dict[str, object]:
    """Level words that only make sense against the intent: "重大的呢" after a hazard question."""
    fam = family(intent)
    found: dict[str, object] = {}
    if fam == "hazard" and (m := re.search(r"(重大|一般)", text)):
        found["hazard_level"] = m.group(1)
    elif fam == "hazard_source" and (m := re.search(r"([一二三四1-4])\s*级", text)):
        found["mhs_level"] = "一二三四".index(m.group(1)) + 1 if not m.group(1).isdigit() else int(m.group(1))
    elif intent == "risk_points" and (m := re.search(r"重大|较大|一般|低|[红橙黄蓝]色", text)):
        colour = {"红色": "重大", "橙色": "较大", "黄色": "一般", "蓝色": "低"}
        found["risk_level"] = colour.get(m.group(0), m.group(0))
    elif fam == "event" and (m := re.search(r"([红橙黄蓝])色", text)):
        found["event_level"] = m.group(1) + "色"
    elif intent == "lessor_list" and (m := re.search(r"([红黄蓝])(?:色|档|的)", text)):
        found["lessor_grade"] = m.group(1)
    return found


def carried_enterprise(text: str, slots: Slots, previous: TurnState | None) -> str | None:
    """The previous turn's single enterprise, for a short question that names no place of its own."""
    if previous is None or not previous.slots.get("enterprise_id"):
        return None
    if slots.town or slots.enterprise_mention_strong or len(text) > _CARRY_MAX_CHARS or _WIDENS.search(text):
        return None
    return str(previous.slots["enterprise_id"])
