"""Planguide7 round: a level said by the toll (死了N个人, N人受伤, 损失X万), accidents said by what happened,
natural disasters beside production accidents, one-piece questions."""

from __future__ import annotations

from typing import Any

import pytest

from agents.chat import plan_details, plan_guide
from agents.chat.plan_sectors import asked_sectors
from agents.chat.plan_severity import Toll, asked_toll, level_for, number, toll_param
from agents.chat.slots import Gazetteer
from graph.plan_chiefs import with_heads
from tests.support.plan_guide import intent_of, level_row, plan_row


@pytest.mark.parametrize(
    "question,toll",
    [("青阳一家厂锅炉爆了，死了三个人", Toll(3)),
     ("仓库倒塌，2名工人死亡，5人受伤", Toll(2, 5)),
     ("化工厂闪爆，造成一死两伤", Toll(1, 2)),
     ("车间着火，二十多人被烧伤送医", Toll(None, 20)),
     ("中毒了7个人，还有2个轻伤", Toll(None, 7)),
     ("火烧了一夜，直接经济损失1200万元", Toll(None, None, 1200)),
     ("厂房全烧了，损失估计有六千多万", Toll(None, None, 6000)),
     ("听说损失上亿", Toll(None, None, 10000)),
     ("有人死亡了，还有几个受伤的", Toll(1, 2, vague=True)), ("受伤的有12个", Toll(None, 12)), ("估计损失过亿", Toll(None, None, 10000)),
     ("一级响应谁指挥", None), ("两个车间着火了", None), ("3号罐泄漏", None)],
)  # fmt: skip
def test_the_toll_a_question_states(question: str, toll: Toll | None) -> None:
    assert asked_toll(question) == toll


@pytest.mark.parametrize("text,value", [("12", 12), ("两", 2), ("十", 10), ("二十三", 23), ("三千", 3000)])
def test_numbers_in_words(text: str, value: float) -> None:
    assert number(text) == value


@pytest.mark.parametrize(
    "toll,grade",
    [(Toll(2), "一般"), (Toll(3), "较大"), (Toll(None, 9), "一般"), (Toll(None, 12), "较大"),
     (Toll(None, 60), "重大"), (Toll(None, None, 800), "一般"), (Toll(None, None, 4000), "较大"),
     (Toll(None, None, 20000), "特别重大"), (Toll(1, 55, None), "重大"), (Toll(31), "特别重大")],
)  # fmt: skip
def test_the_national_class_is_the_highest_any_figure_reaches(toll: Toll, grade: str) -> None:
    assert toll.national_class() == grade


# A plan that writes its own casualty conditions (three levels, none of them the national classes).
OWN = [level_row("一级", "造成5人以上死亡的，或需要市里统一处置的"), level_row("二级", "造成1至4人死亡或5人以上重伤的"),
       level_row("三级", "有人员受伤、事态可控的")]  # fmt: skip
# A plan whose levels are the national classes.
NATIONAL = [level_row("一级", "发生特别重大生产安全事故"), level_row("二级", "发生重大生产安全事故"),
            level_row("三级", "发生较大生产安全事故，或者一般生产安全事故有扩大趋势时"),
            level_row("四级", "发生一般生产安全事故，事发单位无法有效处置时")]  # fmt: skip
COUNTED = [
    level_row("三级", "造成3人以上10人以下死亡的"),
    level_row("四级", "造成3人以下死亡或者10人以下重伤，未造成人员死亡的除外"),
]


@pytest.mark.parametrize(
    "levels,toll,level",
    [(OWN, Toll(2), "二级"), (OWN, Toll(6), "一级"), (OWN, Toll(None, 2), "三级"), (OWN, Toll(None, 8), "二级"),
     (NATIONAL, Toll(1), "四级"), (NATIONAL, Toll(None, 15), "三级"), (NATIONAL, Toll(None, None, 2000), "三级"),
     (NATIONAL, Toll(12), "二级"), (COUNTED, Toll(5), "三级"), (COUNTED, Toll(1), "四级")],
)  # fmt: skip
def test_the_level_is_the_plans_own_condition_else_the_national_class(
    levels: list[dict[str, Any]], toll: Toll, level: str
) -> None:
    assert [lv["level"] for lv in level_for(levels, toll)] == [level]


def test_a_condition_that_excludes_deaths_is_not_met_by_a_death() -> None:
    levels = [level_row("二级", "造成1人以上死亡的"), level_row("四级", "发生事故但未造成人员死亡的")]
    assert [lv["level"] for lv in level_for(levels, Toll(1))] == ["二级"]


# ---- the answer: each plan's level for the toll ------------------------------------------------------


def test_the_answer_shows_the_level_each_plan_sets_for_the_toll() -> None:
    question = "某镇一家厂锅炉房爆炸，两人遇难，谁来指挥"
    params = plan_guide.slot_values(question) | toll_param(question, {})
    text = plan_guide.answer(
        [plan_row("A", "某镇突发事件总体应急预案", OWN), plan_row("B", "某市工贸预案", NATIONAL)], params
    )
    assert "二级指挥" in text and "一级指挥" not in text and "三级指挥" not in text  # its own 1至4人死亡
    assert "四级指挥" in text  # the national class 一般 where the plan writes only classes
    assert "死亡2人" in text and "一般事故" in text


