"""General chat rules found by held-out 35 (chat-robust19: a month of duty-room traffic — shift parts
and roles, alarm counts, process upsets told as statements, hazards not closed out, inspections of one
kind), each tested on sentences that are not in the eval set."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.duty_room import NOT_ACCEPTED, duty_role, hazard_closure, inspection_kind
from agents.chat.execute import bind
from agents.chat.records import slot_values
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots
from agents.chat.timewords import CST
from core.scope import DataScope
from graph.intents import BY_ID
from tests.support.demo_chat import demo_chat_service

TOWNS = Gazetteer.from_towns(
    ["澄江街道", "城东街道", "华士镇", "临港经济开发区", "周庄镇", "青阳镇", "月城镇"]
)
HOUR = 3_600_000
DAY = 24 * HOUR
MIDNIGHT = int(datetime(2026, 11, 26, 0, 0, tzinfo=CST).timestamp() * 1000)
NOW_MS = MIDNIGHT + 10 * HOUR


def intent_of(question: str, *, has_enterprise: bool = False) -> str | None:
    return route(question, extract_slots(question, TOWNS), has_enterprise=has_enterprise).intent


# ---- shift words --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "question",
    [
        "市里现在在值的同志是谁",
        "后天白班城东安排的谁",
        "礼拜天夜班青阳谁值",
        "都十二点多了，月城还有人在值吗",
    ],
)
def test_shift_words_ask_for_the_duty_roster(question: str) -> None:
    assert intent_of(question) == "duty_now"


def test_a_role_said_as_such_narrows_the_shift_and_bare_daiban_does_not() -> None:
    assert duty_role("今晚带班的领导电话给我") == "带班领导"
    assert duty_role("周日市里值班领导是哪位") == "带班领导"
    assert duty_role("城东现在的值班员叫什么") is None  # whoever is on duty (chat-227)
    assert duty_role("这周六城东谁带班") is None  # 带班 alone is the whole shift (chat-117)


def test_day_and_night_shifts_are_the_shift_covering_noon_or_eight_pm_of_the_day_said() -> None:
    duty = BY_ID["duty_now"]
    after = MIDNIGHT + 2 * DAY  # 后天
    day = bind(duty, {"from_ms": after, "to_ms": after + DAY, "_question": "后天白班城东安排的谁"},
               DataScope(), NOW_MS)  # fmt: skip
    assert (day["at_ms"], day["from_ms"], day["to_ms"]) == (after + 12 * HOUR, None, None)
    night = bind(duty, {"_question": "夜班是谁"}, DataScope(), NOW_MS)  # no day said: today's
    assert night["at_ms"] == MIDNIGHT + 20 * HOUR


def test_a_clock_time_said_as_the_hour_it_is_asks_for_the_shift_on_duty_now() -> None:
    duty = BY_ID["duty_now"]
    values = {
        "from_ms": MIDNIGHT + 23 * HOUR,
        "to_ms": MIDNIGHT + 24 * HOUR,
        "_question": "都十一点了城东谁在值",
    }
    now = bind(duty, values, DataScope(), NOW_MS)
    assert (now["at_ms"], now["window_label"]) == (NOW_MS, "现在")  # the reply does not say 十一点
    asked = values | {"_question": "今晚十一点城东谁在值"}  # the hour asked about: its shift
    assert bind(duty, asked, DataScope(), NOW_MS)["at_ms"] == MIDNIGHT + 23 * HOUR


# ---- alarm counts -----------------------------------------------------------------------------------
def test_alarm_counts_said_with_duoshao_are_the_events() -> None:
    assert intent_of("澄星化工昨天报了多少次警", has_enterprise=True) == "events_recent"
    assert intent_of("周庄上个月一共报了多少回警") == "events_recent"


# ---- process upsets told as statements ----------------------------------------------------------------
@pytest.mark.parametrize(
    "question",
    ["青阳一家化工厂聚合釜冲料了", "月城那边反应器超温，温度还在往上涨", "周庄一个工人的手被绞进皮带里了"],
)
def test_a_process_upset_told_as_a_statement_asks_for_its_plan(question: str) -> None:
    assert intent_of(question) == "plan_for"


def test_feiwen_asked_as_a_record_is_the_over_temperature_alarm() -> None:
    s = extract_slots("本周华士有几次飞温报警", TOWNS)
    assert s.event_type == "温度超限"
    assert route("本周华士有几次飞温报警", s).intent == "events_recent"


# ---- hazards not closed out -----------------------------------------------------------------------
def test_not_closed_out_is_every_status_before_acceptance() -> None:
    assert NOT_ACCEPTED == ["待整改", "整改中", "已整改"]
    said = slot_values("城东还有多少隐患没有验收", {"hazard_status": "已整改"}, None)
    assert said["hazard_statuses"] == NOT_ACCEPTED and said["hazard_status"] is None
    params = bind(
        BY_ID["hazard_count"], said | {"_question": "城东还有多少隐患没有验收"}, DataScope(), NOW_MS
    )
    assert params["open_only"] is None and params["hazard_statuses"] == NOT_ACCEPTED


def test_rectified_but_not_accepted_is_the_rectified_status_alone() -> None:
    assert hazard_closure("整改好了还没验收的隐患有几条") == {"hazard_status": "已整改"}
    assert hazard_closure("已经整改但尚未销号的隐患") == {"hazard_status": "已整改"}
    assert hazard_closure("已整改的隐患里哪些还没验收") == {"hazard_status": "已整改"}
    assert hazard_closure("没整改完也没销号的隐患")["hazard_statuses"] == NOT_ACCEPTED
    assert hazard_closure("还没整改的隐患") == {}  # the open ones, as before


# ---- inspections of one kind --------------------------------------------------------------------------
def test_an_inspection_kind_said_is_a_filter() -> None:
    assert intent_of("上周临港复查了几次") == "inspection_count"
    assert inspection_kind("上周临港复查了几次") == "复查"
    assert inspection_kind("今年双随机检查做了多少次") == "双随机检查"
    assert inspection_kind("今年检查了多少次") is None
    assert "inspection_kind" in BY_ID["inspection_count"].slots


# ---- end to end on the demo city ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="chat19-") as chat:
        yield chat


def test_the_leader_said_is_the_leader_alone_and_a_follow_up_keeps_the_role(service) -> None:  # type: ignore[no-untyped-def]
    from core.scope import Principal

    who = Principal(user_id="t", scope=DataScope())
    first = service.ask("城东现在在值的带班领导叫什么", who)
    assert "带班领导" in first.answer and "值班员" not in first.answer
    then = service.ask("那月城呢", who, conversation_id=first.conversation_id)
    assert "月城镇" in then.answer and "带班领导" in then.answer and "值班员" not in then.answer


def test_hazards_not_closed_out_are_listed_with_every_status_before_acceptance(service) -> None:  # type: ignore[no-untyped-def]
    from core.scope import Principal

    got = service.ask("城东街道还没销号的隐患有几条", Principal(user_id="t", scope=DataScope()))
    assert got.intent == "hazard_count" and "未销号" in got.answer
