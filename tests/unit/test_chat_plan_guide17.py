"""Planguide17 round (development data: round 16's held-out misses): an illness said as the cause
(中暑, 食物中毒) is no production-safety accident, so no sector plan stands in; "启动要谁批准" is answered
with the body whose duties decide to start a response. Worded unlike the eval lines."""

from __future__ import annotations

from typing import Any

from agents.chat import plan_details, plan_guide
from graph import plan_chiefs

GONGMAO = {"id": "p-gm", "title": "江阴市工贸行业生产安全事故应急预案", "plan_type": "部门", "issuing_unit": "江阴市应急管理局",
           "accident_types": ["粉尘爆炸", "有限空间作业中毒和窒息", "涉氨制冷泄漏"]}  # fmt: skip


def _types(question: str) -> list[str]:
    return list(plan_guide.slot_values(question).get("accident_types") or [])


# ---- an illness is no accident --------------------------------------------------------------------------
def test_heatstroke_faint_is_not_read_as_a_poisoning() -> None:
    assert "中毒和窒息" not in _types("钢构厂两个焊工在车间里热射病昏倒了，已送医，启用什么预案")
    assert "中毒和窒息" not in _types("纺织厂食堂晚饭后好几个人食物中毒，用哪个预案")


def test_a_poisoning_said_beside_the_illness_is_still_read() -> None:
    assert "中毒和窒息" in _types("天热有人中暑，下午又有个工人进污水井吸了毒气晕倒，启动哪个预案")


def test_no_sector_plan_stands_in_for_an_illness() -> None:
    question = "机械厂两个搬运工中暑晕倒送医，走哪个预案"
    params = plan_guide.slot_values(question) | {"firm_sectors": ["工贸"]}
    assert plan_guide.rank([GONGMAO], params, question) == []


def test_a_sector_plan_still_stands_in_for_an_accident_of_its_sector() -> None:
    question = "机械厂仓库着火了，走哪个预案"
    params = plan_guide.slot_values(question) | {"firm_sectors": ["工贸"]}
    assert [r["title"] for r in plan_guide.rank([GONGMAO], params, question)] == [GONGMAO["title"]]


# ---- who approves starting a response ----------------------------------------------------------------------
class _Store:
    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows

    def read(self, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        return [r for r in self.rows if r["plan_id"] in params["plan_ids"]]


def test_who_approves_starting_is_asked() -> None:
    assert "starter" in plan_details.asked("这个响应由谁来决定启动？谁当现场指挥")
    assert "starter" in plan_details.asked("街道启动应急响应需要哪个领导批准")
    assert "starter" not in plan_details.asked("谁指挥，先做什么")


def test_the_body_deciding_to_start_is_answered_by_its_short_name() -> None:
    store = _Store([
        {"plan_id": "p1", "unit_id": "p1/ou0", "unit": "澄东街道安全生产应急指挥部",
         "duties": ["统一指挥全街道应急处置", "负责决定启动、终止街道级响应"], "sub_units": ["街道指挥部办公室"]},
        {"plan_id": "p1", "unit_id": "p1/ou1", "unit": "街道指挥部办公室", "duties": ["收集上报信息"],
         "sub_units": []},
    ])  # fmt: skip
    rows = plan_chiefs.with_starters(store, [{"id": "p1", "title": "澄东街道安全生产应急预案"}])
    text = "\n".join(plan_details.lines(rows[0], {"starter"}))
    assert "澄东街道安全生产应急指挥部" in text and "街道指挥部" in text and "决定启动" in text


def test_a_plan_giving_no_one_the_decision_says_so() -> None:
    rows = plan_chiefs.with_starters(_Store([]), [{"id": "p2", "title": "某预案"}])
    assert "未写明" in "\n".join(plan_details.lines(rows[0], {"starter"}))


# ---- hurt said after the rescue ------------------------------------------------------------------------------
FIRM_LEVELS = [
    {"level": "一级", "trigger": "发生人员死亡或火灾爆炸事故时", "commander": "总经理"},
    {"level": "二级", "trigger": "发生人员重伤时", "commander": "分管副总"},
    {"level": "三级", "trigger": "发生人员落水，班组能够自行处置时", "commander": "调度员"},
]


def test_a_person_hurt_once_got_out_is_counted() -> None:
    from agents.chat import plan_severity

    toll = plan_severity.asked_toll("趸船上一名水手掉进江里，捞上来以后送医院了")
    assert toll is not None and toll.injured == 1
    toll = plan_severity.asked_toll("一个司机被卡在驾驶室，拉出来已经身亡")
    assert toll is not None and toll.deaths == 1
    params = plan_severity.toll_param("货船上1个船员掉江里了，拖上岸后重伤，几级响应", {})
    assert [lv["level"] for lv in plan_severity.level_for(FIRM_LEVELS, plan_severity.toll_of(params))] == [
        "二级"
    ]


def test_a_person_got_out_unhurt_is_no_injury() -> None:
    from agents.chat import plan_severity

    toll = plan_severity.asked_toll("1人落水，救上来了，没受伤")
    assert toll is None or not toll.injured
