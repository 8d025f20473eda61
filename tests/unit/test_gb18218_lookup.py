"""GB 18218-2018 lookups and inputs: Table 1 by name, alias and CAS number, the hazard-category
fallback (Table 2 critical quantities, Table 4 β) for chemicals Table 1 does not list, and the
validation of what a caller passes in. Grading and the worked examples: ``test_gb18218.py``.
"""

from __future__ import annotations

import math

import pydantic
import pytest

from core.errors import ValidationError
from core.standards.gb18218 import (
    ChemicalQuantity,
    HazardIdentificationError,
    UnitKind,
    critical_quantity_t,
    grade,
    identify,
    lookup_table1,
)
from tests.support.gb18218_inputs import HC, STORE, cq

# --------------------------------------------------------------------------- lookup


@pytest.mark.parametrize(
    ("name", "no"),
    [
        ("液氨", 1),
        ("氨气", 1),
        ("液氯", 12),
        ("氯气", 12),
        ("光气", 6),
        ("LPG", 52),
        ("lpg", 52),
        ("ＬＰＧ", 52),
        ("丙烷", 52),
        ("丁烷", 52),
        ("天然气", 49),
        ("甲烷", 49),
        ("一氧化碳", 13),
        ("电石", 83),
        ("TNT", 35),
        ("酒精", 67),
        ("乙醇汽油", 66),
        (" 环氧丙烷 ", 63),
        ("硝化纤维素（含乙醇≥25%）", 39),
        ("硝化纤维素［干的或含水（或乙醇）＜25%］", 37),
    ],
)
def test_lookup_by_alias(name: str, no: int) -> None:
    entry = lookup_table1(name)
    assert entry is not None and entry.no == no


def test_lookup_by_cas() -> None:
    hit = lookup_table1(cas="7664-41-7")
    assert hit is not None and hit.name == "氨"
    # unknown (e.g. English) name, known CAS → found via CAS
    res = identify([cq("Ammonia, anhydrous", 20, cas="7664-41-7")], STORE)
    assert res.items[0].table1_no == 1 and res.items[0].critical_quantity_t == 10
    # propane CAS maps to the LPG row
    hit = lookup_table1(cas="74-98-6")
    assert hit is not None and hit.no == 52
    # CAS + name disambiguate a shared CAS
    hit = lookup_table1("硝化纤维素(含水≥25%)", "9004-70-0")
    assert hit is not None and hit.no == 41


def test_lookup_with_bad_cas_raises_validation_error() -> None:
    with pytest.raises(HazardIdentificationError) as exc:
        lookup_table1(cas="7664-41-8")
    assert exc.value.code == "invalid_hazard_input"
    assert "校验位" in exc.value.message


def test_lookup_miss_returns_none() -> None:
    assert lookup_table1("乙酸丁酯") is None
    assert lookup_table1(cas="123-86-4") is None


def test_known_name_with_unlisted_cas_uses_name() -> None:
    # 8006-61-9 is an older gasoline CAS not printed in 表1; the name still decides.
    assert critical_quantity_t(cq("汽油", 1, cas="8006-61-9")) == 200


@pytest.mark.parametrize(
    ("name", "cas"), [("硝酸铵", None), (None, "6484-52-2"), ("硝化棉", None), (None, "9004-70-0")]
)
def test_ambiguous_lookup(name: str | None, cas: str | None) -> None:
    with pytest.raises(HazardIdentificationError) as exc:
        lookup_table1(name, cas)
    assert exc.value.code == "ambiguous_chemical"
    assert len(exc.value.details["candidates"]) >= 2  # type: ignore[arg-type]
    assert "具体名称" in exc.value.message


def test_name_cas_conflict() -> None:
    with pytest.raises(HazardIdentificationError) as exc:
        identify([cq("甲醇", 10, cas="64-17-5")], STORE)  # 64-17-5 is 乙醇
    assert exc.value.code == "chemical_conflict"


# --------------------------------------------------------------------------- category fallback


def test_category_fallback() -> None:
    # 乙酸丁酯 (not in 表1), 易燃液体类别3 → W5.4, Q 5000: 1000/5000 = 0.2
    res = identify([cq("乙酸丁酯", 1000, cas="123-86-4", cat=HC.W5_4)], STORE)
    item = res.items[0]
    assert (item.q_source, item.q_category, item.critical_quantity_t, item.ratio) == (
        "table2",
        HC.W5_4,
        5000,
        0.2,
    )
    assert item.table1_no is None and "表2 W5.4" in item.explanation


