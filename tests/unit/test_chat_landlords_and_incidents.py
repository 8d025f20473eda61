"""General chat rules found by held-out 6 and 7 (landlords that are no enterprise, a name before an
incident word, a name that starts with a conjunction character), each on sentences not in the eval set."""

from __future__ import annotations

from agents.chat.resolve import lessor_in
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots

TOWNS = Gazetteer.from_towns(["澄江街道", "华士镇", "周庄镇", "临港经济开发区"])
LESSORS = [
    {"id": "L-1", "name": "周建华", "enterprise_id": None},
    {"id": "L-2", "name": "江阴市周庄长寿村股份经济合作社", "enterprise_id": None},
    {"id": "L-3", "name": "江阴市华士佳泰五金加工厂", "enterprise_id": None},
    {"id": "9132", "name": "江阴市永联机电设备有限公司", "enterprise_id": "9132"},
    {"id": "9133", "name": "江阴市永联纺织有限公司", "enterprise_id": "9133"},
]


def test_a_person_landlord_is_named_in_full() -> None:
    got = lessor_in("周建华名下租出去几处厂房", LESSORS)
    assert got is not None and (got.id, got.is_enterprise) == ("L-1", False)
    assert lessor_in("周建名下的承租户", LESSORS) is None  # part of a person's name is no name


def test_an_organisation_landlord_is_named_by_a_distinctive_part() -> None:
    assert getattr(lessor_in("长寿村股份经济合作社的厂房租给了谁", LESSORS), "id", None) == "L-2"
    assert getattr(lessor_in("佳泰五金厂里的厂中厂", LESSORS), "id", None) == "L-3"
    got = lessor_in("永联机电的承租企业", LESSORS)
    assert got is not None and (got.id, got.is_enterprise) == ("9132", True)


def test_generic_words_or_a_tie_name_no_landlord() -> None:
    assert lessor_in("股份经济合作社出租的厂房", LESSORS) is None  # every collective says that
    assert lessor_in("永联出租给了谁", LESSORS) is None  # two candidates, too short to choose


def test_a_name_ends_before_what_happened_there() -> None:
    for question, name in (
        ("远峰铜业爆炸了 周边的救援队", "远峰铜业"),
        ("澄星化工冒烟了附近有没有消防站", "澄星化工"),
    ):
        s = extract_slots(question, TOWNS)
        assert s.enterprise_mention == name
        assert route(question, s, has_enterprise=True).intent == "nearest_resources"


def test_a_conjunction_with_nothing_before_it_is_part_of_a_name() -> None:
    assert extract_slots("和泰纺织的出租方是谁", TOWNS).enterprise_mention == "和泰纺织"
    assert extract_slots("与辰化工被罚过吗", TOWNS).enterprise_mention == "与辰化工"
    assert (
        extract_slots("澄星化工和远峰铜业的法人", TOWNS).enterprise_mention == "澄星化工"
    )  # still joins two