def test_a_level_said_wins_over_the_toll() -> None:
    assert (
        toll_param("死了三个人，启动二级响应谁指挥", plan_guide.slot_values("死了三个人，启动二级响应谁指挥"))
        == {}
    )


# ---- accidents said by what is seen; routing ---------------------------------------------------------

TOWNS = Gazetteer.from_towns(["周庄镇", "夏港街道", "新桥镇", "璜土镇"])


@pytest.mark.parametrize(
    "question,kind",
    [("新桥镇一家服装厂仓库里纸箱在冒烟，用哪个预案", "火灾"),
     ("夏港街道昨晚下大雨，好几户人家被淹了，按哪个预案", "洪涝灾害"),
     ("新桥镇一家厂的地下室进水了，启动哪个预案", "洪涝灾害")],
)  # fmt: skip
def test_an_accident_said_by_what_is_seen_is_a_plan_question_of_its_type(question: str, kind: str) -> None:
    assert intent_of(question, TOWNS) == "plan_for"
    assert kind in (plan_guide.slot_values(question)["accident_types"] or [])


def test_water_coming_in_names_the_flood_sector() -> None:
    assert "防汛防台" in asked_sectors("厂区地势低，车间里水漫进来半米深")


@pytest.mark.parametrize(
    "question",
    ["璜土镇一家化工厂爆炸，3名工人被烧伤送医院了，谁来指挥，先干什么",
     "新桥镇一家厂的仓库着火了，谁负责指挥",
     "夏港街道一家化工企业发生泄漏，应急总指挥是谁",
     "周庄镇出了生产安全事故，镇里谁是总指挥"],
)  # fmt: skip
def test_a_hospital_or_warehouse_in_an_accident_account_is_no_resource_search(question: str) -> None:
    assert intent_of(question, TOWNS) == "plan_for"


def test_the_nearest_hospital_is_still_a_resource_search() -> None:
    question = "璜土镇化工厂有人烧伤了，最近的医院在哪"
    assert intent_of(question, TOWNS) == "nearest_resources"


# ---- a standing building's collapse is no construction collapse --------------------------------------

TOWN_SAFETY = plan_row("T", "某镇生产安全事故应急预案", [], plan_type="专项",
                    accident_types=["火灾", "建筑施工事故", "坍塌"])  # fmt: skip
RETAIL = plan_row("R", "江阴市商务局商贸流通领域安全事故应急预案", [], plan_type="部门", town=None, asked_town=None,
               issuing_unit="江阴市商务局", accident_types=["火灾", "坍塌"])  # fmt: skip


def test_a_works_building_that_fell_is_not_the_town_plans_construction_collapse() -> None:
    ranked = [
        r["id"]
        for r in plan_guide.rank(
            [TOWN_SAFETY], plan_guide.slot_values("某镇一家厂的仓库塌了"), "某镇一家厂的仓库塌了"
        )
    ]
    assert ranked == []
    said = "某镇一个工地脚手架塌了，用哪个预案"
    assert [r["id"] for r in plan_guide.rank([TOWN_SAFETY], plan_guide.slot_values(said), said)] == ["T"]
    mall = "某镇一家商场的吊顶塌了"
    assert [r["id"] for r in plan_guide.rank([RETAIL], plan_guide.slot_values(mall), mall)] == ["R"]


# ---- the head of a plan's command --------------------------------------------------------------------


class _Store:
    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return [r for r in self.rows if r["plan_id"] in (params or {}).get("plan_ids", [])]


def test_the_head_of_the_command_is_its_top_units_chief_post() -> None:
    store = _Store([
        {"plan_id": "A", "unit_id": "A/v1/ou3", "unit": "领导小组", "role_id": "A/v1/ou3/r0", "title": "组长", "holder": "分管副镇长"},
        {"plan_id": "A", "unit_id": "A/v1/ou0", "unit": "镇应急指挥部", "role_id": "A/v1/ou0/r0", "title": "总指挥", "holder": "镇长"},
        {"plan_id": "B", "unit_id": "B/v1/ou0", "unit": "防汛指挥部", "role_id": "B/v1/ou0/r0", "title": "指挥", "holder": None},
    ])  # fmt: skip
    rows = with_heads(store, [{"id": "A"}, {"id": "B"}])
    assert rows[0]["heads"][0] == {"unit": "镇应急指挥部", "title": "总指挥", "holder": "镇长"}
    assert rows[1]["heads"] == []  # a role with no holder read names nobody
    assert plan_details.asked("那镇里谁当总指挥") == {"head"}
    assert plan_details.lines(rows[0], {"head"})[0] == "   总指挥：镇长（镇应急指挥部）"
    assert plan_details.lines(rows[1], {"head"}) == ["   总指挥：预案中未写明"]
