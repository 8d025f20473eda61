"""General chat rules found by round 32's dev misses (heldout57 and heldout58): a trend word compared
with the period before, a time word before 街道 as the caller's own area, a chemical said with a count
of hazard sources, "检查过但还没整改完的企业" read as open hazards, and "一共几个" after a list of
offline cameras, each tested on sentences that are not in the eval set."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.execute import bind
from agents.chat.shorthand import expand_shorthand
from agents.chat.slots import Gazetteer, extract_slots
from agents.chat.timewords import CST
from agents.chat.trend_words import as_comparison
from core.scope import DataScope, Principal, ScopeLevel
from graph.intents import BY_ID
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)  # a Thursday
CITY = Principal(user_id="t32", scope=DataScope())
CHENGDONG = Principal(user_id="c32", scope=DataScope(level=ScopeLevel.TOWN, town="城东街道"))
TOWNS = Gazetteer.from_towns(["华士镇", "周庄镇", "城东街道", "临港经济开发区"])


# ---- pure rules ---------------------------------------------------------------------------------------


def test_a_trend_word_compares_with_the_period_before() -> None:
    assert as_comparison("今年隐患是不是越来越少了") == "今年隐患和去年比多还是少"
    assert as_comparison("本周华士的告警越来越频繁了吗") == "本周华士的告警和上周比多还是少"
    assert as_comparison("这个月处罚跟上个月比是不是越来越多") == "这个月处罚跟上个月比多还是少"
    assert as_comparison("报警是不是越来越多了") is None  # no period said: nothing to compare
    assert as_comparison("这个月有哪些报警") is None


def test_a_time_word_before_jiedao_is_no_town() -> None:
    for said in ("后天街道谁值班", "下周三街道的带班领导", "昨天街道报了几次警"):
        assert extract_slots(said, TOWNS).unknown_town is None, said
    assert extract_slots("幸福街道有几家企业", TOWNS).unknown_town == "幸福街道"


def test_not_yet_rectified_firms_without_a_subject_are_about_hazards() -> None:
    assert "隐患还没改好的单位" in expand_shorthand("上个月被查过还没改好的单位")
    assert expand_shorthand("隐患没整改完的企业") == "隐患没整改完的企业"  # the subject said: unchanged
    assert "隐患" not in expand_shorthand("有哪些企业没整改")  # no 的 + firm noun: left to the router


def test_a_weekday_named_early_on_that_day_is_the_roster_starting_that_day() -> None:
    sunday = int(datetime(2026, 11, 29, tzinfo=CST).timestamp() * 1000)
    at_two = sunday + 2 * 3_600_000  # the night shift that began on Saturday is still on duty
    said = {"from_ms": sunday, "to_ms": sunday + 86_400_000, "_question": "星期天城东谁值班"}
    got = bind(BY_ID["duty_now"], said | {"window_label": "星期天"}, DataScope(), at_two)
    assert (got["from_ms"], got["to_ms"]) == (sunday, sunday + 86_400_000)
    today = bind(BY_ID["duty_now"], said | {"window_label": "今天"}, DataScope(), at_two)
    assert today["from_ms"] is None and today["at_ms"] == at_two  # 今天 is the shift on duty now


# ---- through the chat service on the demo city ----------------------------------------------------------


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="chat32-") as chat:
        yield chat


def test_a_trend_question_gives_both_periods(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("城东街道本周的告警是不是越来越多了", CITY)
    assert got.intent == "events_recent" and [r["period"] for r in got.rows] == ["本周", "上周"]
    assert "上周" in got.answer and ("多" in got.answer or "少" in got.answer or "持平" in got.answer)


def test_a_place_ending_in_shang_keeps_the_other_period(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("华士镇上本周告警跟上周比多还是少", CITY)
    last_week = service.ask("华士镇上周的告警有多少起", CITY)
    assert [r["period"] for r in got.rows] == ["本周", "上周"]
    assert got.rows[1]["n"] == len(last_week.rows) > 0  # 上周, not 上上周


def test_a_street_officers_day_and_jiedao_is_the_own_street(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("后天街道谁值班", CHENGDONG)
    assert got.path == "template" and got.intent == "duty_now" and got.slots.get("town") == "城东街道"
    assert got.rows


def test_hazard_sources_storing_a_chemical_are_counted_not_tabled(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("全市存液氯的危险源一共几个", CITY)
    gold = service.store.read(
        "MATCH (m:MajorHazardSource)-[:STORES]->(:ChemicalStock)-[:OF_CHEMICAL]->(c:Chemical {name:'液氯'}) "
        "RETURN DISTINCT m.id AS id"
    )
    assert got.intent == "hazard_source_list" and gold
    assert {r["id"] for r in got.rows} == {r["id"] for r in gold} and str(len(gold)) in got.answer


def test_inspected_but_not_rectified_firms_are_composed(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("城东今年被查过但还没改好的单位有哪些", CITY)
    assert got.path == "compound" and got.rows


def test_a_count_after_offline_cameras_counts_them(service) -> None:  # type: ignore[no-untyped-def]
    listed = service.ask("周庄镇掉线的摄像头有哪些", CITY)
    got = service.ask("总共几个", CITY, conversation_id=listed.conversation_id)
    assert got.intent == "cameras_offline" and len(got.rows) == len(listed.rows) > 0
    assert str(len(listed.rows)) in got.answer
    every = service.ask("一共安装了多少个", CITY, conversation_id=listed.conversation_id)
    assert every.intent == "camera_count"  # cameras installed: every camera, not the offline ones
