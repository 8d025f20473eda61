"""Chat defects chatfix2 left (chatfix3), each tested on wording that is not in the eval set: a lessee's
landlord asked with 在 after the name, the towns of firms with a penalty bound asked as 哪几个镇街, a top N
said with 家 but without 企业, risk-point levels left out with 除了, two towns compared with a bare 比."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.coverage import TOP_FIRMS
from agents.chat.excluded_risk import kept_risk_levels
from agents.chat.slots import enterprise_mention
from agents.chat.timewords import CST
from core.scope import DataScope, Principal
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)  # a Thursday
CITY = Principal(user_id="t", scope=DataScope())


# ---- pure rules ---------------------------------------------------------------------------------------


def test_excluded_risk_levels_leave_the_others() -> None:
    assert kept_risk_levels("除去红色和橙色风险点以外的都列一下") == ["一般", "低"]
    assert kept_risk_levels("除开较大风险的风险点还有哪些") == ["重大", "一般", "低"]
    assert kept_risk_levels("那除了黄色的呢", follow_up=True) == ["重大", "较大", "低"]
    assert kept_risk_levels("那除了黄色的呢") is None  # alone, nothing says it is about risk
    assert kept_risk_levels("除了重大危险源企业还有哪些风险点") is None  # 重大危险源 is no risk level
    assert kept_risk_levels("华士镇的低风险点") is None  # nothing excluded


def test_zai_before_whose_building_ends_the_firm_name() -> None:
    assert enterprise_mention("峰福印染在哪个出租方的厂房里")[0] == "峰福印染"  # type: ignore[index]
    assert enterprise_mention("瑞亚五金是在谁家的厂子里")[0] == "瑞亚五金"  # type: ignore[index]


def test_a_top_n_said_with_jia_counts_firms() -> None:
    assert TOP_FIRMS.search("告警最多的前两家")
    assert TOP_FIRMS.search("罚款最高的五家是谁")
    assert not TOP_FIRMS.search("那前三家里有没有被罚过的")  # a pointer back, no ranking
    assert not TOP_FIRMS.search("隐患最多的前三个镇")


# ---- through the chat service on the demo city ----------------------------------------------------------


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="chatfix3-") as chat:
        yield chat


def test_a_lessee_asked_where_it_rents_gets_its_lessor(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("峰福印染是在谁家厂子里干活的", CITY)
    assert got.intent == "lessors_of_enterprise"
    assert [r["name"] for r in got.rows] == ["蔡颖玲"]
    got = service.ask("瑞亚五金在谁的厂房里", CITY)
    assert [r["name"] for r in got.rows] == ["江阴市顾山镇新龚村股份经济合作社"]
    which = service.ask("谁家的厂子有重大危险源", CITY)  # "谁家的厂子" alone is "which firm", no lease
    assert which.intent == "hazard_source_enterprises" and which.rows


def test_which_towns_the_firms_with_a_penalty_bound_are_in(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("罚款在5万元以上的厂都在哪几个镇街", CITY)  # 哪几个: which towns, not how many
    assert got.intent == "penalty_list" and got.rows
    assert all(r["amount_yuan"] >= 50000 for r in got.rows)
    towns = {r["town"] for r in got.rows}
    assert f"分布在 {len(towns)} 个镇街" in got.answer


def test_a_top_n_with_jia_ranks_firms_not_towns(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("逾期隐患最多的前两家", CITY)
    assert got.path == "aggregate" and len(got.rows) >= 2
    assert all(r.get("enterprise_id") for r in got.rows) and "企业" in got.answer
    towns = service.ask("隐患最多的前三个镇", CITY)
    assert towns.intent == "hazard_count_by_town"  # 个镇: the per-town ranking stays


def test_excluded_risk_levels_list_the_others(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("除了较大风险的风险点，临港还有哪些", CITY)
    assert got.intent == "risk_points" and got.rows
    assert "较大" not in {r["risk_level"] for r in got.rows} and "重大/一般/低风险" in got.answer
    first = service.ask("申港的风险点有哪些", CITY)
    other = service.ask("那除了橙色和黄色的呢", CITY, conversation_id=first.conversation_id)
    assert other.intent == "risk_points" and other.rows
    assert {r["risk_level"] for r in other.rows} <= {"重大", "低"}
    assert len(other.rows) == sum(r["risk_level"] in ("重大", "低") for r in first.rows)


def test_two_towns_compared_with_a_bare_bi(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("青阳镇跟祝塘镇比，哪边的重大隐患多", CITY)
    assert [r["town"] for r in got.rows] == ["青阳镇", "祝塘镇"]
    assert "多" in got.answer
