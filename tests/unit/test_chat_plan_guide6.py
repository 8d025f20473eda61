"""Planguide6 round: an enterprise user's firm category names its sector, workshop words (喷漆房, 调漆间,
空压机房 储气罐) name theirs."""

from __future__ import annotations

from typing import Any

import pytest

from agents.chat import plan_guide
from agents.chat.ownscope import own_scope
from agents.chat.plan_passages import quote
from agents.chat.plan_sectors import asked_sectors, category_sectors
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question
from core.scope import DataScope, ScopeLevel

TOWNS = Gazetteer.from_towns(["华士镇", "璜土镇", "云亭街道"])


def _plan(pid: str, title: str, unit: str, **kw: Any) -> dict[str, Any]:
    return {"id": pid, "title": title, "plan_type": kw.pop("plan_type", "专项"), "issuing_unit": unit,
            "town": None, "enterprise_id": None, "towns": [], "enterprises": [], "accident_types": ["火灾"],
            "levels": [], "asked_town": None, "resources": []} | kw  # fmt: skip


GONGMAO = _plan("G", "江阴市工贸行业生产安全事故应急预案", "江阴市人民政府办公室",
                accident_types=["粉尘爆炸", "有限空间作业中毒和窒息"])  # fmt: skip
HAZCHEM = _plan("H", "江阴市危险化学品事故专项应急预案", "江阴市人民政府办公室",
                accident_types=["火灾", "爆炸", "泄漏", "中毒窒息"])  # fmt: skip
LITHIUM = _plan("L", "江阴高新区锂电池企业火灾事故专项应急预案", "江阴高新技术产业开发区管理委员会")
OTHER_FIRM = _plan("F", "变电所触电事故现场处置方案", "江阴某某纺织有限公司",
                   plan_type="现场处置方案", accident_types=["触电"], enterprise_id="X")  # fmt: skip


@pytest.mark.parametrize(
    "category,sectors",
    [("纺织", {"工贸"}), ("建材", {"工贸"}), ("有色", {"工贸", "冶金"}), ("一般化工", {"危化品"}),
     ("危化品经营(带储存)", {"危化品"}), ("其他", set()), ("", set())],
)  # fmt: skip
def test_a_firm_category_names_its_sector(category: str, sectors: set[str]) -> None:
    assert category_sectors(category) == sectors


def _ranked(question: str, rows: list[dict[str, Any]], firm_sectors: set[str]) -> list[str]:
    params = plan_guide.slot_values(question) | {"firm_sectors": sorted(firm_sectors)}
    return [r["id"] for r in plan_guide.rank(rows, params, question)]


def test_an_enterprise_users_shock_in_a_textile_works_is_the_trade_plan_not_another_firms() -> None:
    question = "我们厂变电所里电工被电击倒了，用哪个预案"
    rows = [OTHER_FIRM, GONGMAO, LITHIUM]
    assert _ranked(question, rows, category_sectors("纺织")) == ["G"]
    assert "G" not in _ranked(question, rows, set())  # the words alone name no trade


def test_a_chemical_firms_leak_said_with_no_chemical_word_is_the_hazchem_plans() -> None:
    question = "我们车间管道法兰漏了，有人头晕，走什么预案"
    assert _ranked(question, [HAZCHEM, GONGMAO], category_sectors("使用危化品的化工企业")) == ["H"]
    assert _ranked(question, [HAZCHEM, GONGMAO], set()) == []


@pytest.mark.parametrize(
    "question,sector",
    [("涂装线喷涂室着火了", "危化品"), ("调漆间冒黑烟", "危化品"), ("清洗用的溶剂桶烧起来了", "危化品"),
     ("压缩机房贮气罐爆裂", "特种设备")],
)  # fmt: skip
def test_workshop_words_name_their_sector(question: str, sector: str) -> None:
    assert sector in asked_sectors(question)


def test_a_spray_booth_fire_at_a_furniture_works_is_the_hazchem_plan_alone() -> None:
    question = "家具厂喷涂室着火，按哪个预案"
    assert _ranked(question, [GONGMAO, HAZCHEM], category_sectors("轻工")) == ["H"]


def test_a_pressure_vessel_at_a_trade_works_is_special_equipment_not_the_towns_dust_plan() -> None:
    special = _plan("S", "江阴市市场监督管理局特种设备事故应急预案", "江阴市市场监督管理局",
                    accident_types=["特种设备事故"], plan_type="部门")  # fmt: skip
    dust = _plan("D", "某镇工贸企业有限空间和粉尘涉爆事故专项应急预案", "某镇人民政府", town="某镇",
                 asked_town="某镇", accident_types=["粉尘爆炸", "有限空间中毒窒息"])  # fmt: skip
    question = "厂里压缩机房的贮气罐炸开了，按什么预案"
    assert _ranked(question, [dust, GONGMAO, special], category_sectors("机械")) == ["S"]


@pytest.mark.parametrize(
    "question", ["印刷厂的切纸机上有人割伤了手，用什么预案", "纸品公司仓库着火，按什么预案"]
)
def test_paper_and_print_works_are_the_trade_sector(question: str) -> None:
    assert "工贸" in asked_sectors(question)


# ---- a town officer's own park; an injury said by what did it ------------------------------------------------
@pytest.mark.parametrize(
    "question,kept",
    [
        ("我们化工集中区一家企业储罐泄漏，用哪个预案", "化工集中区"),
        ("咱们工业园里一家工厂着火了，谁指挥", "工业园"),
    ],
)
def test_a_town_officers_own_park_is_in_his_town(question: str, kept: str) -> None:
    own = own_scope(question, DataScope(level=ScopeLevel.TOWN, town="璜土镇"))
    assert own.town == "璜土镇" and own.text.startswith(kept)


def test_an_injury_said_by_what_did_it_is_a_plan_question_with_an_accident() -> None:
    question = "镇上一家石料厂工人被飞出的砂轮碎片崩伤，按什么预案"
    assert route(normalise_question(question), extract_slots(question, TOWNS)).intent == "plan_for"
    assert plan_guide.slot_values(question)["accident_types"] == ["物体打击"]


# ---- who to report to, asked with a level: the reporting chain is quoted, not the level's measure ---------------
def test_a_level_and_reporting_question_quotes_the_passage_with_the_time_limit() -> None:
    level = {"plan_id": "P", "title": "某镇预案", "section": "Ⅲ级响应",
             "text": "启动Ⅲ级响应，由副总指挥组织指挥：成立现场指挥部；向江阴市应急管理局报告并请求支援。"}  # fmt: skip
    chain = {"plan_id": "P", "title": "某镇预案", "section": "信息报告",
             "text": "事发单位应立即向镇应急管理局报告；镇应急管理局接报后应在半小时内电话报告江阴市应急管理局。"}  # fmt: skip
    line = quote([level, chain], "三级响应谁指挥，先做什么，要报告给谁")
    assert "信息报告" in line and "半小时内" in line
    content = {"plan_id": "P", "title": "某镇预案", "section": "信息报告",
               "text": "报告内容包括事故发生的时间、地点、单位名称和伤亡人数，以及已采取的措施。"}  # fmt: skip
    assert "报告内容" in quote([content, chain], "报告内容要包括哪些")  # a limit does not answer it
