"""General chat rules found by held-out 39 (chat-robust21: hazards due by a calendar end, sensors by
what they measure or their device name, rankings that name how many towns), each tested on sentences
that are not in the eval set."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.deadline_calendar import calendar_due
from agents.chat.execute import bind
from agents.chat.records import slot_values
from agents.chat.sensor_kinds import sensor_kind
from agents.chat.timewords import CST
from agents.chat.top_groups import top_limit
from core.scope import DataScope, Principal
from graph.intents import BY_ID
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)  # a Thursday
DEC_1 = int(datetime(2026, 12, 1, tzinfo=CST).timestamp() * 1000)
NOV_30 = int(datetime(2026, 11, 30, tzinfo=CST).timestamp() * 1000)  # next Monday


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("这个月底之前必须整改完的隐患还有几条", None, DEC_1),
        ("这周内要到期的一般隐患", None, NOV_30),
        ("下月到期的隐患清单", DEC_1, int(datetime(2027, 1, 1, tzinfo=CST).timestamp() * 1000)),
        ("下周就要到整改期限的有哪些", NOV_30, NOV_30 + 7 * 86_400_000),
    ],
)
def test_a_calendar_end_bounds_the_deadline(question: str, start: int | None, end: int) -> None:
    due = calendar_due(question, NOW_MS)
    assert due["due_from_ms"] == start and NOW_MS + due["due_within_ms"] == end
    params = bind(
        BY_ID["hazard_list"], slot_values(question, {"_question": question}, None), DataScope(), NOW_MS
    )
    assert params["due_within_ms"] == due["due_within_ms"] and params["from_ms"] is None


def test_a_period_without_a_due_word_stays_the_found_date() -> None:
    assert calendar_due("本月新发现的隐患有几条", NOW_MS) == {}
    assert calendar_due("下个月要检查哪些企业", NOW_MS) == {}
    assert calendar_due("这个月整改完的隐患有几条", NOW_MS) == {}  # rectified this month: the past
    assert calendar_due("这个月要整改完的隐患有几条", NOW_MS)["due_from_ms"] is None


@pytest.mark.parametrize(
    ("question", "slot"),
    [
        ("申港哪些压力传感器掉线了", {"sensor_type": "压力"}),
        ("今天有没有液位监测点报警", {"sensor_type": "液位"}),
        ("有毒气体报警器有几个不在线", {"sensor_label": "有毒气体探测器"}),
        ("全市离线的传感器", {}),
    ],
)
def test_a_sensor_said_by_its_kind_narrows_the_sensors(question: str, slot: dict[str, str]) -> None:
    assert sensor_kind(question) == slot


def test_a_ranking_that_names_how_many_towns_is_cut_there() -> None:
    assert top_limit("逾期隐患排名前五的镇街") == {"limit": 5}
    assert top_limit("企业数量最多的4个街道") == {"limit": 4}
    assert top_limit("哪个街道的企业最多") == {}
    params = bind(BY_ID["enterprise_count_by_town"], {"_question": "企业最多的两个镇"}, DataScope(), NOW_MS)
    assert params["limit"] == 2


# ---- end to end on the demo city ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="chat21-") as chat:
        yield chat


WHO = Principal(user_id="t", scope=DataScope())


def test_sensors_by_type_are_a_part_of_all_offline_ones(service) -> None:  # type: ignore[no-untyped-def]
    every = service.ask("全市有哪些离线的传感器", WHO)
    temperature = service.ask("全市离线的温度传感器", WHO)
    assert temperature.intent == every.intent == "sensors_offline"
    assert temperature.rows and {r["sensor_type"] for r in temperature.rows} == {"温度"}
    assert len(temperature.rows) < len(every.rows)


def test_hazards_due_by_the_month_end_are_fewer_than_all_open_ones(service) -> None:  # type: ignore[no-untyped-def]
    month = service.ask("本月底前到期的隐患有几条", WHO)
    every = service.ask("没整改的隐患有几条", WHO)
    assert month.intent == "hazard_count" and "本月底前到期" in month.answer
    assert month.rows[0]["n"] < every.rows[0]["n"]


def test_a_firm_named_before_a_storing_verb_is_resolved(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("嘉汇化学存放着哪些危险化学品", WHO)
    assert got.intent == "enterprise_chemicals" and got.rows
    assert {r.get("enterprise", "江阴市嘉汇化学有限公司") for r in got.rows} == {"江阴市嘉汇化学有限公司"}


def test_two_towns_compared_get_both_numbers_and_the_larger_one(service) -> None:  # type: ignore[no-untyped-def]
    pair = service.ask("青阳镇跟璜土镇比，哪个逾期隐患更多", WHO)
    one = service.ask("青阳镇逾期隐患有多少", WHO)
    other = service.ask("璜土镇逾期隐患有多少", WHO)
    assert pair.intent == one.intent == "overdue_hazards"
    n1, n2 = len(one.rows), len(other.rows)
    assert [r["n"] for r in pair.rows] == [n1, n2] and ("持平" if n1 == n2 else "多") in pair.answer
    each = service.ask("城东和澄江今年分别罚了多少次", WHO)
    assert [r["town"] for r in each.rows] == ["城东街道", "澄江街道"] and each.intent == "penalty_total"
