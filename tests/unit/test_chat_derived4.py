"""Derived figures, round 4 (ADR 0018): two levels joined by 和 as a breakdown, completion rates per
group, averages of penalty amounts and over the towns per group, alarms grouped by their firm's
category, and a group the records lack. Sentences here are not in the eval set (stats_holdout3 /
stats_holdout4); the figures are checked against counts the ordinary templates give."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.derived_group_rates import grouped_rate, said_plainly, towns_average
from agents.chat.derived_groups import grouped
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


def test_a_rate_per_group_is_a_share_of_each_groups_own_records() -> None:
    towns = grouped_rate("去年各街道发现的隐患分别销号了几成", GZ)
    assert towns is not None and (towns.kind, towns.group, towns.own_whole) == ("隐患", "town", True)
    assert towns.part == {"statuses": ["已整改", "已验收"]} and "statuses" not in towns.filters
    levels = grouped_rate("本镇一般隐患与重大隐患的整改完成率分别是多少", GZ)
    assert levels is not None and levels.group == "level" and "level" not in levels.filters
    alarms = grouped_rate("本季度各镇告警的处置率分别为多少", GZ)
    assert alarms is not None and alarms.kind == "告警" and alarms.part == {"statuses": ["已处置"]}
    two = grouped_rate("青阳和月城的隐患整改率各是多少", GZ)
    assert two is not None and two.towns == ("青阳镇", "月城镇")
    assert grouped_rate("璜土镇今年隐患整改率是多少", GZ) is None  # one rate: round 2's


def test_averages_of_fines_and_over_the_towns_name_their_members() -> None:
    per_firm = grouped("各类企业平均每家罚款金额是多少", GZ)
    assert per_firm is not None and (per_firm.kind, per_firm.members, per_firm.group) == (
        "罚款金额",
        "企业",
        "category",
    )
    per_case = grouped(said_plainly("去年各镇的处罚平均算下来每起罚款多少钱"), GZ)
    assert per_case is not None and (per_case.kind, per_case.members, per_case.group) == (
        "罚款金额",
        "行政处罚",
        "town",
    )
    towns = towns_average("全市各等级隐患平均每个镇有几条", GZ)
    assert towns is not None and (towns.kind, towns.group, towns.members) == ("隐患", "level", "镇街")
    assert towns_average("每个镇平均有多少家企业", GZ) is None  # one average over the towns: round 2's


def test_alarms_by_the_category_of_their_firm_are_a_breakdown() -> None:
    got = grouped("上个月的告警按企业类别分各占多少比例", GZ)
    assert got is not None and (got.kind, got.group) == ("告警", "category")


# ---- answered through the pipeline ---------------------------------------------------------------


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="derived4-") as chat:
        yield chat


def _count(service, question: str, who: Principal = CITY) -> float:  # type: ignore[no-untyped-def]
    got = service.ask(question, who)
    assert got.path in ("template", "aggregate", "compound"), (question, got.path, got.answer)
    return float(value(got, question))


def test_two_levels_joined_by_and_are_each_a_share(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("本月发现的隐患里一般隐患与重大隐患分别占多少比例", CITY)
    assert got.path == "derived" and {r["group"] for r in got.rows} <= {"一般", "重大"}
    assert sum(r["n"] for r in got.rows) == _count(service, "本月发现的隐患有多少条")
    for r in got.rows:
        assert f"{r['group']}：" in got.answer and percent(r["n"], r["total"]) in got.answer


def test_a_rate_per_town_matches_that_towns_counts(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("今年各街道查出的隐患分别整改了百分之几", CITY)
    assert got.path == "derived"
    row = next(r for r in got.rows if r["group"] == "顾山镇")
    found = _count(service, "顾山镇今年发现的隐患有多少条")
    closed = _count(service, "顾山镇今年发现的已整改隐患有多少条") + _count(
        service, "顾山镇今年发现的已验收隐患有多少条"
    )
    assert (row["n"], row["total"]) == (closed, found)
    assert f"顾山镇：{int(closed)}/{int(found)} 条，{percent(closed, found)}" in got.answer


def test_a_town_officers_rate_per_level_stays_in_his_town(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("本镇一般隐患和重大隐患的销号率各是多少", GUSHAN)
    assert got.path == "derived"
    assert {r["group"] for r in got.rows} <= {"一般", "重大"}
    city = service.ask("各镇街的隐患整改率分别是多少", CITY)
    town = next(r for r in city.rows if r["group"] == "顾山镇")  # his town's figures, none of the city's
    assert sum(r["total"] for r in got.rows) == town["total"] and sum(r["n"] for r in got.rows) == town["n"]


def test_fines_per_firm_by_town_count_every_firm(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("各镇街平均每家企业被罚款多少元", CITY)
    assert got.path == "derived"
    row = next(r for r in got.rows if r["group"] == "顾山镇")
    assert row["members"] == _count(service, "顾山镇企业有多少家")
    assert row["n"] == _count(service, "顾山镇罚款总额是多少")
    assert "顾山镇：" in got.answer and mean(row["n"], row["members"]) in got.answer


def test_each_category_over_the_towns(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("各行业企业每个镇街平均有几家", CITY)
    assert got.path == "derived"
    assert sum(r["n"] for r in got.rows) == _count(service, "全市企业有多少家")
    towns = {r["members"] for r in got.rows}
    assert len(towns) == 1 and mean(got.rows[0]["n"], towns.pop()) in got.answer


def test_alarms_by_firm_category_add_up_to_the_alarms_at_firms(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("上个月告警按企业的行业类别分，各类占多少比例", CITY)
    assert got.path == "derived" and "企业类别" in got.answer
    assert sum(r["n"] for r in got.rows) <= _count(service, "上个月告警有多少条")


def test_a_group_the_records_lack_is_declined_in_chinese(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("今年的执法检查按等级分各占多少比例", CITY)
    assert got.path == "refusal" and got.rows == []
    assert "无法按等级统计" in got.answer and "镇街" in got.answer  # says which groups it has


def test_a_fine_said_before_the_average_is_summed_not_counted(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("各行业企业今年的罚款金额平均每家多少", CITY)
    assert got.path == "derived" and "罚款金额 ÷ 企业数" in got.answer
    assert sum(r["n"] for r in got.rows) == _count(service, "今年罚款总额是多少")
    assert sum(r["members"] for r in got.rows) == _count(service, "全市企业有多少家")


def test_a_rate_per_group_names_the_state_it_counts(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("各类企业传感器的在线率", CITY)
    assert got.path == "derived" and "中在线的比例" in got.answer


def test_round_4_queries_keep_a_town_officer_in_his_town(service) -> None:  # type: ignore[no-untyped-def]
    from graph.derived_queries import GROUPS_OF, PARAMS, average_query, per_town_query, share_query

    params: dict[str, object] = {k: None for k in PARAMS} | {f"part_{k}": None for k in PARAMS}
    params |= GUSHAN.scope.as_params() | {"now": NOW_MS, "towns": None, "from_ms": None, "to_ms": None}
    for kind, groups in GROUPS_OF.items():
        for group in (g for g in groups if g not in ("", "town")):
            rows = service.store.read(per_town_query(kind, group), params)
            assert all(r["w"] == 1 for r in rows), (kind, group)  # his one town is every member
    by_firm = service.store.read(share_query("告警", "category"), params)
    (town,) = service.store.read(share_query("告警", "town"), params)  # his town's alarms, all of them
    assert town["key"] == "顾山镇" and 0 < sum(r["w"] for r in by_firm) <= town["w"]
    fines = service.store.read(average_query("行政处罚", "罚款金额", "town"), params)
    assert {r["key"] for r in fines} <= {"顾山镇"}
