"""Plan questions asked as "which plan" only, accidents said as seen, and where an accident is when the
question names no town: a park's own name, a demo-city firm's short name, a firm's seat from its plan."""

from __future__ import annotations

import json
from typing import Any

import pytest

from agents.chat import plan_guide
from agents.chat.plan_asked import asks_which_plan, more_accident
from agents.chat.plan_places import (
    firm_in_question,
    park_names,
    place_plans,
    seat,
)
from agents.chat.plan_sectors import asked_sectors
from agents.chat.router import _ACCIDENT_WORDS, asks_plan, route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question
from core.scope import DataScope, ScopeLevel
from graph.plan_place_queries import _ENABLED_DOCUMENTS, _ENTERPRISES, _ISSUERS, _TOWNS


@pytest.mark.parametrize(
    "question",
    [
        "村里一家塑料厂失火了，该按哪份预案",
        "厂区发生闪爆，有没有相关的应急预案",
        "宏远机械厂有人被压在设备下面，这种事故套用什么预案",
    ],
)
def test_asking_only_which_plan_about_an_accident_is_a_plan_question(question: str) -> None:
    assert asks_which_plan(question, _ACCIDENT_WORDS)
    assert asks_plan(question)  # so an unknown works' name does not end it with "没有找到该企业"


@pytest.mark.parametrize("question", ["今年哪些预案要修订", "灭火器用什么型号的", "有没有应急预案的模板"])
def test_a_plan_noun_without_an_accident_is_no_such_question(question: str) -> None:
    assert not asks_which_plan(question, _ACCIDENT_WORDS)


def test_accidents_said_as_seen_route_a_reporting_question_to_the_plan() -> None:
    assert more_accident("后山发现火情") and more_accident("车间闪爆") and more_accident("被卡车撞倒")
    question = "烘干房爆燃，镇应急办接报后几分钟内要报到市应急局"
    slots = extract_slots(question, Gazetteer.from_towns(["周庄镇"]))
    assert route(normalise_question(question), slots).intent == "plan_for"


@pytest.mark.parametrize(
    "question,names",
    [
        ("长山化工集中区的储罐冒烟了", ["长山"]),
        ("长山园区一家企业中毒", ["长山"]),
        ("石庄工业园有人受伤", ["石庄"]),
        ("我们这边化工集中区有险情", []),
        ("附近园区起火", []),
    ],
)
def test_a_park_is_named_by_the_words_before_its_park_word(question: str, names: list[str]) -> None:
    assert park_names(question) == names


def test_a_firms_seat_is_the_town_its_plan_names_most() -> None:
    gazetteer = Gazetteer.from_towns(["周庄镇", "青阳镇", "临港经济开发区"])
    text = "公司位于周庄工业园。总指挥30分钟内报告周庄镇应急管理局；伤员送青阳镇卫生院。"
    assert seat(text, gazetteer) == "周庄镇"
    assert seat("报告周庄镇和青阳镇", gazetteer) is None  # two towns named as often: no seat
    assert seat("报告市应急管理局", gazetteer) is None


