"""Calendar arithmetic behind ``agents.nlp.timeexpr``: day words, dates, weeks, months, holidays.

Every function returns ``[start, end)`` as aware datetimes at Asia/Shanghai midnight boundaries;
the semantics are documented in ``timeexpr`` and ADR 0010.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone

from agents.nlp.month_weeks import period_days
from agents.nlp.range_years import last_day_after
from agents.nlp.week_numbers import iso_week

CST = timezone(timedelta(hours=8), "Asia/Shanghai")

WEEKDAY = {
    "一": 0,
    "二": 1,
    "三": 2,
    "四": 3,
    "五": 4,
    "六": 5,
    "日": 6,
    "天": 6,
    "末": 5,
    "1": 0,
    "2": 1,
    "3": 2,
    "4": 3,
    "5": 4,
    "6": 5,
    "7": 6,
}
DAY_WORDS = {
    "大前天": -3,
    "前天": -2,
    "前日": -2,
    "昨天": -1,
    "昨日": -1,
    "昨儿": -1,
    "昨儿个": -1,
    "昨个": -1,
    "前儿": -2,
    "前儿个": -2,
    "今儿个": 0,
    "今个": 0,
    "明儿": 1,
    "今天": 0,
    "今日": 0,
    "今儿": 0,
    "当天": 0,
    "明天": 1,
    "明日": 1,
    "后天": 2,
}
# Day word + day part in one word.
DAY_PART_WORDS = {
    "昨晚": (-1, "晚上"),
    "昨夜": (-1, "晚上"),
    "前晚": (-2, "晚上"),
    "今晚": (0, "晚上"),
    "今早": (0, "早上"),
    "今晨": (0, "早上"),
    "昨早": (-1, "早上"),
    "明早": (1, "早上"),
}
REL = {"上上": -2, "大上": -2, "上": -1, "前": -1, "本": 0, "这": 0, "今": 0, "下": 1}


def midnight(d: date) -> datetime:
    return datetime.combine(d, time(0), tzinfo=CST)


def whole_day(d: date) -> tuple[datetime, datetime]:
    return midnight(d), midnight(d + timedelta(days=1))


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    m += 1
    last = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)).day
    return date(y, m, min(d.day, last))


def whole_year(y: int) -> tuple[datetime, datetime]:
    return midnight(date(y, 1, 1)), midnight(date(y + 1, 1, 1))


def in_year(rng: tuple[datetime, datetime], year: int) -> tuple[datetime, datetime]:
    """``rng`` moved by whole years so that it starts in ``year`` (去年这个月, 去年3月5号)."""
    months = 12 * (year - rng[0].year)
    start, end = (datetime.combine(add_months(t.date(), months), t.timetz()) for t in rng)
    return start, end


def whole_month(y: int, m: int) -> tuple[datetime, datetime]:
    first = date(y, m, 1)
    return midnight(first), midnight(add_months(first, 1))


def rolling(now: datetime, n: float, unit: str) -> tuple[datetime, datetime]:
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


def ago(now: datetime, n: float, unit: str) -> tuple[datetime, datetime]:
    """ "N units ago": hours and minutes are a rolling window back to ``now`` (半小时前 = the last
    half hour); days, weeks, months and years are the calendar period that far back (三天前 = that day,
    两周前 = that Monday-based week, 一个月前 = that month)."""
    if unit in ("小时", "钟头", "分钟", "h", "H") or n != int(n):
        return rolling(now, n, unit)
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


# 上旬/月初/月头 = days 1–10, 中旬/月中 = 11–20, 下旬/月底/月末 = the 21st to the month's end;
# 上半月 = days 1–15, 下半月 = the 16th to the end.
_MONTH_PARTS = {
    "初": (1, 11),
    "头": (1, 11),
    "上旬": (1, 11),
    "中": (11, 21),
    "中旬": (11, 21),
    "上半月": (1, 16),
    "下半月": (16, None),
}


def month_part(y: int, m: int, edge: str | None) -> tuple[datetime, datetime]:
    """The whole month, or the ten-day part of it that ``edge`` (初/中旬/底/末/上旬/下旬) names."""
    start, end = whole_month(y, m)
    if not edge:
        return start, end
    lo, hi = _MONTH_PARTS.get(edge, (21, None))  # 底, 末, 下旬
    return start + timedelta(days=lo - 1), (end if hi is None else start + timedelta(days=hi - 1))


def _year_of(text: str | None, today: date) -> int | None:
    if not text:
        return None
    y = int(text)
    return 2000 + y if y < 100 else y


def _latest_date(today: date, month: int, day: int, year: int | None) -> date | None:
    """The given date; without a year the latest one not after today."""
    try:
        if year is not None:
            return date(year, month, day)
        d = date(today.year, month, day)
        return d if d <= today else date(today.year - 1, month, day)
    except ValueError:
        return None


def on_or_after(k: str, m: re.Match[str], first: date) -> date | None:
    """A bare weekday (周五) or day of the month (5号) at the far end of a range: the first such day
    on or after the range's first day (上周四到周五 = Thursday and Friday of last week)."""
    if k == "week_day":
        return first + timedelta(days=(WEEKDAY[m.group(2)] - first.weekday()) % 7)
    dom = int(m.group(1))
    for ahead in range(13):
        month = add_months(date(first.year, first.month, 1), ahead)
        try:
            day = date(month.year, month.month, dom)
        except ValueError:
            continue
        if day >= first:
            return day
    return None


