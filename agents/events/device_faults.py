"""A broken device is no event (ADR 0011, events-robust11): 烟雾报警器坏了, 烟感坏了, 压力表故障 name a
detector or gauge and its fault, which the vocabulary has no event type for. Without this the measured
word inside the device name (烟雾, 压力) is read as that alarm and 报警器/传感器 as the IoT source, so a
search for a repair ticket returns every smoke or pressure alarm. The whole phrase is blanked before
the tokens are read; 烟雾报警 alone (an alarm, no fault) is untouched.
"""

from __future__ import annotations

import re

# What the device measures or guards, said before the device word (optional: 探头坏了 alone is a fault too).
_MEASURED = r"(?:烟雾|烟感|烟|温度|温感|压力|液位|可燃气体|可燃气|燃气|有毒气体|气体|火灾|消防|火焰)?"
_DEVICE = (
    r"(?:报警器|报警装置|探测器|探头|传感器|感应器|检测仪|变送器|仪表|表|计|烟感|温感|摄像头|摄像机|监控)"
)
_FAULT = (
    r"(?:又|都|也|好像|已经|突然)?(?:坏了|坏掉了?|损坏|故障|失灵|失效|不亮|不工作|不好使|没反应|没电了?|掉线|离线|"
    r"误动作|要报修|报修)"
)
_DEVICE_FAULT = re.compile(_MEASURED + _DEVICE + r"的?" + _FAULT)


def device_fault_spans(text: str) -> list[tuple[int, int]]:
    """Spans of "device + fault" phrases to blank."""
    return [(m.start(), m.end()) for m in _DEVICE_FAULT.finditer(text)]
