from __future__ import annotations

from core.analytics import category_group, hazard_counts, is_overdue, ratio
from graph.repository import day_bounds
from graph.upsert import reference_fields, upsert_query

NOW = 1_764_000_000_000


def test_overdue_only_for_open_hazards_past_deadline() -> None:
    assert is_overdue("待整改", NOW - 1, NOW)
    assert is_overdue("整改中", NOW - 1, NOW)
    assert not is_overdue("待整改", NOW + 1, NOW)
    assert not is_overdue("已整改", NOW - 1, NOW)
    assert not is_overdue("待整改", None, NOW)


def test_hazard_counts_from_grouped_rows() -> None:
    c = hazard_counts(
        [
            {"level": "重大", "status": "待整改", "overdue": True, "n": 2},
            {"level": "一般", "status": "已验收", "overdue": False, "n": 6},
            {"level": "一般", "status": "整改中", "overdue": False, "n": 2},
        ]
    )
    assert (c.total, c.major, c.general, c.open, c.overdue, c.rectified) == (10, 2, 8, 4, 2, 6)
    assert c.rectification_rate == 0.6
    assert hazard_counts([]).rectification_rate == 0.0


def test_ratio_and_groups() -> None:
    assert ratio(1, 3) == 0.3333 and ratio(5, 0) == 0.0
    assert category_group("纺织") == "工贸" and category_group("加油站") == "危化"
    assert category_group("其他") == "其他" and category_group("未知") == "其他"


def test_day_bounds_follow_shanghai_midnight() -> None:
    start, end = day_bounds(NOW + 5 * 3_600_000)  # 05:00 Shanghai
    assert start == NOW and end - start == 86_400_000
    assert day_bounds(NOW - 1)[0] == NOW - 86_400_000  # 23:59:59 the day before


def test_upsert_query_uses_parameters_and_schema_identifiers_only() -> None:
    q = upsert_query("Hazard")
    assert q.startswith("UNWIND $rows AS row")
    assert "MERGE (s0)-[:HAS_HAZARD]->(n)" in q and "MERGE (s1)-[:FOUND]->(n)" in q
    assert reference_fields("LeaseAgreement") == {
        "lessor_id": ("Lessor", True),
        "lessee_id": ("Enterprise", True),
    }
