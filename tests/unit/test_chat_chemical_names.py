"""Chemical names as duty officers say them: GB 18218 names and aliases, and trade names."""

from __future__ import annotations

import pytest

from agents.chat.records import chemical_in, record_slots
from graph.intents import BY_ID


@pytest.mark.parametrize(
    ("text", "cas"),
    [
        ("哪些企业有液氯", "7782-50-5"),
        ("存放氯气的企业", "7782-50-5"),
        ("哪几家单位使用液化气", "68476-85-7"),
        ("LPG 储存在哪些企业", "68476-85-7"),
        ("哪些厂用双氧水", "7722-84-1"),
        ("存了过氧化氢的企业", "7722-84-1"),
        ("哪些企业储存火碱", "1310-73-2"),
    ],
)
def test_a_chemical_is_found_by_any_of_its_names(text: str, cas: str) -> None:
    found = chemical_in(text)
    assert found is not None and cas in found[1], text


def test_trade_names_and_standard_names_reach_each_other() -> None:
    assert "过氧化氢" in (chemical_in("囤了双氧水的企业") or ("", ()))[1]
    assert "双氧水" in (chemical_in("储存过氧化氢的单位") or ("", ()))[1]
    assert {"天那水", "香蕉水"} <= set((chemical_in("哪些厂存香蕉水") or ("", ()))[1])


@pytest.mark.parametrize(
    "text", ["华士镇有哪些企业", "有几家企业", "哪些企业有重大危险源", "液氯泄漏怎么处置"]
)
def test_no_chemical_is_read_where_none_is_held(text: str) -> None:
    assert chemical_in(text) is None


@pytest.mark.parametrize("text", ["过氧化氢的重大危险源有哪些", "液氯储罐区在哪", "氯气罐区有哪些企业"])
def test_a_hazard_source_question_names_its_chemical_without_a_verb(text: str) -> None:
    assert (
        "7782-50-5" in record_slots(text).get("chemical", []) or "7722-84-1" in record_slots(text)["chemical"]
    )


def test_hazard_source_templates_filter_by_the_stored_chemical() -> None:
    for intent in ("hazard_source_list", "hazard_source_enterprises"):
        assert "chemical" in BY_ID[intent].slots
        assert "$chemical" in (BY_ID[intent].cypher or "")
