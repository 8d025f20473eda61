"""超过30天还没整改: an age on open hazards (days since found), not a bound on their number.

"华士镇有多少家企业的隐患超过30天还没整改" was read as "more than 30 hazards" and lost its town. A
duration (天/周/月) after 超过/以上/拖了 followed by 没整改/未整改 bounds how long each open hazard has
been open; the town stays. Tested on wordings other than that eval line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.hazard_age import open_for, without_age
from agents.chat.timewords import CST
from core.scope import DataScope, Principal
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)
CITY = Principal(user_id="t", scope=DataScope())
DAY = 86_400_000


@pytest.mark.parametrize(
    ("said", "days"),
    [
        ("超过两周没整改的隐患有哪些", 14),
        ("周庄镇拖了一个多月还没整改的隐患有哪些", 31),
        ("发现后60天以上未整改的隐患有几条", 60),
        ("徐霞客镇有几家企业隐患超过45天没有整改", 45),
        ("临港街道超过三个月仍未整改的重大隐患", 93),
        ("有哪些隐患已经20天了还没整改", 20),
    ],
)
def test_a_duration_before_not_rectified_is_an_age(said: str, days: int) -> None:
    assert open_for(said) == {"open_for_ms": days * DAY, "open_only": True}
    rest = without_age(said)
    assert "整改" in rest and not re.search(r"[0-9一二两三四五六七八九十]+个?多?(?:天|周|月)", rest)


def test_a_count_bound_is_not_an_age() -> None:
    assert open_for("隐患超过30条的企业有哪些") == {}
    assert open_for("七天内到整改期限的隐患") == {}


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="chatage-") as chat:
        yield chat


def test_old_open_hazards_are_listed_with_their_town(service) -> None:  # type: ignore[no-untyped-def]
    every = service.ask("周庄镇还没整改的隐患有哪些", CITY)
    old = service.ask("周庄镇超过两个月还没整改的隐患有哪些", CITY)
    assert old.intent == "hazard_list" and old.params["town"] == "周庄镇"
    assert old.params["open_for_ms"] == 62 * DAY
    assert 0 < len(old.rows) < len(every.rows)
    assert {r["town"] for r in old.rows} == {"周庄镇"}


def test_the_firms_behind_old_hazards_are_counted_in_the_town(service) -> None:  # type: ignore[no-untyped-def]
    old = service.ask("周庄镇有几家企业的隐患拖了两个多月还没整改", CITY)
    every = service.ask("周庄镇有几家企业有未整改隐患", CITY)
    assert old.params.get("town") == "周庄镇" and "发现超过62天" in old.answer
    assert 0 < len(old.params["enterprise_ids"]) < len(every.params["enterprise_ids"])
    assert "超过 2 条" not in old.answer  # no bound on the number of hazards


def test_the_age_is_said_in_the_answer(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("发现后60天以上未整改的隐患有几条", CITY)
    assert got.intent == "hazard_count" and "60天" in got.answer


def test_the_age_holds_for_overdue_hazards_and_per_town_counts(service) -> None:  # type: ignore[no-untyped-def]
    overdue = service.ask("徐霞客镇逾期隐患有哪些", CITY)
    old = service.ask("徐霞客镇发现超过两个月还没整改的逾期隐患有哪些", CITY)
    assert old.intent == "overdue_hazards" and len(old.rows) < len(overdue.rows)
    towns = service.ask("各镇还没整改的隐患分别有多少条", CITY)
    aged = service.ask("各镇超过一个月没整改的隐患分别有多少条", CITY)
    assert aged.intent == "hazard_count_by_town"
    assert sum(r["n"] for r in aged.rows) < sum(r["n"] for r in towns.rows)


def test_firms_with_old_overdue_hazards_keep_both_conditions(service) -> None:  # type: ignore[no-untyped-def]
    overdue = service.ask("周庄镇有几家企业有逾期隐患", CITY)
    old = service.ask("周庄镇有几家企业的逾期隐患超过两个月还没整改", CITY)
    assert old.intent == "overdue_hazards" and "发现超过62天" in old.answer
    assert len(old.params["enterprise_ids"]) < len(overdue.params["enterprise_ids"])
