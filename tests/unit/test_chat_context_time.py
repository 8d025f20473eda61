"""A future context word (明天去X，…) dates the caller's visit; a past period said in another clause
is the records' time. The demo history (records back to last January) made the difference visible:
with the whole window dropped, 最近一个月 listed last year's penalties too."""

from __future__ import annotations

from datetime import datetime

from agents.chat.timewords import CST, time_window
from agents.nlp.timeexpr import parse_time_range

NOW_MS = int(datetime(2026, 11, 27, 9, 15, tzinfo=CST).timestamp() * 1000)
DAY_MS = 86_400_000


def test_the_past_period_of_another_clause_bounds_the_records() -> None:
    w = time_window("下周市里督查组要去新桥，新桥近两个月有哪些罚款", NOW_MS, parse_time_range)
    assert w is not None and w.to_ms <= NOW_MS + 1
    assert 55 * DAY_MS <= NOW_MS - w.from_ms <= 65 * DAY_MS

    last_week = time_window("后天要陪领导去徐霞客；徐霞客上周的告警", NOW_MS, parse_time_range)
    monday = int(datetime(2026, 11, 16, tzinfo=CST).timestamp() * 1000)
    assert last_week is not None and (last_week.from_ms, last_week.to_ms) == (monday, monday + 7 * DAY_MS)


def test_a_future_visit_alone_still_sets_no_bound() -> None:
    assert time_window("明天要去璜土，看看那边有哪些没整改的隐患", NOW_MS, parse_time_range) is None
    ahead = time_window("明天谁值班，电话多少", NOW_MS, parse_time_range, ahead=True)
    assert ahead is not None and ahead.from_ms > NOW_MS