def on_or_before(k: str, m: re.Match[str], last: date) -> date:
    """A bare weekday at the near end of a range of two bare weekdays: the latest one not after the
    far end (周一到周三 said on a Monday = last week's Monday to Wednesday)."""
    return last - timedelta(days=(last.weekday() - WEEKDAY[m.group(2)]) % 7)


def day_range(k: str, m: re.Match[str], today: date) -> tuple[datetime, datetime] | None:
    """The calendar range of one day/period hit of kind ``k`` (see ``timeexpr._PATTERNS``)."""
    if k == "day_word":
        return whole_day(today + timedelta(days=DAY_WORDS[m.group(0)]))
    if k == "day_part_word":
        return whole_day(today + timedelta(days=DAY_PART_WORDS[m.group(0)][0]))
    if k == "date":
        if m.group(4):
            d = _latest_date(today, int(m.group(5)), int(m.group(6)), int(m.group(4)))
        else:
            d = _latest_date(today, int(m.group(2)), int(m.group(3)), _year_of(m.group(1), today))
        return whole_day(d) if d else None
    if k == "date_md":  # 3/5, 3.5
        d = _latest_date(today, int(m.group(1)), int(m.group(2)), None)
        return whole_day(d) if d else None
    if k == "date_range":
        g = m.groups()
        if g[3]:
            first = _latest_date(today, int(g[4]), int(g[5]), int(g[3]))
        else:
            first = _latest_date(today, int(g[1]), int(g[2]), _year_of(g[0], today))
        if first is None:
            return None
        if g[6]:  # 12月28日到1月2日: the far month is placed after the near one
            last = last_day_after(first, int(g[6]), int(g[7]))
        else:
            try:
                last = date(first.year, first.month, int(g[7]))
            except ValueError:
                return None
        if last is None or last < first:
            return None
        return midnight(first), midnight(last + timedelta(days=1))
    if k == "year_month":
        y = _year_of(m.group(1), today) or (today.year - (m.group(2) == "去年"))
        month = int(m.group(3))
        return month_part(y, month, m.group("edge")) if 1 <= month <= 12 else None
    if k == "month":
        month = int(m.group(1))
        if not 1 <= month <= 12:
            return None
        y = today.year if month <= today.month else today.year - 1
        return month_part(y, month, m.group("edge"))
    if k == "day_of_month":  # the latest such day not after today (31号 in March: 31 January)
        dom = int(m.group(1))
        first = date(today.year, today.month, 1)
        for back in range(13):
            earlier = add_months(first, -back)
            try:
                day = date(earlier.year, earlier.month, dom)
            except ValueError:
                continue
            if day <= today:
                return whole_day(day)
        return None
    if k == "week_day":
        wd = WEEKDAY[m.group(2)]
        rel = m.group(1)
        monday = today - timedelta(days=today.weekday())
        if rel is None:
            d = monday + timedelta(days=wd)
            if d > today:
                d -= timedelta(days=7)
        else:
            d = monday + timedelta(days=7 * REL[rel] + wd)
        return whole_day(d)
    if k == "week":
        monday = today - timedelta(days=today.weekday())
        if m.group(2):  # 周末: the latest weekend begun by today; 上周末 = the previous week's
            sat = monday + timedelta(days=5 + 7 * REL[m.group(1)] if m.group(1) else 5)
            if m.group(1) is None and sat > today:
                sat -= timedelta(days=7)
            return midnight(sat), midnight(sat + timedelta(days=2))
        monday += timedelta(days=7 * REL[m.group(3)])
        return midnight(monday), midnight(monday + timedelta(days=7))
    if k == "month_rel":
        first = add_months(date(today.year, today.month, 1), REL[m.group(1)])
        return month_part(first.year, first.month, m.group("edge"))
    if k == "month_rel_day":  # 上个月25号, 本月3号: that day of the month named relative to this one
        first = add_months(date(today.year, today.month, 1), REL[m.group(1)])
        try:
            return whole_day(date(first.year, first.month, int(m.group(2))))
        except ValueError:
            return None
    if k == "month_edge":
        edge = m.group(1) or (m.group(2) + "旬" if m.group(2) else m.group(3) + "半月")
        this = month_part(today.year, today.month, edge)
        if this[0].date() <= today:
            return this
        prev = add_months(date(today.year, today.month, 1), -1)
        return month_part(prev.year, prev.month, edge)
    if k == "half_year":
        y = (
            int(m.group(1))
            if m.group(1)
            else today.year - {None: 0, "今年": 0, "去年": 1, "前年": 2}[m.group(2)]
        )
        if m.group(1) is None and m.group(2) is None and m.group(3) == "下" and today.month < 7:
            y -= 1  # 下半年 said in spring: last year's
        first = date(y, 1 if m.group(3) == "上" else 7, 1)
        return midnight(first), midnight(add_months(first, 6))
    if k == "quarter":
        q = int(m.group(3)) if m.group(3).isdigit() else "一二三四".index(m.group(3)) + 1
        y = int(m.group(1)) if m.group(1) else today.year - (m.group(2) == "去年")
        first = date(y, 3 * q - 2, 1)
        if m.group(1) is None and m.group(2) is None and first > today:
            first = date(y - 1, 3 * q - 2, 1)
        return midnight(first), midnight(add_months(first, 3))
    if k == "quarter_rel":  # 本季度, 上个季度: calendar quarters counted from this one
        first = add_months(date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), 3 * REL[m.group(1)])
        return midnight(first), midnight(add_months(first, 3))
    if k == "year":
        y = (
            int(m.group(1))
            if m.group(1)
            else today.year + {"今年": 0, "本年": 0, "去年": -1, "前年": -2, "明年": 1}[m.group(2)]
        )
        if m.group(3):  # 今年初 = January, 去年年底 = December
            return whole_month(y, 1 if m.group(3) == "初" else 12)
        return midnight(date(y, 1, 1)), midnight(date(y + 1, 1, 1))
    if k == "year_edge":
        month = 1 if m.group(1) == "初" else 12
        return whole_month(today.year if month <= today.month else today.year - 1, month)
    if k == "holiday":
        return _holiday(m, today)
    if k in ("month_week", "month_edge_day", "year_edge_day", "week_edge_day"):  # 11月第2周, 2026年最后一天
        days = period_days(k, m, today)
        return None if days is None else (midnight(days[0]), midnight(days[1]))
    if k == "iso_week":  # 第48周
        week = iso_week(m, today)
        return None if week is None else (midnight(week[0]), midnight(week[1]))
    return None


