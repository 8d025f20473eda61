"""General chat rules found by held-out 47 (chat round 25: a town officer's 镇上/这块, rankings said as
排前N, 分别是多少 as a count, counts over the listing limit, 环比), each tested on sentences that are
not in the eval set."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.counted_lists import COUNT_LIMIT, as_count
from agents.chat.ownscope import own_scope
from agents.chat.timewords import CST
from agents.chat.versus import comparison
from core.scope import DataScope, Principal, ScopeLevel
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)  # a Thursday
CITY = Principal(user_id="t", scope=DataScope())
TOWN = Principal(user_id="t", scope=DataScope(level=ScopeLevel.TOWN, town="青阳镇"))


def test_own_town_words_with_shang_and_kuai() -> None:
    scope = DataScope(level=ScopeLevel.TOWN, town="青阳镇")
    for said in (
        "我们街道上有几家化工企业",
        "俺们镇上有几家化工企业",
        "咱们这片有几家化工企业",
        "俺这块有几家化工企业",
    ):
        own = own_scope(said, scope)
        assert own.town == "青阳镇" and own.text == "有几家化工企业", said


def test_huanbi_is_a_comparison_with_the_period_after_it() -> None:
    found = comparison("这个月处罚次数环比上个月是多了还是少了")
    assert found == ("这个月处罚次数", "上个月")


def test_a_compared_quantity_is_asked_as_a_count() -> None:
    assert as_count("这周的报警") == "这周的报警有多少"
    assert as_count("这周的报警数量") == "这周的报警数量"


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="chat25-") as chat:
        yield chat


def test_own_town_said_as_zhenshang_counts_that_town(service) -> None:  # type: ignore[no-untyped-def]
    mine = service.ask("俺们镇上有几家机械厂", TOWN)
    named = service.ask("青阳镇有几家机械企业", CITY)
    assert mine.intent == "enterprise_count" and mine.rows == named.rows and mine.rows


def test_pai_qian_n_ranks_towns(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("企业数量排在前五的镇街", CITY)
    assert got.intent == "enterprise_count_by_town" and len(got.rows) == 5
    counts = [r["n"] for r in got.rows]
    assert counts == sorted(counts, reverse=True)


def test_first_three_months_is_no_town_ranking(service) -> None:  # type: ignore[no-untyped-def]
    assert service.ask("青阳镇前三个月发现了多少条隐患", CITY).intent != "hazard_count_by_town"


def test_fenbie_shi_duoshao_is_a_count_by_level(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("重大危险源1到4级分别是多少", CITY)
    assert got.intent == "hazard_source_count_by_level"
    listed = service.ask("全市重大危险源清单", CITY)
    assert sum(r["n"] for r in got.rows) == len(listed.rows)


def test_a_count_is_not_cut_at_the_listing_limit(service) -> None:  # type: ignore[no-untyped-def]
    total = service.ask("上个月全市一共有几起告警", CITY)
    by_type = service.ask("上个月全市各类告警分别有多少起", CITY)
    want = sum(r["n"] for r in by_type.rows)
    assert want > 0 and len(total.rows) == want and f"{want}" in total.answer
    assert want < COUNT_LIMIT


def test_two_periods_compare_true_counts(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("这个月的报警跟上个月比是多了还是少了", CITY)
    this = service.ask("这个月全市有多少条报警", CITY)
    last = service.ask("上个月全市有多少条报警", CITY)
    assert [r["n"] for r in got.rows] == [len(this.rows), len(last.rows)]


def test_a_share_or_growth_rate_is_never_half_answered(service) -> None:  # type: ignore[no-untyped-def]
    # Since ADR 0018 the derived-figure step answers these with both counts (chatstats); where it
    # cannot the question is still declined, never given one count. Every sensor is counted since
    # round 2 (sensor_count), so a share over all sensors is answered too.
    for asked in (
        "全市的企业当中纺织企业所占比例是多少",
        "今年执法检查次数同比增长了多少",
        "临港的重大隐患占全市的百分比",
    ):
        got = service.ask(asked, CITY)
        assert got.path == "derived" and len(got.rows) == 2, asked
    sensors = service.ask("离线的传感器占全部传感器的百分比", CITY)
    assert sensors.path == "derived" and sensors.rows[0]["n"] < sensors.rows[1]["n"]
    assert service.ask("全市有多少家纺织企业", CITY).path == "template"


def test_zhen_shang_before_a_period_stays_the_period() -> None:
    scope = DataScope(level=ScopeLevel.TOWN, town="青阳镇")
    assert own_scope("我们镇上个月罚了几家", scope).text == "上个月罚了几家"
    assert own_scope("本镇上上周的报警", scope).text == "上上周的报警"
