"""GB 18218-2018 重大危险源辨识与分级 tests.

Every worked example below is computed by hand in its comment:
S = Σ q/Q (major when S ≥ 1), R = α Σ β q/Q, 一级 R ≥ 100, 二级 [50,100), 三级 [10,50), 四级 < 10.
Lookups, the category fallback and input validation: ``test_gb18218_lookup.py``.
"""

from __future__ import annotations

import pytest

from core.standards.gb18218 import (
    HazardIdentificationError,
    UnitKind,
    exposure_alpha,
    grade,
    identify,
    level_for,
    lookup_table1,
    normalize_cas,
)
from core.standards.gb18218_tables import CATEGORIES, TABLE1, TABLE3_BETA
from tests.support.gb18218_inputs import STORE, cq

# --------------------------------------------------------------------------- table integrity


def test_table1_has_85_numbered_rows() -> None:
    assert [e.no for e in TABLE1] == list(range(1, 86))


def test_table1_cas_numbers_pass_check_digit() -> None:
    for e in TABLE1:
        for cas in e.cas:
            assert normalize_cas(cas) == cas, (e.no, cas)


@pytest.mark.parametrize(
    ("name", "q"),
    [
        ("液氨", 10),
        ("氯", 5),
        ("光气", 0.3),
        ("硫化氢", 5),
        ("氢", 5),
        ("甲醇", 500),
        ("汽油", 200),
        ("苯", 50),
        ("甲苯", 500),
        ("液化石油气", 50),
        ("天然气", 50),
        ("乙炔", 1),
        ("环氧乙烷", 10),
        ("二氧化硫", 20),
        ("氰化氢", 1),
        ("丙酮", 500),
        ("氯乙烯", 50),
        ("乙醇", 500),
        ("异氰酸甲酯", 0.75),
        ("三氧化硫", 75),
        ("硝酸钾", 1000),
        ("一氧化碳", 20),
        ("钠", 10),
        ("碳化钙", 100),
        ("硝酸铵(含可燃物≤0.2%)", 50),
        ("硝酸铵肥料", 200),
        ("甲苯二异氰酸酯", 100),
    ],
)
def test_table1_spot_values(name: str, q: float) -> None:
    entry = lookup_table1(name)
    assert entry is not None
    assert float(entry.critical_t) == q


def test_table2_and_table4_values() -> None:
    expected = {
        "J1": (5, 4), "J2": (50, 1), "J3": (50, 2), "J4": (50, 2), "J5": (500, 1),
        "W1.1": (1, 2), "W1.2": (10, 2), "W1.3": (50, 2), "W2": (10, 1.5), "W3": (150, 1),
        "W4": (50, 1), "W5.1": (10, 1.5), "W5.2": (50, 1), "W5.3": (1000, 1), "W5.4": (5000, 1),
        "W6.1": (10, 1.5), "W6.2": (50, 1), "W7.1": (10, 1.5), "W7.2": (50, 1), "W8": (50, 1),
        "W9.1": (50, 1), "W9.2": (200, 1), "W10": (200, 1), "W11": (200, 1),
    }  # fmt: skip
    got = {c.value: (float(r.critical_t), float(r.beta)) for c, r in CATEGORIES.items()}
    assert got == expected


def test_table3_values_and_rows() -> None:
    by_name = {name: float(b) for name, b in TABLE3_BETA.values()}
    assert by_name == {
        "一氧化碳": 2, "二氧化硫": 2, "氨": 2, "环氧乙烷": 2, "氯化氢": 3, "溴甲烷": 3, "氯": 4,
        "硫化氢": 5, "氟化氢": 5, "二氧化氮": 10, "氰化氢": 10, "碳酰氯": 20, "磷化氢": 20, "异氰酸甲酯": 20,
    }  # fmt: skip
    for no, (name, _) in TABLE3_BETA.items():
        entry = lookup_table1(name)
        assert entry is not None and entry.no == no


def test_every_row_name_resolves_to_itself() -> None:
    for e in TABLE1:
        assert lookup_table1(e.name) == e


# --------------------------------------------------------------------------- worked examples


def test_brief_example_ammonia_and_methanol() -> None:
    # 20 t 液氨 (Q 10) + 100 t 甲醇 (Q 500): S = 2.0 + 0.2 = 2.2 → major.
    # β: 氨 2 (表3), 甲醇 1 (表4 W5.3 default). α(120 people) = 2.0.
    # R = 2.0 × (2×2.0 + 1×0.2) = 8.4 → 四级.
    unit = [cq("液氨", 20), cq("甲醇", 100)]
    ident = identify(unit, STORE)
    assert ident.is_major and ident.s_value == pytest.approx(2.2)
    assert [i.ratio for i in ident.items] == pytest.approx([2.0, 0.2])
    res = grade(unit, STORE, 120)
    assert res.r_value == pytest.approx(8.4)
    assert (res.level, res.level_name, res.alpha) == (4, "四级", 2.0)
    assert [(c.beta, c.beta_source) for c in res.contributions] == [(2.0, "table3"), (1.0, "table4_default")]
    assert [c.weighted for c in res.contributions] == pytest.approx([4.0, 0.2])
    assert "表3 氨" in res.contributions[0].explanation


