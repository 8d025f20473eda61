"""Planguide5 round: plan questions at a road the graph lacks, firm tiers (车间级), a firm's 字号 after its
town, a village's plan, escalators and paint, who issued a plan and what it lists, follow-ups."""

from __future__ import annotations

from typing import Any

import pytest

from agents.chat import plan_details, plan_firm_tiers, plan_guide
from agents.chat.models import TurnState
from agents.chat.places import unknown_place
from agents.chat.plan_followup import restate
from agents.chat.plan_sectors import asked_sectors
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question

TOWNS = Gazetteer.from_towns(["华士镇", "周庄镇", "申港街道", "澄江街道"])


@pytest.mark.parametrize(
    "question",
    [
        "沿江高速上一辆油罐车侧翻起火，先做什么",
        "人民路上一辆货车撞倒了骑车的人，按什么预案处置",
        "小朋友上学路上被电动车撞了，有没有对应的预案",
        "中山公园发生踩踏事故了，谁指挥",
    ],
)
def test_a_plan_question_at_a_road_the_graph_lacks_is_routed_not_refused(question: str) -> None:
    slots = extract_slots(question, TOWNS)
    assert unknown_place(question, slots) is None
    assert route(normalise_question(question), slots).intent == "plan_for"


@pytest.mark.parametrize(
    "question,place", [("滨江大道附近有什么危险源", "滨江大道"), ("和平路上有几家加油站", "和平路")]
)
def test_a_records_question_at_such_a_road_is_still_named_back(question: str, place: str) -> None:
    assert unknown_place(question, extract_slots(question, TOWNS)) == place


# ---- firm tiers: 公司级 / 车间级 / 班组级 ------------------------------------------------------------------


def _level(level: str, name: str, commander: str) -> dict[str, Any]:
    return {
        "level": level,
        "name": name,
        "commander": commander,
        "actions": [f"{commander}到场"],
        "trigger": "",
    }


def _plan(pid: str, title: str, unit: str, **kw: Any) -> dict[str, Any]:
    return {"id": pid, "title": title, "plan_type": kw.pop("plan_type", "专项"), "issuing_unit": unit,
            "town": None, "enterprise_id": None, "towns": [], "enterprises": [], "accident_types": ["火灾"],
            "levels": [], "asked_town": None, "resources": []} | kw  # fmt: skip


@pytest.mark.parametrize(
    "question,tier",
    [("岗位级响应由谁负责", "班组级"), ("启动厂级响应后先做什么", "公司级"), ("部门级响应谁指挥", "车间级")],
)
def test_a_tier_said_is_asked_as_that_tier(question: str, tier: str) -> None:
    values = plan_guide.slot_values(question)
    assert values["response_tier"] == tier and values["response_level"] is None


def test_the_tier_is_the_level_whose_name_holds_it_whatever_its_number() -> None:
    two_tier = [
        _level("一级", "一级响应（公司级）", "总经理"),
        _level("二级", "二级响应（车间级）", "车间主任"),
    ]
    reversed_ = [_level("一级", "班组级响应", "班组长"), _level("三级", "公司级响应", "总经理")]
    plain = [_level("一级", "一级响应", "总经理"), _level("二级", "二级响应", "副总经理")]
    assert [lv["commander"] for lv in plan_firm_tiers.tier_levels(two_tier, "车间级")] == ["车间主任"]
    assert [lv["commander"] for lv in plan_firm_tiers.tier_levels(reversed_, "公司级")] == ["总经理"]
    assert [lv["commander"] for lv in plan_firm_tiers.tier_levels(plain, "车间级")] == [
        "副总经理"
    ]  # the usual mapping
    assert plan_firm_tiers.tier_levels(two_tier, "班组级") == []  # tiers named, not this one


def test_the_answer_gives_the_tier_asked_with_its_commander_and_measures() -> None:
    row = _plan("P", "江阴某某五金有限公司综合应急预案", "江阴某某五金有限公司",
                levels=[_level("一级", "公司级响应", "总经理"), _level("二级", "车间级响应", "车间主任")])  # fmt: skip
    text = plan_guide.answer([row], plan_guide.slot_values("某某五金车间级响应谁指挥"))
    assert "车间级响应：" in text and "指挥：车间主任" in text and "总经理" not in text


