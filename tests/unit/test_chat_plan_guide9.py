"""Planguide9 round: levels whose 启动条件 say what happened (流出围堰, 需要转驳, 船舶碰撞码头), negated
facts (还没着火), follow-ups that add a fact, and warning questions asked of a firm's plan."""

from __future__ import annotations

from typing import Any

import pytest

from agents.chat import plan_account, plan_guide
from agents.chat.models import TurnState
from agents.chat.plan_followup import restate
from agents.chat.plan_severity import asked_toll, level_for, toll_of, toll_param
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question


def _lv(level: str, trigger: str) -> dict[str, Any]:
    return {"level": level, "name": level, "trigger": trigger, "commander": f"{level}指挥",
            "actions": [f"{level}措施"]}  # fmt: skip


def _chosen(levels: list[dict[str, Any]], question: str) -> list[str]:
    toll = toll_of(toll_param(question, {}))
    assert toll is not None
    return [lv["level"] for lv in level_for(levels, toll)]


FIRM = [
    _lv("一级", "储罐或管道大量泄漏，泄漏物流出围堰或可能扩散至厂外，或造成人员中毒、伤亡的"),
    _lv("二级", "储罐区或装卸区中量泄漏，泄漏物控制在围堰内，公司能够自行处置的"),
    _lv("三级", "阀门、法兰等部位少量滴漏，岗位人员能够立即控制的"),
]


@pytest.mark.parametrize(
    "question,level",
    [("甲苯罐区管线漏得很厉害，物料已经流出围堰，一级还是二级", "一级"),
     ("装车鹤管法兰少量渗漏，操作工已经控制住了，按几级响应", "三级")],
)  # fmt: skip
def test_a_level_said_by_what_happened_is_matched_to_the_account(question: str, level: str) -> None:
    assert _chosen(FIRM, question) == [level]


def test_an_account_beyond_the_site_fails_a_level_confined_to_it() -> None:
    town = [_lv("四级", "企业发生事故，但未造成人员死亡，影响未超出企业厂区的"),
            _lv("三级", "造成1至2人死亡，或者影响超出企业厂区的"),
            _lv("二级", "造成3人以上死亡，或者需要疏散周边群众的")]  # fmt: skip
    assert _chosen(town, "一家厂的储罐爆炸，已经波及厂区外，暂时没有人死亡") == ["三级"]
    assert _chosen(town, "一家厂着火，烟很大，要把附近的居民疏散出去") == ["二级"]


def test_a_transfer_or_a_ship_strike_meets_the_level_that_states_it() -> None:
    road = [_lv("三级", "发生较大道路危险货物运输事故，或危险货物大量泄漏需要转驳的"),
            _lv("四级", "发生一般道路危险货物运输事故，险情可以控制的")]  # fmt: skip
    assert _chosen(road, "高速上一辆甲醇罐车侧翻，泄漏严重，得找车来转驳") == ["三级"]
    assert _chosen(road, "一辆危险品货车追尾，少量泄漏，险情可以控制，无人伤亡") == ["四级"]
    wharf = [_lv("二级", "发生人员重伤、储罐或管线泄漏可控制在罐区内、船舶碰撞码头造成设施损坏时"),
             _lv("三级", "发生人员落水、单台装卸设备故障或少量货物泄漏，班组能够自行处置时")]  # fmt: skip
    assert _chosen(wharf, "一艘驳船靠岸时碰撞了泊位，码头设施撞坏了") == ["二级"]


def test_what_happened_alone_is_no_toll_and_leaves_every_level_when_none_states_it() -> None:
    assert asked_toll("罐区起火了，火很大") is None  # no casualties said
    classes = [_lv("三级", "发生较大生产安全事故"), _lv("四级", "发生一般生产安全事故")]
    assert _chosen(classes, "罐区起火了，火很大") == ["三级", "四级"]


@pytest.mark.parametrize(
    "question",
    ["厨房液化气漏气，暂时还没有起火", "槽车阀门漏了，还没着火", "储罐泄漏了，暂时没有起火，也没有爆炸"],
)
def test_a_negated_fire_is_no_accident_type_and_fails_a_fire_level(question: str) -> None:
    assert "火灾" not in (plan_guide.slot_values(question)["accident_types"] or [])
    gas = [
        _lv("二级", "发生燃气火灾、爆炸，或造成1至2人死亡的"),
        _lv("三级", "发生燃气泄漏未引发火灾爆炸、无人员伤亡的"),
    ]
    assert "二级" not in _chosen(gas, question)


