"""General chat rules found by held-out 45 (chat round 24: a bound on one penalty's amount, an
enterprise said by its 统一社会信用代码, one town's 安监办 as the inspecting unit), each tested on
sentences that are not in the eval set."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.inspecting_unit import town_office, unit_values
from agents.chat.penalty_amounts import absorb, amount_bounds
from agents.chat.timewords import CST
from core.scope import DataScope, Principal, ScopeLevel
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)  # a Thursday
WHO = Principal(user_id="t", scope=DataScope())


# ---- bounds on one penalty's amount --------------------------------------------------------------


def test_amount_bounds_read_each_direction() -> None:
    assert amount_bounds("单笔罚款不低于2万的") == {"amount_from": 20000.0}
    assert amount_bounds("罚了八千元以下的") == {"amount_upto": 8000.0}
    assert amount_bounds("罚款高于3000块的") == {"amount_above": 3000.0}
    assert amount_bounds("罚款不足五千元的处罚") == {"amount_below": 5000.0}
    assert amount_bounds("罚款在1万到3万元以内") == {"amount_upto": 30000.0}


def test_a_count_bound_is_no_amount() -> None:
    assert amount_bounds("被罚3次以上的企业") == {}
    assert amount_bounds("隐患超过10条的企业") == {}


def test_only_the_penalty_templates_take_the_bound() -> None:
    values: dict[str, object] = {}
    assert absorb("罚款超过2万的处罚", "penalty_list", ("数量门槛",), values) == ()
    assert values == {"amount_above": 20000.0}
    kept: dict[str, object] = {}
    assert absorb("罚款超过2万的隐患", "hazard_list", ("数量门槛",), kept) == ("数量门槛",) and kept == {}


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="chat24-") as chat:
        yield chat


def test_penalties_over_a_bound_are_listed_not_declined(service) -> None:  # type: ignore[no-untyped-def]
    every = service.ask("今年的行政处罚有哪些，全部列出来", WHO)
    got = service.ask("今年单笔罚款两万元及以上的处罚记录", WHO)
    assert got.intent == "penalty_list" and got.path == "template" and got.rows
    assert all(float(r["amount_yuan"]) >= 20000 for r in got.rows)
    assert len(got.rows) < len(every.rows)


def test_penalties_under_a_bound_are_counted(service) -> None:  # type: ignore[no-untyped-def]
    small = service.ask("罚款低于5000元的处罚有几次", WHO)
    listed = service.ask("罚款低于5000元的处罚都有哪些", WHO)
    assert small.intent == "penalty_total" and small.rows[0]["n"] == len(listed.rows)
    assert all(float(r["amount_yuan"]) < 5000 for r in listed.rows)


def test_firms_over_a_bound_stay_firms(service) -> None:  # type: ignore[no-untyped-def]
    listed = service.ask("罚款超过3万元的企业有哪些", WHO)  # each firm's largest fine (ADR 0013)
    assert listed.path == "aggregate" and "家" in listed.answer
    single = service.ask("单笔罚款超过3万元的企业有几家", WHO)  # never a count of penalties for firms
    assert single.path != "template"


# ---- an enterprise said by its credit code ---------------------------------------------------------


def test_a_credit_code_names_its_firm(service) -> None:  # type: ignore[no-untyped-def]
    firm = service.ask("临港有哪些企业", WHO).rows[0]
    by_code = service.ask(f"代码是{firm['id']}的公司安全负责人叫什么", WHO)
    assert by_code.intent == "enterprise_profile" and firm["name"] in by_code.answer
    lower = service.ask(f"{firm['id'].lower()}这家公司的电话", WHO)
    assert lower.intent == "enterprise_profile" and firm["name"] in lower.answer


def test_an_unknown_credit_code_finds_no_firm(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("91320281000000000X这家企业的法人是谁", WHO)
    assert got.intent != "enterprise_profile" or not got.rows


def test_a_credit_code_outside_a_town_officers_scope_is_not_answered(service) -> None:  # type: ignore[no-untyped-def]
    firm = service.ask("临港有哪些企业", WHO).rows[0]
    officer = Principal(user_id="o", scope=DataScope(level=ScopeLevel.TOWN, town="青阳镇"))
    got = service.ask(f"{firm['id']}的法人是谁", officer)
    assert firm["name"] not in got.answer


# ---- one town's 安监办 ------------------------------------------------------------------------------


def test_the_office_is_the_towns_own() -> None:
    assert town_office("镇", "云亭街道") == "云亭街道安监办"
    assert town_office("市", "云亭街道") is None and town_office("镇", None) is None
    assert unit_values("周庄镇安监办查过的企业", "周庄镇") == {
        "inspecting_level": "镇",
        "inspecting_unit": "周庄镇安监办",
    }
    assert unit_values("有过重大隐患的企业", "周庄镇") == {}


def test_a_town_office_counts_only_its_own_inspections(service) -> None:  # type: ignore[no-untyped-def]
    office = service.ask("祝塘镇安监办今年检查过多少家企业", WHO)
    every = service.ask("祝塘镇今年被检查过的企业有几家", WHO)
    listed = service.ask("祝塘镇安监办今年的检查记录，全部列出来", WHO)
    assert office.rows[0]["n"] <= every.rows[0]["n"]
    assert listed.rows and all(r.get("town") == "祝塘镇" for r in listed.rows)
    assert "祝塘镇安监办" in listed.answer
