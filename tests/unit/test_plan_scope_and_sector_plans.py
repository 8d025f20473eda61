"""Which plan applies (planscope round): the towns a plan's scope names, and a sector's general plan
standing in for the accidents its scope does not list. Wording here is not the eval's."""

from __future__ import annotations

from typing import Any

import pytest

from agents.chat import plan_guide
from agents.chat.ownscope import own_scope, place_of
from agents.chat.plan_sectors import general_sectors
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question
from core.plan_document import EmergencyPlan
from core.scope import DataScope, ScopeLevel
from plans.plan_scope import applies_towns, handed_types, scope_towns

TOWNS = ["澄江街道", "南闸街道", "城东街道", "云亭街道", "华士镇", "临港经济开发区", "利港街道", "申港街道"]


@pytest.mark.parametrize(
    "scope,towns",
    [
        ("本预案适用于澄江街道、南闸街道行政区域内发生的暴雨内涝灾害。", ["澄江街道", "南闸街道"]),
        ("本预案适用于临港经济开发区辖区（包括利港街道和申港街道）内危化企业的事故。",
         ["临港经济开发区", "利港街道", "申港街道"]),
        ("适用于城东街道和云亭街道范围内的山林火灾扑救。", ["城东街道", "云亭街道"]),
        ("本预案适用于华士镇的行政区域内（含华西工业园）发生的生产安全事故。", ["华士镇"]),
    ],
)  # fmt: skip
def test_a_scope_names_the_towns_the_plan_applies_to(scope: str, towns: list[str]) -> None:
    assert scope_towns(scope, TOWNS) == towns


@pytest.mark.parametrize(
    "scope",
    [
        "本方案适用于公司（位于华士镇华西工业园）厂区范围内发生的机械伤害事故。",  # the firm's address
        "本预案适用于集团总部（澄江街道）及各项目部在全市范围内的施工事故。",  # the seat, not the territory
        "本预案适用于森林火灾扑救，必要时调集城东消防救援站增援。",  # a station named in passing
        "本预案适用于利港路沿线管廊的泄漏事故。",  # a road, not the town
    ],
)
def test_a_town_named_otherwise_in_the_scope_does_not_count(scope: str) -> None:
    assert scope_towns(scope, TOWNS) == []


def test_only_a_verified_scope_adds_towns() -> None:
    plan = EmergencyPlan(
        title="某开发区危险化学品事故专项应急预案", plan_type="专项",
        scope="本预案适用于临港经济开发区范围内（含利港街道、申港街道）危险化学品事故。",
    )  # fmt: skip
    towns = applies_towns(plan, {"/scope": "accepted"}, "临港经济开发区", TOWNS)
    assert towns == ["临港经济开发区", "利港街道", "申港街道"]
    assert applies_towns(plan, {"/scope": "pending"}, "临港经济开发区", TOWNS) == ["临港经济开发区"]
    assert applies_towns(plan, {}, None, TOWNS) == []


@pytest.mark.parametrize(
    "scope,handed",
    [
        ("本预案适用于园区内企业的火灾事故。园区道路上的交通事故依照《江阴市道路交通事故应急预案》执行。",
         ["道路交通事故"]),
        ("适用于全镇商贸企业的安全事故；电梯、锅炉等特种设备事故按照有关部门预案处置。", ["特种设备事故"]),
        ("本规程不适用于职工食堂食物中毒事件。", ["中毒和窒息"]),
        ("本预案适用于辖区内发生的火灾、爆炸事故的应急处置。", []),
    ],
)  # fmt: skip
def test_accidents_the_scope_hands_to_other_plans(scope: str, handed: list[str]) -> None:
    plan = EmergencyPlan(title="某预案", plan_type="专项", scope=scope)
    assert handed_types(plan, {"/scope": "accepted"}) == handed
    assert handed_types(plan, {"/scope": "pending"}) == []


@pytest.mark.parametrize(
    "title,sectors",
    [
        ("江阴市工贸行业生产安全事故应急预案", {"工贸"}),
        ("江阴市民政局养老机构安全事故应急预案", {"养老"}),
        ("江阴市建设工程施工安全事故应急预案", {"建设施工"}),
        ("江阴高新区锂电池企业火灾事故专项应急预案", set()),  # one accident type, not the whole class
        ("江阴市危险化学品事故专项应急预案", set()),
    ],
)
def test_a_general_plan_names_a_sector_and_the_whole_class(title: str, sectors: set[str]) -> None:
    assert general_sectors(title) == sectors


