"""Planguide6 round: an enterprise user's firm category names its sector, workshop words (喷漆房, 调漆间,
空压机房 储气罐) name theirs."""

from __future__ import annotations

from typing import Any

import pytest

from agents.chat import plan_guide
from agents.chat.plan_sectors import asked_sectors, category_sectors


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
