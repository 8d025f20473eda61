"""Derived figures, round 9 (ADR 0018): the top firms with their shares of the city, a figure per
1,000 firms, and the median of the members' numbers with the largest member. Sentences here are not
in the eval set (stats_holdout8/9); the figures are checked against what other readers and the
ordinary templates give for the same records."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.derived_groups import grouped, read_group
from agents.chat.derived_median import median, median_asked
from agents.chat.derived_ranked import ranked
from agents.chat.derived_rates import mean, percent
from agents.chat.slots import Gazetteer
from agents.chat.timewords import CST
from core.scope import DataScope, Principal, ScopeLevel
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)
CITY = Principal(user_id="c", scope=DataScope())
HUASHI = Principal(user_id="h", scope=DataScope(level=ScopeLevel.TOWN, town="华士镇"))
GAZETTEER = Gazetteer.from_towns(["申港街道", "华士镇", "周庄镇"])


def test_the_top_firms_of_a_share_are_read_as_a_share_per_firm() -> None:
    found = ranked("告警最多的前三家企业分别占全市告警的多少", GAZETTEER)
    assert found is not None
    g, n, lowest = found
    assert (g.group, g.kind, n, lowest, g.city_whole) == ("firm", "告警", 3, False, True)
    assert read_group("各镇街隐患占比", ()) == ("town", ())  # 各镇 stays a town group
    assert ranked("隐患最多的三个镇街各占全市的比例", GAZETTEER)[0].group == "town"  # type: ignore[index]


def test_a_figure_per_thousand_firms_scales_the_mean_per_firm() -> None:
    g = grouped("各类企业每千家有几个传感器", GAZETTEER)
    assert g is not None and (g.mode, g.kind, g.group, g.members, g.per) == (
        "average",
        "传感器",
        "category",
        "企业",
        1000,
    )
    plain = grouped("各类企业平均每家有几个传感器", GAZETTEER)
    assert plain is not None and plain.per == 1  # 平均每家: per one firm, as before


def test_the_median_is_the_middle_value_or_the_mean_of_the_two_middle_ones() -> None:
    assert median([5, 1, 3]) == 3
    assert median([4, 1, 3, 10]) == 3.5
    assert median([0, 0, 0, 7]) == 0  # firms with nothing are members too


def test_what_a_median_is_taken_over_is_read_from_before_the_word() -> None:
    assert median_asked("周庄镇各家企业员工数的中位数", GAZETTEER)[:2] == ("职工", False)  # type: ignore[index]
    assert median_asked("周庄镇各家企业员工数的中位数", GAZETTEER)[3] == ("周庄镇",)  # type: ignore[index]
    assert median_asked("每个镇街有几家企业，取个中位数", GAZETTEER)[:2] == ("企业", True)  # type: ignore[index]
    assert median_asked("企业罚款金额中位数", GAZETTEER)[0] == "罚款金额"  # type: ignore[index]
    assert median_asked("平均每家企业几条隐患", GAZETTEER) is None
    assert median_asked("每家企业的中位数", GAZETTEER) is None  # firms per firm: nothing to take


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="derived9-") as chat:
        yield chat


def test_the_top_firms_get_their_counts_over_the_citys_whole(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("今年罚款次数排前三的企业各占全市处罚的百分之几", CITY)
    per_town = service.ask("今年各镇街的行政处罚占全市的比例", CITY)
    assert got.path == "derived" and per_town.path == "derived", (got.answer, per_town.answer)
    city = sum(float(r["n"]) for r in per_town.rows)  # every penalty of the year, town by town
    counts = [float(r["n"]) for r in got.rows]
    assert len(got.rows) >= 3 and counts == sorted(counts, reverse=True)
    for r in got.rows:
        assert (
            float(r["total"]) == city
            and f"{r['group']}：" in got.answer
            and percent(r["n"], city) in got.answer
        )


def test_a_town_officers_top_firms_over_the_city_are_refused(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("隐患最多的前三家企业分别占全市隐患的多少", HUASHI)
    assert got.path == "refusal" and "无权" in got.answer and not got.rows


def test_per_thousand_firms_is_a_thousand_times_the_mean_per_firm(service) -> None:  # type: ignore[no-untyped-def]
    scaled = service.ask("各镇街每千家企业有几条逾期隐患", CITY)
    plain = service.ask("各镇街平均每家企业有几条逾期隐患", CITY)
    assert scaled.path == "derived" and plain.path == "derived", (scaled.answer, plain.answer)
    by_town = {r["group"]: r for r in plain.rows}
    assert len(scaled.rows) == len(plain.rows) > 1
    for r in scaled.rows:
        same = by_town[r["group"]]
        assert (r["n"], r["members"]) == (same["n"], same["members"])
        assert r["mean"] == mean(float(r["n"]) * 1000, float(r["members"])) and r["mean"] in scaled.answer


def test_the_median_over_towns_matches_the_per_town_counts(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("各个镇街的企业数量取中位数是多少，最少的是哪个镇街", CITY)
    towns = service.ask("各镇街分别有多少家企业", CITY)
    counts = [float(r["n"]) for r in towns.rows]
    assert got.path == "derived" and len(counts) > 2, got.answer
    middle, least = got.rows
    assert float(middle["n"]) == median(counts)
    assert float(least["n"]) == min(counts) and least["name"] in got.answer


def test_a_town_officers_median_stays_in_his_town(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("企业员工人数中位数是多少，人最多的是哪家", HUASHI)
    firms = service.ask("华士镇有多少家企业", HUASHI)
    assert got.path == "derived" and f"共 {int(float(firms.rows[0]['n']))} 家企业" in got.answer, got.answer
    assert len(got.rows) == 2 and got.rows[1]["item"] == "最多"


def test_a_named_month_is_compared_with_the_same_month_of_last_year() -> None:
    from agents.chat.derived_figures import figure

    found = figure("今年5月份的执法检查跟去年5月份相比增加了几次", GAZETTEER)
    assert found is not None and (found.kind, found.first_label, found.second_label) == (
        "change",
        "今年5月份",
        "去年5月份",
    )
    assert found.second == found.first.replace("今年", "去年")
    again = figure("今年4月告警和去年4月比，同比增长率是多少", GAZETTEER)  # 同比 repeated after the period
    assert again is not None and again.second_label == "去年4月"


def test_a_shares_change_between_two_periods_is_read_as_a_change_in_points() -> None:
    from agents.chat.derived_rate_change import rate_change

    c = rate_change("这个月隐患里重大隐患的比重比上个月下降了几个百分点", GAZETTEER)
    assert c is not None and (c.kind, c.part, c.share_of, c.group) == (
        "隐患",
        {"level": "重大"},
        "重大隐患",
        "",
    )
    assert rate_change("本月隐患整改率比上月提高了多少", GAZETTEER).share_of == ""  # type: ignore[union-attr]
    assert rate_change("危化企业占比比上个月", GAZETTEER) is None  # firms carry no period


def test_the_groups_growing_fastest_are_read_with_their_direction() -> None:
    from agents.chat.derived_ranked import fastest

    up = fastest("本月各类告警比上月增长最快的两类告警", GAZETTEER)
    assert up is not None and (up[0].group, up[0].mode, up[1], up[2]) == ("event_type", "growth", 2, False)
    down = fastest("今年以来执法检查次数同比降幅最大的镇街是哪个", GAZETTEER)
    assert down is not None and (down[0].group, down[0].comparison, down[2]) == ("town", "同比", True)
    assert fastest("本月各镇告警环比增长了多少", GAZETTEER) is None


def test_the_fastest_growing_town_is_ranked_by_its_rate_not_its_count(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("这个月告警跟上个月比涨得最快的是哪个镇", CITY)
    table = service.ask("这个月各镇街告警环比", CITY)
    assert got.path == "derived" and table.path == "derived", (got.answer, table.answer)
    rates = {
        r["group"]: (float(r["n"]) - float(r["before"])) / float(r["before"])
        for r in table.rows
        if r["before"]
    }
    best = max(rates.values())
    assert {r["group"] for r in got.rows} == {t for t, v in rates.items() if v == best}


def test_a_share_per_group_can_be_listed_lowest_first(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("今年各镇街隐患整改率由低到高排列", CITY)
    shares = [float(r["n"]) / float(r["total"]) for r in got.rows if r["total"]]
    assert got.path == "derived" and len(shares) > 2 and shares == sorted(shares)
