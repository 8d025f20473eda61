"""Figures a flood plan grades its levels by: the day's rainfall and how far water stands above its warning mark.

A water or flood plan writes its 启动条件 as readings, not tolls or events — "预报日降雨量100毫米以上" (Ⅲ级),
"水位超过警戒水位0.5米" (Ⅱ级) — and a town clerk says the same readings his own way ("预报明天日降雨量要到
100毫米以上", "水位已经超过警戒水位半米多"). Both sides are read into the same figures, so a trigger clause
is met when the reading said reaches its threshold, contradicted when it falls short, and not told when either
side gives no such figure. Pure text work.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from agents.nlp.numerals import chinese_to_int

_NUM = r"(\d+(?:\.\d+)?|[零一二两三四五六七八九十百千]+(?:点[零一二三四五六七八九]+)?|半)"
# "日降雨量100毫米以上", "降雨量要到一百毫米", "雨量达到120mm", "降水150毫米"
_RAIN = re.compile(
    r"(?:降雨量?|雨量|降水量?)[^，,。；;\d零一二两三四五六七八九十百千]{0,6}?" + _NUM + r"\s*(?:毫米|mm)"
)
# "超过警戒水位0.5米", "超警戒水位半米多", "高出警戒水位30厘米"; "达到警戒水位" is the mark itself (0)
_ABOVE_MARK = re.compile(r"(?:超过|超出|高出|超)了?警戒(?:水位|潮位)?" + _NUM + r"\s*(米|厘米|公分)")
_AT_MARK = re.compile(r"(?:达到|到达|到了|超过|超出|高出|超)了?警戒(?:水位|潮位)")
_CM = {"厘米": 0.01, "公分": 0.01, "米": 1.0}


def _number(text: str) -> float | None:
    if text == "半":
        return 0.5
    if text[0].isdigit():
        return float(text)
    whole, _, tenths = text.partition("点")
    value = chinese_to_int(whole) if whole else 0
    if value is None:
        return None
    digits = "零一二三四五六七八九"
    return value + (float("0." + "".join(str(digits.index(c)) for c in tenths)) if tenths else 0.0)


def readings(text: str) -> dict[str, float]:
    """``rain_mm`` (the day's rainfall) and ``above_mark_m`` (metres above the warning mark) said in ``text``."""
    found: dict[str, float] = {}
    if (m := _RAIN.search(text)) and (value := _number(m.group(1))) is not None:
        found["rain_mm"] = value
    if (m := _ABOVE_MARK.search(text)) and (value := _number(m.group(1))) is not None:
        found["above_mark_m"] = value * _CM[m.group(2)]
    elif _AT_MARK.search(text):
        found["above_mark_m"] = 0.0
    return found


def clause_met(clause: str, said: Mapping[str, float]) -> bool | None:
    """Whether the readings said reach the clause's thresholds (each figure the clause names and the
    account gives): True when all reach, False when one falls short, None when no figure is shared."""
    wanted = readings(clause)
    shared = [name for name in wanted if name in said]
    if not shared:
        return None
    return all(said[name] >= wanted[name] for name in shared)


__all__ = ["clause_met", "readings"]
