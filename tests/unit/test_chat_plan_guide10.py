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


def test_the_shop_coping_meets_the_shop_level_not_the_company_one() -> None:
    firm = [_lv("二级", "发生泄漏、火灾等事故，依靠公司应急力量可以控制的"),
            _lv("三级", "事故限于单个岗位或设备，车间可以自行处置的")]  # fmt: skip
    asked = toll_of(toll_param("精馏塔回流泵漏料，车间自己处置得了，按几级响应", {}))
    assert asked is not None and [lv["level"] for lv in level_for(firm, asked)] == ["三级"]
    # an account that names no tier still meets a level held on the spot (guide9's 已控制住)
    post = [_lv("二级", "中量泄漏，公司能够自行处置的"), _lv("三级", "少量滴漏，岗位人员能够立即控制的")]
    held = toll_of(toll_param("法兰少量渗漏，已经紧固控制住了，几级响应", {}))
    assert held is not None and [lv["level"] for lv in level_for(post, held)] == ["三级"]


def _row(
    pid: str, title: str, unit: str, town: str | None, types: list[str], plan_type: str = "专项"
) -> dict[str, Any]:
    return {"id": pid, "title": title, "plan_type": plan_type, "issuing_unit": unit, "town": town,
            "enterprise_id": None, "towns": [town] if town else [], "enterprises": [], "accident_types": types,
            "asked_town": town, "resources": [], "levels": []}  # fmt: skip


ROAD_ROWS = [
    _row(
        "T",
        "青阳镇生产安全事故综合应急预案",
        "青阳镇人民政府",
        "青阳镇",
        ["危险化学品事故", "泄漏", "火灾"],
        "总体",
    ),
    _row(
        "R",
        "江阴市交通运输局道路危险货物运输事故应急预案",
        "江阴市交通运输局",
        None,
        ["泄漏", "火灾"],
        "部门",
    ),
    _row("H", "江阴市危险化学品事故专项应急预案", "江阴市人民政府办公室", None, ["危险化学品事故", "泄漏"]),
]


def test_a_tanker_on_a_road_is_not_a_town_plan_for_its_works() -> None:
    question = "青阳镇国道上一辆拉盐酸的槽罐车侧翻泄漏，用哪个预案"
    ids = [r["id"] for r in plan_guide.rank(ROAD_ROWS, plan_guide.slot_values(question), question)]
    assert set(ids) == {"R", "H"}
    # the same load spilt while unloading at a works is the town's accident
    works = "青阳镇一家化工厂卸车时盐酸槽罐车泄漏，用哪个预案"
    assert "T" in [r["id"] for r in plan_guide.rank(ROAD_ROWS, plan_guide.slot_values(works), works)]


def test_someone_taken_to_hospital_does_not_make_it_a_medical_question() -> None:
    rows = [
        _row("M", "江阴市商务局商贸流通领域安全事故应急预案", "江阴市商务局", None, ["火灾"], "部门"),
        _row(
            "W",
            "江阴市卫生健康委员会突发事件医疗卫生救援应急预案",
            "江阴市卫生健康委员会",
            None,
            ["火灾"],
            "部门",
        ),
    ]
    question = "一家超市仓库着火，3名员工被烟熏伤送往医院了，用哪个预案"
    assert [r["id"] for r in plan_guide.rank(rows, plan_guide.slot_values(question), question)] == ["M"]


def test_a_warning_asked_of_a_named_firm_reads_its_plan_whatever_types_it_lists() -> None:
    from agents.chat.plan_firm_warning import firm_warning_rows

    firm = _row(
        "F", "江阴澄华化工有限公司生产安全事故综合应急预案", "江阴澄华化工有限公司", None, ["火灾"], "总体"
    )
    city = _row("C", "江阴市水利农机局防汛防台应急预案", "江阴市水利农机局", None, ["台风"], "部门")
    params = {"accident_types": ["台风"]}
    wider_reads: list[dict[str, Any]] = []

    def read(p: dict[str, Any]) -> list[dict[str, Any]]:
        wider_reads.append(p)
        return [city, firm]

    got = firm_warning_rows([city], params, "台风来了，澄华化工公司厂里发几级预警", read)
    assert [r["id"] for r in got or []] == ["F"] and wider_reads[0]["accident_types"] is None
    assert firm_warning_rows([city], params, "台风来了，水利局发几级预警", read) is None
    assert firm_warning_rows([city], params, "台风来了，澄华化工公司谁指挥", read) is None


def test_a_warning_asked_for_a_wind_force_quotes_the_row_for_that_force() -> None:
    from agents.chat.plan_passages import quote

    sending = {
        "title": "某码头公司综合应急预案",
        "section": "3.2 预警发布",
        "text": "预警信息由应急领导小组组长批准后，通过对讲机和广播发布，预警条件消除后宣布解除预警。",
    }
    table = {"title": "某码头公司综合应急预案", "section": "3.1 预警分级",
             "text": "预警分为两级。预警等级|预警条件|发布人一级预警|港区风力预计达到11级及以上|总经理"
                     "二级预警|港区风力预计达到9至10级|安全总监"}  # fmt: skip
    line = quote([sending, table], "台风过境，港区风力要到11级，码头该发哪一级预警，谁发布")
    assert "3.1 预警分级" in line and "11级" in line
    # no force said: the first passage on the point, as before
    assert "3.2 预警发布" in quote([sending, table], "码头的预警由谁发布")
