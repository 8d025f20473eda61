"""Time windows for chat questions.

The full Chinese time grammar (``agents.nlp.timeexpr.parse_time_range``) is built by the event
search work and injected by the composition root; this module only adapts it and, when it is not
available, covers the dozen fixed words duty officers use most (今天, 昨天, 本周, 近三天, …) so
that the template path never depends on another package. See docs/adr/0007.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, Protocol

from agents.chat.shorthand import asked_part
from agents.llm.vocab import cn_to_int

CST = timezone(timedelta(hours=8), "Asia/Shanghai")
DAY_MS = 86_400_000


class HasStartEnd(Protocol):
    start: datetime
    end: datetime


TimeParser = Callable[[str, datetime], Any]  # (text, now) → object with .start/.end, or None


@dataclass(frozen=True)
class Window:
    from_ms: int
    to_ms: int
    label: str = ""


def _ms(dt: datetime) -> int:
    return int(dt.timestamp() * 1000)


def _midnight(now: datetime) -> datetime:
    return now.astimezone(CST).replace(hour=0, minute=0, second=0, microsecond=0)


_RECENT = re.compile(  # "近三天", "过去48小时"; "一周内", "三天以来", "24小时之内"
    r"(?:近|最近|过去|前|这)\s*([0-9一二两三四五六七八九十几]+)\s*(天|日|周|个?星期|个?礼拜|个月|小时)"
    r"|([0-9一二两三四五六七八九十几]+)\s*(天|日|周|个?星期|个?礼拜|个月|小时)\s*(?:内|以内|之内|以来)"
)
_THIS_WEEK = re.compile(r"本周|这周|这个?星期|本星期|这个?礼拜|本礼拜")
_LAST_WEEK = re.compile(r"上周|上个?星期|上个?礼拜")
_WEEKDAY = re.compile(
    r"(下个?|这个?|本|上个?)?(?:周|星期|礼拜)([一二三四五六日天1-7末])(?!级|(?<=一)[共般直])"
)  # 本周一共: 一共
_WEEKDAYS = "一二三四五六日"


def basic_time_window(text: str, now: datetime) -> Window | None:
    """The fixed words: 今天/今日, 昨天, 前天, 明天, 本周, 上周, 本月, 上个月, 今年, 去年, 近 N 天/周/月/小时.

    A part of the day narrows a one-day window: 凌晨 0–6 时, 上午/早上 0–12 时, 下午 12–18 时, 晚上 18–24 时.
    """
    day = _midnight(now)
    half = None
    if "凌晨" in text or "半夜" in text:
        half = (0, 6)
    elif "上午" in text or "早上" in text or "今早" in text:
        half = (0, 12)
    elif "下午" in text:
        half = (12, 18)
    elif "晚上" in text or "夜里" in text:
        half = (18, 24)

    def days(start: datetime, n: int, label: str) -> Window:
        if half is not None and n == 1:
            return Window(_ms(start + timedelta(hours=half[0])), _ms(start + timedelta(hours=half[1])), label)
        return Window(_ms(start), _ms(start + timedelta(days=n)), label)

    if m := _RECENT.search(text):
        word = (
            (m.group(1) or m.group(3)).replace("两", "二").replace("几", "三")
        )  # "这几天" ≈ the last three days
        n = int(word) if word.isdigit() else (cn_to_int(word) or 1)
        unit = (m.group(2) or m.group(4)).removeprefix("个")
        span = {"天": timedelta(days=n), "日": timedelta(days=n), "周": timedelta(weeks=n), "星期": timedelta(weeks=n),
                "礼拜": timedelta(weeks=n), "月": timedelta(days=30 * n), "小时": timedelta(hours=n)}[unit]  # fmt: skip
        return Window(_ms(now - span), _ms(now), m.group(0))
    if "前天" in text:
        return days(day - timedelta(days=2), 1, "前天")
    if "昨天" in text or "昨日" in text or "昨晚" in text:
        if "昨晚" in text:
            half = (18, 24)
        return days(day - timedelta(days=1), 1, "昨天")
    if "大后天" in text:
        return days(day + timedelta(days=3), 1, "大后天")
    if "后天" in text:
        return days(day + timedelta(days=2), 1, "后天")
    if m := _WEEKDAY.search(text):  # "周六", "下周一", "星期天", "这周末": that day of the named week
        week = {"下": 7, "上": -7}.get((m.group(1) or "本")[0], 0)
        mark = m.group(2).replace("天", "日").replace("7", "日")
        index = 5 if mark == "末" else (int(mark) - 1 if mark.isdigit() else _WEEKDAYS.index(mark))
        start = day - timedelta(days=day.weekday()) + timedelta(days=week + index)
        return days(start, 2 if mark == "末" else 1, m.group(0))
    if "明天" in text or "明日" in text:
        return days(day + timedelta(days=1), 1, "明天")
    if "今天" in text or "今日" in text or "当天" in text or "今晚" in text or "今早" in text:
        if "今晚" in text:
            half = (18, 24)
        return days(day, 1, "今天")
    if "凌晨" in text or "半夜" in text:  # "凌晨有没有报警": the night that has just passed
        return days(day, 1, "今天")
    if _LAST_WEEK.search(text):
        monday = day - timedelta(days=day.weekday() + 7)
        return days(monday, 7, "上周")
    if _THIS_WEEK.search(text):
        monday = day - timedelta(days=day.weekday())
        return Window(_ms(monday), _ms(now), "本周")
    if "上个月" in text or "上月" in text:
        first = day.replace(day=1)
        prev = (first - timedelta(days=1)).replace(day=1)
        return Window(_ms(prev), _ms(first), "上个月")
    if "本月" in text or "这个月" in text or "当月" in text:
        return Window(_ms(day.replace(day=1)), _ms(now), "本月")
    if "去年" in text:
        start = day.replace(year=day.year - 1, month=1, day=1)
        return Window(_ms(start), _ms(start.replace(year=day.year)), "去年")
    if "今年" in text or "本年" in text or "年内" in text:
        return Window(_ms(day.replace(month=1, day=1)), _ms(now), "今年")
    return None


# Said of a schedule (operations, rosters): what is under way right now. A day word wins ("今天正在…").
# "还有几个动火没结束", "现在还在搞的": at a shift hand-over, what has begun and not yet ended
_ONGOING = re.compile(
    r"正在|此刻|此时此刻|眼下正|这会儿正|现在正|当前正|[没未]结束|还没完(?!成)|没完(?!成)|还在(?:搞|做|干|进行)"
)
_DAY_WORD = re.compile(r"[今明昨前后]天|[今明昨]日|今晚|今早|周[一二三四五六日天末]|星期|礼拜|号|月")
_BARE_WEEKDAY = re.compile(r"(?<![上下这本个])(?:周|星期|礼拜)([一二三四五六日天1-7])(?!末|(?<=一)[共般直])")


def time_window(
    text: str, now_ms: int, parser: TimeParser | None = None, *, ahead: bool = False
) -> Window | None:
    """The injected parser's range when it finds one, else ``basic_time_window``.

    ``ahead``: the question is about a schedule (duty rosters, planned operations), so a bare weekday
    ("周六谁值班") is the next such day from today on; the grammar reads it backwards, as searches do.
    """
    asked = asked_part(text)  # "明天检查组过来,先看看今年查出的隐患": the question's own time first
    window = (_window(asked, now_ms, parser, ahead=ahead) if asked != text else None) or _window(
        text, now_ms, parser, ahead=ahead
    )
    if window is not None and ahead and _passed_clock_time(text, window, now_ms):
        # "晚上9点半谁值班" asked at 19:40: tonight's 21:30, not yesterday's, as a roster is read ahead
        window = Window(window.from_ms + DAY_MS, window.to_ms + DAY_MS, window.label)
    if window is not None and not ahead and window.from_ms > now_ms:
        # Records (hazards found, inspections, penalties, alarms) lie in the past: a window that has not
        # begun dates the caller's plan ("明天检查组要去X，先看看还有哪些隐患没整改"), not the records;
        # a past period said in another clause ("明天去城东，城东最近一个月…") is the records' time.
        for clause in _CLAUSE.split(text):
            own = _window(clause, now_ms, parser, ahead=False) if clause.strip() else None
            if own is not None and own.from_ms <= now_ms:
                return own
        return None
    return window


_CLAUSE = re.compile(r"[，,；;。！!？?]")


_BACKWARD = re.compile(r"昨|前天|前晚|前夜|上周|上个|上礼拜|上星期|刚|之前|以前")


def _passed_clock_time(text: str, window: Window, now_ms: int) -> bool:
    """A time of day without a day word that the grammar placed yesterday (it reads backwards)."""
    today = _ms(_midnight(datetime.fromtimestamp(now_ms / 1000, tz=UTC)))
    return (
        today - DAY_MS <= window.from_ms < today
        and window.to_ms - window.from_ms <= DAY_MS // 4
        and not _DAY_WORD.search(text)
        and not _BACKWARD.search(text)
    )


def _window(text: str, now_ms: int, parser: TimeParser | None, *, ahead: bool) -> Window | None:
    now = datetime.fromtimestamp(now_ms / 1000, tz=UTC).astimezone(CST)
    if ahead and _ONGOING.search(text) and not _DAY_WORD.search(text):
        # "正在进行受限空间作业的企业": under way at this moment, not anywhere in today's schedule
        return Window(now_ms, now_ms + 1, "当前")
    if ahead and (m := _BARE_WEEKDAY.search(text)) is not None:
        mark = m.group(1).replace("天", "日").replace("7", "日")
        index = int(mark) - 1 if mark.isdigit() else _WEEKDAYS.index(mark)
        day = _midnight(now) + timedelta(days=(index - now.weekday()) % 7)
        return Window(_ms(day), _ms(day + timedelta(days=1)), m.group(0))
    if parser is not None:
        try:
            found = parser(text, now)
        except (ValueError, TypeError):
            found = None
        if found is not None and getattr(found, "start", None) and getattr(found, "end", None):
            return Window(_ms(found.start), _ms(found.end), str(getattr(found, "text", "") or "").strip())
    return basic_time_window(text, now)


def format_ms(ms: int | None) -> str:
    if not ms:
        return ""
    return datetime.fromtimestamp(ms / 1000, tz=UTC).astimezone(CST).strftime("%Y-%m-%d %H:%M")
