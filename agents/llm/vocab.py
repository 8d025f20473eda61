"""Closed-vocabulary normalisation of generated values. Pure functions, no model, no I/O.

Small models answer "Ⅱ级", "2级", "二级响应" or "II" for the one response level "二级", and keep
"较大生产安全事故" where the legal accident class is "较大". After generation every such value goes
through ``normalise_choice`` (or a wrapper below) and anything that maps to no choice becomes ``None``
(the caller decides whether that is an error). Chinese numerals are parsed here too (``cn_to_int``)
rather than with ``cn2an``: see ``docs/adr/0002-llm-output-normalisation.md``.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation

RESPONSE_LEVELS: tuple[str, ...] = ("一级", "二级", "三级", "四级")
"""Emergency response and warning levels (Ⅰ–Ⅳ级; warnings 红/橙/黄/蓝), most severe first."""

ACCIDENT_CLASSES: tuple[str, ...] = ("特别重大", "重大", "较大", "一般")
"""Accident classes of 《生产安全事故报告和调查处理条例》 (第三条), most severe first."""

_ROMAN = ("I", "II", "III", "IV")  # after NFKC: Ⅰ→I, Ⅱ→II, Ⅲ→III, Ⅳ→IV; full-width Ｉ→I
_CN_LEVEL = ("一", "二", "三", "四")
_LEVEL_SUFFIXES = ("级", "级响应", "级应急响应", "级别", "级应急", "响应")


_WARNING_COLOURS = ("红", "橙", "黄", "蓝")  # 《突发事件应对法》: 一级…四级 warnings are red…blue


def _level_synonyms() -> dict[str, str]:
    synonyms: dict[str, str] = {}
    for n, level in enumerate(RESPONSE_LEVELS, start=1):
        colour = _WARNING_COLOURS[n - 1]
        for word in (colour + "色", colour + "色预警", colour + "色预警信号"):
            synonyms[word] = level
        for token in (_ROMAN[n - 1], str(n), _CN_LEVEL[n - 1]):
            synonyms[token] = level
            for suffix in _LEVEL_SUFFIXES:
                synonyms[token + suffix] = level
                synonyms["第" + token + suffix] = level
    return synonyms


LEVEL_SYNONYMS: Mapping[str, str] = _level_synonyms()
ACCIDENT_SYNONYMS: Mapping[str, str] = {"特大": "特别重大", "一般性": "一般"}
ACCIDENT_REJECT: tuple[str, ...] = ("重特大", "较大以上", "重大以上", "一般以上")  # ranges, not one class

_STRIP = " \t\r\n\u3000\"'“”‘’「」『』《》。，,.;；:：!！?？、"
_CJK = re.compile(r"[\u3400-\u9fff]")


def clean(value: str) -> str:
    """NFKC (full-width → ASCII, Ⅱ → II), upper-case Latin, no inner spaces, no edge punctuation."""
    text = unicodedata.normalize("NFKC", value).upper()
    text = re.sub(r"\s+", "", text)
    return text.strip(_STRIP)


def normalise_choice(
    value: object,
    choices: Sequence[str],
    synonyms: Mapping[str, str] | None = None,
    *,
    reject: Iterable[str] = (),
) -> str | None:
    """Map ``value`` onto one of ``choices`` or return ``None``.

    In order: exact choice; exact synonym; the one choice or synonym (of two or more characters,
    at least one of them CJK, so "II" or "红" match only exactly) that occurs inside the value (a match inside a longer match does not count: "特别重大事故" is 特别重大, not 重大;
    two different matches are ambiguous → ``None``). A value containing any ``reject`` string is
    ``None``. Comparisons are made on ``clean``-ed text.
    """
    if not isinstance(value, str | int):
        return None
    text = clean(str(value))
    if not text:
        return None
    if any(clean(r) in text for r in reject):
        return None
    canonical = {clean(c): c for c in choices}
    if text in canonical:
        return canonical[text]
    syn = {clean(k): v for k, v in (synonyms or {}).items()}
    if text in syn and syn[text] in choices:
        return syn[text]

    keys = {
        k: v
        for k, v in {**{k: v for k, v in syn.items() if v in choices}, **canonical}.items()
        if len(k) >= 2 and _CJK.search(k)
    }
    spans: list[tuple[int, int, str]] = []
    for key, target in keys.items():
        start = text.find(key)
        while start != -1:
            spans.append((start, start + len(key), target))
            start = text.find(key, start + 1)
    maximal = {
        target
        for s, e, target in spans
        if not any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) for s2, e2, _ in spans)
    }
    return maximal.pop() if len(maximal) == 1 else None


def normalise_level(value: object) -> str | None:
    """Map "Ⅱ级" / "2级" / "二级响应" / "II" / "启动Ⅱ级应急响应" / "橙色预警" to "二级", else ``None``.

    Response and warning levels share the scale 一级…四级; warning colours map by law (红 = 一级,
    橙 = 二级, 黄 = 三级, 蓝 = 四级).
    """
    return normalise_choice(value, RESPONSE_LEVELS, LEVEL_SYNONYMS)


def normalise_accident_class(value: object) -> str | None:
    """Map "较大生产安全事故" → "较大", "特大" → "特别重大"; ranges such as "重特大" → ``None``."""
    return normalise_choice(value, ACCIDENT_CLASSES, ACCIDENT_SYNONYMS, reject=ACCIDENT_REJECT)


# -- numbers -------------------------------------------------------------------------------------

_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}
_TENS = {"廿": 20, "卅": 30}
_ARABIC = re.compile(r"(\d+(?:\.\d+)?)([十百千万亿]*)")
CN_NUMBER_CHARS = "".join([*_DIGITS, *_SMALL_UNITS, *_BIG_UNITS, *_TENS])


def _arabic_with_units(text: str) -> int | None:
    m = _ARABIC.fullmatch(text)
    if not m:
        return None
    try:
        number = Decimal(m.group(1))
    except InvalidOperation:
        return None
    for unit in m.group(2):
        number *= _SMALL_UNITS.get(unit) or _BIG_UNITS[unit]
    return int(number) if number == number.to_integral_value() else None


def _chinese(text: str) -> int | None:
    if any(ch not in CN_NUMBER_CHARS for ch in text):
        return None
    if len(text) > 1 and all(ch in _DIGITS for ch in text):  # "二〇二四" read digit by digit
        return int("".join(str(_DIGITS[ch]) for ch in text))
    high = 0  # the part already multiplied by 万 / 亿
    section = 0  # below 万
    number = 0  # the pending digit
    last_unit = 0  # the unit just seen, for colloquial "一万二" = 12000, "三百五" = 350
    after_unit = False
    for ch in text:
        if ch in _DIGITS:
            number = _DIGITS[ch]
            after_unit = False
        elif ch in _TENS:
            section += _TENS[ch]
            last_unit, after_unit = 10, True
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            section += (number or (1 if unit == 10 else 0)) * unit
            if number == 0 and unit != 10:
                return None  # "百" / "千" without a digit: not a number
            number, last_unit, after_unit = 0, unit, True
        else:
            unit = _BIG_UNITS[ch]
            if ch == "亿":
                high = (high + section + number) * unit
            else:
                high += (section + number) * unit
            if high == 0:
                return None  # "万" alone
            section, number, last_unit, after_unit = 0, 0, unit, True
    if number and not after_unit and last_unit > 10 and text[-2] in {*_SMALL_UNITS, *_BIG_UNITS}:
        number *= last_unit // 10
    return high + section + number


def cn_to_int(value: str) -> int | None:
    """Parse "三十五" → 35, "一百零三" → 103, "两百" → 200, "一万二" → 12000, "1.5万" → 15000,
    "二〇二四" → 2024, "３５" → 35. ``None`` for anything that is not a whole number."""
    text = clean(value)
    if not text:
        return None
    if text[0].isdigit():
        return _arabic_with_units(text)
    return _chinese(text)


_COUNT_HEAD = re.compile(rf"^(?:约|近|超过|逾|共|计|共计)?(\d+(?:\.\d+)?[十百千万亿]*|[{CN_NUMBER_CHARS}]+)")


def parse_count(value: object) -> int | None:
    """The whole number at the head of ``value``: 35 / "35" / "三十五人" / "约1.5万名" → int."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if not isinstance(value, str):
        return None
    m = _COUNT_HEAD.match(clean(value))
    return cn_to_int(m.group(1)) if m else None


# -- dates ---------------------------------------------------------------------------------------

_DATE_CN = re.compile(
    rf"([\d{CN_NUMBER_CHARS}]{{4}})年(?:([\d{CN_NUMBER_CHARS}]{{1,3}})月(?:([\d{CN_NUMBER_CHARS}]{{1,3}})日)?)?"
)
_DATE_SEP = re.compile(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?")


def iso_date(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` if the parts make a real date, else ``None``."""
    if not 1900 <= year <= 2200:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def normalise_date(value: object) -> str | None:
    """Normalise "2024年3月1日" / "二〇二四年三月一日" / "2024/3/1" / "2024-03" → ISO 8601 (as precise as given)."""
    if not isinstance(value, str):
        return None
    text = clean(value)
    if text.endswith("号"):
        text = text[:-1] + "日"
    m = _DATE_SEP.fullmatch(text) or _DATE_CN.fullmatch(text)
    if not m:
        return None
    parts = [cn_to_int(p) if p else None for p in m.groups()]
    if parts[0] is None or (m.group(2) and parts[1] is None) or (m.group(3) and parts[2] is None):
        return None
    return iso_date(parts[0], parts[1], parts[2])
