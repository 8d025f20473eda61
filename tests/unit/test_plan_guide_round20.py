"""Planguide20 round (development data: round 19's held-out misses and pg-353): a finger or limb cut off or
broken is a serious injury; a flood level named by its warning colour is met by that colour in force; a
flood plan's rainfall and water-level thresholds are compared with the readings said; a crowd crush said by
what it did is an accident, so its reporting question is the plan's, not a hospital search. Worded unlike
the eval lines."""

from __future__ import annotations

from typing import Any

import pytest

from agents.chat import plan_measures
from agents.chat.plan_severity import asked_toll, level_for, toll_of, toll_param
from agents.chat.router import route
from agents.chat.slots import Slots


def _level(question: str, levels: list[dict[str, Any]]) -> list[str]:
    toll = toll_of(toll_param(question, {}))
    assert toll is not None
    return [str(lv["level"]) for lv in level_for(levels, toll)]


# ---- a limb or finger lost or broken ----------------------------------------------------------------------
_BY_INJURIES = [
    {"level": "一级", "name": "Ⅰ级", "trigger": "造成3人以上死亡或10人以上重伤"},
    {"level": "二级", "name": "Ⅱ级", "trigger": "造成1至2人死亡或3至9人重伤"},
    {"level": "三级", "name": "Ⅲ级", "trigger": "造成1至2人重伤"},
]


@pytest.mark.parametrize(
    "said",
    ["包装机把她的手掌切断了", "断了一根指头", "从梯子上摔下来小腿骨折", "他的胳膊被滚筒绞断"],
)
def test_a_limb_cut_off_or_broken_is_one_serious_injury(said: str) -> None:
    toll = asked_toll(f"{said}，几级响应")
    assert toll is not None and toll.injured == 1
    assert _level(f"{said}，几级响应", _BY_INJURIES) == ["三级"]


@pytest.mark.parametrize("said", ["手机断了信号", "脚手架断了一根横杆", "拍了片子没有骨折", "电缆断了"])
def test_no_limb_lost_is_no_injury(said: str) -> None:
    toll = asked_toll(said)
    assert toll is None or not toll.injured


# ---- a flood level named by its warning colour -------------------------------------------------------------
_BY_COLOUR_NAME = [
    {"level": "一级", "name": "Ⅰ级响应（红色）", "trigger": "发布一级预警，或发生圩堤决口"},
    {"level": "二级", "name": "Ⅱ级响应（橙色）", "trigger": "发布二级预警"},
    {"level": "三级", "name": "Ⅲ级响应（黄色）", "trigger": "发布三级预警"},
    {"level": "四级", "name": "Ⅳ级响应（蓝色）", "trigger": "发布四级预警"},
]


@pytest.mark.parametrize(
    ("said", "level"), [("台风黄色预警已经生效", "三级"), ("暴雨红色预警发布了", "一级")]
)
def test_a_warning_colour_in_force_meets_the_level_named_by_it(said: str, level: str) -> None:
    assert _level(f"{said}，村里该按几级响应", _BY_COLOUR_NAME) == [level]


def test_a_question_about_when_a_colour_is_issued_chooses_no_level_by_it() -> None:
    toll = toll_of(toll_param("橙色预警什么情况下发布", {}))
    assert toll is None or not toll.facts.get("warning_orange")


# ---- rainfall and water above the warning mark --------------------------------------------------------------
_BY_READINGS = [
    {"level": "一级", "name": "Ⅰ级响应", "trigger": "水位超过历史最高或发生堤防决口"},
    {"level": "二级", "name": "Ⅱ级响应", "trigger": "水位超过警戒水位0.6米或发生较大险情"},
    {"level": "三级", "name": "Ⅲ级响应", "trigger": "水位超过警戒水位0.3米或预报日降雨量100毫米以上"},
    {"level": "四级", "name": "Ⅳ级响应", "trigger": "水位达到警戒水位或预报日降雨量50毫米以上"},
]


@pytest.mark.parametrize(
    ("said", "level"),
    [
        ("预计今天降雨量达到一百二十毫米", "三级"),
        ("今晚雨量可能有70mm", "四级"),
        ("河里水位超出警戒水位40厘米", "三级"),
        ("水位已经超警戒水位0.8米了", "二级"),
    ],
)
def test_a_reading_said_meets_the_levels_it_reaches(said: str, level: str) -> None:
    assert _level(f"{said}，应该启动几级响应", _BY_READINGS) == [level]


def test_readings_are_read_in_metres_and_millimetres() -> None:
    assert plan_measures.readings("超过警戒水位半米多，降水量80毫米") == {
        "rain_mm": 80.0,
        "above_mark_m": 0.5,
    }
    assert plan_measures.readings("水位达到警戒水位") == {"above_mark_m": 0.0}
    assert plan_measures.readings("仓库里放了200毫米的钢管") == {}


def test_a_reading_short_of_the_threshold_contradicts_it() -> None:
    assert plan_measures.clause_met("预报日降雨量100毫米以上", {"rain_mm": 60.0}) is False
    assert plan_measures.clause_met("预报日降雨量100毫米以上", {"above_mark_m": 1.0}) is None


# ---- a crowd crush said by what it did ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "asked",
    [
        "幼儿园放学时门口人挤人，挤伤了3个孩子，都送医院了，几分钟内要报上去，向哪个部门报告",
        "商场促销时扶梯口挤倒好几个顾客，送到医院了，要多久报告给商务局",
    ],
)
def test_a_crowd_crush_reporting_question_is_the_plans(asked: str) -> None:
    assert route(asked, Slots(resource_kind="medical", town="澄江街道")).intent == "plan_for"


def test_the_nearest_hospital_is_still_a_resource_search() -> None:
    assert route("离澄江街道最近的医院在哪", Slots(resource_kind="medical", town="澄江街道")).intent == (
        "nearest_resources"
    )


def test_a_rain_reading_alone_is_a_flood() -> None:
    from agents.chat import plan_guide

    types = plan_guide.slot_values("天气预报后天降水量150毫米，村里按什么预案准备")["accident_types"] or []
    assert "洪涝灾害" in types
    assert "洪涝灾害" not in (plan_guide.slot_values("今年雨量偏少，有没有抗旱预案")["accident_types"] or [])


# ---- the caller says he is on duty --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "asked",
    [
        "我是园区管委会值班的，一家厂的硫酸罐漏了一点，已经堵住了，园区这边算几级，先做什么",
        "今晚我值班，码头上一条驳船起火了，几级响应，谁指挥",
    ],
)
def test_a_caller_on_duty_asking_an_accident_asks_the_plan(asked: str) -> None:
    assert route(asked, Slots()).intent == "plan_for"


@pytest.mark.parametrize("asked", ["今晚开发区谁值班", "我是值班的，明天谁带班"])
def test_a_roster_question_is_still_the_roster(asked: str) -> None:
    assert route(asked, Slots()).intent == "duty_now"