# 元旦, like 清明/端午/中秋 below, is one statutory day taken as a three-day break: the day and the two after it.
_HOLIDAYS = {"国庆": ((10, 1), 7), "五一": ((5, 1), 5), "劳动节": ((5, 1), 5), "元旦": ((1, 1), 3)}
# Lunar-calendar holidays by Gregorian date of the festival (春节 = 正月初一; 清明 is a solar term).
_FESTIVAL_DAYS: dict[str, dict[int, tuple[int, int]]] = {
    "春节": {2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13), 2030: (2, 3)},
    "清明": {2024: (4, 4), 2025: (4, 4), 2026: (4, 5), 2027: (4, 5), 2028: (4, 4), 2029: (4, 4), 2030: (4, 5)},
    "端午": {2024: (6, 10), 2025: (5, 31), 2026: (6, 19), 2027: (6, 9), 2028: (5, 28), 2029: (6, 16), 2030: (6, 5)},
    "中秋": {2024: (9, 17), 2025: (10, 6), 2026: (9, 25), 2027: (9, 15), 2028: (10, 3), 2029: (9, 22), 2030: (9, 12)},
}  # fmt: skip
# Spoken name → (festival, days from the festival to the start, length in days): 春节/过年 = 除夕 to
# 初六 (7 days), 除夕 and 元宵 one day each, 清明/端午/中秋 = the festival day and the two after it; 春运, the
# travel season, = the 40 days from 15 days before 春节 (初一), as the railways announce it each year (events43).
_LUNAR = {"春节": ("春节", -1, 7), "过年": ("春节", -1, 7), "除夕": ("春节", -1, 1), "元宵": ("春节", 14, 1),
          "清明": ("清明", 0, 3), "端午": ("端午", 0, 3), "中秋": ("中秋", 0, 3), "春运": ("春节", -15, 40)}  # fmt: skip


