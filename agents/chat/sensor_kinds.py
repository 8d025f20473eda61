"""Sensors said by what they measure or by their device name: "温度传感器离线", "可燃气体探测器报警".

A quantity word before 传感器/监测/探头/仪表 (温度, 液位, 压力, 浓度) is the sensor's stored
``sensor_type``; a device name the demo catalogue gives its sensors (可燃气体探测器, 有毒气体探测器,
液位计, 压力变送器, 电气火灾监控 …) narrows to sensors whose name holds it. Without either the
question keeps every sensor, as before.
"""

from __future__ import annotations

import re
from typing import Any

_QUANTITY = re.compile(
    r"(温度|液位|压力|浓度|气体浓度|视频)(?:类)?(?:的)?(?:传感器|监测点?|探头|仪表|检测仪|监测设备)"
)
# "只看液位的" after a sensor question: the kind alone, the sensor said in the turn before
_ONLY_KIND = re.compile(
    r"^(?:那?(?:只|光|仅)(?:看|要|查|算)?)(温度|液位|压力|浓度|气体浓度)(?:类)?的?(?:呢)?[?？]?$"
)
# device names as the sensors are labelled (ingestion/demo/catalog.py SENSORS), longest first
_DEVICES = (
    "可燃气体探测器", "有毒气体探测器", "氨气浓度探测器", "一氧化碳探测器", "电气火灾监控", "压力变送器",
    "液位计", "液位仪", "温度计",
)  # fmt: skip
_DEVICE_SAID = {  # a spoken form → the label part stored in the sensor's name
    "可燃气体报警器": "可燃气体探测器", "可燃气体探头": "可燃气体探测器", "可燃气报警器": "可燃气体探测器",
    "有毒气体报警器": "有毒气体探测器", "有毒气体探头": "有毒气体探测器", "氨气探测器": "氨气浓度探测器",
    "CO探测器": "一氧化碳探测器", "一氧化碳报警器": "一氧化碳探测器",
}  # fmt: skip


# "在线传感器", "在线的": only those online (sensor_count); "离线" is the offline template's own
_ONLINE = re.compile(r"(?<![不离])在线(?!监测|监控)(?:的)?(?:传感器|监测设备|探测器|设备|[的吗呢]|$)")
_OFFLINE = re.compile(r"离线|掉线|不在线|断线|连不上|失联")


def sensor_online(text: str) -> dict[str, Any]:
    """``{"sensor_online": True/False}`` when only the online or offline sensors are counted, else ``{}``."""
    if _ONLINE.search(text):
        return {"sensor_online": True}
    return {"sensor_online": False} if _OFFLINE.search(text) else {}


def sensor_kind(text: str) -> dict[str, Any]:
    """``{"sensor_type": …}`` or ``{"sensor_label": …}`` for a sensor said by its kind, else ``{}``."""
    for said, label in _DEVICE_SAID.items():
        if said in text:
            return {"sensor_label": label}
    for label in _DEVICES:
        if label in text:
            return {"sensor_label": label}
    if m := _QUANTITY.search(text) or _ONLY_KIND.search(text):
        return {"sensor_type": "浓度" if m.group(1) == "气体浓度" else m.group(1)}
    return {}


__all__ = ["sensor_kind", "sensor_online"]
