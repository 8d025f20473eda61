"""Planguide10 round: incidents as they are reported on the phone (冒黑烟, 刺鼻气味, 罐子鼓包, a worker
down by a pit), accounts that say what happened in words the router lacked (滴漏, 全面燃烧), someone
poisoned with no count, and a 疏散周边 that is no proximity. Worded unlike the eval lines."""

from __future__ import annotations

from typing import Any

import pytest

from agents.chat import plan_guide
from agents.chat.plan_severity import asked_toll, level_for, toll_of, toll_param
from agents.chat.router import asks_plan, route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question

GAZ = Gazetteer.from_towns(["华士镇", "周庄镇", "青阳镇", "申港街道"])


def _intent(question: str) -> str | None:
    return route(normalise_question(question), extract_slots(question, GAZ)).intent


def _types(question: str) -> list[str]:
    return plan_guide.slot_values(question)["accident_types"] or []


@pytest.mark.parametrize(
    "question,kind",
    [
        ("保安来电话说后面堆场在冒浓烟，走哪个预案", "火灾"),
        ("周庄镇一家化纤厂原料库剧烈燃烧，谁指挥", "火灾"),
        ("车间里闻到一股刺鼻的味道，谁负责处置", "泄漏"),
        ("冷库机房里氨味很重，先干什么", "泄漏"),
        ("泵的机封一直在渗漏，启动几级响应", "泄漏"),
        ("一个维修工晕在集水井底下喊不醒，谁指挥", "中毒和窒息"),
    ],
)
def test_what_a_caller_sees_is_an_incident_of_its_accident(question: str, kind: str) -> None:
    assert asks_plan(normalise_question(question))
    assert kind in _types(question)


def test_a_bulging_tank_is_an_incident_the_plan_guide_answers() -> None:
    assert asks_plan(normalise_question("申港街道一家厂打电话说反应釜鼓起来了，找哪个预案"))


@pytest.mark.parametrize("question", ["仓库里还没有冒浓烟，先做什么", "机房里没有闻到刺鼻气味，先做什么"])
def test_a_sight_said_not_to_be_there_names_no_accident(question: str) -> None:
    assert not {"火灾", "泄漏"} & set(_types(question))


def _lv(level: str, trigger: str) -> dict[str, Any]:
    return {"level": level, "name": level, "trigger": trigger, "commander": f"{level}指挥",
            "actions": [f"{level}措施"]}  # fmt: skip


POISON = [
    _lv("一级", "发生人员中毒窒息、泄漏无法控制或有毒气体扩散至厂界"),
    _lv("二级", "报警仪报警、泄漏可在车间内控制且无人员中毒"),
]


@pytest.mark.parametrize("question", ["污水站那边刚才有工人中毒了，谁指挥", "装卸区有人中毒，几级响应"])
def test_someone_poisoned_with_no_count_is_one_at_least(question: str) -> None:
    toll = asked_toll(question)
    assert toll is not None and toll.injured == 1 and toll.vague
    chosen = level_for(POISON, toll_of(toll_param(question, {})) or toll)
    assert [lv["level"] for lv in chosen] == ["一级"]


def test_no_one_poisoned_is_still_no_casualty() -> None:
    toll = asked_toll("报警仪响了，还没有人中毒")
    assert toll is None or (toll.injured is None and toll.no_injuries)


def test_evacuating_the_neighbours_is_no_search_for_the_nearest_resource() -> None:
    assert _intent("华士镇一家厂的原料仓库着火，要疏散附近居民，几级响应，谁指挥") == "plan_for"
    assert _intent("华士镇离原料仓库最近的消防站在哪") == "nearest_resources"


CLASSES = [
    _lv("三级", "造成3人以上10人以下死亡，或者10人以上50人以下重伤的事故"),
    _lv("四级", "造成3人以下死亡，或者10人以下重伤的事故"),
]


def test_a_level_asked_of_an_account_with_no_toll_is_the_least_class() -> None:
    asked = toll_of(toll_param("烘干房里有个工人晕倒了叫不醒，启动几级响应", {}))
    assert asked is not None and [lv["level"] for lv in level_for(CLASSES, asked)] == ["四级"]
    # without a level asked nothing is narrowed: the answer lists every level
    assert toll_of(toll_param("烘干房里有个工人晕倒了叫不醒，用哪个预案", {})) is None


FLOOD = [
    _lv("四级", "河道水位达到警戒水位，或出现局部积水"),
    _lv("二级", "水位超过警戒水位0.5米，或大面积内涝需转移群众"),
]


def test_water_standing_in_places_meets_the_flood_plans_lowest_level() -> None:
    asked = toll_of(toll_param("雷阵雨下了一个钟头，仓库门口局部积水了，镇里按几级", {}))
    assert asked is not None and [lv["level"] for lv in level_for(FLOOD, asked)] == ["四级"]
    wide = toll_of(toll_param("整个工业园大面积进水，几级响应", {}))
    assert wide is not None and [lv["level"] for lv in level_for(FLOOD, wide)] == ["二级"]


def test_a_fire_still_inside_the_works_fails_a_level_beyond_it() -> None:
    town = [_lv("四级", "企业发生事故，但未造成人员死亡，影响未超出企业厂区的"),
            _lv("三级", "造成1至2人死亡，或者影响超出企业厂区的")]  # fmt: skip
    asked = toll_of(toll_param("木材厂着火，烟还在厂区里面，镇里几级响应", {}))
    assert asked is not None and [lv["level"] for lv in level_for(town, asked)] == ["四级"]


def test_people_hurt_by_smoke_and_taken_to_hospital_are_counted() -> None:
    toll = asked_toll("地下室起火，3名住户被浓烟呛伤送了医院")
    assert toll is not None and toll.injured == 3
