"""Chinese numerals in time expressions → Arabic digits, keeping a map back to the original text.

Only numerals directly followed by a time unit (年 月 日 号 天 周 星期 礼拜 小时 点 时 分 个 钟 刻) are converted,
so "一级"、"三号楼" style words elsewhere in a sentence are left alone (ADR 0010).

Spoken approximations of two neighbouring numbers (两三点, 七八点, 十一二点, 五六号, 近两三天) are
ranges: before 点/时/号/日 they become "A到B" covering both (两三点 → 2点到4点, i.e. 02:00–04:00;
五六号 → 5号到6号, 一二月); before a count unit (天, 个, 小时 …) the larger number is kept (近两三天 → 近3天).
"""

from __future__ import annotations

import re

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "俩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_NUMERAL = re.compile(r"[零〇一二两俩三四五六七八九十百]+(?=[年月日号天周小时点时分个钟刻]|礼拜|星期)")
# Two neighbouring digits (一两, 两三, 七八, 十一二): "about A or B". Not before 年 (二三年 is 2023).
_APPROX = re.compile(r"(十?)([一二两三四五六七八])([二两三四五六七八九])")
# 周一..周日 are weekdays, not "one week": never convert a numeral right after 周/星期/礼拜.
_AFTER_WEEK = ("周", "期", "拜")
# 一九 … 九九 before 天 name the nines of winter, except 八九天 (eight or nine days, an approximation).
_WINTER_NINE = re.compile(r"[一二三四五六七九]九")


def chinese_to_int(text: str) -> int | None:
    """``"二十四"`` → 24, ``"五百"`` → 500, ``"二〇二四"`` → 2024, ``"十"`` → 10; None when it is not a numeral."""
    if not text or any(ch not in _DIGITS and ch not in "十百千" for ch in text):
        return None
    if not any(ch in "十百千" for ch in text):  # digit by digit: 二〇二四, 三
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch == "千":
            total += (current or 1) * 1000
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _DIGITS[ch]
    return total + current


def normalise_numerals(text: str) -> tuple[str, list[int]]:
    """The text with time numerals in Arabic digits, and for every output character the index of
    the input character it came from (plus one trailing entry for the end)."""
    out: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _NUMERAL.finditer(text):
        start = m.start()
        if start > 0 and text[start - 1] in _AFTER_WEEK:
            # 周一 stays a weekday; what follows it is the numeral (周一零时 = 周一 0时, 周二十点).
            start += 1
            if start == m.end():
                continue
        if start > 0 and text[start - 1] == "初" and m.end() - start > 1 and text[start] != "十":
            # 初一零点 = 初一 0点, not 初10点: a lunar day's numeral is one character (events-robust20)
            out.append(text[pos : start + 1] + " ")
            index.extend([*range(pos, start + 1), start])
            pos = start = start + 1
        numeral = text[start : m.end()]
        if text[m.end()] == "天" and (
            _WINTER_NINE.fullmatch(numeral) or (numeral == "九" and start > 0 and text[start - 1] in "数进")
        ):
            continue  # 三九天 / 数九天 are the nines of winter (``winter_nines``); 39 days is said 三十九天
        value = chinese_to_int(numeral)
        digits = _approximate(numeral, text[m.end()]) or (None if value is None else str(value))
        if digits is None:
            continue
        out.append(text[pos:start])
        index.extend(range(pos, start))
        out.append(digits)
        # Every produced digit maps into the numeral's span, the last one to its last character.
        index.extend(min(start + i, m.end() - 1) for i in range(len(digits)))
        pos = m.end()
    out.append(text[pos:])
    index.extend(range(pos, len(text)))
    index.append(len(text))
    return "".join(out), index


def _approximate(numeral: str, unit: str) -> str | None:
    """两三 before 点 → "2点到4", before 号 → "5号到6", before 天 → "3"; None when not an approximation."""
    m = _APPROX.fullmatch(numeral)
    if m is None or unit == "年":
        return None
    tens = 10 if m.group(1) else 0
    a, b = tens + _DIGITS[m.group(2)], tens + _DIGITS[m.group(3)]
    if b != a + 1:
        return None
    if unit in "点时":  # the hour B runs to B + 1: 两三点 = 2:00 up to 4:00
        # 十一二点 ends at 1 (on the clock face), so 晚上十一二点 runs 23:00 → 01:00; alone it is still 11:00–13:00
        return f"{a}{unit}到{b + 1 if b < 12 else b - 11}"
    if unit in "号日月":  # 五六号 → 5号到6号, 一二月 → 1月到2月
        return f"{a}{unit}到{b}"
    return str(b)