def _holiday_start(name: str, year: int) -> tuple[date, int] | None:
    if name in _HOLIDAYS:
        (month, day), length = _HOLIDAYS[name]
        return date(year, month, day), length
    festival, offset, length = _LUNAR[name]
    md = _FESTIVAL_DAYS[festival].get(year)
    return (date(year, *md) + timedelta(days=offset), length) if md else None


def holiday_span(name: str, year: int) -> tuple[datetime, datetime] | None:
    """A holiday's whole span in ``year`` (春节 = 除夕 → 初六), or None outside the table."""
    found = _holiday_start(name, year)
    return None if found is None else (midnight(found[0]), midnight(found[0] + timedelta(days=found[1])))


def _holiday(m: re.Match[str], today: date) -> tuple[datetime, datetime] | None:
    """A named holiday of the year said (今年/去年/2025年), else the latest one begun by today."""
    name, which = m.group(2), m.group(1)
    if which and which.endswith("年") and which[:-1].isdigit():
        found = _holiday_start(name, int(which[:-1]))
    elif which == "去年":
        found = _holiday_start(name, today.year - 1)
    else:
        found = _holiday_start(name, today.year)
        if found is None or found[0] > today:
            found = _holiday_start(name, today.year - 1)
    if found is None:
        return None
    first, length = found
    if m.group(3):  # 元宵节当天, 国庆当天: the festival day only (春节 is 初一, the day after 除夕)
        return whole_day(first + timedelta(days=1 if name in ("春节", "过年") else 0))
    return midnight(first), midnight(first + timedelta(days=length))
