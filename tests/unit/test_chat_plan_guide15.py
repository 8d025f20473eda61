"""Planguide15 round: a levee in danger and a warning in force meet a flood plan's 启动条件; a lift stopped
with people in it is an incident; a crowd at an escalator's foot in a mall is the 商贸 sector's, not an
escalator accident. Worded unlike the eval lines."""

from __future__ import annotations

from agents.chat import plan_guide, plan_severity
from agents.chat.plan_sectors import asked_sectors
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question

GAZ = Gazetteer.from_towns(["周庄镇", "新桥镇", "月城镇", "华士镇"])

# A town flood plan as its levels are read (triggers in another town's words than the eval plans').
FLOOD = [
    {"level": "四级", "trigger": "河道水位达到警戒水位，或者出现局部积水", "commander": "防汛办主任"},
    {"level": "三级", "trigger": "水位超过警戒水位0.5米，或者暴雨黄色预警生效", "commander": "副镇长"},
    {"level": "二级", "trigger": "发布暴雨橙色预警，或者堤防出现险情", "commander": "镇长"},
    {"level": "一级", "trigger": "发布红色预警，或者发生圩堤决口", "commander": "镇党委书记"},
]


def _intent(question: str) -> str | None:
    return route(normalise_question(question), extract_slots(question, GAZ)).intent


def _types(question: str) -> list[str]:
    return list(plan_guide.slot_values(question).get("accident_types") or [])


def _level(question: str) -> list[str]:
    toll = plan_severity.toll_of(plan_severity.toll_param(question, {}))
    assert toll is not None
    return [str(lv["level"]) for lv in plan_severity.level_for(FLOOD, toll)]


# ---- a levee in danger, a breach ---------------------------------------------------------------------------
def test_a_levee_seeping_meets_the_level_of_a_levee_in_danger() -> None:
    assert _level("新桥镇西横河大堤出现渗漏，镇里启动几级响应") == ["二级"]
    assert _level("月城镇圩埂上发现管涌，几级响应，谁指挥") == ["二级"]


def test_a_breach_meets_the_top_level() -> None:
    assert _level("华士镇一段圩堤溃堤了，几级响应") == ["一级"]


def test_water_standing_in_places_stays_the_lowest_level() -> None:
    assert _level("周庄镇几个村的低洼处开始积水，几级响应") == ["四级"]


# ---- a warning in force ------------------------------------------------------------------------------------
def test_a_warning_in_force_meets_the_level_its_colour_triggers() -> None:
    assert _level("市气象台已经发布暴雨橙色预警，新桥镇启动几级响应") == ["二级"]
    assert _level("暴雨黄色预警刚生效，月城镇要不要启动防汛响应，启动几级") == ["三级"]


def test_another_colour_does_not_meet_a_colours_trigger() -> None:
    # a yellow warning in force: the orange and red triggers are not met, the yellow one is
    assert "二级" not in _level("新桥镇现在是暴雨黄色预警，几级响应")


def test_asking_when_a_colour_is_issued_states_no_warning() -> None:
    assert plan_severity.toll_param("周庄镇防汛黄色预警什么情况下发布", {}) == {}


# ---- a lift stopped with people inside ---------------------------------------------------------------------
def test_a_lift_stopped_with_people_inside_is_a_plan_question() -> None:
    assert (
        _intent("华士镇一栋写字楼的电梯卡在七楼和八楼之间，里面三个人出不来，谁负责，先做什么") == "plan_for"
    )
    assert "特种设备事故" in _types("月城镇医院的电梯突然不动了，轿厢里困着病人")


# ---- a crowd at an escalator's foot in a mall --------------------------------------------------------------
def test_a_crowd_at_an_escalator_in_a_mall_is_the_trade_sector_not_the_escalator() -> None:
    asked = asked_sectors("月城镇一家商业综合体的自动扶梯口顾客挤倒了好几个，几级响应")
    assert "商贸" in asked and "特种设备" not in asked
    assert "特种设备事故" not in _types("月城镇一家商业综合体的自动扶梯口顾客挤倒了好几个")


def test_an_escalator_that_fails_is_still_special_equipment() -> None:
    assert "特种设备" in asked_sectors("新桥镇百货大楼的自动扶梯突然倒转，有人摔伤")
    assert "特种设备事故" in _types("新桥镇百货大楼的自动扶梯突然倒转，有人摔伤")
