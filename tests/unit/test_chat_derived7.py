"""Derived figures, round 7 (ADR 0018): means per day or week, the first or last groups of a share or
rate, two named places' rates compared, a town officer's mean without the city's, and a bare 环比 asked
through the pipeline once. Sentences here are not in the eval set (stats_holdout6/7); the figures are
checked against what the ordinary templates and the per-group answers give."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.derived_per_day import per_unit
from agents.chat.derived_run import asker
from agents.chat.models import ChatAnswer
from agents.chat.timewords import CST
from agents.chat.versus import value
from core.scope import DataScope, Principal, ScopeLevel
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)  # a Thursday
CITY = Principal(user_id="c", scope=DataScope())
QINGYANG = Principal(user_id="q", scope=DataScope(level=ScopeLevel.TOWN, town="青阳镇"))


def test_per_day_and_per_week_words_are_taken_out_of_the_count() -> None:
    assert per_unit("上周每天平均发生几起告警") == ("上周发生几起告警", "天")
    assert per_unit("近两周周均告警多少条") == ("近两周告警多少条", "周")
    assert per_unit("各镇街告警多少条") is None


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="derived7-") as chat:
        yield chat


def _count(service, question: str, who: Principal = CITY) -> float:  # type: ignore[no-untyped-def]
    got = service.ask(question, who)
    assert got.path in ("template", "aggregate", "compound"), (question, got.path, got.answer)
    return float(value(got, question))


def test_a_mean_per_day_divides_the_period_by_its_days(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("上周每天平均发生几起告警", CITY)
    assert got.path == "derived", got.answer
    total = _count(service, "上周告警有多少条")
    assert [r["n"] for r in got.rows] == [total, 7]
    assert f"{total / 7:.2f}" in got.answer
    month = service.ask("这个月到目前为止日均新发现隐患多少条", CITY)  # the 1st through today: 26 days
    assert month.path == "derived" and month.rows[1]["n"] == 26, month.answer
    assert service.ask("平均每天多少条告警", CITY).path != "derived"  # no period: nothing to divide by


def test_a_mean_per_week_over_rolling_weeks(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("近两周平均每周多少条告警", CITY)
    assert got.path == "derived" and got.rows[1]["n"] == 2, got.answer
    assert got.rows[0]["n"] == _count(service, "近两周告警有多少条")


def test_the_first_groups_of_a_share_with_their_percents(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("隐患最多的前两个镇街分别占全市隐患的百分之几", CITY)
    everyone = service.ask("各镇街隐患分别占全市隐患的百分之几", CITY)
    assert got.path == "derived" and everyone.path == "derived", got.answer
    assert [r["group"] for r in got.rows] == [r["group"] for r in everyone.rows[:2]]
    for r in got.rows:
        assert f"{r['group']}：" in got.answer and r["share"] in got.answer
    assert service.ask("哪个镇隐患最多", CITY).path == "template"  # no share asked: the ranking template


def test_the_lowest_group_by_a_rate(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("本月告警处置率倒数第一的是哪个镇街", CITY)
    every = service.ask("本月各镇街告警处置率各是多少", CITY)
    assert got.path == "derived" and every.path == "derived", got.answer
    rates = {r["group"]: float(r["n"]) / float(r["total"]) for r in every.rows if r["total"]}
    lowest = min(rates.values())
    assert {r["group"] for r in got.rows} == {g for g, v in rates.items() if v == lowest}
    best = service.ask("哪类企业的隐患整改率最高", CITY)
    assert best.path == "derived" and "最高" in best.answer and len(best.rows) >= 1


def test_two_named_towns_rates_which_is_higher(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("月城镇与青阳镇本月告警处置率哪个高", CITY)
    assert got.path == "derived", got.answer
    rate = {r["group"]: float(r["n"]) / float(r["total"]) for r in got.rows}
    assert set(rate) == {"月城镇", "青阳镇"}
    hi = max(rate, key=rate.__getitem__)
    assert f"{hi}更高" in got.answer and all(r["share"] in got.answer for r in got.rows)


def test_a_town_officer_gets_his_mean_and_not_the_citys(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("本镇平均每家企业几个传感器，和全市比怎么样", QINGYANG)
    own = service.ask("本镇平均每家企业几个传感器", QINGYANG)
    city = service.ask("全市平均每家企业几个传感器", CITY)
    assert got.path == "derived" and own.path == "derived", got.answer
    assert got.rows == own.rows and "数据范围" in got.answer
    own_mean, city_mean = (a.answer.split("≈")[1].split()[0] for a in (own, city))
    assert own_mean in got.answer and (city_mean == own_mean or city_mean not in got.answer)
    assert city.path == "derived" and "数据范围" not in city.answer  # a city officer: as asked


def test_a_bare_huanbi_the_step_cannot_answer_is_asked_once(service) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def pipeline(text, principal, previous, use_llm):  # type: ignore[no-untyped-def]
        asked.append(text)
        return ChatAnswer(answer="无法回答", path="refusal"), None  # declined: nothing counted

    got, _ = asker(pipeline, service.gazetteer, service)("重大危险源的环比情况", CITY, None, False)
    assert got.path == "refusal"
    assert asked.count("重大危险源的环比情况") + asked.count("本月重大危险源的环比情况") == 1, asked


def test_pair_rate_execution_is_scored_on_the_two_places_pairs() -> None:
    from evals.chat_derived import derived_execution_ok

    gold = [{"key": "甲镇", "n": 3, "w": 4}, {"key": "乙镇", "n": 1, "w": 2}]
    rows = [{"group": "甲镇", "n": 3, "total": 4}, {"group": "乙镇", "n": 1, "total": 2}]
    assert derived_execution_ok("pair_rate", gold, rows)
    assert not derived_execution_ok("pair_rate", gold, [{"group": "甲镇", "n": 3}, {"group": "乙镇", "n": 2}])
