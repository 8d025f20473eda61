"""Derived figures in the duty-officer chat (ADR 0018): shares, growth rates and differences between
periods, a whole and its part — two template counts and the figure computed in Python. Sentences
here are not in the eval set (stats_dev / stats_holdout)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.derived_figures import figure
from agents.chat.derived_run import percent
from agents.chat.slots import Gazetteer
from agents.chat.timewords import CST
from agents.chat.versus import value
from core.scope import DataScope, Principal, ScopeLevel
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)
CITY = Principal(user_id="c", scope=DataScope())
HUASHI = Principal(user_id="h", scope=DataScope(level=ScopeLevel.TOWN, town="华士镇"))
TOWNS = Gazetteer.from_towns(["华士镇", "澄江街道", "临港经济开发区", "璜土镇", "周庄镇"])


# ---- reading the question (pure) -----------------------------------------------------------------


def test_a_share_names_its_part_and_whole_with_the_context_said_once() -> None:
    f = figure("澄江街道的重大隐患占全市重大隐患的多少", TOWNS)
    assert f is not None and (f.kind, f.first, f.second) == ("share", "澄江街道的重大隐患", "全市重大隐患")
    # the whole said first: its period is the part's too
    inside = figure("上个月报警里面火焰报警所占的比例", TOWNS)
    assert inside is not None and (inside.first, inside.second) == ("上个月火焰报警", "上个月报警")
    within = figure("机械企业在华士镇企业中占多少", TOWNS)
    assert within is not None and (within.first, within.second) == ("华士镇机械企业", "华士镇企业")


def test_a_share_without_a_whole_is_of_its_own_kind_and_a_place_alone_keeps_the_quantity() -> None:
    kind = figure("冶金企业占比是多少", TOWNS)
    assert kind is not None and (kind.first, kind.second) == ("冶金企业", "企业")
    place = figure("周庄镇今年的罚款金额占全市的比重", TOWNS)
    assert place is not None and place.second == "今年全市的罚款金额" and place.unit == "元"


def test_a_change_moves_the_period_said_to_the_other_one() -> None:
    week = figure("这周告警跟上周比增长了多少", TOWNS)
    assert week is not None and (week.kind, week.first, week.second) == ("change", "这周告警", "上周告警")
    quarter = figure("本季度执法检查环比增长多少", TOWNS)  # 环比 with no period said: the one before
    assert quarter is not None and quarter.second == "上季度执法检查"
    year = figure("今年处罚起数同比增减情况", TOWNS)  # 同比: the same stretch a year earlier, to today's date
    assert year is not None and (year.first, year.second) == ("今年以来处罚起数", "去年同期今年以来处罚起数")


def test_what_is_no_derived_figure_is_left_alone() -> None:
    assert figure("隐患比华士镇多了几条", TOWNS) is None  # two places, not two periods
    assert figure("告警同比增长多少", TOWNS) is None  # no period to compare
    assert figure("临港有哪些危化企业", TOWNS) is None
    assert figure("消防通道占用的告警有几条", TOWNS) is None  # 占用 is an event type, not a share


def test_a_whole_and_its_part() -> None:
    f = figure("璜土镇隐患一共多少条，其中重大的几条", TOWNS)
    assert f is not None and (f.kind, f.first, f.second) == ("whole_part", "璜土镇重大隐患", "璜土镇隐患")
    other = figure("临港企业总共多少家？其中有重大危险源的有几家", TOWNS)  # a condition on the whole's things
    assert other is not None and other.first == "临港企业里有重大危险源"


def test_count_words_inside_a_clause_are_read_or_turned_away() -> None:
    f = figure("临港有几家企业，其中A类的几家", TOWNS)
    assert f is not None and (f.first, f.second, f.unit) == ("临港A类企业", "临港企业", "家")
    said = figure("全市企业一共多少家，其中有几家是危化企业", TOWNS)
    assert said is not None and said.first == "全市危化企业"
    # "有多少家企业被处罚过" counts firms with a condition: no plain count to divide, left to the planner
    assert figure("全市有多少家企业被处罚过，其中有几家是危化企业", TOWNS) is None


def test_more_or_fewer_than_another_period_is_a_change_and_keeps_the_unit_said() -> None:
    f = figure("华士镇本月的报警比上月多还是少", TOWNS)
    assert f is not None and (f.kind, f.second) == ("change", "华士镇上月的报警")
    fines = figure("今年以来处罚比去年同期多了几起", TOWNS)
    assert fines is not None and fines.unit == "起"


def test_percent_has_one_decimal_and_rounds_halves_up() -> None:
    assert percent(49, 400) == "12.3%"  # 12.25
    assert percent(1, 3) == "33.3%" and percent(0, 7) == "0.0%" and percent(2, 2) == "100.0%"


# ---- answered on the demo city -------------------------------------------------------------------


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="chatstats-") as chat:
        yield chat


def _count(service, question: str, who: Principal = CITY) -> float:  # type: ignore[no-untyped-def]
    got = service.ask(question, who)
    assert got.path == "template", question
    return float(value(got, question))


def test_a_share_gives_both_counts_and_the_percent(service) -> None:  # type: ignore[no-untyped-def]
    part, whole = _count(service, "澄江街道加油站有多少家"), _count(service, "澄江街道企业有多少家")
    got = service.ask("澄江街道的加油站占澄江街道企业的比例", CITY)
    assert got.path == "derived" and [r["n"] for r in got.rows] == [part, whole]
    assert all(w in got.answer for w in (f"{int(part)}", f"{int(whole)}", percent(part, whole)))
    assert len(got.citations) == 2  # both queries cited


def test_a_change_gives_both_periods_the_difference_and_the_rate(service) -> None:  # type: ignore[no-untyped-def]
    now, before = _count(service, "本周执法检查次数"), _count(service, "上周执法检查次数")
    got = service.ask("本周执法检查次数比上周增长了多少", CITY)
    assert got.path == "derived" and [r["n"] for r in got.rows] == [now, before]
    if before:
        assert percent(abs(now - before), before) in got.answer
        assert ("增长" if now > before else "下降" if now < before else "持平") in got.answer
    else:
        assert "无法计算增长率" in got.answer


def test_a_town_officer_gets_his_own_share_but_not_one_of_the_city(service) -> None:  # type: ignore[no-untyped-def]
    refused = service.ask("本镇重大隐患占全市重大隐患的多少", HUASHI)
    assert refused.path == "refusal" and "无权" in refused.answer and not refused.rows
    own = service.ask("本镇危化企业在本镇企业里占多大比例", HUASHI)
    part, whole = _count(service, "华士镇危化企业有多少家"), _count(service, "华士镇企业有多少家")
    assert own.path == "derived" and [r["n"] for r in own.rows] == [part, whole]


def test_a_share_per_town_is_a_table_of_towns(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("各镇街重大隐患占本镇未整改隐患的比例", CITY)
    assert got.path == "derived" and len(got.rows) > 10
    assert all(r["n"] <= r["total"] for r in got.rows)
    top = got.rows[0]
    assert f"{top['town']}：" in got.answer and percent(top["n"], top["total"]) in got.answer


def test_each_towns_share_of_the_city_divides_by_one_city_total(service) -> None:  # type: ignore[no-untyped-def]
    city = _count(service, "今年全市罚款总额是多少")
    got = service.ask("各镇街今年的罚款总额占全市的比重", CITY)
    assert got.path == "derived" and got.rows and all(r["total"] == city for r in got.rows)
    assert sum(r["n"] for r in got.rows) == city and "全市" not in got.answer.split("：")[0].split("占")[0]


def test_a_whole_and_its_part_are_both_answered(service) -> None:  # type: ignore[no-untyped-def]
    whole, part = _count(service, "临港企业有多少家"), _count(service, "临港加油站有多少家")
    got = service.ask("临港企业总共有多少家，其中加油站有几家", CITY)
    assert got.path == "derived" and {r["n"] for r in got.rows} == {whole, part}


def test_a_share_over_every_sensor_uses_the_sensor_count(service) -> None:  # type: ignore[no-untyped-def]
    # round 2: sensor_count counts every sensor, so the whole is no longer the offline ones again
    every = _count(service, "传感器一共有多少个")
    got = service.ask("离线传感器在全部传感器里占比多少", CITY)
    assert got.path == "derived" and got.rows[1]["n"] == every > got.rows[0]["n"]


# ---- the eval's scoring of derived figures (evals/chat_derived.py) --------------------------------


def test_the_scorer_wants_both_counts_and_the_right_figure() -> None:
    from evals.chat import answer_ok, execution_ok

    gold = [{"key": 127.0}, {"key": 1000.0}]
    rows = [{"item": "危化企业", "n": 127}, {"item": "企业", "n": 1000}]
    assert execution_ok("share", [127, 1000], rows, gold)
    assert not execution_ok("share", [127, 1000], rows[:1], gold)
    assert answer_ok("share", [127, 1000], "危化企业 127 家，企业 1000 家，占比 12.7%", gold)
    assert not answer_ok("share", [127, 1000], "危化企业 127 家，企业 1000 家，占比 13%", gold)
    grew = [{"key": 255.0}, {"key": 249.0}]
    assert answer_ok("growth", [255, 249], "255 次，249 次，增长 2.4%", grew)
    assert not answer_ok("growth", [255, 249], "255 次，249 次，下降 2.4%", grew)  # the wrong way
    from_nothing = [{"key": 46.0}, {"key": 0.0}]
    assert answer_ok("growth", [46, 0], "46 起，0 起，无法计算增长率", from_nothing)
    assert answer_ok("difference", [43, 56], "43 条，56 条，少 13 条", [{"key": 43.0}, {"key": 56.0}])


def test_the_scorer_of_a_per_town_share_wants_each_town_and_its_percent() -> None:
    from evals.chat import answer_ok, execution_ok

    gold = [{"key": "华士镇", "n": 7.0, "w": 85.0}, {"key": "新桥镇", "n": 0.0, "w": 44.0}]
    rows = [{"town": "华士镇", "n": 7, "total": 85}, {"town": "新桥镇", "n": 0, "total": 44}]
    assert execution_ok("grouped_share", [], rows, gold)
    assert answer_ok("grouped_share", [], "华士镇：7/85 家，8.2%", gold)
    assert not answer_ok("grouped_share", [], "华士镇：7/85 家", gold)