def test_a_fact_said_later_overrides_the_earlier_word() -> None:
    assert plan_account.facts("起初还没着火，后来起火了")["fire"] is True
    assert plan_account.facts("说是着火了，其实没有着火")["fire"] is False


GAZ = Gazetteer.from_towns(["华士镇", "周庄镇", "澄江街道"])
EARLIER = TurnState(question="周庄镇一家化工厂液氯泄漏，还没着火，用哪个预案", intent="plan_for")


@pytest.mark.parametrize("follow", ["现在起火了，谁指挥", "目前有三个工人中毒了，几级响应"])
def test_a_follow_up_adding_a_fact_keeps_the_accident(follow: str) -> None:
    restated = restate(follow, EARLIER, GAZ)
    assert restated is not None and restated.startswith("周庄镇一家化工厂液氯泄漏") and follow in restated


def test_a_follow_up_on_another_works_is_a_new_question() -> None:
    assert restate("现在另一家厂也着火了，谁指挥", EARLIER, GAZ) is None
    assert restate("现在澄江街道也着火了，谁指挥", EARLIER, GAZ) is None


def test_the_answer_shows_the_level_chosen_by_what_happened() -> None:
    question = "某公司储罐管道漏得很厉害，物料流出围堰，谁指挥"
    params = plan_guide.slot_values(question) | toll_param(question, {})
    row = {"id": "A", "title": "某公司泄漏专项预案", "plan_type": "专项", "issuing_unit": "某公司", "town": None,
           "enterprise_id": None, "towns": [], "enterprises": [], "accident_types": ["泄漏"], "asked_town": None,
           "resources": [], "levels": FIRM}  # fmt: skip
    text = plan_guide.answer([row], params)
    assert "一级措施" in text and "三级措施" not in text and "大量泄漏" in text


TOWNS = Gazetteer.from_towns(["利港街道", "夏港街道"])


@pytest.mark.parametrize(
    "question",
    [
        "明天台风过境，我们仓储公司该发布哪级预警",
        "风力要到七级，化工厂发什么颜色的预警",
        "这种情况下公司预警由谁发布",
    ],
)
def test_a_warning_asked_of_a_plan_is_a_plan_question(question: str) -> None:
    assert route(normalise_question(question), extract_slots(question, TOWNS)).intent == "plan_for"


def _plan(
    pid: str, title: str, unit: str, town: str | None, types: list[str], plan_type: str
) -> dict[str, Any]:
    return {"id": pid, "title": title, "plan_type": plan_type, "issuing_unit": unit, "town": town,
            "enterprise_id": None, "towns": [], "enterprises": [], "accident_types": types, "asked_town": "周庄镇",
            "resources": [], "levels": []}  # fmt: skip


def test_a_boiler_explosion_is_not_a_towns_dust_explosion() -> None:
    rows = [
        _plan("T", "周庄镇工贸企业粉尘涉爆事故专项应急预案", "周庄镇人民政府", "周庄镇", ["粉尘爆炸"], "专项"),
        _plan("S", "江阴市市场监督管理局特种设备事故应急预案", "江阴市市场监督管理局", None,
              ["特种设备事故", "爆炸"], "部门"),
    ]  # fmt: skip
    question = "周庄镇一家化纤厂的蒸汽锅炉炸了，用哪个预案"
    ranked = plan_guide.rank(rows, plan_guide.slot_values(question), question)
    assert ranked and ranked[0]["id"] == "S"
    dust = "周庄镇一家化纤厂纺丝车间粉尘爆炸，用哪个预案"
    assert plan_guide.rank(rows, plan_guide.slot_values(dust), dust)[0]["id"] == "T"


def test_a_warning_asked_of_a_firm_the_records_lack_is_still_a_plan_question() -> None:
    from agents.chat.router import asks_plan

    assert asks_plan("暴雨台风来了，澄华新材料公司该发几级预警")
    assert not asks_plan("澄华新材料公司在哪个镇")
