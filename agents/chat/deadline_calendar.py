"""Hazards due by a calendar end: "月底前要整改完的", "本周内到期的隐患", "下个月到期的重大隐患".

``agents.chat.hazard_deadline`` reads a duration (七天内到期); a calendar period said with a due word
bounds the rectification deadline the same way, from now to the period's end (本周内/这个月/月底前/
年底前), or over the whole period when it lies ahead (下周/下个月). The found-date window the time
grammar reads from the same words is dropped: the question is about the deadline (convention of
chat round 21; overdue hazards are their own intent).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

_CST = timezone(timedelta(hours=8))
_MODAL = r"(?:就|将|即将|要|需要?|必须|得|应)"
# 到期/截止 say a deadline alone; 整改完/销号 need 前 or a modal, else "这个月整改完的" is the past
_DUE = (
    rf"(?:之前|以前|前)?\s*{_MODAL}{{0,2}}\s*(?:到期|到整改期限|整改期限到|整改到期|截止)"
    rf"|(?:(?:之前|以前|前)\s*{_MODAL}{{0,2}}|{_MODAL}{{1,2}})\s*(?:整改完|完成整改|销号)"
)
_PERIODS = (  # (pattern, period, label)
    (r"(?:本周|这周|这个?礼拜|这个?星期)(?:内|之内|末)?", "week", "本周内"),
    (r"(?:下周|下个?礼拜|下个?星期)(?:内|之内)?", "next_week", "下周"),
    (r"(?:本月|这个?月)(?:底|末|内|之内)?|月底|月末", "month", "本月底前"),
    (r"下个?月(?:内|之内|底前?)?", "next_month", "下个月"),
    (r"(?:今年|本年度?)(?:底|内|年底)?|年底", "year", "年底前"),
)
_SAID = [(re.compile("(?:" + p + r")\s*(?:" + _DUE + ")"), period, label) for p, period, label in _PERIODS]


def _month_start(day: datetime, ahead: int) -> datetime:
    month = day.month - 1 + ahead
    return day.replace(year=day.year + month // 12, month=month % 12 + 1, day=1)


def calendar_due(text: str, now_ms: int) -> dict[str, Any]:
    """``due_from_ms``/``due_within_ms`` (the deadline in [from, now + within)) and a label, else ``{}``."""
    said = next(((period, label) for pattern, period, label in _SAID if pattern.search(text)), None)
    if said is None:
        return {}
    period, label = said
    today = (
        datetime.fromtimestamp(now_ms / 1000, tz=UTC)
        .astimezone(_CST)
        .replace(hour=0, minute=0, second=0, microsecond=0)
    )
    week = today - timedelta(days=today.weekday())
    start, end = {
        "week": (None, week + timedelta(days=7)),
        "next_week": (week + timedelta(days=7), week + timedelta(days=14)),
        "month": (None, _month_start(today, 1)),
        "next_month": (_month_start(today, 1), _month_start(today, 2)),
        "year": (None, today.replace(year=today.year + 1, month=1, day=1)),
    }[period]
    return {
        "due_from_ms": int(start.timestamp() * 1000) if start else None,
        "due_within_ms": int(end.timestamp() * 1000) - now_ms,
        "from_ms": None,
        "to_ms": None,
        "window_label": f"{label}到期",
    }


__all__ = ["calendar_due"]
