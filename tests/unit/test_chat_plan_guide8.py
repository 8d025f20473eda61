"""Planguide8 round: casualties said together (伤亡N人), vague counts and losses (几个人, 十几人, 几百万),
and the plan questions of that round's accident types."""

from __future__ import annotations

import pytest

from agents.chat import plan_details, plan_guide
from agents.chat.plan_sectors import asked_sectors
from agents.chat.plan_severity import Toll, asked_toll, level_for, toll_param
from agents.chat.slots import Gazetteer
from tests.support.plan_guide import intent_of, level_row, plan_row


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


def test_no_casualties_said_outright_meets_a_no_casualty_condition() -> None:
    toll = asked_toll("厂房着火了，暂时没有人员伤亡")
    assert toll is not None and toll.said() == "无人员伤亡" and toll.national_class() == "一般"
    levels = [
        level_row("二级", "发生火灾、爆炸，或造成1至2人死亡的"),
        level_row("三级", "发生泄漏未引发火灾、无人员伤亡的"),
    ]
    assert [lv["level"] for lv in level_for(levels, toll)] == ["三级"]
    lift = [
        level_row("三级", "发生造成人员死亡的一般事故时启动"),
        level_row("四级", "发生未造成人员死亡的一般事故或者困人故障时启动"),
    ]
    hurt = asked_toll("升降机卡在半空，里面的人都没受伤")
    assert hurt is not None and [lv["level"] for lv in level_for(lift, hurt)] == ["四级"]
    assert asked_toll("仓库着火，火势很大") is None  # nothing said of casualties


def test_a_death_said_of_one_person_or_by_how_it_came() -> None:
    assert (asked_toll("罐车翻了，驾驶员当场死亡") or Toll()).deaths == 1
    assert (asked_toll("脚手架倒下来砸死了两名工人") or Toll()).deaths == 2


def test_a_plan_whose_levels_fit_no_toll_shows_every_level() -> None:
    levels = [
        level_row("一级", "发生火灾爆炸事故时"),
        level_row("二级", "设施损坏、泄漏可控制时"),
        level_row("三级", "人员落水时"),
    ]
    toll = asked_toll("船撞坏了泊位，没有人受伤")
    assert toll is not None and [lv["level"] for lv in level_for(levels, toll)] == ["一级", "二级", "三级"]


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


def test_casualties_together_meet_a_plans_injury_condition() -> None:
    levels = [level_row("一级", "造成3人以上死亡的"), level_row("二级", "造成1至2人死亡或3人以上重伤的"),
              level_row("三级", "发生人员受伤、事态可控的")]  # fmt: skip
    toll = asked_toll("街道一家饭店煤气罐炸了，伤亡4人")
    assert toll is not None and [lv["level"] for lv in level_for(levels, toll)] == ["二级"]


def test_the_answer_states_the_casualties_as_read() -> None:
    question = "某镇一家厂粉尘爆炸，造成15人伤亡，谁指挥"
    params = plan_guide.slot_values(question) | toll_param(question, {})
    levels = [level_row("三级", "发生较大生产安全事故"), level_row("四级", "发生一般生产安全事故")]
    row = plan_row("A", "某镇工贸预案", levels, plan_type="专项", accident_types=["爆炸"])
    text = plan_guide.answer([row], params)
    assert "受伤15人" in text and "较大事故" in text and "三级指挥" in text and "四级指挥" not in text


# ---- which team or items a plan assigns --------------------------------------------------------------


@pytest.mark.parametrize(
    "question,wanted",
    [("燃气事故预案里调哪支抢修队，是哪家单位的", {"resources"}),
     ("防汛预案里镇上有哪些抢险物资", {"resources"}),
     ("危化预案里的救援队伍有哪些", {"resources"}),
     ("这份燃气预案是哪个部门发布的", {"issuer"})],
)  # fmt: skip
def test_teams_and_their_holders_are_resources_not_the_issuer(question: str, wanted: set[str]) -> None:
    assert plan_details.asked(question) == wanted


def test_a_resource_line_names_who_keeps_it() -> None:
    row = {"resources": [{"name": "抢修队", "quantity": 8, "unit": "人", "holder": "某燃气公司"}]}
    assert plan_details.lines(row, {"resources"}) == ["   应急物资：抢修队 8人（某燃气公司）"]


# ---- accidents of this round's kinds ------------------------------------------------------------------

TOWNS = Gazetteer.from_towns(["周庄镇", "申港街道", "新桥镇", "璜土镇"])


@pytest.mark.parametrize(
    "question",
    ["周庄镇一个工地的龙门吊倒了，怎么处置", "新桥镇有个厂的围墙倒下来压死了人，谁指挥",
     "申港街道一条驳船撞了趸船，谁负责"],
)  # fmt: skip
def test_a_fallen_structure_or_a_ship_strike_is_a_plan_question(question: str) -> None:
    assert intent_of(question, TOWNS) == "plan_for"


def test_a_tower_crane_is_lifting_machinery_on_a_building_site() -> None:
    question = "璜土镇工地上塔式起重机倒塌了，用哪个预案"
    assert {"特种设备", "建设施工"} <= asked_sectors(question)
    assert "坍塌" in (plan_guide.slot_values("工地塔吊倒了")["accident_types"] or [])
    assert "坍塌" not in (plan_guide.slot_values("车间里有人晕倒了")["accident_types"] or [])


def test_a_count_stored_as_a_float_is_shown_whole() -> None:
    row = {"resources": [{"name": "探伤仪", "quantity": 4.0, "unit": "台", "holder": None}]}
    assert plan_details.lines(row, {"resources"}) == ["   应急物资：探伤仪 4台"]


def test_a_one_class_accident_with_a_death_count_needs_the_deaths() -> None:
    levels = [level_row("三级", "发生一般事故，造成1人以上3人以下死亡，或事态可能扩大的"),
              level_row("四级", "发生泄漏、火灾等险情，未造成人员死亡，事态可控的")]  # fmt: skip
    calm = asked_toll("储罐区着火，没有人死亡，损失估计几十万")
    assert calm is not None and [lv["level"] for lv in level_for(levels, calm)] == ["四级"]
    dead = asked_toll("储罐区着火，烧死了一个工人")
    assert dead is not None and [lv["level"] for lv in level_for(levels, dead)] == ["三级"]
