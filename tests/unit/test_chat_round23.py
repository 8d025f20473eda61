"""General chat rules found by held-out 43 (chat round 23: conversations and bad input), each tested on
wording that is not in the eval set: a turn naming nothing after an answer, English and over-long turns,
a period moved back, the firms behind a count, a scope refusal inside a conversation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.firms_behind import firm_count_form, firms_asked
from agents.chat.idle_turn import names_nothing
from agents.chat.models import TurnState
from agents.chat.shifted_period import moved_back
from agents.chat.timewords import CST
from core.scope import DataScope, Principal, ScopeLevel
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)  # a Thursday


def _ms(*day: int) -> int:
    return int(datetime(*day, tzinfo=CST).timestamp() * 1000)


def _after(start: tuple[int, ...], end: tuple[int, ...]) -> TurnState:
    return TurnState(question="q", intent="penalty_total", slots={"from_ms": _ms(*start), "to_ms": _ms(*end)})


@pytest.mark.parametrize(
    ("turn", "previous", "restated"),
    [
        ("再往前两个月呢", _after((2026, 10, 1), (2026, 11, 1)), "那2026年8月呢"),
        ("往前推一年", _after((2025, 1, 1), (2026, 1, 1)), "那2024年呢"),
        ("那再往前一周呢", _after((2026, 11, 16), (2026, 11, 23)), "那2026年11月9日至2026年11月15日呢"),
        ("再往前一天呢？", _after((2026, 11, 25), (2026, 11, 26)), "那2026年11月24日呢"),
        ("再往前一个月", _after((2026, 1, 1), (2026, 2, 1)), "那2025年12月呢"),  # across a year
    ],
)
def test_a_whole_day_period_is_moved_back(turn: str, previous: TurnState, restated: str) -> None:
    assert moved_back(turn, previous) == restated


def test_nothing_is_moved_without_a_calendar_period_or_a_shift_word() -> None:
    rolling = TurnState(
        question="q", intent="events_recent", slots={"from_ms": NOW_MS - 86_400_000, "to_ms": NOW_MS}
    )
    assert moved_back("再往前一天呢", rolling) == "再往前一天呢"  # 近24小时: no calendar day to move
    assert moved_back("再往前一个月呢", TurnState(question="q", intent="hazard_count")) == "再往前一个月呢"
    month = _after((2026, 10, 1), (2026, 11, 1))
    assert moved_back("往前的检查记录有几条", month) == "往前的检查记录有几条"


@pytest.mark.parametrize("turn", ["这些是几家企业", "那涉及多少家公司？", "上面那个数字对应几家企业呢"])
def test_a_bare_firm_count_follows_the_records_before_it(turn: str) -> None:
    assert firm_count_form(turn, "inspection_list") == "inspection_count"
    assert firm_count_form(turn, "penalty_total") == "penalty_list"
    assert (
        firms_asked(turn, TurnState(question="q", intent="hazard_count")) == "那是多少家企业"
    )  # no 刚才 left for the time grammar


def test_a_firm_count_with_its_own_subject_is_a_new_question() -> None:
    assert firm_count_form("临港有多少家加油站", "inspection_count") is None
    assert firm_count_form("几家企业", "enterprise_count") is None  # no records behind an enterprise count
    assert (
        firms_asked("华士镇有多少家企业", TurnState(question="q", intent="hazard_count"))
        == "华士镇有多少家企业"
    )


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="chat23-") as chat:
        yield chat


CITY = Principal(user_id="t", scope=DataScope())


def _talk(service, principal: Principal, *turns: str) -> list:  # type: ignore[no-untyped-def]
    cid, got = None, []
    for turn in turns:
        answer = service.ask(turn, principal, conversation_id=cid)
        cid = answer.conversation_id or cid
        got.append(answer)
    return got


@pytest.mark.parametrize("noise", ["桌子椅子", "土豆丝", "Is anyone there?"])
def test_noise_after_an_answer_is_not_understood_and_the_topic_stays(service, noise: str) -> None:  # type: ignore[no-untyped-def]
    first, odd, nxt = _talk(service, CITY, "月城镇有几家机械企业", noise, "那新桥镇呢")
    assert not odd.rows and "没看懂" in odd.answer and odd.answer != first.answer
    assert (
        nxt.intent == first.intent == "enterprise_count" and "新桥镇" in nxt.answer and "机械" in nxt.answer
    )


def test_an_over_long_turn_is_refused_and_the_topic_stays(service) -> None:  # type: ignore[no-untyped-def]
    pasted = "交接班记录：夜间巡查正常，无异常情况。" * 60
    first, long, nxt = _talk(service, CITY, "顾山镇有几家纺织企业", pasted, "换成祝塘镇呢")
    assert not long.rows and "过长" in long.answer
    assert nxt.intent == first.intent and "祝塘镇" in nxt.answer


def test_a_real_question_without_a_follow_up_word_is_still_answered(service) -> None:  # type: ignore[no-untyped-def]
    _, nxt = _talk(service, CITY, "月城镇有几家机械企业", "重大危险源一共几个")
    assert nxt.rows and "没看懂" not in nxt.answer


def test_the_month_before_and_its_firms(service) -> None:  # type: ignore[no-untyped-def]
    last, before, firms = _talk(
        service, CITY, "上个月一共检查了几次", "再往前一个月呢", "刚才那个数是几家企业"
    )
    assert last.intent == before.intent == firms.intent == "inspection_count"
    assert "2026年9月" in before.answer and "企业" in firms.answer
    assert 0 < firms.rows[0]["n"] <= before.rows[0]["n"]


def test_a_town_officer_refused_another_town_follows_on_only_by_naming_the_own_one(service) -> None:  # type: ignore[no-untyped-def]
    officer = Principal(user_id="t", scope=DataScope(level=ScopeLevel.TOWN, town="新桥镇"))
    first, refused, nxt = _talk(service, officer, "我们镇有几家机械企业", "那青阳镇呢", "那我们镇建材的呢")
    assert "超出您的数据范围" in refused.answer and not refused.rows
    assert (
        nxt.intent == first.intent == "enterprise_count" and "新桥镇" in nxt.answer and "建材" in nxt.answer
    )
    # a bare follow-up could mean the refused town: it follows nothing and is read afresh, in scope
    _, _, bare = _talk(service, officer, "我们镇有几家机械企业", "那青阳镇呢", "建材的呢")
    assert (
        bare.intent != first.intent
        and {r["town"] for r in bare.rows} <= {"新桥镇"}
        and "青阳" not in bare.answer
    )


def test_short_record_words_are_no_noise(service) -> None:  # type: ignore[no-untyped-def]
    gazetteer = service.gazetteer()
    for said in ("法人", "详细信息", "红色", "汇总", "在线", "离线", "动火", "华士"):
        assert not names_nothing(said, gazetteer), said
    for said in ("桌子椅子", "土豆丝", "随便"):
        assert names_nothing(said, gazetteer), said
