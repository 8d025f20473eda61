"""Villages, communities and park parcels as places for enterprise questions (chat round 35): the
enterprise list and count narrow to ``e.village``; a village of another town is out of a town
officer's scope; a park the graph does not hold is declined, naming the parks it holds. Sentences
here are not the eval lines that revealed the gap (马嘶村, 化工园区, 华西村, 华士工业园)."""

from __future__ import annotations

from agents.chat.coverage import uncovered
from agents.chat.places import with_villages
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question
from agents.chat.villages import narrow, not_found
from graph.intents import BY_ID

VILLAGES = [
    {"village": "雷下村", "town": "新桥镇", "id": "新桥镇/雷下村"},
    {"village": "红豆村", "town": "顾山镇", "id": "顾山镇/红豆村"},
    {"village": "滨江社区", "town": "城东街道", "id": "城东街道/滨江社区"},
    {"village": "滨江社区", "town": "夏港街道", "id": "夏港街道/滨江社区"},
    {"village": "物流园区", "town": "临港经济开发区", "id": "临港经济开发区/物流园区"},
    {"village": "石利港区", "town": "临港经济开发区", "id": "临港经济开发区/石利港区"},
]
TOWNS = with_villages(
    Gazetteer.from_towns(["新桥镇", "顾山镇", "城东街道", "夏港街道", "临港经济开发区", "周庄镇"]), VILLAGES
)


def _slots(question: str):  # type: ignore[no-untyped-def]
    text = normalise_question(question)
    return text, narrow(text, extract_slots(text, TOWNS), TOWNS)


def test_a_village_said_alone_narrows_enterprises_to_it_and_places_its_town() -> None:
    for question, village, town in (
        ("红豆村有哪些企业", "顾山镇/红豆村", "顾山镇"),
        ("雷下村一共几家厂", "新桥镇/雷下村", "新桥镇"),
        ("物流园区的企业列一下", "临港经济开发区/物流园区", "临港经济开发区"),
    ):
        _, s = _slots(question)
        assert (s.village, s.town) == (village, town), question


def test_a_community_two_towns_share_needs_its_town() -> None:
    _, alone = _slots("滨江社区有几家企业")
    assert alone.village is None
    _, said = _slots("夏港街道滨江社区有几家企业")
    assert (said.village, said.town) == ("夏港街道/滨江社区", "夏港街道")


def test_a_village_of_another_town_than_the_one_said_is_no_filter() -> None:
    _, s = _slots("周庄镇红豆村有几家企业")
    assert s.village is None and s.town == "周庄镇"


def test_the_enterprise_records_hold_the_village_town_held_records_do_not() -> None:
    text, s = _slots("石利港区有多少家企业")
    intent = route(text, s).intent
    assert intent == "enterprise_count"
    assert "村或社区" not in uncovered(text, s, intent)
    text, s = _slots("雷下村有哪些企业")
    assert "村或社区" not in uncovered(text, s, "enterprise_list")
    text, s = _slots("雷下村有哪些企业还有隐患没整改")  # hazards hold the village too since round 36
    assert "村或社区" not in uncovered(text, s, "hazard_list")
    assert "village" not in BY_ID["cameras_offline"].slots  # cameras are held per town


def test_a_park_the_graph_does_not_hold_is_declined_naming_the_held_parks() -> None:
    for question, park in (("周庄工业园有几家企业", "周庄工业园"), ("澄南产业园的企业有哪些", "澄南产业园")):
        _, s = _slots(question)
        assert (s.unknown_town, s.town) == (park, None), question
        answer = not_found(park, TOWNS)
        assert park in answer and "物流园区" in answer and "石利港区" in answer
    _, held = _slots("临港物流园区有几家危化企业")  # held: its town's parcel
    assert held.unknown_town is None and held.village == "临港经济开发区/物流园区"


def test_an_own_park_a_town_s_park_of_a_held_kind_and_a_plan_scene_are_not_declined() -> None:
    for question in (
        "我们园区有几家企业",
        "周庄物流园区有哪些企业",
        "周庄工业园着火了启动什么预案",
        "澄南工业园里一家企业氯气泄漏，多久要上报",
    ):
        _, s = _slots(question)
        assert s.unknown_town is None, question
