"""General chat rules found by round 26's misses and held-out 51 (chat round 27: a firm's legal name
pasted with its seat in brackets, 有限责任公司 or a branch suffix; 江阴市 before a trade name is no
slipped 失信; a count asked in a conversation stays a count, and a count of nothing says 0), each
tested on sentences that are not in the eval set."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.answer import templated_answer
from agents.chat.counted_lists import COUNT_LIMIT
from agents.chat.execute import remembered_slots
from agents.chat.legal_names import register_form
from agents.chat.timewords import CST
from agents.chat.wordslips import fix_word_slips
from core.scope import DataScope, Principal
from graph.intents import INTENTS
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)  # a Thursday
CITY = Principal(user_id="t", scope=DataScope())


# ---- pure rules ---------------------------------------------------------------------------------------


def test_a_pasted_legal_name_is_brought_to_the_register_form() -> None:
    assert register_form("宏达纺织（江阴）有限公司的法人是谁") == "宏达纺织有限公司的法人是谁"
    assert register_form("江阴市华宇机械有限责任公司有几条隐患") == "江阴市华宇机械有限公司有几条隐患"
    assert register_form("江苏澄宇集团有限公司申港分公司今年被罚过吗") == "江苏澄宇集团有限公司今年被罚过吗"
    assert register_form("括号（注意）里的话照旧") == "括号（注意）里的话照旧"  # no company form after it


def test_jiangyin_shi_before_a_trade_name_is_no_slipped_noun() -> None:
    assert fix_word_slips("江阴市信达机械有几条隐患") == "江阴市信达机械有几条隐患"
    assert fix_word_slips("严重市信的企业有哪些") == "严重失信的企业有哪些"  # still corrected elsewhere


def test_a_count_of_nothing_states_zero() -> None:
    intent = next(i for i in INTENTS if i.id == "overdue_hazards")
    asked = templated_answer(intent, [], {"town": "璜土镇", "limit": COUNT_LIMIT})
    listed = templated_answer(intent, [], {"town": "璜土镇", "limit": 50})
    assert "0" in asked and "0" not in listed


def test_a_question_asking_how_many_passes_the_count_on() -> None:
    assert remembered_slots({"town": "华士镇"}, {"limit": COUNT_LIMIT}).get("count_asked") is True
    assert "count_asked" not in remembered_slots({"town": "华士镇"}, {"limit": 50})


# ---- through the chat service on the demo city ----------------------------------------------------------


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="chat27-") as chat:
        yield chat


def test_a_branch_of_a_firm_is_the_firm(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("江阴市信晨汽车零部件有限责任公司长泾分公司的安全员是谁", CITY)
    assert got.intent == "enterprise_profile" and got.rows
    assert got.rows[0]["name"] == "江阴市信晨汽车零部件有限公司"


def test_a_follow_up_of_a_count_is_answered_as_a_count(service) -> None:  # type: ignore[no-untyped-def]
    first = service.ask("澄江街道这个月有多少起报警", CITY)
    then = service.ask("那只看火焰的呢", CITY, conversation_id=first.conversation_id)
    alone = service.ask("澄江街道这个月有多少起火焰报警", CITY)
    assert then.intent == "events_recent" and len(then.rows) == len(alone.rows)
    assert f"共查到 {len(alone.rows)}" in then.answer or f"共 {len(alone.rows)}" in then.answer


def test_a_visit_clause_does_not_hide_the_questions_own_period() -> None:
    from agents.chat.timewords import time_window
    from agents.nlp.timeexpr import parse_time_range

    got = time_window("下周跟队去璜土，璜土上个月罚了几次", NOW_MS, parse_time_range)
    assert (
        got is not None
        and got.to_ms <= NOW_MS
        and got.from_ms == int(datetime(2026, 10, 1, tzinfo=CST).timestamp() * 1000)
    )
    assert time_window("明天要去璜土检查，先看看隐患", NOW_MS, parse_time_range) is None  # the visit only
