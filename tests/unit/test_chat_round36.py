"""General chat rules from round 36 (heldout62 and the known village gap): a village, community or
park parcel narrows every template rooted at an enterprise's records (hazards, hazard sources,
inspections, penalties, sensors, special operations, risk points), while records held per town
(duty, cameras, events) keep reading a village as its town; "现在/此刻/这会儿" asked at night beside a
夜班 word is the shift on duty now; an alarm count split "按类别/按种类" is split by event type.
Sentences are not the eval lines."""

from __future__ import annotations

import pytest

from agents.chat.answer import describe_filters
from agents.chat.coverage import uncovered
from agents.chat.duty_room import asks_now
from agents.chat.execute import bind
from agents.chat.followup import sibling
from agents.chat.places import with_villages
from agents.chat.router import route
from agents.chat.shorthand import expand_shorthand
from agents.chat.slots import Gazetteer, extract_slots, normalise_question
from agents.chat.villages import narrow
from core.scope import DataScope
from graph.intents import BY_ID, INTENTS

VILLAGES = [
    {"village": "雷下村", "town": "新桥镇", "id": "新桥镇/雷下村"},
    {"village": "红豆村", "town": "顾山镇", "id": "顾山镇/红豆村"},
    {"village": "长山社区", "town": "城东街道", "id": "城东街道/长山社区"},
    {"village": "化工园区", "town": "临港经济开发区", "id": "临港经济开发区/化工园区"},
]
TOWNS = with_villages(Gazetteer.from_towns(["新桥镇", "顾山镇", "城东街道", "临港经济开发区"]), VILLAGES)


def _ask(question: str) -> tuple[str, str | None, list[str], str | None]:
    text = expand_shorthand(normalise_question(question))
    slots = narrow(text, extract_slots(text, TOWNS), TOWNS)
    intent = route(text, slots).intent
    return text, intent, list(uncovered(text, slots, intent)) if intent else [], slots.village


def test_every_template_that_takes_a_village_filters_on_it_and_no_other_does() -> None:
    for intent in INTENTS:
        takes = "village" in intent.slots
        assert takes == ("e.village = $village" in (intent.cypher or "")), intent.id


@pytest.mark.parametrize(
    ("question", "intent", "village"),
    [
        ("红豆村现在还有多少隐患没改完", "hazard_count", "顾山镇/红豆村"),
        ("长山社区有哪些重大隐患", "hazard_list", "城东街道/长山社区"),
        ("雷下村超期没整改的隐患", "overdue_hazards", "新桥镇/雷下村"),
        ("化工园区这个月执法检查了几次", "inspection_count", "临港经济开发区/化工园区"),
        ("红豆村去年的行政处罚记录", "penalty_list", "顾山镇/红豆村"),
        ("长山社区今年一共罚了多少钱", "penalty_total", "城东街道/长山社区"),
        ("化工园区有哪些传感器离线", "sensors_offline", "临港经济开发区/化工园区"),
        ("雷下村今天有没有动火作业", "special_operations", "新桥镇/雷下村"),
        ("化工园区的重大危险源清单", "hazard_source_list", "临港经济开发区/化工园区"),
    ],
)
def test_a_village_narrows_the_records_of_its_firms(question: str, intent: str, village: str) -> None:
    _, got, missing, said = _ask(question)
    assert (got, said) == (intent, village), question
    assert "村或社区" not in missing, question


def test_records_held_per_town_still_read_a_village_as_its_town() -> None:
    for question, intent in (("红豆村最近有什么报警", "events_recent"), ("雷下村现在谁值班", "duty_now")):
        _, got, missing, _ = _ask(question)
        assert got == intent and "村或社区" not in missing, question


# Saturday 28 November 2026 05:10 Asia/Shanghai: before the 08:30 hand-over, last night's shift is on duty
NIGHT = 1_795_813_800_000
TODAY_START = 1_795_795_200_000


def _duty_params(question: str) -> dict[str, object]:
    values = {"_question": question, "town": "华士镇"}
    return bind(BY_ID["duty_now"], values, DataScope(), NIGHT)


def test_now_asked_in_so_many_words_is_the_shift_on_duty_even_beside_a_night_shift_word() -> None:
    assert NIGHT - TODAY_START == (5 * 60 + 10) * 60_000
    for question in (
        "交班前核对一下：华士镇现在值班的是谁",
        "华士镇这会儿夜班是谁",
        "夜班交接，华士镇此刻谁在班",
    ):
        assert _duty_params(question)["at_ms"] == NIGHT, question
    assert asks_now("目前是谁当班") and not asks_now("今晚谁值班")
    # no now word: a 夜班 of today is the shift covering 20:00 today (round 33 convention), as before
    assert _duty_params("华士镇夜班是谁")["at_ms"] == TODAY_START + 20 * 3_600_000


def test_an_alarm_count_split_by_kind_in_other_words() -> None:
    for said in ("按类别分一下", "按种类统计下", "分个类看看", "归一下类"):
        assert sibling("events_recent", said) == "event_count_by_type", said
    assert sibling("hazard_count", "按类别分一下") != "event_count_by_type"
    assert _ask("上周城东的报警按类别看一下")[1] == "event_count_by_type"


def test_a_village_answer_names_the_village_not_its_whole_town() -> None:
    said = describe_filters({"town": "顾山镇", "village": "顾山镇/红豆村", "open_only": True})
    assert said == "顾山镇红豆村，未整改"
    assert describe_filters({"town": "顾山镇", "open_only": True}) == "顾山镇，未整改"
