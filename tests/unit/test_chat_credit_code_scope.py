"""A credit code that names no firm the caller may see is declined, not dropped (probe round 5):
left in the question it read as no firm at all, and "9132…有哪些隐患" answered for the caller's
whole town (or the city) as if for that firm."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.timewords import CST
from core.scope import DataScope, Principal, ScopeLevel
from core.standards.uscc import make_uscc
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)
CITY = Principal(user_id="c", scope=DataScope())
NOBODY = make_uscc("9", "1", "320281", "MA7KKKK3")  # valid check characters, registered to no firm


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="chat-code-") as chat:
        yield chat


def test_a_valid_code_no_firm_has_is_declined_by_name(service) -> None:  # type: ignore[no-untyped-def]
    for question in (f"{NOBODY}近三个月被处罚过吗", f"信用代码为{NOBODY}的单位有几个在线监测点"):
        got = service.ask(question, CITY)
        assert got.path == "refusal" and not got.rows, question
        assert f"没有找到统一社会信用代码为“{NOBODY}”的企业" in got.answer


def test_another_towns_firm_by_code_is_declined_for_a_town_officer(service) -> None:  # type: ignore[no-untyped-def]
    firm = service.ask("临港有哪些企业", CITY).rows[0]
    officer = Principal(user_id="o", scope=DataScope(level=ScopeLevel.TOWN, town="青阳镇"))
    got = service.ask(f"帮我看下{firm['id']}还有几条隐患没整改", officer)
    assert got.path == "refusal" and not got.rows
    assert firm["id"] in got.answer and firm["name"] not in got.answer
    mine = service.ask(f"帮我看下{firm['id']}还有几条隐患没整改", CITY)  # the city sees it
    assert mine.path == "template" and firm["name"] in mine.answer


def test_a_code_shape_failing_its_check_digits_is_not_declined_as_a_code(service) -> None:  # type: ignore[no-untyped-def]
    typo = NOBODY[:-1] + ("1" if NOBODY[-1] != "1" else "2")  # an ID-card number or a slip
    got = service.ask(f"{typo}的法人是谁", CITY)
    assert "统一社会信用代码为" not in got.answer
