"""The ``plan_for`` answer: level and accident words read from the question, plans ordered from the
nearest jurisdiction outwards, the answer written only from the verified level facts."""

from __future__ import annotations

from typing import Any

import pytest

from agents.chat import plan_guide
from agents.chat.router import asks_plan, route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question


@pytest.mark.parametrize(
    "question,types,level",
    [
        ("申港一家化工厂发生Ⅲ级火灾，怎么响应", ["火灾"], "三级"),
        ("氨气漏了启动几级响应", ["泄漏"], None),  # 几级 asks for the level, names none
        ("启动IV级应急响应后谁来指挥", None, "四级"),
        ("危险化学品爆炸一级响应先做什么", ["危险化学品事故", "爆炸"], "一级"),
        ("有人中毒了，按哪个预案", ["中毒和窒息"], None),
        ("仓库起火了找哪个预案", ["火灾"], None),
    ],
)
def test_level_and_accident_words(question: str, types: list[str] | None, level: str | None) -> None:
    values = plan_guide.slot_values(question)
    assert values["accident_types"] == types
    assert values["response_level"] == level


def test_a_hazard_source_grade_is_no_response_level() -> None:
    assert plan_guide.slot_values("一级重大危险源企业泄漏按哪个预案")["response_level"] is None


def _plan(pid: str, title: str, unit: str, **kw: Any) -> dict[str, Any]:
    return {"id": pid, "title": title, "plan_type": kw.pop("plan_type", "专项"), "issuing_unit": unit,
            "town": None, "enterprise_id": None, "towns": [], "enterprises": [], "accident_types": ["泄漏"],
            "levels": [], "asked_town": None} | kw  # fmt: skip


CITY = _plan("P-city", "江阴市危险化学品事故专项应急预案", "江阴市人民政府办公室")
TOWN = _plan(
    "P-town", "申港街道危险化学品事故应急预案", "申港街道办事处", town="申港街道", towns=["申港街道"]
)
OTHER_TOWN = _plan(
    "P-other", "璜土镇危险化学品事故应急预案", "璜土镇人民政府", town="璜土镇", towns=["璜土镇"]
)
FIRM = _plan("P-firm", "江阴某某化工有限公司泄漏专项应急预案", "江阴某某化工有限公司")
ONSITE = _plan("P-onsite", "储罐区泄漏现场处置方案", "", plan_type="现场处置方案")
OWN = _plan(
    "P-own", "江阴甲乙化工有限公司综合应急预案", "江阴甲乙化工有限公司", enterprises=["E-1"], plan_type="总体"
)


def test_nearest_jurisdiction_first_and_other_firms_and_towns_left_out() -> None:
    rows = [FIRM, OTHER_TOWN, CITY, ONSITE, TOWN, OWN]
    ranked = plan_guide.rank([r | {"asked_town": "申港街道"} for r in rows], {"enterprise_id": "E-1"})
    assert [r["id"] for r in ranked] == ["P-own", "P-town", "P-city"]


def test_another_towns_plan_only_when_nothing_nearer_fits() -> None:
    assert [r["id"] for r in plan_guide.rank([OTHER_TOWN, CITY], {})] == ["P-city"]
    assert [r["id"] for r in plan_guide.rank([OTHER_TOWN], {})] == ["P-other"]


def test_another_firms_plan_is_never_listed() -> None:
    assert plan_guide.rank([FIRM, ONSITE], {}, "储罐区泄漏了怎么处置") == []


def test_a_firms_plan_filed_under_the_asked_town_is_still_only_that_firms() -> None:
    # demo and real firm plans carry their town (江阴申港某某化工 → 申港街道); an accident at another
    # firm of that town is not covered by it
    firm_in_town = FIRM | {"id": "P-firm-town", "town": "申港街道", "towns": ["申港街道"]}
    rows = [r | {"asked_town": "申港街道"} for r in (firm_in_town, TOWN, CITY)]
    ranked = plan_guide.rank(rows, {"accident_types": ["泄漏"]}, "申港街道一家化工厂储罐漏了怎么办")
    assert [r["id"] for r in ranked] == ["P-town", "P-city"]
    named = plan_guide.rank(rows, {"accident_types": ["泄漏"]}, "申港街道某某化工储罐漏了怎么办")
    assert named[0]["id"] == "P-firm-town"


def test_a_firm_named_by_its_trade_name_gets_its_own_plan_first() -> None:
    # the firm is in no register the chat reads; its plan's issuing unit names it
    ranked = plan_guide.rank(
        [CITY, FIRM], {"accident_types": ["泄漏"]}, "某某化工的储罐漏了，一级响应先做什么"
    )
    assert [r["id"] for r in ranked] == ["P-firm", "P-city"]
    assert "（专项，本企业）" in plan_guide.answer(ranked, {})


@pytest.mark.parametrize(
    "question,kept",
    [
        ("敬老院的厨房着火了按哪个预案", {"P-elder"}),
        ("储能电池仓库冒烟起火了", {"P-battery"}),
        ("一个工厂的车间着火了", set()),  # neither a care home nor a battery works
    ],
)
def test_a_sector_plan_applies_to_its_sector_only(question: str, kept: set[str]) -> None:
    fire = {"accident_types": ["火灾"]}
    elder = _plan("P-elder", "江阴市民政局养老机构安全事故应急预案", "江阴市民政局", **fire)
    battery = _plan("P-battery", "江阴高新区锂电池企业火灾事故专项应急预案", "高新区管理委员会", **fire)
    assert {r["id"] for r in plan_guide.rank([elder, battery], fire, question)} == kept


