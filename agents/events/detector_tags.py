"""A detector's tag said on its own (GD-102 报警, PT-3105报了), events-robust25: the alarm came from a plant
instrument, so it is the source 物联阈值; the tag does not say which gas or quantity, so it gives no type. The tag
is put back as 探测器 (an 物联阈值 source word, ``vocab.SOURCE_WORDS``) padded to its length, so spans keep their
places. A tag right after its detector's name (可燃气体探头 GD-102) is left alone: the name already says the type
and earlier rounds read it as that type alone (holdout41/42).

A camera typed in English with its number (cam3, Cam 2, camera-12), events35, is put back as 摄像头 the same way: a
camera word is the source 视频算法 (as 摄像头), and a number with no site names no camera (the camera list's ids,
CAM-P02-0004, are read before this).
"""

from __future__ import annotations

import re

SENSOR_WORD = "探测器"
# ISA-style instrument letters (gas, analyser, temperature, pressure, level, flow) and 2–5 digits: not event
# numbers (EV-20261103-00012), camera ids (CAM-P02-0004, read before) or dates.
_TAG = re.compile(
    r"(?<![A-Za-z0-9\-])(?:GD|GT|GA|GI|AT|AI|AIA|TT|TI|TE|TIA|PT|PI|PIA|LT|LI|LIA|FT|FI)\s?-?\s?\d{2,5}[A-Z]?"
    r"(?![A-Za-z0-9\-])",
    re.IGNORECASE,
)
_CAMERA = re.compile(r"(?<![A-Za-z0-9\-])(?:cam|camera|cctv)\s?-?\s?\d{0,3}(?![A-Za-z0-9\-])", re.IGNORECASE)
CAMERA_WORD = "摄像头"
_NAMED_DETECTOR = re.compile(r"(?:探头|探测器|检测仪|报警器|变送器)\s*$")


def bare_detector_tags(text: str) -> str:
    """``text`` with each tag not right after its detector's name replaced by 探测器 and each English camera word by
    摄像头, spaces padding them."""
    out = _CAMERA.sub(lambda m: CAMERA_WORD.ljust(m.end() - m.start()), text)
    for m in _TAG.finditer(text):
        if _NAMED_DETECTOR.search(text, 0, m.start()) or len(m.group()) < len(SENSOR_WORD):
            continue
        out = out[: m.start()] + SENSOR_WORD.ljust(m.end() - m.start()) + out[m.end() :]
    return out
