"""Planguide19 round (development data: round 18's held-out misses and pg-341): a leak found on a round is
an incident, not a resource search; a finger caught in a machine is 机械伤害; cold, snow and ice are no
flood whatever plan is named; a follow-up asking the field command post or the teams to call in keeps the
accident; a 镇指挥部办公室 gives its 指挥部 the short name 镇指挥部. Worded unlike the eval lines."""

from __future__ import annotations

from typing import Any

import pytest

from agents.chat import plan_details, plan_guide
from agents.chat.models import TurnState
from agents.chat.plan_followup import restate
from agents.chat.plan_seen import seen_types
from agents.chat.plan_weather import COLD_TYPE
from agents.chat.router import route
from agents.chat.slots import Gazetteer, Slots
from graph import plan_chiefs


# ---- a leak found on a round ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "report",
    [
        "巡检的看到罐区边上有个铁桶在漏",
        "车间地上流了一地不知道什么液体",
        "库房里气味特别冲",
        "一桶稀料漏出来了",
    ],
)
def test_a_leak_said_as_found_is_a_leak(report: str) -> None:
    assert "泄漏" in seen_types(report)


@pytest.mark.parametrize("said", ["罐子没在漏", "这个月漏报了两次", "食堂今天味道不错"])
def test_no_leak_said_is_none(said: str) -> None:
    assert "泄漏" not in seen_types(said)


def test_a_store_leaking_with_a_level_asked_is_the_plan_not_the_nearest_store() -> None:
    slots = Slots(resource_kind="warehouse", town="璜土镇")
    asked = "璜土镇一家厂的原料仓库里有个罐子在漏，没人受伤，这种算几级，谁来指挥"
    assert route(asked, slots).intent == "plan_for"
    assert route("璜土镇一家仓库出事了，镇里几级响应", slots).intent == "plan_for"


def test_the_nearest_store_is_still_a_resource_search() -> None:
    slots = Slots(resource_kind="warehouse", town="璜土镇")
    assert route("璜土镇最近的应急仓库在哪", slots).intent == "nearest_resources"
    assert route("璜土镇有哪些应急仓库", slots).intent == "nearest_resources"


# ---- a hand caught in a machine ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "said", ["一个女工的手指被冲压机夹断了", "袖子卷到滚筒里胳膊绞进去了", "操作工的手被轧机轧断"]
)
def test_a_limb_caught_in_a_machine_is_a_mechanical_injury(said: str) -> None:
    types = plan_guide.slot_values(f"{said}，按哪个预案，几级响应")["accident_types"] or []
    assert "机械伤害" in types


def test_a_limb_caught_in_a_machine_routes_to_the_plan() -> None:
    assert route("五金厂一个工人的手指被冲床压断了，几级响应，谁指挥", Slots()).intent == "plan_for"


# ---- cold, snow and ice ------------------------------------------------------------------------------------
def test_snow_and_ice_asked_of_the_flood_plan_read_no_flood() -> None:
    types = plan_guide.slot_values("后天有冻雨，路面结冰，防汛的预案要不要启动")["accident_types"] or []
    assert COLD_TYPE in types and "洪涝灾害" not in types and "台风" not in types


def test_rain_and_snow_together_keep_the_flood() -> None:
    types = plan_guide.slot_values("暴雨转大雪，村里已经积水了，用哪个预案")["accident_types"] or []
    assert COLD_TYPE in types and "洪涝灾害" in types


def test_a_cold_tank_is_no_cold_weather() -> None:
    types = plan_guide.slot_values("低温储罐泄漏了，用哪个预案")["accident_types"] or []
    assert COLD_TYPE not in types


FLOOD_PLAN = {"id": "f", "title": "某镇防汛防台应急预案", "plan_type": "专项", "issuing_unit": "某镇人民政府",
              "town": "某镇", "asked_town": "某镇", "accident_types": ["洪涝灾害", "台风"]}  # fmt: skip
ALL_HAZARDS = {"id": "a", "title": "某街道突发事件总体应急预案", "plan_type": "总体",
               "issuing_unit": "某街道办事处", "town": "某镇", "asked_town": "某镇", "accident_types": ["火灾"]}  # fmt: skip


def test_no_flood_plan_is_offered_for_a_snowstorm() -> None:
    question = "某镇暴雪橙色预警，防汛防台那个预案能不能用"
    params = plan_guide.slot_values(question)
    assert plan_guide.rank([FLOOD_PLAN], params, question) == []
    # a 突发事件总体 plan covers every emergency of its place, snow included
    assert [r["id"] for r in plan_guide.rank([FLOOD_PLAN, ALL_HAZARDS], params, question)] == ["a"]


def test_snow_routes_to_the_plan() -> None:
    assert route("镇上下暴雪了，大棚压塌了好几个，用哪个预案", Slots()).intent == "plan_for"


# ---- a follow-up asking the command post or the teams ------------------------------------------------------
GAZ = Gazetteer.from_towns(["华士镇", "璜土镇"])
EARLIER = TurnState(question="华士镇一家纺织厂的仓库起火了，用哪个预案", intent="plan_for")


@pytest.mark.parametrize(
    "follow",
    ["指挥部设在什么地方？", "要派哪些抢险队伍去增援？", "周边群众要不要疏散？", "需要调什么物资过去"],
)
def test_the_command_post_teams_or_evacuation_keep_the_accident(follow: str) -> None:
    assert restate(follow, EARLIER, GAZ) == f"{EARLIER.question.rstrip('？')}，{follow}"


@pytest.mark.parametrize("follow", ["最近的消防站在哪", "附近有没有医院", "离厂子最近的救援队是哪支"])
def test_a_resource_asked_by_distance_is_a_question_of_its_own(follow: str) -> None:
    assert restate(follow, EARLIER, GAZ) is None


def test_teams_to_call_in_are_asked_of_the_plan() -> None:
    assert "resources" in plan_details.asked(f"{EARLIER.question}，要派哪些抢险队伍去增援？")


# ---- the short name of the deciding body ------------------------------------------------------------------
class _Store:
    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows

    def read(self, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        return [r for r in self.rows if r["plan_id"] in params["plan_ids"]]


def test_a_one_character_level_before_the_body_gives_its_short_name() -> None:
    store = _Store([
        {"plan_id": "p", "unit_id": "p/ou0", "unit": "某区生产安全事故应急指挥部",
         "duties": ["决定启动和终止区级应急响应"], "sub_units": ["区指挥部办公室", "抢险救援组"]},
    ])  # fmt: skip
    rows = plan_chiefs.with_starters(store, [{"id": "p", "title": "某区生产安全事故应急预案"}])
    assert rows[0]["starters"][0]["short"] == "区指挥部"
    assert "区指挥部" in "\n".join(plan_details.lines(rows[0], {"starter"}))


def test_an_office_named_by_the_body_alone_gives_no_short_name() -> None:
    store = _Store([
        {"plan_id": "p", "unit_id": "p/ou0", "unit": "某园区危险化学品事故应急指挥部",
         "duties": ["决定启动、调整和终止应急响应"], "sub_units": ["指挥部办公室"]},
    ])  # fmt: skip
    rows = plan_chiefs.with_starters(store, [{"id": "p", "title": "某园区危险化学品事故专项应急预案"}])
    assert rows[0]["starters"][0]["short"] == ""