def _plan(pid: str, title: str, unit: str, types: list[str], **kw: Any) -> dict[str, Any]:
    return {"id": pid, "title": title, "plan_type": "专项", "issuing_unit": unit, "town": None,
            "enterprise_id": None, "towns": [], "enterprises": [], "accident_types": types, "levels": [],
            "asked_town": None} | kw  # fmt: skip


TRADE = _plan(
    "P-trade", "江阴市工贸行业生产安全事故应急预案", "江阴市人民政府办公室", ["粉尘爆炸", "有限空间"]
)
METAL = _plan(
    "P-metal", "江阴市应急管理局冶金企业生产安全事故部门应急预案", "江阴市应急管理局", ["火灾", "灼烫"]
)
EQUIP = _plan("P-equip", "江阴市市场监督管理局特种设备事故应急预案", "江阴市市场监督管理局", ["特种设备事故"])
CHEM = _plan("P-chem", "江阴市危险化学品事故专项应急预案", "江阴市人民政府办公室", ["火灾", "泄漏"])
TOWN = _plan(
    "P-town", "华士镇生产安全事故应急预案", "华士镇人民政府", ["火灾"], town="华士镇", towns=["华士镇"]
)


def _ranked(question: str, rows: list[dict[str, Any]], **params: Any) -> list[str]:
    values = plan_guide.slot_values(question) | params
    return [r["id"] for r in plan_guide.rank(rows, values, question)]


def test_a_sector_general_plan_stands_in_for_an_unlisted_accident() -> None:
    assert _ranked("一家服装厂的裁剪车间失火了，该用哪个预案", [TRADE, CHEM]) == ["P-trade"]
    assert _ranked("五金厂工人的手指被机器卷入受伤", [TRADE, CHEM]) == ["P-trade"]


def test_the_general_plan_comes_after_the_towns_plan() -> None:
    rows = [TRADE, TOWN | {"asked_town": "华士镇"}]
    assert _ranked("华士镇一家印染厂烘房着火", rows, town="华士镇") == ["P-town", "P-trade"]


def test_a_city_plan_written_for_the_sector_keeps_the_accident() -> None:
    assert _ranked("一家铜厂的熔炼车间起火了", [TRADE, METAL]) == ["P-metal"]
    assert _ranked("家具厂仓库里叉车撞倒了工人", [TRADE, EQUIP]) == ["P-equip"]


def test_no_general_plan_without_a_sector_said() -> None:
    assert _ranked("一个工厂的车间着火了", [TRADE, CHEM]) == []
    assert _ranked("厂房着火了", [TRADE, CHEM]) == []
    assert _ranked("纺织厂着火了", [TRADE, CHEM]) == ["P-trade"]  # a trade names the sector


def test_special_equipment_words_name_a_special_equipment_accident() -> None:
    assert plan_guide.slot_values("吊车吊的钢梁掉下来了")["accident_types"] == ["高处坠落", "特种设备事故"]


def test_own_patch_words_before_a_park_word_keep_the_callers_town() -> None:
    officer = DataScope(level=ScopeLevel.TOWN, town="申港街道")
    gazetteer = Gazetteer.from_towns(["申港街道", "临港经济开发区"])
    own = own_scope("我们街道化工园区有人中毒了", officer)
    slots = extract_slots(own.text, gazetteer)
    assert place_of(own, slots.town, slots.town_mention) == "申港街道"
    named = own_scope("我们街道的人在临港开发区出事了", officer)
    said = extract_slots(named.text, gazetteer)
    assert place_of(named, said.town, said.town_mention) == "临港经济开发区"  # a place named by name stays


def test_a_scene_that_is_a_store_is_still_a_plan_question() -> None:
    question = normalise_question("华士镇的物资仓库着火了该按哪个预案")
    slots = extract_slots(question, Gazetteer.from_towns(["华士镇"]))
    assert route(question, slots).intent == "plan_for"
