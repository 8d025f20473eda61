"""Planguide14 round: a fall said as 摔下来 / 跌落 and a levee seeping (渗水, 管涌) are accidents a plan
covers — a plan question, typed 高处坠落 / 洪涝灾害, the flood sector asked. Worded unlike the eval lines."""

from __future__ import annotations

from agents.chat import plan_guide
from agents.chat.plan_sectors import asked_sectors
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question

GAZ = Gazetteer.from_towns(["周庄镇", "新桥镇", "月城镇", "华士镇"])


def _intent(question: str) -> str | None:
    return route(normalise_question(question), extract_slots(question, GAZ)).intent


def _types(question: str) -> list[str]:
    return list(plan_guide.slot_values(question).get("accident_types") or [])


# ---- a fall said as seen -----------------------------------------------------------------------------------
def test_a_fall_said_as_seen_with_a_reporting_question_is_a_plan_question() -> None:
    assert _intent("新桥镇一个工地有人从塔吊平台上摔下去了，施工方要多长时间内上报") == "plan_for"
    assert _intent("华士镇一家厂的电工从梯子上跌落，摔伤了腿，谁负责，先做什么") == "plan_for"


def test_a_fall_said_as_seen_is_a_fall_from_height() -> None:
    assert "高处坠落" in _types("月城镇一个小区外墙施工，工人从吊篮上摔下来了")
    assert "高处坠落" in _types("新桥镇厂房屋顶检修的工人跌落到地面")


def test_an_event_list_is_still_an_event_list() -> None:
    assert _intent("周庄镇最近有哪些事件") == "events_recent"


# ---- a levee seeping ---------------------------------------------------------------------------------------
def test_a_levee_seeping_is_a_flood_plan_question() -> None:
    assert _intent("月城镇东横河大堤渗水了，镇里谁负责，先干什么") == "plan_for"
    assert "洪涝灾害" in _types("月城镇东横河大堤渗水了，镇里谁负责")
    assert "洪涝灾害" in _types("新桥镇一段堤坝渗漏得厉害")


def test_piping_at_a_levee_is_a_flood() -> None:
    assert _intent("新桥镇圩埂出现管涌，要启动什么预案") == "plan_for"
    assert "洪涝灾害" in _types("新桥镇圩埂出现管涌")


def test_a_levee_names_the_flood_sector() -> None:
    assert "防汛防台" in asked_sectors("周庄镇河堤渗水了")
    assert "防汛防台" not in asked_sectors("周庄镇一家厂仓库漏雨渗水")
