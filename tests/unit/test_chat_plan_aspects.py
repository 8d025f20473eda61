"""Plan questions about reporting, warnings, the end of a response and site steps: routed to
``plan_for``, answered with the passage on that point, and plans named by title or short name first."""

from __future__ import annotations

import pytest

from agents.chat.plan_aspects import asks_aspect, aspect
from agents.chat.plan_guide import names_issuer, names_title, rank
from agents.chat.plan_passages import quote, wants_quote
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question

TOWNS = Gazetteer.from_towns(["华士镇", "新桥镇", "城东街道", "申港街道", "临港经济开发区"])


def _route(question: str) -> str | None:
    text = normalise_question(question)
    return route(text, extract_slots(text, TOWNS)).intent


@pytest.mark.parametrize(
    "question",
    [
        "华士镇一家厂房着火，厂里几分钟内要报到镇上",  # a limit, the addressee said as 报到
        "粉尘爆炸事故发生后要向哪个部门报告",  # the addressee asked
        "有限空间事故的上报内容有哪些",  # the content of the report, no accident verb
        "城东街道仓库起火了，企业多长时间以内报告安监",  # a 仓库 scene with a town is no resource search
        "危化品事故红色预警是什么情况下发布的",  # a warning colour's condition
        "燃气爆炸处置完，啥时候可以宣布终止响应",  # the end of a response
        "新桥一家厂冲床压伤工人，现场先干啥",  # an accident said as seen (压伤) with a step
        "码头槽罐车侧翻了，先干什么",
        "车间钢瓶漏氨了现场第一步做什么",
    ],
)
def test_reporting_warning_ending_and_step_questions_go_to_plan_for(question: str) -> None:
    assert _route(question) == "plan_for"


@pytest.mark.parametrize(
    "question",
    [
        "最近有哪些事故报告",  # the events, not a plan's reporting rule
        "华士镇今天有没有预警",  # alarms and events, no warning colour asked
        "城东街道附近的应急仓库在哪",
    ],
)
def test_event_and_resource_questions_stay_where_they_were(question: str) -> None:
    assert _route(question) != "plan_for"


def test_the_aspect_asked() -> None:
    assert aspect("黄色预警谁发布") == "warning"
    assert aspect("险情消除到什么程度可以终止") == "ending"
    assert aspect("接报后几分钟内要报告") == "reporting"
    assert aspect("现场先采取什么措施") == "steps"
    assert aspect("用哪个预案") is None
    assert asks_aspect("宣布响应结束的条件") and not asks_aspect("冲床压伤用哪个预案")


WARNING_TABLE = {
    "plan_id": "P",
    "title": "某镇粉尘事故应急预案",
    "section": "三、预警",
    "text": "红色：多家企业粉尘超标，总指挥发布。蓝色：企业清扫不及时，办公室主任发布。",
}
DUTIES = {
    "plan_id": "P",
    "title": "某镇粉尘事故应急预案",
    "section": "二、组织机构",
    "text": "镇指挥部主要职责：统一领导全镇应急处置工作；决定启动和终止镇级应急响应；调集救援力量。",
}
ENDING = {
    "plan_id": "P",
    "title": "某镇粉尘事故应急预案",
    "section": "（三）响应终止",
    "text": "被困人员全部救出、现场危险因素消除后，由镇指挥部宣布应急响应终止。",
}
REPORT = {
    "plan_id": "P",
    "title": "某镇粉尘事故应急预案",
    "section": "（一）信息报告",
    "text": "企业负责人接报后应在30分钟内电话报告镇指挥部办公室，1小时内书面报告市应急管理局。",
}


def test_a_warning_question_quotes_the_warning_passage_of_the_colour_asked() -> None:
    line = quote([DUTIES, REPORT, WARNING_TABLE], "粉尘事故蓝色预警谁来发")
    assert "蓝色" in line and "办公室主任发布" in line
    assert quote([DUTIES, WARNING_TABLE], "粉尘事故橙色预警谁来发") == ""  # no orange there: no quote


def test_an_ending_question_quotes_the_declared_end_not_the_commands_duties() -> None:
    line = quote([DUTIES, REPORT, ENDING], "救援到什么时候能结束响应")
    assert "宣布应急响应终止" in line
    assert quote([DUTIES], "救援到什么时候能结束响应") == ""


def test_warning_and_ending_questions_are_quoted_even_with_a_level() -> None:
    with_levels = [{"id": "P", "levels": [{"level": "二级"}]}]
    assert wants_quote("二级响应什么时候可以终止响应", {"response_level": "二级"}, with_levels)
    assert wants_quote("橙色预警由谁发布", {}, with_levels)


ONSITE = {"id": "S", "title": "叉车伤害事故现场处置方案", "plan_type": "现场处置方案",
          "issuing_unit": "江阴某某物流有限公司", "accident_types": ["车辆伤害"]}  # fmt: skip
CITY = {"id": "C", "title": "江阴市特种设备事故应急预案", "plan_type": "部门", "issuing_unit": "江阴市市场监督管理局",
        "accident_types": ["车辆伤害"]}  # fmt: skip


def test_a_plan_named_by_its_title_comes_first() -> None:
    assert names_title(ONSITE, "按《叉车伤害事故现场处置方案》先做什么")
    assert names_title(CITY, "特种设备的事故预案里怎么规定的")
    assert not names_title(ONSITE, "叉车撞人先做什么")
    got = rank([CITY, ONSITE], {"accident_types": ["车辆伤害"]}, "叉车伤害现场处置方案里第一步是什么")
    assert [r["id"] for r in got] == ["S", "C"]


def test_a_firm_named_by_a_short_name_that_drops_characters() -> None:
    row = {"issuing_unit": "江阴市澄南粮食储备库有限公司"}
    assert names_issuer(row, "澄南粮库熏蒸出事了")
    assert names_issuer(row, "澄南粮食储备库熏蒸出事了")
    assert not names_issuer(row, "澄南街道粮库熏蒸出事了")  # the 字号 alone is a place here


def test_the_quote_starts_where_a_long_section_answers() -> None:
    chapter = {
        "plan_id": "P",
        "title": "某镇燃气事故应急预案",
        "section": "第四章 应急响应",
        "text": "第九条 响应分为四级。"
        + "第十条 一般事故由办公室主任指挥，组织先期处置并跟踪报告。" * 6
        + "第十四条 险情消除、燃气泄漏得到控制后，由镇指挥部宣布应急响应结束。",
    }
    line = quote([chapter], "燃气着火扑灭后啥时候可以终止响应")
    assert "…第十四条" in line and "宣布应急响应结束" in line
    report = {**chapter, "section": "信息报告",
              "text": "接报后20分钟内电话报告镇主要领导。" * 8 + "报告内容包括：事故单位、时间地点、伤亡人数、已采取的措施。"}  # fmt: skip
    assert "伤亡人数" in quote([report], "燃气事故上报内容要写哪些")
    signals = {**chapter, "section": "三、预警",
               "text": "预警分为四级。" + "红色预警：多处燃气管网同时泄漏。" * 6 + "蓝色预警：单户用户报修漏气，由服务站发布。"}  # fmt: skip
    assert "单户用户报修漏气" in quote([signals], "燃气蓝色预警什么条件下发布")
