"""Which template's rows express one subject said in a clause (隐患, 行政处罚, 传感器, …), with that
clause's slots: shared by the compound planner (ADR 0012: one enterprise set per condition) and the
aggregation step (ADR 0013: the things counted per enterprise or town)."""

from __future__ import annotations

import re
from typing import Any

from agents.chat.hazard_age import open_for
from agents.chat.inspecting_unit import unit_values
from agents.chat.slots import OVERDUE, Slots

OFFLINE = re.compile(r"离线|掉线|不在线|断线|断网|故障|连不上|失联")
ALARM = re.compile(r"报了?过?警|告警|超限|预警|超标|异常")


def template_for(kind: str, clause: str, s: Slots, *, counted: bool) -> tuple[str, dict[str, Any]] | None:
    """The template and its slots for subject ``kind``, or None (no such template).

    ``counted``: the rows are the things themselves (one per hazard source, any event), as the
    aggregation step counts them; otherwise one enterprise set per condition (hazard-source holders,
    events of a named type only: "报过警" alone is no condition a duty officer would mean).
    """
    if kind == "隐患":
        age = open_for(clause)  # "隐患超过30天没整改": open that long since found (agents.chat.hazard_age)
        if s.overdue or OVERDUE.search(clause):
            return "overdue_hazards", {"hazard_level": s.hazard_level, "open_for_ms": age.get("open_for_ms")}
        if age:
            return "hazard_list", {"hazard_level": s.hazard_level} | age
        return "hazard_list", {"hazard_level": s.hazard_level, "hazard_status": s.hazard_status,
                               "open_only": s.open_only}  # fmt: skip
    if kind == "行政处罚":
        return "penalty_list", {}
    if kind == "执法检查":  # by one unit when one is said: "华士镇安监办查过的企业"
        return "inspection_list", unit_values(clause, s.town)
    if kind == "重大危险源":
        return "hazard_source_list" if counted else "hazard_source_enterprises", {"mhs_level": s.mhs_level}
    if kind == "风险点":
        return "risk_points", {"risk_level": s.risk_level}
    if kind == "特殊作业":
        return "special_operations", {"op_type": s.op_type}
    if kind == "传感器":
        if OFFLINE.search(clause):
            return "sensors_offline", {}
        if ALARM.search(clause):
            return "sensors_alarming", {}
        # counted per town or firm, the sensors themselves: every one, online or not (ADR 0018)
        return ("sensors_offline", {"all_sensors": True}) if counted else None
    if kind == "视频监控":
        if OFFLINE.search(clause):
            return "cameras_offline", {}
        # counted per town or firm, the points themselves: every camera, online or not
        return ("cameras_offline", {"all_cameras": True}) if counted else None
    if kind == "应急演练":  # "今年没搞过演练的企业": drills the enterprises held (not a landlord's)
        return "drill_list", {"drill_holder": "enterprise"}
    if kind == "事件告警" and (counted or s.event_type):
        return "events_recent", {"event_type": s.event_type, "event_status": s.event_status,
                                 "event_level": s.event_level}  # fmt: skip
    return None


__all__ = ["ALARM", "OFFLINE", "template_for"]
