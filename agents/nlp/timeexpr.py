"""Chinese time expressions → a half-open interval ``[start, end)`` in Asia/Shanghai.

``parse_time_range(text, now)`` finds the time expression in a sentence ("昨天下午城东的烟雾告警" →
yesterday 12:00–18:00) and returns it with the span it matched, or ``None``. A small grammar rather
than a library: ADR 0010 compares JioNLP and dateparser on these cases.

Interval semantics (one rule each, used everywhere):
* A day word (今天/昨天/前天/明天, 3月5日, 上周三) is that whole calendar day, 00:00 → next 00:00.
  A date without a year is the latest such date not after today (a range by its first date); a bare weekday (周三) is the
  latest such day not after today; 上周三 is Wednesday of the previous Monday-based week.
* Periods are calendar periods: 本周/上周 Monday → Monday, 本月/上个月, 本季度/上个季度, 今年/去年,
  国庆 1–7 Oct, 五一 1–5 May, 元旦 1–3 Jan. 上个月25号/这个月的4号 = that day of that month. A year
  word before a day or month names its year: 去年这个月, 去年的今天, 去年3月5号, 去年 上半年.
* Rolling windows end at ``now``: 近三天 = now − 72 h → now, 最近一周 = now − 7 d, 过去24小时,
  近两个小时, 近3个月 (calendar months back from now); 刚才/刚刚 = the last 30 minutes; 这两天 = 近2天.
* Parts of the day: 凌晨 00–06, 早上/清晨 06–09, 上午 06–12, 中午 11–13, 下午 12–18, 傍晚 17–19,
  晚上/夜里 18–24, 深夜 22–24, 半夜/午夜 23–03 (into the next day), 白天 06–18, 上半夜/前半夜 18–24,
  下半夜/后半夜 24–30 (the next day's 00–06). 昨晚/今晚/前晚 = that day's 晚上; 今早 = today's 早上.
  晚上 + 1–4点, 夜里/深夜 + 1–5点 = the small hours after that evening (昨晚两点 = today 02:00); a bare weekday with
  a part not begun today is last week's (周三晚上 said on Wednesday morning; events-robust30).
* A clock time alone is its hour (10点 → 10:00–11:00; 十点多/10点左右 too, and 十点前后 = about ten);
  "8点后" runs to the end of the day part (or day), "8点前" from its start. With 下午/晚上, hours
  below 12 are afternoon hours. N号 before a facility noun (2号罐区, 一号仓库) is no day.
* "A到B" (also 至, -, ~, and 起至 as in 自3日起至5日止) runs from A's start to B's end, or to B itself when B is a clock time
  (昨天下午3点到晚上8点 = 15:00–20:00, 上周五晚上到今天早上). B without a day word is on A's day
  (晚上10点到凌晨2点 runs into the next day); a bare weekday or day of the month at B is the first
  one on or after A (上周四下午到周五上午, 上个月25号到31号, 3号-5号).
* With no day word, a part of the day or a clock time means today, or yesterday when today's
  would start after ``now`` (at 09:00 "下午" means yesterday afternoon).
* "Up to now" after a phrase (凌晨到现在, 从3号起, 今年以来, 8点开始, 至今), or 截至目前 before it (report
  style: 截至目前本月内), keeps its start and ends at ``now``. 上一自然月/本自然周 = 上个月/本周, 本年度 = 今年.
* "N ago": 半小时前/一小时前 = the rolling window back to ``now``; 三天前 = that calendar day, 两周前 =
  that Monday-based week, 一个月前 = that calendar month.
* Parts of a month (also after the month said twice, 这个月月底): 月初/月头/上旬 = days 1–10, 月中/中旬 = 11–20, 月底/月末/下旬 = 21st → end; alone they
  are this month's, or last month's when this month's part has not begun; 上半月 = 1–15, 下半月 =
  16th → end, the same way. 上半年/下半年 = Jan–Jun /
  Jul–Dec, 一季度 … 四季度 = calendar quarters (alone: the latest one begun). 上周末 = Saturday and
  Sunday of the previous week, 这周末 = this week's. 年初 = January, 年底/年末 = December (alone: the
  latest one begun, so 年底 in March is last December).
* Typed shorthand: 24h/48H = hours; 2.5小时内 keeps the decimal; 3/5 and 3.5 (not 3.5公里) are 5 March;
  晚8点/早8点 and 3月5日晚 name 晚上/早上. Approximate numbers (numerals module): 两三点 = 02:00–04:00,
  五六号 = both days, 近两三天 = 近3天. Two bare weekdays A到B (周一到周三) end at the latest B, with A
  the one before it.
* Lunar holidays from a table (2024–2030): 春节/过年 = 除夕 → 初六 (7 days), 除夕 and 元宵 one day,
  清明/端午/中秋 = the festival day and the two after it; outside the table nothing is guessed, and
  lunar dates (农历十月十二, 阴历冬月初八) and other lunar festivals (腊八, 七夕, 重阳) give no range.
* Shorthands rewritten first (``time_rewrites``): 10-12点/3-5号 = 10点-12点/3号-5号, 去年同期 = 去年这个月,
  几天前 = 前几天, A截至B = A至B. 元宵节当天 = the festival day; 周六晚 = its 晚上; 11月18日之后 = 以来; 晚上十点到十二点
  ends at midnight; 今年下半年以来 = 1 July → now. Since events-robust13: Wu words (今朝 = 今天, 下昼 = 下午, 夜里向 = 夜里),
  本周第一天 = 本周一, 20261203 = 2026-12-03, 两点二十 = 2:20; 第48周 = ISO week 48 (``week_numbers``). Since
  events-robust14 (``month_weeks``): 11月第2周 = the month's 2nd week (a week belongs to the month holding its
  Thursday), 2026年最后一天/上个月第一天 = that day; 夜快 = 傍晚, 早浪向 = 早上.
  Since events-robust15 (``everyday_times``): 一早 = 早上, 中饭前后 = 中午, 上班前 = 8点前, 下班后 = 17点后, 夜班 = 20–08,
  工作日 = 本周一到周五, 双休日 = 周末, 年中 = 6月到7月, 昨天这个时候 = that hour; 国庆节前 = the 7 days before; 这阵子 = no time.
  Since events-robust16 (``range_years``): a range's far end without a year (7月, 1月上旬, 1月2日, 1.2) is placed after
  its near end (6月到7月 said in June = this June–July; 12月28日到1月2日 said in January crosses New Year).
* Open ends (``time_open_ends``): 12月10日以前 has no start (``open_start``; ``start`` is the epoch); 上月同期 = the
  1st of last month → now a month back; 今年同期 = this month; 国庆节后 = the day after the holiday → now; 周日早 = 早上.
  Since events-robust12: 截至昨天 with no start before it = no start, up to the end of what it names; 本月之前 (a
  day or period with 以前/之前) = no start, up to the period's start; 上个月同一时期/同一时段 = 上月同期.
* ``end`` is exclusive. All datetimes are aware, UTC+08:00.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from agents.nlp.calendar_days import (
    CST,
    DAY_PART_WORDS,
    ago,
    day_range,
    in_year,
    on_or_after,
    on_or_before,
    rolling,
    whole_day,
    whole_year,
)
from agents.nlp.everyday_times import before_holiday
from agents.nlp.range_years import far_end_after, yearless
from agents.nlp.time_open_ends import AFTER_HOLIDAY, EPOCH, before_period, open_ended
from agents.nlp.time_patterns import (
    AFTER_MIDNIGHT_PARTS,
    CONNECT,
    PARTS,
    PATTERNS,
    PM_PARTS,
    SINCE,
    SMALL_HOURS,
    UNTIL_NOW_BEFORE,
)
from agents.nlp.time_rewrites import prepare

# Parts of the night in which a bare 12点 is midnight (夜里12点, 半夜12点, 凌晨12点), not noon.
NIGHT_PARTS = {"凌晨", "晚上", "晚间", "夜里", "夜间", "深夜", "上半夜", "前半夜"} | AFTER_MIDNIGHT_PARTS

__all__ = ["CST", "TimeRange", "lunar_span", "parse_time_range"]


@dataclass(frozen=True)
class TimeRange:
    """``[start, end)`` in Asia/Shanghai; ``span`` = (start, end) character offsets in the input."""

    start: datetime
    end: datetime
    span: tuple[int, int]
    text: str
    # 12月10日以前: no start was said; ``start`` is then ``time_open_ends.EPOCH`` (ADR 0010, events-robust11)
    open_start: bool = False


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
    for kind, pattern in PATTERNS:
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


_JOIN_GAP = re.compile(r"[\s的在从起，,]*|\s*(?:和|及|与|跟|、)\s*")
_RANGE_GAP = re.compile(CONNECT)


def _adjacent(hits: list[_Hit], text: str) -> tuple[list[_Hit], int | None]:
    """The first cluster of hits separated only by spaces, 的, 在, 从, 和 or a range connector
    (到/至/-/~), and the index of the first hit after the first connector (None without one)."""
    if not hits:
        return [], None
    cluster, split = [hits[0]], None
    for h in hits[1:]:
        gap = text[cluster[-1].end : h.start]
        if split is None and _RANGE_GAP.fullmatch(gap):
            split = len(cluster)
        elif not _JOIN_GAP.fullmatch(gap):
            break
        cluster.append(h)
    return cluster, split


def parse_time_range(text: str, now: datetime) -> TimeRange | None:
    """The first time expression in ``text`` as ``[start, end)`` in Asia/Shanghai, or None."""
    if not text or not text.strip():
        return None
    now = (now.astimezone(CST) if now.tzinfo else now.replace(tzinfo=CST)).replace(microsecond=0)
    norm, index = prepare(text[:2000], now)
    hits = _scan(norm)
    special = open_ended(norm, index, text, hits, now, parse_time_range)
    if special is not None:
        (s, e), open_start = special[2], special[3]
        return TimeRange(start=special[0], end=special[1], span=(s, e), text=text[s:e], open_start=open_start)
    cluster, split = _adjacent(hits, norm)
    if not cluster or any(h.kind == "lunar" for h in cluster):  # 去年腊八: no Gregorian guess
        return None
    result = _resolve(cluster, split, now)
    if result is None:
        return None
    start, end = result
    last = cluster[-1].end
    first = cluster[0].start
    before = before_period(norm, last, [h.kind for h in cluster])
    if before is not None and start <= now:  # 本月之前: no start, up to the period's start
        s, e = index[first], index[before.end() - 1] + 1
        return TimeRange(start=EPOCH, end=start, span=(s, e), text=text[s:e], open_start=True)
    since = SINCE.match(norm, last)
    until_now = UNTIL_NOW_BEFORE.search(norm, 0, first)
    after_holiday = (
        AFTER_HOLIDAY.match(norm, last) if len(cluster) == 1 and cluster[0].kind == "holiday" else None
    )
    before_holiday_ = before_holiday(norm, last, start) if [h.kind for h in cluster] == ["holiday"] else None
    if before_holiday_ is not None:  # 国庆节前: the seven days before the holiday
        start, end, last = before_holiday_
    elif after_holiday and end < now:  # 国庆节后: from the day after the holiday up to now
        start, end, last = end, now, after_holiday.end()
    elif since and start < now:  # 凌晨到现在, 从3号起, 今年以来: from the start of the phrase to now
        end, last = now, since.end()
    elif until_now and start < now:  # 截至目前本月内: the same, said first
        end, first = now, until_now.start()
    s, e = index[first], index[last - 1] + 1
    return TimeRange(start=start, end=end, span=(s, e), text=text[s:e])


def lunar_span(text: str) -> tuple[int, int] | None:
    """The span of the first time phrase when it names a lunar date the grammar does not resolve
    (去年腊八, 农历十月十二), so the caller can say so instead of filtering on it."""
    norm, index = prepare(text[:2000])
    cluster, _split = _adjacent(_scan(norm), norm)
    if not any(h.kind == "lunar" for h in cluster):
        return None
    return index[cluster[0].start], index[cluster[-1].end - 1] + 1


@dataclass
class _Side:
    """One end of a range, or a whole phrase: ``[start, end)`` and how it was placed."""

    start: datetime
    end: datetime
    point: bool = False  # a bare clock time: as the far end of a range it ends there (3点到5点 → 17:00)


def _floating(h: _Hit) -> bool:
    """A bare weekday (周五) or day of the month (5号): placed relative to the other end of a range."""
    return (h.kind == "week_day" and h.m.group(1) is None) or h.kind == "day_of_month"


def _day_hits(hits: list[_Hit]) -> list[_Hit]:
    return [h for h in hits if h.kind not in ("part", "short_part", "clock", "clock_range")]


def _resolve(cluster: list[_Hit], split: int | None, now: datetime) -> tuple[datetime, datetime] | None:
    if split is not None:
        found = _range(cluster[:split], cluster[split:], now)
        if found is not None:
            return found
    side = _side(cluster, now)
    return None if side is None else (side.start, side.end)


def _range(left: list[_Hit], right: list[_Hit], now: datetime) -> tuple[datetime, datetime] | None:
    """A到B with time words on both sides: A's start → B's end, or B itself when B is a clock time.
    B without a day of its own is on A's day (昨天下午到晚上; 晚上10点到凌晨2点 runs into the next
    day); a bare weekday or day of the month at B is the first one on or after A (上周四到周五,
    25号到31号); two bare weekdays end at the latest B, A the one before it (周一到周三)."""
    far_days = _day_hits(right)
    near_days = _day_hits(left)
    a: _Side | None
    b: _Side | None
    if len(near_days) == len(far_days) == 1 and all(
        h.kind == "week_day" and _floating(h) for h in near_days + far_days
    ):
        b = _side(right, now)
        a = None if b is None else _side(left, now, on_or_before("week_day", near_days[0].m, b.start.date()))
    else:
        a = _side(left, now)
        if a is None:
            return None
        if not far_days:
            b = _side(right, now, a.start.date())
        elif len(far_days) == 1 and _floating(far_days[0]):
            day = on_or_after(far_days[0].kind, far_days[0].m, a.start.date())
            b = None if day is None else _side(right, now, day)
        else:
            b = _side(right, now)
            if b is not None and all(yearless(h.kind, h.m) for h in far_days):  # 6月到7月 said in June
                b = _Side(*far_end_after(a.start, (b.start, b.end)), b.point)
    if a is None or b is None:
        return None
    end = b.start if b.point else b.end
    if end <= a.start and not far_days:
        end += timedelta(days=1)
    return (a.start, end) if end > a.start else None


def _side(hits: list[_Hit], now: datetime, day: date | None = None) -> _Side | None:
    """The range of a cluster of time words; ``day`` places its bare weekday or day of the month
    (or, without any day word, the cluster itself) on that day."""
    today = now.date()
    days: tuple[datetime, datetime] | None = None
    year: int | None = None
    explicit_day = False
    part: str | None = None
    clocks: list[_Hit] = []
    for h in hits:
        m, k = h.m, h.kind
        if k == "recent":
            return _Side(now - timedelta(minutes=30), now)
        if k == "these_days":
            n = _number(m.group(1), 3) if m.group(1) else 3
            return _Side(now - timedelta(days=n), now)
        if k in ("rolling", "within", "ago"):
            n, unit = (
                (_number(m.group(1) or m.group(2)), m.group(3))
                if k == "rolling"
                else (_number(m.group(1)), m.group(2))
            )
            return _Side(*(ago(now, n, unit) if k == "ago" else rolling(now, n, unit)))
        if k == "year" and not m.group(3):  # 去年 before 这个月/3月5号 names the year of that day
            year = day_range(k, m, today)[0].year  # type: ignore[index]
            explicit_day = True
            continue
        rng = whole_day(day) if day is not None and _floating(h) else day_range(k, m, today)
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
    if year is not None:
        days = whole_year(year) if days is None else in_year(days, year)
    if days is None and day is not None:
        days, explicit_day = whole_day(day), True
    if days is None and part is None and not clocks:
        return None
    start, end = days or whole_day(today)
    if part is not None:
        lo, hi = PARTS[part]
        start, end = start + timedelta(hours=lo), start + timedelta(hours=hi)
    if clocks:
        narrowed = _apply_clock(clocks[0], start, end, part)
        if narrowed is None:
            return None
        start, end = narrowed
    while not explicit_day and start > now:  # 夜里一两点 at 00:20: last night's, not tonight's
        start, end = start - timedelta(days=1), end - timedelta(days=1)
    if day is None and start > now and any(h.kind == "week_day" and _floating(h) for h in hits):
        start, end = start - timedelta(days=7), end - timedelta(days=7)  # 周三晚上 said on Wednesday morning
    point = clocks[0].kind == "clock" and not clocks[0].m.group(7) if clocks else False
    return _Side(start, end, point)


def _apply_clock(
    h: _Hit, start: datetime, end: datetime, part: str | None
) -> tuple[datetime, datetime] | None:
    base = start.replace(hour=0, minute=0)

    def at(hm: tuple[int, int]) -> datetime:
        hour, minute = hm
        if part in SMALL_HOURS and 0 < hour <= SMALL_HOURS[part]:  # 昨晚两点, 夜里三点: after midnight
            hour += 24
        elif part in PM_PARTS and hour < 12 and not (part in ("中午", "午间") and hour >= 11):
            hour += 12
        elif hour == 12 and part in NIGHT_PARTS:  # 夜里12点/半夜12点 is midnight, not noon
            hour = 24 if part in PM_PARTS else 0
        moment = base + timedelta(hours=hour, minutes=minute)
        if part in AFTER_MIDNIGHT_PARTS and moment < start:  # 半夜2点, 下半夜3点: after midnight
            moment += timedelta(days=1)
        return moment

    if h.kind == "clock_range":
        a, b = _clock_value(h.m, 0), _clock_value(h.m, 6)
        if a is None or b is None:
            return None
        t0, t1 = at(a), at(b)
        # 下午3点到5点 → 15–17; 10点到2点 → 10:00–14:00; 晚上十点到十二点: twelve after an evening is midnight
        if t1 <= t0 and (b[0] < 12 or (b[0] == 12 and part in PM_PARTS)):
            t1 += timedelta(hours=12)
        return (t0, t1) if t1 > t0 else None
    hm = _clock_value(h.m, 0)
    if hm is None:
        return None
    t = at(hm)
    direction = h.m.group(7)
    if direction in ("以后", "之后", "后"):
        day_end = base + timedelta(days=1)
        # 夜里12点以后 starts at the day's end: read as 零点以后, that midnight → the next
        return t, end if end > t else day_end if day_end > t else t + timedelta(days=1)
    if direction in ("以前", "之前", "前"):
        return (start if start < t else base), t
    return t, t + timedelta(hours=1)
