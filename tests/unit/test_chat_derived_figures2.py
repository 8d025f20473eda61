"""Derived figures, round 2 (ADR 0018): every sensor counted, completion rates, averages, and a change
with no period asked back. Sentences here are not in the eval set (stats_dev2 / stats_holdout2)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.derived_rates import asks_which_periods, average, mean, rate
from agents.chat.timewords import CST
from agents.chat.versus import value
from core.scope import DataScope, Principal, ScopeLevel
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)
CITY = Principal(user_id="c", scope=DataScope())
HUASHI = Principal(user_id="h", scope=DataScope(level=ScopeLevel.TOWN, town="华士镇"))


# ---- reading the question (pure) -----------------------------------------------------------------


def test_a_completion_rate_is_the_closed_states_over_everything_found() -> None:
    r = rate("澄江街道本季度隐患销号率多少")
    assert r is not None and r.parts == ("澄江街道本季度发现的已整改隐患", "澄江街道本季度发现的已验收隐患")
    assert r.whole == "澄江街道本季度发现的隐患"
    handled = rate("上周告警办结率是多少")
    assert handled is not None and (handled.parts, handled.whole) == (("上周已处置告警",), "上周告警")
    assert rate("整改率高的企业有哪些") is None  # a list of firms, not the rate itself


def test_an_average_counts_every_member_and_its_total() -> None:
    a = average("周庄镇平均每家企业有几个重大危险源")
    assert a is not None and (a.total, a.count) == ("周庄镇重大危险源", "周庄镇企业")
    towns = average("每个镇平均有几条未整改隐患")
    assert towns is not None and towns.count == ""  # the towns themselves
    assert average("华士镇有几家企业") is None
    assert mean(491, 1000) == "0.49" and mean(1, 8) == "0.13" and mean(3, 1) == "3.00"


def test_a_change_with_no_period_is_asked_back_and_one_with_a_period_is_not() -> None:
    assert asks_which_periods("罚款比过去增加了没有")
    assert asks_which_periods("检查次数同比增长多少")
    assert not asks_which_periods("这周检查比上周多了几次")
    assert not asks_which_periods("隐患比较多的镇街")
    assert not asks_which_periods("华士比周庄多了几条告警")


# ---- answered through the pipeline ---------------------------------------------------------------


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="chatstats2-") as chat:
        yield chat


def _count(service, question: str, who: Principal = CITY) -> float:  # type: ignore[no-untyped-def]
    got = service.ask(question, who)
    assert got.path in ("template", "aggregate"), (question, got.path, got.answer)
    return float(value(got, question))


def test_every_sensor_is_counted_not_only_the_offline_ones(service) -> None:  # type: ignore[no-untyped-def]
    every = _count(service, "全市一共装了多少个传感器")
    offline = _count(service, "全市离线传感器有多少个")
    online = _count(service, "在线的传感器有几个")
    assert every == online + offline and offline < every
    got = service.ask("温度传感器里离线的占多少比例", CITY)
    temp = _count(service, "温度传感器有多少个")
    assert got.path == "derived" and f"{int(temp)}" in got.answer and "%" in got.answer


def test_a_completion_rate_is_answered_with_both_counts(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("这个月发现的隐患整改率多少", CITY)
    assert got.path == "derived" and "%" in got.answer
    part, whole = (r["n"] for r in got.rows)
    assert 0 < part <= whole and f"{int(whole)}" in got.answer


def test_an_average_states_total_count_and_two_decimals(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("华士镇平均每家企业有几条未整改隐患", CITY)
    total, firms = (r["n"] for r in got.rows)
    assert got.path == "derived" and firms == _count(service, "华士镇企业有多少家")
    assert mean(total, firms) in got.answer


def test_a_change_with_no_period_gets_a_question_back(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("处罚起数比原来多了吗", CITY)
    assert got.rows == [] and "哪" in got.answer and "时间" in got.answer


def test_a_breakdown_is_not_answered_as_one_share(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("今年各类型告警各占百分之多少", HUASHI)
    assert got.path != "derived" or len(got.rows) > 2


# ---- the eval's scoring of round 2's kinds (evals/chat_derived.py) --------------------------------


def test_the_scorer_recomputes_averages_growth_per_town_and_wants_a_question_back() -> None:
    from evals.chat_derived import derived_answer_ok, derived_execution_ok

    avg = [{"key": 37}, {"key": 8}]
    assert derived_answer_ok("average", avg, "共 37 条，8 家，平均 4.63 条")
    assert not derived_answer_ok("average", avg, "共 37 条，8 家，平均 4.6 条")
    towns = [{"key": "华士镇", "n": 6, "w": 4}, {"key": "璜土镇", "n": 0, "w": 0}]
    assert derived_answer_ok("grouped_growth", towns, "华士镇 6 起（上月 4 起），增长 50.0%")
    assert not derived_answer_ok("grouped_growth", towns, "华士镇 6 起")
    assert derived_execution_ok("clarify", [{"key": 0}], [])
    assert not derived_execution_ok("clarify", [{"key": 0}], [{"n": 12}])
    assert derived_answer_ok("clarify", [{"key": 0}], "您想比较哪两个时间段？")
