"""Chinese time expressions → a half-open interval ``[start, end)`` in Asia/Shanghai.

``parse_time_range(text, now)`` finds the time expression in a sentence ("昨天下午城东的烟雾告警" →
yesterday 12:00–18:00) and returns it with the span it matched, or ``None``. A small grammar rather
than a library: ADR 0010 compares JioNLP and dateparser on these cases.

Interval semantics (one rule each, used everywhere):
* A day word (今天/昨天/前天/明天, 3月5日, 上周三) is that whole calendar day, 00:00 → next 00:00.
  A date without a year is the latest such date not after today (a range by its first date); a bare weekday (周三) is the
  latest such day not after today; 上周三 is Wednesday of the previous Monday-based week.
* Periods are calendar periods: 本周/上周 Monday → Monday, 本月/上个月, 今年/去年, 国庆 1–7 Oct, 五一 1–5 May.
* Rolling windows end at ``now``: 近三天 = now − 72 h → now, 最近一周 = now − 7 d, 过去24小时,
  近两个小时, 近3个月 (calendar months back from now); 刚才/刚刚 = the last 30 minutes; 这两天 = 近2天.
* Parts of the day: 凌晨 00–06, 早上/清晨 06–09, 上午 06–12, 中午 11–13, 下午 12–18, 傍晚 17–19,
  晚上/夜里 18–24, 深夜 22–24, 半夜/午夜 23–03 (into the next day), 白天 06–18. 昨晚/今晚/前晚 = that day's 晚上; 今早 = today's 早上.
* A clock time alone is its hour (10点 → 10:00–11:00); "A到B" is A → B; "8点后" runs to the end of
  the day part (or day), "8点前" from its start. With 下午/晚上, hours below 12 are afternoon hours.
* With no day word, a part of the day or a clock time means today, or yesterday when today's
  would start after ``now`` (at 09:00 "下午" means yesterday afternoon).
* "Up to now" after a phrase (凌晨到现在, 从3号起, 今年以来, 8点开始, 至今) keeps its start and ends at ``now``.
* "N ago": 半小时前/一小时前 = the rolling window back to ``now``; 三天前 = that calendar day, 两周前 =
  that Monday-based week, 一个月前 = that calendar month.
* Parts of a month: 月初/上旬 = days 1–10, 月中/中旬 = 11–20, 月底/月末/下旬 = 21st → end; alone they
  are this month's, or last month's when this month's part has not begun. 上半年/下半年 = Jan–Jun /
  Jul–Dec, 一季度 … 四季度 = calendar quarters (alone: the latest one begun). 上周末 = Saturday and
  Sunday of the previous week, 这周末 = this week's. 年初 = January, 年底/年末 = December (alone: the
  latest one begun, so 年底 in March is last December).
* Typed shorthand: 24h/48H = hours; 2.5小时内 keeps the decimal; 3/5 and 3.5 (not 3.5公里) are 5 March;
  晚8点/早8点 and 3月5日晚 name 晚上/早上. Approximate numbers (numerals module): 两三点 = 02:00–04:00,
  五六号 = both days, 近两三天 = 近3天. Two bare weekdays A到B (周一到周三) end at the latest B, with A
  the one before it.
* Lunar holidays from a table (2024–2030): 春节/过年 = 除夕 → 初六 (7 days), 除夕 and 元宵 one day,
  清明/端午/中秋 = the festival day and the two after it; outside the table nothing is guessed.
* ``end`` is exclusive. All datetimes are aware, UTC+08:00.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from agents.nlp.calendar_days import (
    CST,
    DAY_PART_WORDS,
    DAY_WORDS,
    add_months,
    day_range,
    midnight,
    whole_day,
    whole_month,
)
from agents.nlp.numerals import normalise_numerals

__all__ = ["CST", "TimeRange", "parse_time_range"]


_PARTS = {
    "凌晨": (0, 6),
    "早上": (6, 9),
    "早晨": (6, 9),
    "清晨": (6, 9),
    "上午": (6, 12),
    "中午": (11, 13),
    "午间": (11, 13),
    "下午": (12, 18),
    "午后": (12, 18),
    "傍晚": (17, 19),
    "晚上": (18, 24),
    "晚间": (18, 24),
    "夜里": (18, 24),
    "夜间": (18, 24),
    "深夜": (22, 24),
    "半夜": (23, 27),  # around midnight: 23:00 → 03:00 the next day
    "午夜": (23, 27),
    "白天": (6, 18),
}
_PM_PARTS = {"中午", "午间", "下午", "午后", "傍晚", "晚上", "晚间", "夜里", "夜间", "深夜"}

_CONNECT = r"\s*(?:到|至|~|～|-|—|－)\s*"
_CLOCK = r"(\d{1,2})(?:[:：](\d{2})|[点时](?:(\d{1,2})(?!刻)分?|(半)|(一刻|1刻)|(三刻|3刻))?)"
# 月初 = days 1–10 (上旬), 月中 = 11–20 (中旬), 月底/月末 = 21st to the end (下旬).
_EDGE = r"(?P<edge>初|中旬|底|末|上旬|下旬)?"
# 上/下/这 … before 周/月, but not the 上 of 晚上/早上/楼上 (晚上月城 is 晚上 + 月城镇).
_REL = r"((?<![晚早马楼路街线])上上|大上|(?<![晚早马楼路街线])上|本|这|(?<![午])下)"
# Count units; h/H is hours (24h, 48H).
_UNIT = r"(天|日|周|星期|礼拜|月|小时|钟头|分钟|年|[hH](?![A-Za-z]))"
_DATE_ABS = r"(?:(\d{4}|\d{2})年)?(\d{1,2})月(\d{1,2})[日号]?|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("recent", re.compile(r"刚才|刚刚|方才")),
    ("these_days", re.compile(r"这(\d+|几)天|这些天|前些天|前些日子|这些日子|这阵子|这段时间")),
    (
        "rolling",
        re.compile(
            rf"(?:(?:近|最近|过去)的?(\d+(?:\.\d+)?|几|半)?|前(\d+|几))个?{_UNIT}(?:内|以内|之内|里|来)?"
        ),
    ),
    ("within", re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?|半)(?:个)?{_UNIT}(?:内|以内|之内|以来)")),
    (
        "ago",
        re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?|半|几)个?{_UNIT}(?:以|之)?前(?![\d天日周月年])"),
    ),
    (
        "holiday",
        re.compile(
            r"(?:(今年|去年|\d{4}年)的?)?(国庆|五一|劳动节|元旦|春节|过年|除夕|元宵|清明|端午|中秋)(?:节|假期|长假|小长假|期间|那几天)*"
        ),
    ),
    ("date_range", re.compile(f"(?:{_DATE_ABS}){_CONNECT}(?:(\\d{{1,2}})月)?(\\d{{1,2}})[日号]?")),
    ("date", re.compile(_DATE_ABS)),
    # 3/5, 3.5 (month/day); not a decimal such as 3.5公里 or 2.5小时
    (
        "date_md",
        re.compile(
            r"(?<![\d./])(1[0-2]|0?[1-9])[/.](3[01]|[12]\d|0?[1-9])(?![\d./]|\s*(?:公里|千米|米|km|m|小时|个|天|倍|%))"
        ),
    ),
    (
        "year_month",
        re.compile(rf"(?:(\d{{4}}|\d{{2}})年|(今年|去年))(\d{{1,2}})月(?:份)?(?![\d日号]){_EDGE}"),
    ),
    ("month", re.compile(rf"(?<![\d个年])(\d{{1,2}})月份?(?![\d日号]){_EDGE}")),
    ("day_of_month", re.compile(r"(?<![\d月/.-])(\d{1,2})[日号](?![楼线门库机车院栋])")),
    ("week_day", re.compile(rf"{_REL}?(?:一|1)?个?(?:周|星期|礼拜)([一二三四五六日天1-7])")),
    (
        "week",
        re.compile(rf"{_REL}?(?:一|1)?(?:个)?(?:周|星期|礼拜)(末)|{_REL}(?:一|1)?(?:个)?(?:周|星期|礼拜)"),
    ),
    ("month_rel", re.compile(rf"{_REL}(?:一|1)?(?:个)?月(?:份)?{_EDGE}")),
    ("month_edge", re.compile(r"月(初|中旬|中|底|末|上旬|下旬)|([上中下])旬")),
    ("half_year", re.compile(r"(?:(\d{4})年|(今年|去年|前年))?的?(上|下)半年")),
    ("quarter", re.compile(r"(?:(\d{4})年|(今年|去年))?的?第?([1-4一二三四])季度")),
    ("year", re.compile(r"(?:(\d{4})年(?!\d)|(今年|本年|去年|前年|明年))(?:年?(初|底|末))?")),
    ("year_edge", re.compile(r"年(初|底|末)")),
    ("day_part_word", re.compile("|".join(DAY_PART_WORDS))),
    ("day_word", re.compile("|".join(sorted(DAY_WORDS, key=len, reverse=True)))),
    ("part", re.compile("|".join(sorted(_PARTS, key=len, reverse=True)))),
    # 晚8点, 早8点, 3月5日晚: one character, only next to a clock time or a date
    ("short_part", re.compile(r"[早晚](?=\d)|(?<=[日号天])晚(?![上间点饭])")),
    ("clock_range", re.compile(f"{_CLOCK}{_CONNECT}{_CLOCK}")),
    ("clock", re.compile(f"{_CLOCK}(以后|之后|后|以前|之前|前)?")),
]


# Right after a time phrase: "up to now" (its start stays, its end becomes ``now``). 起 only when it
# does not start an event word (昨天起火).
_SINCE = re.compile(
    r"\s*(?:一直)?(?:(?:到|至|直到|截至|截止到?)\s*(?:现在|目前|此刻|当前|如今|今)(?:为止)?|至今|迄今|以来|开始|起(?![火烟]))"
)


@dataclass(frozen=True)
class TimeRange:
    """``[start, end)`` in Asia/Shanghai; ``span`` = (start, end) character offsets in the input."""

    start: datetime
    end: datetime
    span: tuple[int, int]
    text: str


@dataclass
class _Hit:
    kind: str
    start: int
    end: int
    m: re.Match[str]


def _number(text: str | None, default: float = 1) -> float:
    if not text:
        return default
    if text == "几":
        return 3
    if text == "半":
        return 0.5
    return float(text)


def _rolling(now: datetime, n: float, unit: str) -> tuple[datetime, datetime]:
    """``now`` minus n units → ``now``; months and years step back in calendar months."""
    if unit in ("月", "年") and n >= 1:
        months = int(n) * (12 if unit == "年" else 1)
        return datetime.combine(add_months(now.date(), -months), now.timetz()), now
    if unit in ("月", "年"):  # 近半个月, 近半年
        return now - timedelta(days=15 if unit == "月" else 182), now
    hours = {
        "天": 24,
        "日": 24,
        "周": 168,
        "星期": 168,
        "礼拜": 168,
        "小时": 1,
        "钟头": 1,
        "分钟": 1 / 60,
    }.get(
        unit,
        1,  # h, H
    )
    return now - timedelta(hours=hours * n), now


def _ago(now: datetime, n: float, unit: str) -> tuple[datetime, datetime]:
    """ "N units ago": hours and minutes are a rolling window back to ``now`` (半小时前 = the last
    half hour); days, weeks, months and years are the calendar period that far back (三天前 = that day,
    两周前 = that Monday-based week, 一个月前 = that month)."""
    if unit in ("小时", "钟头", "分钟", "h", "H") or n != int(n):
        return _rolling(now, n, unit)
    today, k = now.date(), int(n)
    if unit in ("天", "日"):
        return whole_day(today - timedelta(days=k))
    if unit in ("周", "星期", "礼拜"):
        monday = today - timedelta(days=today.weekday() + 7 * k)
        return midnight(monday), midnight(monday + timedelta(days=7))
    first = add_months(date(today.year, today.month, 1), -k * (12 if unit == "年" else 1))
    if unit == "年":
        return midnight(date(first.year, 1, 1)), midnight(date(first.year + 1, 1, 1))
    return whole_month(first.year, first.month)


def _clock_value(m: re.Match[str], offset: int) -> tuple[int, int] | None:
    g = m.groups()[offset : offset + 6]
    hour = int(g[0])
    minute = int(g[1] or g[2] or 0) if (g[1] or g[2]) else (30 if g[3] else 15 if g[4] else 45 if g[5] else 0)
    if hour > 24 or minute > 59:
        return None
    return hour, minute


def _scan(text: str) -> list[_Hit]:
    """Non-overlapping hits, earlier patterns winning over later ones on the same characters."""
    taken = [False] * len(text)
    hits: list[_Hit] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if m.end() == m.start() or any(taken[m.start() : m.end()]):
                continue
            if kind == "clock" and not _plausible_clock(text, m):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            hits.append(_Hit(kind, m.start(), m.end(), m))
    return sorted(hits, key=lambda h: h.start)


def _plausible_clock(text: str, m: re.Match[str]) -> bool:
    """ "3时" in "3时许" is a time, but a bare "5点" inside "5点多家企业" is rare enough to accept;
    reject only numbers glued to other digits or units that make them counts (3点位)."""
    after = text[m.end() : m.end() + 1]
    return after not in ("位", "个", "次")


def _adjacent(hits: list[_Hit], text: str) -> list[_Hit]:
    """The first cluster of hits separated only by spaces, 的, 在, 从 or a connector."""
    if not hits:
        return []
    cluster = [hits[0]]
    for h in hits[1:]:
        gap = text[cluster[-1].end : h.start]
        if re.fullmatch(r"[\s的在从起，,]*|[\s]*(?:到|至|和|及|与|跟|、)[\s]*", gap):
            cluster.append(h)
        else:
            break
    return cluster


def parse_time_range(text: str, now: datetime) -> TimeRange | None:
    """The first time expression in ``text`` as ``[start, end)`` in Asia/Shanghai, or None."""
    if not text or not text.strip():
        return None
    now = (now.astimezone(CST) if now.tzinfo else now.replace(tzinfo=CST)).replace(microsecond=0)
    norm, index = normalise_numerals(text[:2000])
    cluster = _adjacent(_scan(norm), norm)
    if not cluster:
        return None
    result = _resolve(cluster, now)
    if result is None:
        return None
    start, end = result
    last = cluster[-1].end
    since = _SINCE.match(norm, last)
    if since and start < now:  # 凌晨到现在, 从3号起, 今年以来: from the start of the phrase to now
        end, last = now, since.end()
    s, e = index[cluster[0].start], index[last - 1] + 1
    return TimeRange(start=start, end=end, span=(s, e), text=text[s:e])


def _resolve(cluster: list[_Hit], now: datetime) -> tuple[datetime, datetime] | None:
    today = now.date()
    days: tuple[datetime, datetime] | None = None
    explicit_day = False
    bare_weekdays = [h for h in cluster if h.kind == "week_day" and h.m.group(1) is None]
    part: str | None = None
    clocks: list[_Hit] = []
    for h in cluster:
        m, k = h.m, h.kind
        if k == "recent":
            return now - timedelta(minutes=30), now
        if k == "these_days":
            n = _number(m.group(1), 3) if m.group(1) else 3
            return now - timedelta(days=n), now
        if k == "rolling":
            return _rolling(now, _number(m.group(1) or m.group(2)), m.group(3))
        if k == "within":
            return _rolling(now, _number(m.group(1)), m.group(2))
        if k == "ago":
            return _ago(now, _number(m.group(1)), m.group(2))
        rng = day_range(h.kind, h.m, today)
        if rng is not None and len(bare_weekdays) == 2 and h is bare_weekdays[0]:
            # 周一到周三 said on a Monday: the Monday before that Wednesday, not today
            later = day_range("week_day", bare_weekdays[1].m, today)
            if later is not None and rng[0] > later[0]:
                rng = (rng[0] - timedelta(days=7), rng[1] - timedelta(days=7))
        if rng is not None:
            days = rng if days is None else (min(days[0], rng[0]), max(days[1], rng[1]))
            explicit_day = True
            if k == "day_part_word":
                part = DAY_PART_WORDS[m.group(0)][1]
        elif k == "part":
            part = m.group(0)
        elif k == "short_part":
            part = "晚上" if m.group(0) == "晚" else "早上"
        elif k in ("clock", "clock_range"):
            clocks.append(h)
    if days is None and part is None and not clocks:
        return None
    if days is None:
        days = whole_day(today)
    start, end = days
    if part is not None:
        lo, hi = _PARTS[part]
        start, end = start + timedelta(hours=lo), start + timedelta(hours=hi)
    if clocks:
        narrowed = _apply_clock(clocks[0], start, end, part)
        if narrowed is None:
            return None
        start, end = narrowed
    if not explicit_day and start > now:
        start, end = start - timedelta(days=1), end - timedelta(days=1)
    return start, end


def _apply_clock(
    h: _Hit, start: datetime, end: datetime, part: str | None
) -> tuple[datetime, datetime] | None:
    base = start.replace(hour=0, minute=0)

    def at(hm: tuple[int, int]) -> datetime:
        hour, minute = hm
        if part in _PM_PARTS and hour < 12 and not (part in ("中午", "午间") and hour >= 11):
            hour += 12
        elif part in ("半夜", "午夜") and hour < 12:  # 半夜2点: after midnight
            hour += 24
        return base + timedelta(hours=hour, minutes=minute)

    if h.kind == "clock_range":
        a, b = _clock_value(h.m, 0), _clock_value(h.m, 6)
        if a is None or b is None:
            return None
        t0, t1 = at(a), at(b)
        if t1 <= t0 and b[0] < 12:  # 下午3点到5点 → 15–17; 10点到2点 → 10:00–14:00
            t1 += timedelta(hours=12)
        return (t0, t1) if t1 > t0 else None
    hm = _clock_value(h.m, 0)
    if hm is None:
        return None
    t = at(hm)
    direction = h.m.group(7)
    if direction in ("以后", "之后", "后"):
        return t, end if end > t else base + timedelta(days=1)
    if direction in ("以前", "之前", "前"):
        return (start if start < t else base), t
    return t, t + timedelta(hours=1)