def test_multiple_categories_lowest_q_highest_beta() -> None:
    # W5.1 (Q 10, β 1.5) + J5 (Q 500, β 1): Q = 10, β = 1.5. 15 t → S = 1.5;
    # 0 people → α 0.5 → R = 0.5 × 1.5 × 1.5 = 1.125 → 四级.
    item = ChemicalQuantity(name="某易燃有毒液体", quantity_t=15, category=HC.J5, extra_categories=(HC.W5_1,))
    res = grade([item], STORE, 0)
    c = res.contributions[0]
    assert (c.critical_quantity_t, c.q_category, c.beta, c.beta_category) == (10, HC.W5_1, 1.5, HC.W5_1)
    assert res.r_value == pytest.approx(1.125)


def test_table1_precedence_and_user_category_sets_beta() -> None:
    # 甲醇 is in 表1 → Q stays 500 even with W5.1 given; β follows the caller's category (1.5).
    # 1000 t → 2; α(0) 0.5 → R = 0.5 × 1.5 × 2 = 1.5.
    res = grade([cq("甲醇", 1000, cat=HC.W5_1)], STORE, 0)
    c = res.contributions[0]
    assert (c.critical_quantity_t, c.beta, c.beta_source) == (500, 1.5, "table4")
    assert res.r_value == pytest.approx(1.5)


def test_table3_beats_user_category() -> None:
    res = grade([cq("氯", 5, cat=HC.W4)], STORE, 1)
    assert (res.contributions[0].beta, res.contributions[0].beta_source) == (4.0, "table3")


def test_default_beta_examples() -> None:
    # defaults: flammable gas 1.5, explosive 2, 三氧化硫 assumed 1, 一氧化碳 via 表3 = 2
    unit = [cq("乙炔", 1), cq("TNT", 5), cq("三氧化硫", 75), cq("一氧化碳", 20)]
    res = grade(unit, STORE, 0)
    assert [(c.beta, c.beta_source) for c in res.contributions] == [
        (1.5, "table4_default"),
        (2.0, "table4_default"),
        (1.0, "assumed"),
        (2.0, "table3"),
    ]


def test_unknown_chemical_without_category() -> None:
    with pytest.raises(HazardIdentificationError) as exc:
        identify([cq("硫酸二甲酯", 10)], STORE)
    assert exc.value.code == "unknown_chemical"
    assert "硫酸二甲酯" in exc.value.message
    assert isinstance(exc.value, ValidationError)


# --------------------------------------------------------------------------- input validation


@pytest.mark.parametrize("q", [-1.0, -0.001, math.nan, math.inf])
def test_bad_quantity_rejected(q: float) -> None:
    with pytest.raises(pydantic.ValidationError):
        ChemicalQuantity(name="甲醇", quantity_t=q)


@pytest.mark.parametrize("cas", ["7664-41-8", "7664417", "abc", "1-2-3"])
def test_bad_cas_rejected(cas: str) -> None:
    with pytest.raises(pydantic.ValidationError):
        ChemicalQuantity(name="氨", cas=cas, quantity_t=1)


def test_cas_normalised_and_blank_is_none() -> None:
    assert ChemicalQuantity(name="氨", cas=" ７６６４－４１－７ ", quantity_t=1).cas == "7664-41-7"
    assert ChemicalQuantity(name="氨", cas="", quantity_t=1).cas is None


def test_blank_name_and_extra_fields_rejected() -> None:
    with pytest.raises(pydantic.ValidationError):
        ChemicalQuantity(name="  ", quantity_t=1)
    with pytest.raises(pydantic.ValidationError):
        ChemicalQuantity(name="氨", quantity_t=1, unit="kg")  # type: ignore[call-arg]


def test_zero_quantity_allowed() -> None:
    assert identify([cq("氨", 0)], STORE).s_value == 0


@pytest.mark.parametrize("people", [-1, 1.5, True, "10"])
def test_bad_exposed_people(people: object) -> None:
    with pytest.raises(HazardIdentificationError):
        grade([cq("氯", 10)], STORE, people)  # type: ignore[arg-type]


def test_unit_kind_strings() -> None:
    assert identify([], "生产单元").unit_kind is UnitKind.PRODUCTION
    with pytest.raises(HazardIdentificationError):
        identify([], "仓库")
