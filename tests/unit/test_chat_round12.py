"""General chat rules found by held-out 23, each tested on sentences that are not in the eval set: the
first N days of a month or year (本月头5天), a period on the per-town hazard count, "found whatever the
status" kept through a follow-up that only changes the period, and a mistyped short name followed by
a period and how the hazards were found (X上上个星期查出来的隐患)."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.chat.execute import bind, remembered_slots
from agents.chat.slots import enterprise_mention
from agents.chat.timewords import CST
from agents.nlp.timeexpr import parse_time_range
from core.scope import DataScope
from graph.intents import BY_ID

NOW = datetime(2026, 11, 26, 10, 30, tzinfo=CST)
NOW_MS = int(NOW.timestamp() * 1000)


# ---- the first N days of a month or a year -------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "start", "end"),
    [
        ("本月头5天的报警", datetime(2026, 11, 1, tzinfo=CST), datetime(2026, 11, 6, tzinfo=CST)),
        ("上个月前8天罚了几家", datetime(2026, 10, 1, tzinfo=CST), datetime(2026, 10, 9, tzinfo=CST)),
        ("今年头20天检查了多少次", datetime(2026, 1, 1, tzinfo=CST), datetime(2026, 1, 21, tzinfo=CST)),
        ("9月前3天的隐患", datetime(2026, 9, 1, tzinfo=CST), datetime(2026, 9, 4, tzinfo=CST)),
        ("这个月前四十天", datetime(2026, 11, 1, tzinfo=CST), datetime(2026, 12, 1, tzinfo=CST)),  # capped
    ],
)
def test_the_first_days_of_a_said_month_or_year(said: str, start: datetime, end: datetime) -> None:
    got = parse_time_range(said, NOW)
    assert got is not None and (got.start, got.end) == (start, end)


def test_the_first_days_without_a_month_still_count_back_from_now() -> None:
    got = parse_time_range("前5天的报警", NOW)
    assert got is not None and got.end == NOW


# ---- a period on the per-town hazard count -------------------------------------------------------------


def test_the_per_town_hazard_count_takes_a_period_of_finding() -> None:
    intent = BY_ID["hazard_count_by_town"]
    assert {"from_ms", "to_ms"} <= set(intent.slots)
    assert "h.found_at >= $from_ms" in intent.cypher and "h.found_at < $to_ms" in intent.cypher


# ---- "found, whatever the status" kept through a follow-up ----------------------------------------------


def _bound(question: str, **values: object) -> dict[str, object]:
    return bind(BY_ID["hazard_count"], {"_question": question, **values}, DataScope(), NOW_MS)


def test_hazards_found_in_a_period_are_remembered_as_every_status() -> None:
    first = {"town": "顾山镇", "hazard_level": "一般"}
    params = _bound("顾山镇今年排查出多少条一般隐患", **first)
    assert params["open_only"] is None
    kept = remembered_slots(first, params)
    assert kept["open_only"] is False
    again = _bound("那去年的呢", **kept)
    assert again["open_only"] is None  # False means "no status filter" to the query, as None does


def test_open_hazards_by_default_are_not_remembered_as_every_status() -> None:
    params = _bound("顾山镇有几条一般隐患", town="顾山镇")
    assert params["open_only"] is True
    assert "open_only" not in remembered_slots({"town": "顾山镇"}, params)


def test_a_said_status_is_kept_as_the_status_not_as_every_status() -> None:
    params = _bound("顾山镇已验收的隐患有几条", town="顾山镇", hazard_status="已验收")
    assert "open_only" not in remembered_slots({"town": "顾山镇", "hazard_status": "已验收"}, params)


def test_a_follow_up_asking_for_the_open_ones_overrides_every_status() -> None:
    assert _bound("其中没整改的呢", open_only=True)["open_only"] is True


# ---- a mistyped short name, then a period and how the hazards were found --------------------------------


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("宏运吕业上上个星期查出来的隐患", "宏运吕业"),
        ("华新刚构上个礼拜发现了几条隐患", "华新刚构"),
        ("永泰要业上上个月检查出来的隐患有哪些", "永泰要业"),
        ("东方然气上上周排查出来几条隐患", "东方然气"),
    ],
)
def test_a_short_name_before_a_period_and_found(question: str, name: str) -> None:
    found = enterprise_mention(question)
    assert found is not None and found[0] == name