# ---- a firm's 字号 after its town, a village's plan, sector words -------------------------------------------
def test_a_firm_whose_name_starts_with_its_town_is_named_by_its_zihao() -> None:
    row = _plan(
        "P", "江阴周庄华美五金制品有限公司综合应急预案", "江阴周庄华美五金制品有限公司", town="周庄镇"
    )
    assert plan_guide.names_issuer(row, "华美五金电镀线着火了谁指挥")
    chem = _plan("P2", "江阴华晟精细化工有限公司泄漏预案", "江阴华晟精细化工有限公司", town="华士镇")
    assert not plan_guide.names_issuer(chem, "一家精细化工企业泄漏")  # the trade alone names no firm


def test_a_village_plan_is_listed_first_when_its_village_is_named() -> None:
    card = _plan("V", "周庄镇长寿村防汛防台应急预案（明白卡）", "周庄镇长寿村村民委员会", town="周庄镇",
                 accident_types=["洪涝灾害"])  # fmt: skip
    city = _plan("C", "江阴市水利农机局防汛防台应急预案", "江阴市水利农机局", accident_types=["洪涝灾害"])
    question = "长寿村涨水了，村里按什么预案"
    ranked = plan_guide.rank([city, card], plan_guide.slot_values(question), question)
    assert [r["id"] for r in ranked] == ["V", "C"]
    assert "（专项，周庄镇）" in plan_guide.answer(ranked, {})  # a village's card, not "本企业"


@pytest.mark.parametrize(
    "question,sector",
    [
        ("商场自动扶梯夹脚", "特种设备"),
        ("涂料仓库冒烟起火", "危化品"),
        ("后山树林烧起来了", "森林"),
        ("村口河道涨水", "防汛防台"),
    ],
)
def test_spoken_sector_words(question: str, sector: str) -> None:
    assert sector in asked_sectors(question)


def test_an_escalator_in_a_mall_is_the_special_equipment_plan_not_the_mall_sector_plan() -> None:
    special = _plan("S", "江阴市市场监督管理局特种设备事故应急预案", "江阴市市场监督管理局",
                    accident_types=["特种设备事故"], plan_type="部门")  # fmt: skip
    mall = _plan("M", "江阴市商务局商贸流通领域安全事故应急预案", "江阴市商务局", plan_type="部门")
    question = "超市扶梯突然停了有人摔倒，用哪个预案"
    ranked = plan_guide.rank([mall, special], plan_guide.slot_values(question), question)
    assert [r["id"] for r in ranked] == ["S"]


# ---- who issued it, what it lists ---------------------------------------------------------------------------
def test_issuer_and_resources_asked_are_written_under_the_plan() -> None:
    question = "这个防汛预案是哪家单位印发的，储备了什么物资"
    assert plan_details.asked(question) == {"issuer", "resources"}
    row = _plan("P", "某镇防汛防台应急预案", "某镇人民政府",
                resources=[{"name": "冲锋舟", "quantity": 2.0, "unit": "艘"}, {"name": "沙袋", "quantity": None, "unit": None}])  # fmt: skip
    text = plan_guide.answer([row], plan_guide.slot_values(question))
    assert "发布单位：某镇人民政府" in text and "冲锋舟 2艘" in text and "沙袋" in text
    assert plan_details.asked("这个预案什么时候修订") == set()


# ---- follow-ups to a plan answer ----------------------------------------------------------------------------
GAZ = Gazetteer.from_towns(["华士镇", "周庄镇", "澄江街道"])
EARLIER = TurnState(question="华士镇一家印染厂起火，用哪个预案", intent="plan_for")


@pytest.mark.parametrize(
    "follow,expected",
    [
        ("那二级响应谁来挂帅", "华士镇一家印染厂起火，用哪个预案，那二级响应谁来挂帅"),
        ("那现场第一步干什么", "华士镇一家印染厂起火，用哪个预案，那现场第一步干什么"),
        ("要是在周庄呢", "周庄镇一家印染厂起火，用哪个预案"),
    ],
)
def test_a_follow_up_to_a_plan_answer_keeps_its_accident(follow: str, expected: str) -> None:
    assert restate(follow, EARLIER, GAZ) == expected


@pytest.mark.parametrize("follow", ["最近的消防队在哪", "那氯气泄漏呢", "华士镇有几家印染厂"])
def test_other_follow_ups_are_new_questions(follow: str) -> None:
    assert restate(follow, EARLIER, GAZ) is None
    assert (
        restate("那二级响应谁指挥", TurnState(question="华士镇有几家印染厂", intent="enterprise_count"), GAZ)
        is None
    )
