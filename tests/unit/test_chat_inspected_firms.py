"""Counting: "今年检查了几家企业" asks for the firms inspected, "检查了多少次" for the inspections: the count
template answers each (a firm inspected twice is one firm), on the demo city."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from core.scope import DataScope, Principal
from tests.support.demo_chat import demo_chat_service

NOW_MS = 1_795_000_000_000  # 2026-11-18, inside the demo city's inspection history
WHO = Principal(user_id="t", scope=DataScope())


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="inspected-") as chat:
        yield chat


def _number(answer: str) -> int:
    m = re.search(r"共 (\d+) (家|次)", answer)
    assert m, answer
    return int(m.group(1))


def test_firms_inspected_are_counted_once_each_and_inspections_by_visit(service) -> None:  # type: ignore[no-untyped-def]
    firms = service.ask("今年一共查了多少家企业", WHO)
    visits = service.ask("今年一共检查了几次", WHO)
    listed = service.ask("今年被检查过的企业有几家", WHO)  # the composed route over the same firms
    assert firms.intent == visits.intent == "inspection_count"
    assert "家" in firms.answer and "次" in visits.answer
    assert _number(firms.answer) == _number(listed.answer.splitlines()[-1]) < _number(visits.answer)


def test_a_follow_up_asking_for_times_counts_inspections_again(service) -> None:  # type: ignore[no-untyped-def]
    firms = service.ask("华士镇今年检查了几家企业", WHO)
    times = service.ask("那一共多少次呢", WHO, conversation_id=firms.conversation_id)
    assert times.intent == "inspection_count" and "次" in times.answer
    assert _number(times.answer) > _number(firms.answer)
