"""Planguide8 round: casualties said together (伤亡N人), vague counts and losses (几个人, 十几人, 几百万),
and the plan questions of that round's accident types."""

from __future__ import annotations

from typing import Any

import pytest

from agents.chat import plan_guide
from agents.chat.plan_severity import Toll, asked_toll, level_for, toll_param


@pytest.mark.parametrize(
    "question,deaths,injured",
    [("青阳一家厂车间爆燃，造成7人伤亡", None, 7),
     ("仓库倒了，伤亡人数达到11人", None, 11),
     ("锅炉房炸了，伤亡6人，其中死亡1人", 1, 5),
     ("化工厂爆炸，2死4伤", 2, 4)],
)  # fmt: skip
def test_casualties_said_together_are_hurt_unless_deaths_are_said(
    question: str, deaths: int | None, injured: int | None
) -> None:
    toll = asked_toll(question)
    assert toll is not None and (toll.deaths, toll.injured) == (deaths, injured)


def test_no_casualties_said_is_no_toll() -> None:
    assert asked_toll("厂房着火了，暂时没有人员伤亡") is None


@pytest.mark.parametrize(
    "question,loss,said",
    [("火烧了一上午，损失估计有好几百万", 100, "损失几百万元"),
     ("仓库里的货全烧了，数千万的损失", 1000, "损失数千万元"),
     ("设备炸坏了，大概几十万元的经济损失", 10, "损失几十万元"),
     ("造成800万元直接经济损失", 800, "损失约800万元")],
)  # fmt: skip
def test_a_vague_loss_is_read_at_its_least_and_shown_as_said(question: str, loss: float, said: str) -> None:
    toll = asked_toll(question)
    assert toll is not None and toll.loss_wan == loss and toll.said() == said


def test_a_few_hundred_ten_thousands_stays_below_the_larger_class() -> None:
    toll = asked_toll("损失了几百万，没有人受伤")
    assert toll is not None and toll.national_class() == "一般"
    toll = asked_toll("初步估计几千万的损失")
    assert toll is not None and toll.national_class() == "较大"


@pytest.mark.parametrize(
    "question,injured,grade",
    [("冷库氨气泄漏，有几个工人中毒了", 2, "一般"),
     ("车间爆燃，十几个人被烧伤", 10, "较大"),
     ("几十个人中毒，都送医院了", 20, "较大")],
)  # fmt: skip
def test_a_vague_count_is_read_at_its_least(question: str, injured: int, grade: str) -> None:
    toll = asked_toll(question)
    assert toll is not None and toll.injured == injured and toll.national_class() == grade
    assert f"受伤至少{injured}人" in toll.said()


def _lv(level: str, trigger: str) -> dict[str, Any]:
    return {"level": level, "name": level, "trigger": trigger, "commander": f"{level}指挥", "actions": ["赶赴现场"]}


def test_casualties_together_meet_a_plans_injury_condition() -> None:
    levels = [_lv("一级", "造成3人以上死亡的"), _lv("二级", "造成1至2人死亡或3人以上重伤的"),
              _lv("三级", "发生人员受伤、事态可控的")]  # fmt: skip
    toll = asked_toll("街道一家饭店煤气罐炸了，伤亡4人")
    assert toll is not None and [lv["level"] for lv in level_for(levels, toll)] == ["二级"]


def test_the_answer_states_the_casualties_as_read() -> None:
    question = "某镇一家厂粉尘爆炸，造成15人伤亡，谁指挥"
    params = plan_guide.slot_values(question) | toll_param(question, {})
    row = {"id": "A", "title": "某镇工贸预案", "plan_type": "专项", "issuing_unit": "某镇人民政府", "town": "某镇",
           "enterprise_id": None, "towns": [], "enterprises": [], "accident_types": ["爆炸"], "asked_town": "某镇",
           "resources": [], "levels": [_lv("三级", "发生较大生产安全事故"), _lv("四级", "发生一般生产安全事故")]}  # fmt: skip
    text = plan_guide.answer([row], params)
    assert "受伤15人" in text and "较大事故" in text and "三级指挥" in text and "四级指挥" not in text
