"""Planguide15 round (development data: round 13/14 misses): a levee in danger and a warning in force meet a flood plan's 启动条件; a lift stopped
with people in it is an incident; a crowd at an escalator's foot in a mall is the 商贸 sector's, not an
escalator accident. Worded unlike the eval lines."""

from __future__ import annotations

from typing import Any

from agents.chat import plan_guide, plan_severity
from agents.chat.plan_passages import plan_passages, quote
from agents.chat.plan_sectors import asked_sectors
from agents.chat.purpose_clause import without_purpose_clause
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


# ---- a hospital receiving casualties -----------------------------------------------------------------------
MEDICAL = {"id": "P-med", "title": "江阴市卫生健康委员会突发事件医疗卫生救援应急预案", "plan_type": "部门",
           "issuing_unit": "江阴市卫生健康委员会", "accident_types": ["火灾", "道路交通事故"]}  # fmt: skip
TOWN = {"id": "P-town", "title": "华士镇生产安全事故应急预案", "plan_type": "专项", "issuing_unit": "华士镇人民政府",
        "town": "华士镇", "asked_town": "华士镇", "accident_types": ["爆炸", "灼烫"]}  # fmt: skip


def _ranked(question: str) -> list[str]:
    params = {"accident_types": plan_guide.slot_values(question)["accident_types"]}
    return [str(r["id"]) for r in plan_guide.rank([MEDICAL, TOWN], params, question)]


def test_a_hospital_receiving_casualties_gets_the_medical_rescue_plan_first() -> None:
    question = "这里是华士镇卫生院，刚收治了3个蒸汽管爆炸烫伤的工人，我们要多久内报告，报给谁"
    assert _ranked(question) == ["P-med", "P-town"]


def test_casualties_taken_to_hospital_do_not_make_the_caller_a_hospital() -> None:
    assert _ranked("华士镇一家厂蒸汽管爆炸，3个工人烫伤送医院了，镇里谁指挥") == ["P-town"]


# ---- a tanker unloading at a station -----------------------------------------------------------------------
def test_a_tanker_unloading_at_a_station_is_no_road_transport_accident() -> None:
    assert "道路运输" not in asked_sectors("新桥镇一个加气站槽车充装时软管破了，漏气了")
    assert "道路运输" in asked_sectors("沿江公路上一辆液化气槽车侧翻漏气")


# ---- who reports the incident ------------------------------------------------------------------------------
def test_who_reports_an_incident_is_kept_a_briefing_is_dropped() -> None:
    assert without_purpose_clause("月城镇派出所报告，一辆拉甲醇的货车翻了").startswith("月城镇派出所")
    assert without_purpose_clause("下午要向局长汇报，临港有多少重大隐患") == "临港有多少重大隐患"


def test_a_death_said_with_already_is_counted() -> None:
    toll = plan_severity.asked_toll("救出来3个人，其中2人已经死亡")
    assert toll is not None and toll.deaths == 2


# ---- the first step of a plan's procedure ------------------------------------------------------------------
def _form_rows(*_: Any) -> list[dict[str, Any]]:
    # search order as a similarity search may give it: the rescue row shares the question's words
    return [
        {"plan_id": "p1", "title": "某厂液氯钢瓶现场处置方案", "section": "处置程序", "paragraph": 14,
         "text": "（3）救护：佩戴空气呼吸器进入现场，将中毒人员转移至空气新鲜处。"},
        {"plan_id": "p1", "title": "某厂液氯钢瓶现场处置方案", "section": "处置程序", "paragraph": 12,
         "text": "（1）发现：闻到氯味或报警仪报警，立即撤离至上风向并报告班长。"},
    ]  # fmt: skip


def test_a_first_step_question_quotes_the_procedure_from_its_start() -> None:
    question = "液氯钢瓶漏了有人中毒，第一步怎么做"
    assert "（1）发现" in quote(
        plan_passages(_form_rows, question, None, "plan_for", [{"id": "p1"}]), question
    )


def _card_and_levels(*_: Any) -> list[dict[str, Any]]:
    return [
        {"plan_id": "p1", "title": "某罐区现场处置方案", "section": "岗位应急处置卡", "paragraph": 30,
         "text": "罐区外操：发现泄漏立即呼叫班长，关闭根部阀，撤离到上风向。"},
        {"plan_id": "p1", "title": "某罐区现场处置方案", "section": "响应分级", "paragraph": 5,
         "text": "二级响应（班组级）：少量泄漏，班组能够控制，由当班班长指挥。"},
    ]  # fmt: skip


def test_a_first_step_question_does_not_read_a_level_table_before_a_card() -> None:
    question = "罐区储罐法兰漏了，按现场处置方案第一步做什么"
    assert "罐区外操" in quote(
        plan_passages(_card_and_levels, question, None, "plan_for", [{"id": "p1"}]), question
    )


def test_a_step_question_without_first_keeps_the_search_order() -> None:
    question = "液氯钢瓶漏了有人中毒，中毒的人怎么处置"
    assert "（3）救护" in quote(
        plan_passages(_form_rows, question, None, "plan_for", [{"id": "p1"}]), question
    )
