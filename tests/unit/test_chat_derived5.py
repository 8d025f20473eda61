"""Derived figures, round 5 (ADR 0018): 人均 per employee, a money total's change per group and a
rate's change between two periods. Sentences here are not in the eval set (stats_holdout5); the
figures are checked against counts the ordinary templates and earlier rounds give."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.derived_groups import grouped
from agents.chat.derived_per_head import per_employee
from agents.chat.derived_rate_change import rate_change
from agents.chat.derived_rates import mean, percent
from agents.chat.slots import Gazetteer
from agents.chat.timewords import CST
from agents.chat.versus import value
from core.scope import DataScope, Principal, ScopeLevel
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)
CITY = Principal(user_id="c", scope=DataScope())
GUSHAN = Principal(user_id="g", scope=DataScope(level=ScopeLevel.TOWN, town="顾山镇"))
GZ = Gazetteer.from_towns(["顾山镇", "青阳镇", "利港街道", "月城镇", "璜土镇", "澄江街道"])


# ---- reading the question (pure) -----------------------------------------------------------------


def test_per_head_weighs_the_firms_records_by_their_people() -> None:
    fines = per_employee("各街道企业职工人均被罚款多少元", GZ)
    assert fines is not None and (fines.kind, fines.members, fines.group) == ("罚款金额", "职工", "town")
    hazards = per_employee("按行业分，每名员工平均有几条隐患", GZ)
    assert hazards is not None and (hazards.kind, hazards.members, hazards.group) == (
        "隐患",
        "职工",
        "category",
    )
    assert per_employee("各镇人均职工多少", GZ) is None  # nothing to weigh
    assert per_employee("各镇平均每家企业几条隐患", GZ) is None  # 户均: round 3's


def test_a_money_total_per_group_changes_as_a_sum() -> None:
    got = grouped("今年各街道罚款总额同比增长了多少", GZ)
    assert got is not None and (got.mode, got.kind, got.group, got.comparison) == (
        "growth",
        "罚款金额",
        "town",
        "同比",
    )
    rose = grouped("各类企业上个月的罚没金额比上月涨了多少", GZ)
    assert rose is not None and (rose.kind, rose.group) == ("罚款金额", "category")


def test_a_rate_compared_with_an_earlier_period_is_a_rate_change() -> None:
    got = rate_change("本周隐患销号率跟上周比怎么样", GZ)
    assert got is not None and (got.kind, got.group, got.comparison) == ("隐患", "", "环比")
    assert got.part == {"statuses": ["已整改", "已验收"]} and "本周" in got.period_text
    towns = rate_change("今年各镇告警办结率同比去年变化多少", GZ)
    assert towns is not None and (towns.kind, towns.group, towns.comparison) == ("告警", "town", "同比")
    assert rate_change("璜土镇今年隐患整改率是多少", GZ) is None  # one rate: round 2's


# ---- answered through the pipeline ---------------------------------------------------------------


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="derived5-") as chat:
        yield chat


def _count(service, question: str, who: Principal = CITY) -> float:  # type: ignore[no-untyped-def]
    got = service.ask(question, who)
    assert got.path in ("template", "aggregate", "compound"), (question, got.path, got.answer)
    return float(value(got, question))


def test_fines_per_employee_by_town_divide_by_the_towns_people(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("各街道企业职工人均被罚款多少元", CITY)
    assert got.path == "derived", got.answer
    row = next(r for r in got.rows if r["group"] == "顾山镇")
    people = service.ask("顾山镇企业户均有多少职工", CITY)  # round 3: the employees summed
    assert people.path == "derived" and row["members"] == people.rows[0]["n"]
    assert row["n"] == _count(service, "顾山镇罚款总额是多少")
    assert (
        "顾山镇：" in got.answer and mean(row["n"], row["members"]) in got.answer and "职工数" in got.answer
    )


def test_a_money_change_per_group_adds_up_to_the_months_fines(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("各行业这个月处罚金额与上个月相比增长了多少", CITY)
    assert got.path == "derived" and "罚款金额" in got.answer, got.answer
    assert sum(r["n"] for r in got.rows) == _count(service, "本月罚款总额是多少")


def test_a_rate_change_states_both_rates_and_the_points(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("这个月发现的隐患销号率和上个月比怎么样", CITY)
    assert got.path == "derived", got.answer
    (row,) = got.rows
    assert row["w"] == _count(service, "本月发现的隐患有多少条")
    assert row["w0"] == _count(service, "上个月发现的隐患有多少条")
    if row["w"] and row["w0"]:
        assert percent(row["n"], row["w"]) in got.answer and percent(row["n0"], row["w0"]) in got.answer
        assert "个百分点" in got.answer
    else:
        assert "无法计算" in got.answer


def test_a_town_officers_rate_change_stays_in_his_town(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("本镇本月的隐患整改率环比上月变化多少", GUSHAN)
    assert got.path == "derived", got.answer
    (row,) = got.rows
    assert row["w"] == _count(service, "本月发现的隐患有多少条", GUSHAN)
    assert row["w"] < _count(service, "本月发现的隐患有多少条")


def test_the_rate_change_scorer_wants_both_rates_the_points_and_the_direction() -> None:
    from evals.chat_derived import derived_answer_ok, derived_execution_ok

    gold = [{"key": "合计", "n": 30, "w": 40, "n0": 20, "w0": 50}]  # 75.0% vs 40.0%: up 35.0 points
    assert derived_answer_ok("rate_change", gold, "本期 30/40，75.0%；上期 20/50，40.0%；上升 35.0个百分点。")
    assert not derived_answer_ok("rate_change", gold, "本期 75.0%；上期 40.0%；下降 35.0个百分点。")
    assert not derived_answer_ok("rate_change", gold, "本期 75.0%；上期 40.0%；增长 87.5%。")  # a growth rate
    assert derived_execution_ok(
        "rate_change", gold, [{"key": "合计", "n": 30.0, "w": 40.0, "n0": 20.0, "w0": 50.0}]
    )
    assert not derived_execution_ok(
        "rate_change", gold, [{"period": "本月", "n": 30}, {"period": "上月", "n": 20}]
    )
    empty = [{"key": "合计", "n": 0, "w": 0, "n0": 3, "w0": 5}]
    assert derived_answer_ok("rate_change", empty, "本期没有记录，无法计算本期整改率")
