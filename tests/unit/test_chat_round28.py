"""General chat rules found by round 27's dev misses (chat round 28): a yes/no question about one firm's
kind or class is answered 是/否 from its profile, each tested on sentences that are not in the eval set."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.firm_kind import kind_asked, verdict
from agents.chat.timewords import CST
from core.scope import DataScope, Principal
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)  # a Thursday
CITY = Principal(user_id="t", scope=DataScope())


# ---- pure rules ---------------------------------------------------------------------------------------


def test_a_yes_no_about_a_kind_or_class_is_spotted() -> None:
    assert kind_asked("华宇机械算不算工贸企业") == "kind:工贸企业"
    assert kind_asked("那家厂是否属于b类") == "class:B"
    assert kind_asked("澄星是加油站吗") == "kind:加油站"
    assert kind_asked("嘉汇化学是不是有离线的传感器") is None  # a yes/no, but about records
    assert kind_asked("危化企业有哪些") is None  # no yes/no: the list


def test_the_verdict_states_the_fact_it_rests_on() -> None:
    said = verdict("kind:危化企业", {"name": "某某有限公司", "category": "纺织"})
    assert said is not None and said.startswith("否") and "纺织" in said
    said = verdict("class:C", {"name": "某某有限公司", "responsibility_class": "C"})
    assert said is not None and said.startswith("是") and "C类" in said
    assert verdict("class:C", {"name": "某某有限公司"}) is None  # no fact, no verdict


# ---- through the chat service on the demo city ----------------------------------------------------------


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="chat28-") as chat:
        yield chat


def test_a_firms_class_is_answered_yes_or_no(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("嘉汇化学算不算C类企业", CITY)
    assert got.intent == "enterprise_profile" and len(got.rows) == 1
    held = got.rows[0]["responsibility_class"]
    assert got.answer.startswith("是" if held == "C" else "否") and f"{held}类" in got.answer


def test_a_firms_kind_is_answered_yes_or_no(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("江阴市嘉汇化学有限公司是不是危化企业", CITY)
    assert got.intent == "enterprise_profile" and got.answer.startswith("是")
    assert got.rows[0]["category"] in got.answer
    listed = service.ask("危化企业有哪些", CITY)  # without a firm: still the list
    assert listed.intent == "enterprise_list" and len(listed.rows) > 1


def test_a_legal_name_asking_for_sources_gets_the_sources(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("江阴市嘉汇化学有限公司是否有重大危险源", CITY)
    assert got.intent == "hazard_source_list" and got.rows
    assert all("嘉汇化学" in str(r.get("enterprise") or r.get("name") or r) for r in got.rows)
    firms = service.ask("临港有重大危险源的公司有哪些", CITY)  # no firm named: still the firms
    assert firms.intent == "hazard_source_enterprises"


def test_a_bound_on_one_penalty_counts_firms(service) -> None:  # type: ignore[no-untyped-def]
    one = service.ask("去年单笔罚款在三万元以上的企业有几家", CITY)
    plain = service.ask("去年罚款三万元以上的企业有几家", CITY)  # the same comparison (the largest penalty)
    assert one.answer == plain.answer and "家" in one.answer and "没有直接作答" not in one.answer


def test_a_sensor_kind_alone_after_offline_sensors_narrows_them(service) -> None:  # type: ignore[no-untyped-def]
    first = service.ask("全市有哪些传感器不在线", CITY)
    then = service.ask("只看压力的", CITY, conversation_id=first.conversation_id)
    alone = service.ask("全市不在线的压力传感器有哪些", CITY)
    assert then.intent == "sensors_offline" and then.rows == alone.rows and len(then.rows) < len(first.rows)
    events = service.ask("全市最近7天的报警有哪些", CITY)  # after alarms the same words are alarm types
    kind = service.ask("只看压力的", CITY, conversation_id=events.conversation_id)
    assert kind.intent == "events_recent"


def test_an_exclusion_before_the_part_kept_narrows_the_last_question(service) -> None:  # type: ignore[no-untyped-def]
    first = service.ask("全市还有多少条隐患没整改", CITY)
    then = service.ask("不要一般的，光看重大的", CITY, conversation_id=first.conversation_id)
    alone = service.ask("全市还有多少条重大隐患没整改", CITY)
    assert then.intent == alone.intent and then.rows == alone.rows and "一般" not in then.answer


def test_an_exclusion_without_a_kept_part_is_left_alone() -> None:
    from agents.chat.replaced_part import without_replaced_part

    assert without_replaced_part("扣掉已整改的，只看没整改的") == "只看没整改的"
    assert without_replaced_part("除了一般隐患还有哪些") == "除了一般隐患还有哪些"


def test_a_place_inside_a_stations_legal_name_is_no_town(service) -> None:  # type: ignore[no-untyped-def]
    from agents.chat.legal_names import outside_unit_names

    assert "周庄" not in outside_unit_names("中国石化销售股份有限公司江苏无锡江阴周庄长寿加油站的电话")
    assert outside_unit_names("周庄镇有几家加油站") == "周庄镇有几家加油站"
    name = "中国石化销售股份有限公司江苏无锡江阴华士龙砂加油站"
    got = service.ask(name + "的安全负责人是谁", CITY)
    assert got.intent == "enterprise_profile" and [r["name"] for r in got.rows] == [name]