def test_a_plan_naming_two_sectors_needs_both() -> None:
    road = _plan("P-road", "某镇危险化学品道路运输事故应急预案", "某镇人民政府")
    assert plan_guide.rank([road], {}, "化工厂储罐泄漏了") == []
    assert [r["id"] for r in plan_guide.rank([road], {}, "运危化品的罐车在省道上漏了")] == ["P-road"]


@pytest.mark.parametrize(
    "question,level",
    [("发生重大事故的话由谁牵头", "二级"), ("特别重大事故谁来指挥", "一级"), ("一般隐患怎么处置", None)],
)
def test_accident_grades_are_response_levels(question: str, level: str | None) -> None:
    assert plan_guide.slot_values(question)["response_level"] == level


@pytest.mark.parametrize(
    "question,types",
    [
        ("有工人落水了怎么救", ["淹溺"]),
        ("电梯里关了两个人", ["特种设备事故"]),
        ("连下暴雨河堤快决口了", ["洪涝灾害"]),
    ],
)
def test_spoken_accident_words(question: str, types: list[str]) -> None:
    assert plan_guide.slot_values(question)["accident_types"] == types


def test_a_title_naming_the_asked_thing_comes_first_within_a_jurisdiction() -> None:
    fire = _plan("P-fire", "江阴市火灾事故专项应急预案", "江阴市应急管理局", accident_types=["火灾", "爆炸"])
    chem = _plan(
        "P-chem", "江阴市危险化学品事故专项应急预案", "江阴市人民政府", accident_types=["火灾", "泄漏"]
    )
    ranked = plan_guide.rank([chem, fire], {"accident_types": ["火灾"]}, "危化品仓库着火了启动哪个预案")
    assert [r["id"] for r in ranked] == ["P-fire", "P-chem"]
    # a warehouse fire with no dangerous goods said is no 危险化学品 accident (plan_sectors)
    assert [r["id"] for r in plan_guide.rank([chem, fire], {"accident_types": ["火灾"]}, "仓库着火了")] == [
        "P-fire"
    ]


def test_the_answer_names_commander_trigger_and_first_actions_of_the_asked_level() -> None:
    level = {"level": "二级", "name": "Ⅱ级响应", "trigger": "事态超出企业处置能力", "commander": "街道主任",
             "actions": ["封控现场", "疏散群众", "通知环境监测", "发布信息", "做好后勤"]}  # fmt: skip
    text = plan_guide.answer(
        [TOWN | {"levels": [level], "asked_town": "申港街道"}], {"response_level": "二级"}
    )
    assert "《申港街道危险化学品事故应急预案》（专项，申港街道）" in text
    assert "启动条件：事态超出企业处置能力" in text and "指挥：街道主任" in text
    assert "1）封控现场；2）疏散群众" in text and "（共 5 项）" in text and "做好后勤" not in text


def test_a_plan_without_the_asked_level_says_so_and_no_plan_says_so() -> None:
    assert "没有已核实的三级响应内容" in plan_guide.answer([CITY], {"response_level": "三级"})
    empty = plan_guide.answer([], {"accident_types": ["台风"]})
    assert empty.startswith("没有查到适用的已启用应急预案（台风）")


@pytest.mark.parametrize("question", ["一家化工厂着火了怎么办", "某印染厂有人中毒", "有个加油站漏油了"])
def test_an_enterprise_said_with_a_determiner_is_not_a_name(question: str) -> None:
    assert extract_slots(question, Gazetteer.from_towns(["申港街道"])).enterprise_mention is None


def test_a_town_said_beside_a_park_word_is_that_towns_park() -> None:
    gazetteer = Gazetteer.from_towns(["申港街道", "临港经济开发区"])
    assert extract_slots("申港街道化工园区有人中毒", gazetteer).town == "申港街道"
    assert extract_slots("化工园区有人中毒", gazetteer).town == "临港经济开发区"


@pytest.mark.parametrize(
    "question", ["Ⅱ级应急响应时谁来牵头", "启动三级处置后做什么", "厂里有人溺水了怎么办", "围墙塌了谁负责"]
)
def test_a_level_or_an_accident_with_what_to_do_is_a_plan_question(question: str) -> None:
    slots = extract_slots(question, Gazetteer.from_towns(["申港街道"]))
    assert route(normalise_question(question), slots).intent == "plan_for"
    assert asks_plan(question)


def test_a_count_is_no_plan_question() -> None:
    assert not asks_plan("临港有多少家危化品企业")


def test_a_service_or_site_departments_plan_is_only_for_its_own_kind_of_accident() -> None:
    from agents.chat.plan_sectors import fits_sector

    power = "江阴市工业和信息化局电力供应突发事件应急预案"
    park = "江阴市文体广电和旅游局旅游景区突发事件应急预案"
    water = "江阴市水利农机局城乡供水突发事件应急预案"
    grain = "江阴市粮食和物资储备局储备库生产安全事故应急预案"
    for title in (power, park, water, grain):
        assert not fits_sector(title, "周庄一家化纤厂起火了用哪个预案")
    assert fits_sector(power, "变电站着火导致大面积停电先做什么")
    assert fits_sector(park, "景点里游客被困怎么处置")
    assert fits_sector(water, "自来水厂氯气泄漏谁指挥")
    assert fits_sector(grain, "粮仓熏蒸时有人中毒怎么办")


def test_a_hospitals_or_schools_own_plan_is_not_a_public_plan() -> None:
    from agents.chat.plan_guide import is_public

    for unit in ("江阴市澄南医院", "江阴市青阳中学", "江阴市华士镇卫生院"):
        assert not is_public({"issuing_unit": unit, "title": "火灾事故应急预案", "plan_type": "专项"})
    assert is_public(
        {"issuing_unit": "江阴市卫生健康委员会", "title": "医疗卫生救援应急预案", "plan_type": "部门"}
    )
