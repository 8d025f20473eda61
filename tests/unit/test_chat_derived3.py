"""Derived figures, round 3 (ADR 0018): shares by a group, per-group changes, averages over firms with a
condition or per inspection, and per-group averages, each one grouped query. Sentences here are not in
the eval set (stats_dev2 / stats_holdout2 / stats_holdout3); the figures are checked against counts the
ordinary templates give."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.derived_group_run import previous
from agents.chat.derived_groups import grouped
from agents.chat.derived_rates import mean, percent
from agents.chat.slots import Gazetteer
from agents.chat.timewords import CST, Window
from agents.chat.versus import value
from core.scope import DataScope, Principal, ScopeLevel
from graph.derived_queries import GROUPS_OF, PARAMS, RECORDS, average_query, growth_query, share_query
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)
CITY = Principal(user_id="c", scope=DataScope())
GUSHAN = Principal(user_id="g", scope=DataScope(level=ScopeLevel.TOWN, town="顾山镇"))
GZ = Gazetteer.from_towns(["顾山镇", "青阳镇", "利港街道", "华士镇", "澄江街道", "临港经济开发区"])


def _ms(year: int, month: int, day: int, hour: int = 0) -> int:
    return int(datetime(year, month, day, hour, tzinfo=CST).timestamp() * 1000)


# ---- reading the question (pure) -----------------------------------------------------------------


def test_a_share_by_a_group_is_read_with_its_whole() -> None:
    by_trade = grouped("各行业企业分别占全市企业的百分之几", GZ)
    assert by_trade is not None and (by_trade.mode, by_trade.kind, by_trade.group) == (
        "share",
        "企业",
        "category",
    )
    assert not by_trade.own_whole and by_trade.city_whole
    levels = grouped("去年查出的隐患中一般隐患与重大隐患各占多少比例", GZ)
    assert levels is not None and levels.group == "level" and "level" not in levels.filters  # the groups
    two = grouped("顾山和青阳的有限空间企业各占本镇企业的比重", GZ)
    assert two is not None and two.towns == ("顾山镇", "青阳镇") and two.group == "town"
    assert two.own_whole and two.part == {"key_domain": "有限空间"}


def test_a_change_per_group_keeps_this_period_and_its_comparison() -> None:
    week = grouped("本周各镇告警跟上周比增长了多少", GZ)
    assert week is not None and (week.mode, week.comparison, week.period_text) == (
        "growth",
        "环比",
        "本周各镇告警",
    )
    year = grouped("今年以来各类企业的执法检查次数同比增长多少", GZ)
    assert year is not None and (year.kind, year.group, year.comparison) == ("执法检查", "category", "同比")


def test_an_average_names_its_members_its_total_and_their_conditions() -> None:
    firms = grouped("利港街道的企业户均几个传感器", GZ)
    assert firms is not None and (firms.members, firms.kind, firms.towns) == ("企业", "传感器", ("利港街道",))
    checks = grouped("本月执法检查平均每次发现几条重大隐患", GZ)
    assert checks is not None and (checks.members, checks.kind) == ("执法检查", "隐患")
    assert checks.filters.get("level") == "重大"
    stations = grouped("每家加油站平均有几条隐患", GZ)
    assert (
        stations is not None and stations.members == "企业" and stations.filters["categories"] == ["加油站"]
    )


def test_one_pair_of_counts_is_left_to_the_earlier_rounds() -> None:
    assert grouped("华士镇有几家企业", GZ) is None
    assert grouped("本月告警环比上月增长了多少", GZ) is None  # no group: round 1's change
    assert grouped("每个镇平均有多少家企业", GZ) is None  # the towns as members: round 2's
    assert grouped("平均每起处罚罚了多少钱", GZ) is None


def test_the_period_compared_is_the_stretch_before_or_a_year_back() -> None:
    month = Window(_ms(2026, 11, 1), _ms(2026, 12, 1), "本月")
    assert previous(month, "环比", NOW_MS) == (_ms(2026, 10, 1), _ms(2026, 11, 1))
    year = Window(_ms(2026, 1, 1), NOW_MS, "今年以来")
    assert previous(year, "同比", NOW_MS) == (_ms(2025, 1, 1), _ms(2025, 11, 26, 10))
    days = Window(_ms(2026, 11, 19), _ms(2026, 11, 26), "近7天")
    assert previous(days, "环比", NOW_MS) == (_ms(2026, 11, 12), _ms(2026, 11, 19))


# ---- answered through the pipeline ---------------------------------------------------------------


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="derived3-") as chat:
        yield chat


def _count(service, question: str, who: Principal = CITY) -> float:  # type: ignore[no-untyped-def]
    got = service.ask(question, who)
    assert got.path in ("template", "aggregate"), (question, got.path, got.answer)
    return float(value(got, question))


def test_each_trade_over_all_firms_cites_one_query(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("各行业企业分别占全市企业的百分之几", CITY)
    firms = _count(service, "全市企业有多少家")
    assert got.path == "derived" and sum(r["n"] for r in got.rows) == firms
    first = got.rows[0]
    assert f"{first['group']}：{first['n']}/{int(firms)} 家，{percent(first['n'], firms)}" in got.answer
    cited = got.citations[0]
    assert "MATCH (e:Enterprise)" in cited.query and cited.row_count == len(got.rows)


def test_a_town_officer_gets_his_town_and_not_the_city(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("本镇各行业企业分别占本镇企业的比例", GUSHAN)
    assert got.path == "derived" and sum(r["n"] for r in got.rows) == _count(service, "顾山镇企业有多少家")
    refused = service.ask("各行业企业占全市企业的比例", GUSHAN)
    assert refused.path == "refusal" and refused.rows == []


def test_a_change_per_town_matches_both_months_counts(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("这个月各镇告警跟上个月比增长了多少", CITY)
    row = next(r for r in got.rows if r["group"] == "华士镇")
    assert row["n"] == _count(service, "华士镇本月告警有多少条")
    assert row["before"] == _count(service, "华士镇上个月告警有多少条")
    if row["before"] and row["n"] != row["before"]:
        assert percent(abs(row["n"] - row["before"]), row["before"]) in got.answer


def test_an_average_per_firm_of_one_town(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("华士镇的企业户均有几个传感器", CITY)
    (total, firms) = (r["n"] for r in got.rows)
    assert got.path == "derived" and firms == _count(service, "华士镇企业有多少家")
    assert total == _count(service, "华士镇传感器一共多少个")
    assert mean(total, firms) in got.answer


def test_an_average_per_inspection_counts_every_inspection(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("上个月执法检查平均每次查出几条隐患", CITY)
    total, checks = (r["n"] for r in got.rows)
    assert got.path == "derived" and checks == _count(service, "上个月执法检查有多少次")
    assert mean(total, checks) in got.answer


def test_a_per_trade_average_adds_up_to_the_city(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("各类企业平均每家有几条没整改的隐患", CITY)
    assert got.path == "derived"
    assert sum(r["members"] for r in got.rows) == _count(service, "全市企业有多少家")
    assert sum(r["n"] for r in got.rows) == _count(service, "全市没整改的隐患有多少条")
    top = got.rows[0]
    assert f"{top['group']}：" in got.answer and mean(top["n"], top["members"]) in got.answer


def test_every_grouped_query_runs_and_keeps_a_town_officer_in_his_town(service) -> None:  # type: ignore[no-untyped-def]
    params: dict[str, object] = {k: None for k in PARAMS} | {f"part_{k}": None for k in PARAMS}
    params |= GUSHAN.scope.as_params() | {"now": NOW_MS, "towns": None, "from_ms": None, "to_ms": None,
                                          "prev_from_ms": _ms(2026, 10, 1), "prev_to_ms": _ms(2026, 11, 1)}  # fmt: skip
    for kind, groups in GROUPS_OF.items():
        for group in groups:
            queries = [share_query(kind, group)] + ([growth_query(kind, group)] if RECORDS[kind].time else [])
            for query in queries:
                rows = service.store.read(query, params | {"from_ms": _ms(2026, 11, 1), "to_ms": NOW_MS})
                # 顾山 may hold no hazard sources or penalties; every other kind has records there
                assert rows or kind in ("重大危险源", "行政处罚", "罚款金额"), (kind, group)
                if group == "town":
                    assert {r["key"] for r in rows} <= {"顾山镇"}, (kind, group)
    for members, total in (("企业", "隐患"), ("企业", "传感器"), ("企业", "职工"), ("执法检查", "隐患")):
        rows = service.store.read(average_query(members, total, "town"), params)
        assert {r["key"] for r in rows} == {"顾山镇"} and rows[0]["w"] > 0


# ---- the eval's scoring of round 3's kind (evals/chat_derived.py) ---------------------------------


def test_the_scorer_recomputes_a_per_group_average() -> None:
    from evals.chat_derived import derived_answer_ok, derived_execution_ok

    gold = [{"key": "机械", "n": 10, "w": 4}, {"key": "商贸", "n": 0, "w": 3}]
    assert derived_answer_ok("grouped_average", gold, "机械：10 ÷ 4 ≈ 2.50 个；商贸：0 ÷ 3 ≈ 0.00 个")
    assert not derived_answer_ok("grouped_average", gold, "机械：2.5 个；商贸 0 个")
    assert derived_execution_ok(
        "grouped_average", gold, [{"group": "机械", "n": 10}, {"group": "商贸", "n": 0}]
    )
    assert not derived_execution_ok("grouped_average", gold, [{"group": "机械", "n": 4}])
