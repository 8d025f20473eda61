"""A radius said apart from its place (events-robust17): 方圆两公里 华西村, 半径1公里 联安特钢, 某摄像头 半径500米,
以红光村为中心 半径两公里, 周围500米 with the place after it. ``modifiers.radius_m`` reads a radius only right
after a place (华西村附近两公里); these phrases lead with 方圆/半径, or open the sentence with 周围/周边/附近/四周
and a distance, so they are taken out of the text first and put on the place afterwards. 靠近 before a place is its
附近 (1000 m; events-robust22).

The radius goes to the one place with a point (a village, an enterprise or a camera) that has no radius of its
own, or only the default a bare 附近 gives; with several such places it is ambiguous and dropped.
"""

from __future__ import annotations

import re

from agents.events.modifiers import DEFAULT_RADIUS_M, radius_m
from core.event_search import PlaceFilter

_LENGTH = (
    r"(?:\d+(?:\.\d+)?|[零一二两三四五六七八九十百千]+(?:点[零一二三四五六七八九]+)?|半)\s*(?:米|公里|千米|km|KM|m|里[地路]?)"  # 方圆二里
    r"(?:半(?![小钟天个月年]))?"  # 一公里半, 方圆一点五公里 (events-robust28)
)
_DISTANCE = _LENGTH + r"\s*(?:内|以内|之内|范围内?)?"
_APART = re.compile(
    r"以\s*(?=\S{1,20}?为中心)|为中心\s*[,，]?"  # 以红光村为中心: the centre is the place itself
    rf"|(?:方圆|半径)\s*{_DISTANCE}"
    rf"|^\s*(?:周围|周边|附近|四周)\s*{_DISTANCE}"
    rf"|^\s*{_LENGTH}\s*(?:范围内|以内|之内|内)"  # 半里地以内 泰清村, 两公里内 X: a distance opening the sentence
    r"|(?:靠近|紧?挨着|靠着)(?=\S)"  # 靠近凯誉钢铁(东边) = its 附近 (events-robust22); a road takes none (with_radius)
)


def radius_apart(text: str) -> tuple[str, int | None]:
    """``text`` with the radius phrases said apart from a place blanked, and that radius in metres (the
    last one said), or None."""
    metres: int | None = None
    out = text
    for m in _APART.finditer(text):
        if not m.group():
            continue
        distance = re.search(_DISTANCE, m.group())
        if distance is not None:
            metres = radius_m(distance.group())
        elif m.group().startswith(("靠", "挨", "紧")):
            metres = metres or DEFAULT_RADIUS_M
        out = out[: m.start()] + " " * (m.end() - m.start()) + out[m.end() :]
    return out, metres


def with_radius(places: list[PlaceFilter], metres: int | None) -> list[PlaceFilter]:
    """``places`` with ``metres`` put on the one point place without a radius of its own."""
    if metres is None:
        return places
    open_ = [i for i, p in enumerate(places) if p.kind != "road" and p.radius_m in (None, DEFAULT_RADIUS_M)]
    if len(open_) != 1:
        return places
    out = list(places)
    out[open_[0]] = places[open_[0]].model_copy(update={"radius_m": metres})
    return out