class _Store:
    """Answers the reads ``plan_places`` makes."""

    def __init__(self, documents: dict[str, dict[str, Any]], towns: list[str], firms: list[dict[str, Any]]):
        self.documents, self.towns, self.firms = documents, towns, firms

    def read(self, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        if query == _ENABLED_DOCUMENTS:
            return [
                {"id": i, "document": json.dumps(self.documents[i], ensure_ascii=False)}
                for i in params["ids"]
            ]
        if query == _TOWNS:
            return [{"name": t} for t in self.towns]
        if query == _ENTERPRISES:
            return self.firms
        if query == _ISSUERS:  # the plans a firm said may issue: none beyond the rows in these tests
            return []
        raise AssertionError(query)


def _store(documents: dict[str, dict[str, Any]], firms: list[dict[str, Any]]) -> Any:
    return _Store(documents, TOWNS, firms)  # a GraphStore for the reads made here


def _plan(pid: str, title: str, unit: str, **kw: Any) -> dict[str, Any]:
    return {"id": pid, "title": title, "plan_type": kw.pop("plan_type", "专项"), "issuing_unit": unit,
            "town": None, "enterprise_id": None, "towns": [], "enterprises": [], "accident_types": ["泄漏"],
            "levels": [], "asked_town": None} | kw  # fmt: skip


TOWNS = ["东城街道", "西江街道", "南岭镇", "滨湖开发区"]
ZONE = _plan("P-zone", "滨湖开发区危险化学品事故专项应急预案", "滨湖开发区管理委员会",
             town="滨湖开发区", towns=["滨湖开发区", "东城街道", "西江街道"])  # fmt: skip
TOWN = _plan(
    "P-town", "东城街道危险化学品事故应急预案", "东城街道办事处", town="东城街道", towns=["东城街道"]
)
CITY = _plan("P-city", "江阴市危险化学品事故专项应急预案", "江阴市人民政府办公室")
FIRM = _plan("P-firm", "江阴恒川化学有限公司液氨泄漏专项应急预案", "江阴恒川化学有限公司")
DOCS = {
    "P-zone": {
        "scope": "本预案适用于滨湖开发区范围内（含东城街道、西江街道和长山化工集中区）的危险化学品事故。"
    },
    "P-firm": {
        "scope": "本预案适用于公司制冷机房。",
        "text": "厂区北侧为东城街道居民区，事故向东城街道安监办报告。",
    },
}


def _rank(question: str, rows: list[dict[str, Any]], params: dict[str, Any] | None = None) -> list[str]:
    params = dict(params or {})
    params["place_plans"] = place_plans(_store(DOCS, []), rows, params, question)
    return [r["id"] for r in plan_guide.rank(rows, params, question)]


def test_a_firm_the_records_lack_is_placed_in_the_zone_its_seat_belongs_to() -> None:
    # its seat's own town plan is not its: a town its plan names is not the town the caller said
    assert _rank("恒川化学液氨漏了怎么处置", [FIRM, ZONE, TOWN, CITY]) == ["P-firm", "P-zone", "P-city"]


def test_a_park_a_zone_plan_names_places_the_accident_in_that_zone() -> None:
    assert _rank("长山集中区一家企业氯气泄漏了，按哪个预案", [ZONE, TOWN, CITY])[:2] == ["P-zone", "P-city"]
    assert _rank("青松园区一家企业氯气泄漏了，按哪个预案", [ZONE, TOWN, CITY]) == [
        "P-city"
    ]  # no scope names it


def test_a_town_said_leaves_the_place_to_the_town() -> None:
    rows = [r | {"asked_town": "南岭镇"} for r in (FIRM, ZONE, CITY)]
    assert place_plans(_store(DOCS, []), rows, {"town": "南岭镇"}, "南岭镇恒川化学泄漏") == []


def test_a_demo_city_firm_said_by_its_short_name_is_found_within_the_callers_scope() -> None:
    firms = [
        {"id": "E-1", "name": "江阴市恒川化学有限公司", "town": "东城街道"},
        {"id": "E-2", "name": "江阴宏泰机械有限公司", "town": "南岭镇"},
    ]
    store = _store({}, firms)
    city = DataScope()
    assert firm_in_question(store, "恒川化学储罐泄漏了，三级响应谁指挥", city) == ("E-1", "东城街道")
    assert firm_in_question(store, "宏泰化学储罐泄漏", city) is None
    other_town = DataScope(level=ScopeLevel.TOWN, town="南岭镇")
    assert firm_in_question(store, "恒川化学储罐泄漏", other_town) is None


def test_another_towns_plan_for_every_accident_does_not_stand_in_for_an_unsaid_place() -> None:
    generic = _plan("P-gen", "南岭镇生产安全事故应急预案", "南岭镇人民政府", town="南岭镇", towns=["南岭镇"],
                    accident_types=["中毒和窒息"])  # fmt: skip
    forest = _plan("P-forest", "东城街道森林火灾应急预案", "东城街道办事处", town="东城街道", towns=["东城街道"],
                   accident_types=["火灾"])  # fmt: skip
    assert plan_guide.rank([generic], {"accident_types": ["中毒和窒息"]}, "食堂吃坏肚子食物中毒了") == []
    assert [r["id"] for r in plan_guide.rank([forest], {"accident_types": ["火灾"]}, "后山森林着火了")] == [
        "P-forest"
    ]


def test_a_tanker_said_by_its_load_is_a_dangerous_goods_accident() -> None:
    assert {"危化品", "道路运输"} <= asked_sectors("一辆油罐车在县道上翻了，柴油流进河里")
    assert "危化品" in asked_sectors("道路危险货物运输途中发生泄漏")
    assert "工贸" in asked_sectors("棉纺厂清花车间起火")


def test_a_person_hit_by_a_vehicle_is_a_road_traffic_accident() -> None:
    assert plan_guide.slot_values("孩子在校门口被电动车撞了")["accident_types"] == ["道路交通事故"]