def test_tank_farm_level_4() -> None:
    # 汽油 300 t (Q 200 → 1.5, β 1) + 液化石油气 40 t (Q 50 → 0.8, β 1.5 W2)
    # + 苯 20 t (Q 50 → 0.4, β 1): S = 2.7; Σβq/Q = 1.5 + 1.2 + 0.4 = 3.1;
    # 45 people → α 1.2 → R = 3.72 → 四级.
    unit = [cq("汽油", 300), cq("LPG", 40), cq("苯", 20)]
    res = grade(unit, UnitKind.STORAGE, 45)
    assert res.s_value == pytest.approx(2.7)
    assert res.r_value == pytest.approx(3.72)
    assert res.level == 4


def test_chlorine_level_3() -> None:
    # 液氯 30 t: q/Q = 30/5 = 6, β 4 → 24; 60 people → α 1.5 → R = 36 → 三级.
    res = grade([cq("液氯", 30)], UnitKind.PRODUCTION, 60)
    assert (res.s_value, res.r_value, res.level) == (6.0, 36.0, 3)
    assert res.unit_kind is UnitKind.PRODUCTION


def test_chlorine_and_h2s_level_2() -> None:
    # 液氯 50 t → 10 × β4 = 40; 硫化氢 2 t → 0.4 × β5 = 2; Σ = 42; 80 people → α 1.5 → R = 63 → 二级.
    res = grade([cq("液氯", 50), cq("硫化氢", 2)], STORE, 80)
    assert res.s_value == pytest.approx(10.4)
    assert res.r_value == pytest.approx(63)
    assert (res.level, res.level_name) == (2, "二级")


def test_hydrogen_cyanide_level_1() -> None:
    # 氰化氢 10 t → q/Q = 10 × β10 = 100; 5 people → α 1.0 → R = 100 → 一级 (boundary inclusive).
    res = grade([cq("氰化氢", 10)], STORE, 5)
    assert (res.r_value, res.level, res.level_name) == (100.0, 1, "一级")


# --------------------------------------------------------------------------- boundaries


def test_r_exactly_100_with_phosgene() -> None:
    # 光气 3 t: 3/0.3 = 10 (exact); β 20 → 200; 0 people → α 0.5 → R = 100 → 一级.
    res = grade([cq("光气", 3)], STORE, 0)
    assert (res.r_value, res.level, res.alpha) == (100.0, 1, 0.5)
    # 2.99 t → R = 0.5 × 20 × 2.99/0.3 = 99.666… → 二级.
    assert grade([cq("光气", 2.99)], STORE, 0).level == 2


def test_r_exactly_50() -> None:
    # 液氨 125 t → 12.5 × β2 = 25; α 2.0 → R = 50 → 二级; 124.9 t → 49.96 → 三级.
    assert grade([cq("液氨", 125)], STORE, 100).level == 2
    assert grade([cq("液氨", 124.9)], STORE, 100).level == 3


def test_r_exactly_10() -> None:
    # 甲醇 5000 t → 10 × β1 × α1.0 = 10 → 三级; 4999.5 t → 9.999 → 四级.
    assert grade([cq("甲醇", 5000)], STORE, 1).level == 3
    assert grade([cq("甲醇", 4999.5)], STORE, 29).level == 4


def test_r_boundary_is_exact_despite_binary_floats() -> None:
    # 氯 0.1 t + 0.2 t + 1.7 t = 2 t → S = 0.4; padded with 甲醇 300 t (0.6) → S = 1 exactly.
    # Σβq/Q = 4 × 0.4 + 0.6 = 2.2; floats alone would give 0.1+0.2 ≠ 0.3.
    unit = [cq("氯", 0.1), cq("氯", 0.2), cq("氯", 1.7), cq("甲醇", 300)]
    assert identify(unit, STORE).is_major
    # 光气 0.1 t + 0.2 t → 1/3 + 2/3 = 1 exactly.
    assert identify([cq("光气", 0.1), cq("光气", 0.2)], STORE).is_major


def test_s_exactly_1() -> None:
    assert identify([cq("甲醇", 500)], STORE).is_major
    assert not identify([cq("甲醇", 499.99)], STORE).is_major
    # 液氨 5 t (0.5) + 甲醇 250 t (0.5) = 1.0
    mixed = identify([cq("液氨", 5), cq("甲醇", 250)], STORE)
    assert mixed.is_major and mixed.s_value == 1.0


def test_alpha_bands() -> None:
    got = {n: exposure_alpha(n) for n in (0, 1, 29, 30, 49, 50, 99, 100, 5000)}
    assert got == {0: 0.5, 1: 1.0, 29: 1.0, 30: 1.2, 49: 1.2, 50: 1.5, 99: 1.5, 100: 2.0, 5000: 2.0}


def test_level_for() -> None:
    assert [level_for(r) for r in (1000, 100, 99.999, 50, 49.99, 10, 9.99, 0)] == [1, 1, 2, 2, 3, 3, 4, 4]


def test_grade_refuses_non_major_unit() -> None:
    with pytest.raises(HazardIdentificationError) as exc:
        grade([cq("甲醇", 100)], STORE, 10)
    assert exc.value.code == "not_major_hazard"
    assert exc.value.details["s_value"] == pytest.approx(0.2)


def test_empty_unit() -> None:
    res = identify([], STORE)
    assert (res.s_value, res.is_major, res.items) == (0.0, False, ())
