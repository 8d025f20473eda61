"""General chat rules found by held-out 6: each rule on sentences that are not in that set."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.chat.execute import bind
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots
from agents.chat.timewords import CST, basic_time_window
from core.scope import DataScope
from graph.intents import BY_ID

TOWNS = Gazetteer.from_towns(["澄江街道", "城东街道", "华士镇", "临港经济开发区", "周庄镇"])
NOW = datetime(2026, 11, 25, 3, 0, tzinfo=CST)  # a Wednesday, 3 a.m.
NOW_MS = int(NOW.timestamp() * 1000)
DAY_MS = 86_400_000


def intent_of(question: str, *, has_enterprise: bool = False) -> str | None:
    return route(question, extract_slots(question, TOWNS), has_enterprise=has_enterprise).intent


@pytest.mark.parametrize(
    "question",
    [
        "苯罐泄漏了怎么办",
        "厂房着火谁负责指挥",
        "硫化氢中毒 二级响应要通知谁",
        "粉尘炸了咋处置",
        "油罐起火先干啥",
    ],
)
def test_an_accident_asked_with_what_to_do_goes_to_the_plans(question: str) -> None:
    assert intent_of(question) == "plan_for"


@pytest.mark.parametrize(
    ("question", "intent"),
    [("昨天的泄漏告警", "events_recent"), ("本周火灾事件处置了吗", "events_recent")],
)
def test_an_accident_without_a_response_cue_stays_an_event(question: str, intent: str) -> None:
    assert intent_of(question) == intent


def _days(question: str) -> tuple[int, int]:
    w = basic_time_window(question, NOW)
    assert w is not None, question
    start = datetime.fromtimestamp(w.from_ms / 1000, tz=CST)
    end = datetime.fromtimestamp(w.to_ms / 1000, tz=CST)
    return start.day, end.day


def test_day_after_tomorrow_and_named_weekdays() -> None:
    assert _days("后天的高处作业") == (27, 28)
    assert _days("大后天谁带班") == (28, 29)
    assert _days("星期五的吊装") == (27, 28)
    assert _days("礼拜天值班表") == (29, 30)
    assert _days("下周二动火") == (1, 2)
    assert _days("上周一的检查") == (16, 17)
    assert _days("这周末谁值班") == (28, 30)


def test_duty_on_another_day_means_shifts_starting_that_day() -> None:
    duty = BY_ID["duty_now"]
    tomorrow = NOW_MS - 3 * 3_600_000 + DAY_MS  # midnight after the next
    params = bind(
        duty, {"from_ms": tomorrow + 18 * 3_600_000, "to_ms": tomorrow + DAY_MS}, DataScope(), NOW_MS
    )
    assert (params["from_ms"], params["to_ms"]) == (tomorrow, tomorrow + DAY_MS)
    tonight = bind(duty, {"from_ms": NOW_MS + 15 * 3_600_000, "to_ms": NOW_MS + DAY_MS}, DataScope(), NOW_MS)
    assert tonight["from_ms"] is None  # "今晚谁值班" at 3 a.m.: no day's roster but one instant,
    assert tonight["at_ms"] == NOW_MS - 3 * 3_600_000 + 20 * 3_600_000  # 20:00 today (chat round 33)
    assert bind(duty, {}, DataScope(), NOW_MS)["from_ms"] is None


def test_who_owns_the_building_a_tenant_uses() -> None:
    assert intent_of("澄星化工的厂房是哪家的", has_enterprise=True) == "lessors_of_enterprise"
    assert intent_of("澄星化工 出租方", has_enterprise=True) == "lessors_of_enterprise"
    assert intent_of("这个出租方还租给了谁", has_enterprise=True) == "lessees_of_lessor"


def test_an_experts_speciality_filters_the_nearest_experts() -> None:
    from types import SimpleNamespace

    from agents.chat.execute import _nearest
    from agents.chat.resolve import ResolvedEnterprise

    class Row(SimpleNamespace):
        def model_dump(self) -> dict[str, str]:
            return {"id": self.id, "detail": self.detail}

    experts = [Row(id="x1", detail="消防·市消防支队·1"), Row(id="x2", detail="危化·市应急局·2")]
    repo = SimpleNamespace(nearest_resources=lambda lat, lon, kind, limit: experts[:limit])
    site = ResolvedEnterprise("913200000000000001", "澄星化工", "临港经济开发区", 31.9, 120.2)
    values = {"_text": "澄星化工附近的危化专家", "resource_kind": "expert", "speciality": "危化"}
    run = _nearest(BY_ID["nearest_resources"], values, {}, DataScope(), repo, site)  # type: ignore[arg-type]
    assert [r["id"] for r in run.rows] == ["x2"]
