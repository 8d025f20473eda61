"""Derived figures, round 8 (ADR 0018): hazards counted alike in a figure's part and whole, a bare 环比
of a count, a rate said as 整改完成了几成, a share whose whole is said as 多大比例, this year so far
against the whole of last year, a monthly series, and a town officer's rank refused. Sentences here
are not in the eval set (stats_holdout8); the figures are checked against what the ordinary
templates give for the same records."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.derived_every_status import every_status
from agents.chat.derived_monthly import month_names, monthly
from agents.chat.derived_own_city import RANK_REFUSED, rank_refused
from agents.chat.slots import Gazetteer
from agents.chat.timewords import CST
from agents.chat.versus import value
from core.scope import DataScope, Principal, ScopeLevel
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)  # a Thursday
CITY = Principal(user_id="c", scope=DataScope())
SHENGANG = Principal(user_id="s", scope=DataScope(level=ScopeLevel.TOWN, town="申港街道"))
GAZETTEER = Gazetteer.from_towns(["申港街道", "华士镇"])


def test_a_bare_hazard_count_in_a_figure_counts_every_record() -> None:
    assert every_status("上月隐患有多少", GAZETTEER) == "上月全部隐患有多少"
    for kept in ("上月未整改隐患有多少", "逾期隐患有多少", "本月发现的隐患", "已验收的隐患", "企业有多少家"):
        assert every_status(kept, GAZETTEER) == kept  # a status said, or no hazard at all


def test_a_monthly_series_is_read_with_its_months_oldest_first() -> None:
    assert monthly("过去四个月每月的执法检查次数") == ("执法检查次数", 4)
    assert monthly("近两个月全市报警按月统计，变化趋势如何") == ("全市报警", 2)
    assert monthly("最近三个月的告警有多少") is None  # one window: the count template's
    assert month_names(NOW_MS, 3) == ["2026年9月", "2026年10月", "2026年11月"]
    january = int(datetime(2026, 1, 5, tzinfo=CST).timestamp() * 1000)
    assert month_names(january, 2) == ["2025年12月", "2026年1月"]


def test_a_town_officers_rank_among_towns_is_refused_but_not_a_rank_inside_his_town() -> None:
    refused = rank_refused("本街道告警数量在各镇街里排名第几", SHENGANG)
    assert refused is not None and refused.answer == RANK_REFUSED and not refused.rows
    assert rank_refused("本街道告警数量在各镇街里排名第几", CITY) is None  # the city sees every town
    assert rank_refused("本街道隐患最多的企业排第几", SHENGANG) is None


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="derived8-") as chat:
        yield chat


def _count(service, question: str, who: Principal = CITY) -> float:  # type: ignore[no-untyped-def]
    got = service.ask(question, who)
    assert got.path in ("template", "aggregate", "compound"), (question, got.path, got.answer)
    return float(value(got, question))


def test_a_bare_month_on_month_change_counts_every_hazard_of_both_months(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("隐患环比增长了多少", CITY)
    assert got.path == "derived", got.answer
    this, last = _count(service, "本月发现的隐患有多少条"), _count(service, "上月发现的隐患有多少条")
    assert [r["n"] for r in got.rows] == [this, last]
    assert _count(service, "上月未整改隐患有多少条") < last  # not the open ones only
    told = service.ask("重大隐患数量环比", CITY)
    assert told.path == "derived" and "本月截至目前与上月整月" in told.answer, told.answer


def test_a_share_of_hazards_counts_the_same_records_as_the_per_town_shares(service) -> None:  # type: ignore[no-untyped-def]
    one = service.ask("华士镇的隐患占全市隐患的百分之几", CITY)
    every = service.ask("各镇街隐患占全市隐患的百分比", CITY)
    assert one.path == "derived" and every.path == "derived", one.answer
    huashi = next(r for r in every.rows if r["group"] == "华士镇")
    assert [r["n"] for r in one.rows] == [huashi["n"], huashi["total"]]
    assert huashi["share"] in one.answer


def test_a_rate_said_as_a_share_of_the_records(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("上个月发现的隐患整改完成了几成", CITY)
    assert got.path == "derived", got.answer
    closed = _count(service, "上个月发现的已整改隐患有多少条") + _count(
        service, "上个月发现的已验收隐患有多少条"
    )
    assert [r["n"] for r in got.rows] == [closed, _count(service, "上个月发现的隐患有多少条")]
    alarms = service.ask("本月告警处置了百分之多少", CITY)
    assert alarms.path == "derived" and "%" in alarms.answer, alarms.answer


def test_a_whole_said_before_a_share_asked_as_how_large(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("涉氨制冷企业当中，有未整改隐患的企业占多大比例", CITY)
    assert got.path == "derived", got.answer
    assert got.rows[1]["n"] == _count(service, "涉氨制冷企业有多少家")  # the firms said first are the whole
    assert got.rows[0]["n"] <= got.rows[1]["n"]


def test_this_year_so_far_against_the_whole_of_last_year(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("今年以来执法检查累计多少次，跟去年一整年比多了还是少了", CITY)
    assert [r["period"] for r in got.rows] == ["今年以来", "去年一整年"], got.answer
    assert got.rows[1]["n"] == _count(service, "去年累计执法检查多少次")
    assert got.rows[0]["n"] == _count(service, "今年以来执法检查累计多少次")


def test_a_monthly_series_asks_each_calendar_month(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("过去两个月每月的执法检查次数，走势如何", CITY)
    assert got.path == "derived", got.answer
    assert [r["month"] for r in got.rows] == ["2026年10月", "2026年11月"]
    assert got.rows[0]["n"] == _count(service, "上个月执法检查多少次")
    assert got.rows[1]["n"] == _count(service, "本月执法检查多少次")
    assert ("上升" if got.rows[1]["n"] > got.rows[0]["n"] else "下降") in got.answer or "持平" in got.answer


def test_a_town_officer_asking_his_rank_gets_a_refusal_through_the_chat(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("我们街道的告警数量在全市排第几名", SHENGANG)
    assert got.path == "refusal" and not got.rows and "无权" in got.answer
    assert service.ask("各镇街告警数量排名", CITY).path != "refusal"


def test_a_bare_part_inside_a_whole_with_a_status_keeps_that_status(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("各镇街一般隐患占本镇没整改隐患的比重", CITY)
    assert got.path == "derived", got.answer
    assert all(r["n"] <= r["total"] for r in got.rows)  # the open 一般 ones, not every 一般 record
    huashi = next(r for r in got.rows if r.get("town", r.get("group")) == "华士镇")
    assert huashi["n"] == _count(service, "华士镇没整改的一般隐患有多少条")
