"""Planguide11 round: a shift word that only says who called or who asks (值班员打电话说…, 我是当班班长),
a post asking its own duty, a step already done and the next one asked, a level said earlier and asked
again as the account grows worse. Worded unlike the eval lines."""

from __future__ import annotations

from typing import Any

from agents.chat import plan_guide
from agents.chat.models import TurnState
from agents.chat.plan_followup import restate
from agents.chat.plan_next_step import done_clause
from agents.chat.plan_passages import plan_passages, quote
from agents.chat.plan_post import asked_post
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question

GAZ = Gazetteer.from_towns(["利港街道", "青阳镇", "周庄镇", "长泾镇"])


def _intent(question: str) -> str | None:
    return route(normalise_question(question), extract_slots(question, GAZ)).intent


# ---- who called is no roster question ---------------------------------------------------------------------
def test_a_caller_named_by_their_shift_reports_an_incident() -> None:
    assert _intent("园区门卫值班室打来电话，说东边仓库着火了，谁指挥，先做什么") == "plan_for"
    assert _intent("夜班保安说配电房有人触电倒地，启动几级响应") == "plan_for"


def test_the_roster_is_still_asked_with_or_without_an_accident() -> None:
    assert _intent("青阳镇今晚谁值班") == "duty_now"
    assert _intent("仓库起火了，今天青阳镇谁值班") == "duty_now"  # the shift word is no post here


# ---- a post asks its own duty -----------------------------------------------------------------------------
def test_the_post_a_caller_holds_is_read_after_the_firm() -> None:
    assert asked_post("我是澄宇化工硫回收装置的主操，硫化氢报警了，我该干嘛") == "主操"
    assert asked_post("我是调度员，码头吊机故障了，要做什么") == "调度员"
    assert asked_post("我是青阳镇的，厂里着火了") is None


def test_a_post_asking_its_duty_is_a_plan_question() -> None:
    assert _intent("我是电镀车间的加酸工，酸液漏了一地，我该干什么") == "plan_for"


def _passages(*_: Any) -> list[dict[str, Any]]:
    return [
        {"plan_id": "p1", "title": "某罐区现场处置方案", "section": "处置步骤",
         "text": "步骤1　发现泄漏立即报告。步骤2　关闭阀门。步骤3　设置警戒。"},
        {"plan_id": "p1", "title": "某罐区现场处置方案", "section": "岗位应急处置卡",
         "text": "岗位|职责 值班长|组织处置并报告调度 装车台装卸工|立即停止装车，关闭鹤管阀门，撤离到上风向"},
    ]  # fmt: skip


def test_a_post_asking_its_duty_is_quoted_its_own_card_line() -> None:
    question = "我是罐区的装卸工，槽车装车时漏了，我该干什么"
    found = plan_passages(_passages, question, None, "plan_for", [{"id": "p1"}])
    line = quote(found, question)
    assert "装车台装卸工" in line and "关闭鹤管阀门" in line
    assert "步骤1" not in line
    # without a post the plan's procedure is still the quote
    assert "步骤1" in quote(plan_passages(_passages, "罐区槽车装车时漏了，现场先做什么", None, "plan_for",
                                          [{"id": "p1"}]), "罐区槽车装车时漏了，现场先做什么")  # fmt: skip


# ---- a step already done ---------------------------------------------------------------------------------
LEVEL = {"level": "二级", "name": "二级响应", "trigger": "少量泄漏，班组能够控制", "commander": "值班长",
         "actions": ["关闭紧急切断阀", "开启水幕稀释", "拉设警戒线疏散无关人员", "报告公司调度"]}  # fmt: skip


def test_the_step_reported_done_is_marked_and_the_next_one_given() -> None:
    question = "某厂罐区少量泄漏，二级响应，紧急切断阀已经关了，接下来还要做什么"
    assert done_clause(question) == "紧急切断阀已经关了"
    row = {"id": "p", "title": "某厂泄漏专项应急预案", "plan_type": "专项", "levels": [LEVEL]}
    text = plan_guide.answer([row], plan_guide.slot_values(question))
    assert "已完成“关闭紧急切断阀”，下一步：开启水幕稀释" in text


def test_no_step_is_marked_when_none_is_said_done() -> None:
    question = "某厂罐区少量泄漏，二级响应下一步做什么"
    assert done_clause(question) is None
    row = {"id": "p", "title": "某厂泄漏专项应急预案", "plan_type": "专项", "levels": [LEVEL]}
    assert "已完成" not in plan_guide.answer([row], plan_guide.slot_values(question))


def test_a_step_done_said_as_a_follow_up_keeps_the_accident() -> None:
    earlier = TurnState(question="长泾镇一家钢厂转炉煤气泄漏，用哪个预案", intent="plan_for")
    follow = "泄漏点周边的人已经撤出来了，然后呢"
    assert restate(follow, earlier, GAZ) == f"长泾镇一家钢厂转炉煤气泄漏，用哪个预案，{follow}"
    assert restate("周庄镇一家厂也泄漏了，怎么办", earlier, GAZ) is None  # another place: a new question


# ---- a level said before and asked again --------------------------------------------------------------------
def test_a_level_said_before_an_escalation_is_not_the_level_asked() -> None:
    said = plan_guide.slot_values("利港街道一家厂起火，开始按Ⅳ级响应处置的，刚才死了3个人，要不要调整")
    assert said["response_level"] is None
    assert plan_guide.slot_values("利港街道一家厂起火，三级响应谁负责")["response_level"] == "三级"


# ---- the account's facts and sectors said in other words ------------------------------------------------------
def test_gas_carried_out_of_the_works_by_the_wind_is_beyond_the_site() -> None:
    from agents.chat.plan_account import facts

    assert facts("有毒烟气被风吹出了厂区")["beyond_site"] is True
    assert facts("氯气飘到厂外去了")["beyond_site"] is True
    assert facts("氨气还在厂区里")["beyond_site"] is False


def test_ammonia_smelt_is_a_hazardous_chemical_and_a_tanker_on_a_road_is_road_transport() -> None:
    from agents.chat.plan_sectors import asked_sectors, dangerous_goods_on_road

    assert "危化品" in asked_sectors("冷库机房一股氨味，谁负责处置")
    assert dangerous_goods_on_road("一辆拉液氨的槽车在路上翻了，用哪个预案")
    assert not dangerous_goods_on_road("冷库液氨管道漏了，用哪个预案")


def test_a_lessees_own_plan_filed_under_another_town_is_read_again_when_named() -> None:
    from agents.chat.plan_named_firms import with_named_firms

    lessee = {"id": "x", "title": "喷涂线火灾现场处置方案", "plan_type": "现场处置方案",
              "issuing_unit": "江阴恒美喷涂有限公司"}  # fmt: skip
    other = {"id": "y", "title": "仓库火灾现场处置方案", "plan_type": "现场处置方案",
             "issuing_unit": "江阴永利仓储有限公司"}  # fmt: skip
    town = {
        "id": "t",
        "title": "某镇生产安全事故应急预案",
        "plan_type": "专项",
        "issuing_unit": "某镇人民政府",
    }
    asked: list[dict[str, Any]] = []

    def read(params: dict[str, Any]) -> list[dict[str, Any]]:
        asked.append(params)
        return [town, lessee, other]

    question = "某镇一家纺织厂把车间租给了恒美喷涂，喷涂线着火了，用哪个预案"
    found = with_named_firms([town], {"town": "某镇"}, question, read)
    assert [r["id"] for r in found] == ["t", "x"] and asked[0]["town"] is None
    assert with_named_firms([town], {"town": None}, question, read) == [town]  # nothing placed: no re-read
