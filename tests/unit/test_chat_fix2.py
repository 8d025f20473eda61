"""Chat defects left open by rounds 27/28 and the demo history (chatfix2), each tested on wording that is
not in the eval set: firms or towns asked over records, a "那前N家" pointer back that is no row limit,
an excluded hazard level, a lessee's landlord asked as "用的是哪家的厂房", and the eval's count phrase."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.excluded_level import excluded_level, other_hazard_level
from agents.chat.members_asked import firms_or_towns_asked, involved
from agents.chat.timewords import CST
from core.scope import DataScope, Principal, ScopeLevel
from evals.chat import answer_ok
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)  # a Thursday
CITY = Principal(user_id="t", scope=DataScope())


# ---- pure rules ---------------------------------------------------------------------------------------


def test_firms_or_towns_asked_over_records_are_spotted() -> None:
    assert firms_or_towns_asked("上个月处罚了哪几家公司") == "firms"
    assert firms_or_towns_asked("今年被检查过的单位名单") == "firms"
    assert firms_or_towns_asked("被罚款的厂子都有哪些") == "firms"
    assert firms_or_towns_asked("罚款超过2万的企业分布在哪几个镇") == "towns"
    assert firms_or_towns_asked("我们厂有哪些隐患没整改") is None  # the hazards are asked, not firms
    assert firms_or_towns_asked("企业有哪些隐患还没整改") is None
    assert firms_or_towns_asked("上周的执法检查记录") is None


def test_the_head_says_the_firms_or_towns_the_records_involve() -> None:
    rows = [
        {"id": "P1", "enterprise_id": "A", "town": "华士镇"},
        {"id": "P2", "enterprise_id": "A", "town": "华士镇"},
        {"id": "P3", "enterprise_id": "B", "town": "月城镇"},
    ]
    assert involved("今年被处罚的公司有哪几家", rows) == "，涉及 2 家企业"
    towns = involved("被罚过的企业分布在哪些镇", rows)
    assert "分布在 2 个镇街" in towns and "华士镇" in towns and "月城镇" in towns
    assert involved("今年的处罚记录", rows) == ""  # nothing asked of the firms
    assert involved("哪些企业是危化企业", [{"id": "A", "name": "甲"}]) == ""  # an enterprise list names them


def test_an_excluded_hazard_level_is_the_other_one() -> None:
    assert other_hazard_level("华士镇除一般隐患外还有几条没整改") == "华士镇重大隐患还有几条没整改"
    assert other_hazard_level("除了重大的隐患以外，还有哪些") == "一般隐患，还有哪些"
    assert other_hazard_level("除了重大危险源企业还有哪些企业") == "除了重大危险源企业还有哪些企业"
    assert excluded_level("除了重大的还有吗") == "一般"
    assert excluded_level("除重大危险源以外的呢") is None
    assert excluded_level("临港一般隐患有几条") is None


def test_a_stated_firm_count_answers_a_set_of_firms() -> None:
    firms = ["91320281A", "91320281B", "91320281C"]
    assert answer_ok("set", firms, "共查到 5 次执法检查（条件：上周），涉及 3 家企业：\n1. …")
    assert not answer_ok("set", firms, "共查到 5 次执法检查（条件：上周）：\n1. …")


# ---- through the chat service on the demo city ----------------------------------------------------------


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="chatfix2-") as chat:
        yield chat


def test_firms_asked_over_inspections_are_counted_once_each(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("今年被检查过的公司有哪几家", CITY)
    assert got.intent == "inspection_list"
    firms = {r["enterprise_id"] for r in got.rows}
    assert len(got.rows) > len(firms) > 0  # some firm was inspected twice: the two numbers differ
    assert f"共查到 {len(got.rows)} 次执法检查" in got.answer and f"涉及 {len(firms)} 家企业" in got.answer
    assert len(got.rows) > 500  # every inspection counted, not the first 500 of the list


def test_towns_asked_over_penalties_are_named(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("单笔罚款超过3万元的企业分布在哪些镇", CITY)
    assert got.intent == "penalty_list" and got.rows
    assert all(r["amount_yuan"] > 30000 for r in got.rows)
    towns = {r["town"] for r in got.rows}
    assert f"分布在 {len(towns)} 个镇街" in got.answer and all(t in got.answer for t in towns)


def test_a_pointer_to_a_ranking_keeps_every_firm_it_showed(service) -> None:  # type: ignore[no-untyped-def]
    ranked = service.ask("罚款金额最高的前三家企业", CITY)
    shown = {r["enterprise_id"] for r in ranked.rows}
    assert len(shown) > 3  # a tie at the third place is shown in full
    got = service.ask("这前三家中的处罚记录都列出来", CITY, conversation_id=ranked.conversation_id)
    assert got.intent == "penalty_list"
    assert {r["enterprise_id"] for r in got.rows} <= shown
    each = [service.ask(f"{r['name']}被处罚过吗", CITY) for r in ranked.rows]
    assert len(got.rows) == sum(len(e.rows) for e in each) > 3  # not cut at 3 rows by the 前三


def test_excluding_one_hazard_level_asks_the_other(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("除了一般隐患，临港还有哪些没整改", CITY)
    assert got.intent == "hazard_list" and got.rows
    assert {r["level"] for r in got.rows} == {"重大"}
    first = service.ask("申港有哪些隐患没整改", CITY)
    other = service.ask("除了重大的还有哪些", CITY, conversation_id=first.conversation_id)
    assert other.intent == "hazard_list" and other.rows
    assert {r["level"] for r in other.rows} == {"一般"} and {r["town"] for r in other.rows} == {"申港街道"}


def test_whose_building_a_lessee_uses_is_its_lessor(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("江耀毛纺用的是哪家的厂房", CITY)
    assert got.intent == "lessors_of_enterprise"
    assert [r["name"] for r in got.rows] == ["江阴市正信橡塑制品有限公司"]
    town_user = Principal(user_id="t", scope=DataScope(level=ScopeLevel.TOWN, town="月城镇"))
    refused = service.ask("江耀毛纺用的是哪家的厂房", town_user)  # a 华士 firm, outside 月城's scope
    assert not refused.rows


def test_a_negated_inspection_keeps_its_period_after_a_visit_clause(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("后天去璜土，璜土今年还没被查过的企业有哪些", CITY)
    ever = service.ask("璜土从来没被检查过的企业有哪些", CITY)
    assert got.rows and "无执法检查（今年）" in got.answer
    assert {r["town"] for r in got.rows} == {"璜土镇"} and len(got.rows) > len(ever.rows)
