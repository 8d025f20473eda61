"""General chat rules found by round 29's dev misses (heldout53): a time word before 镇上/镇里, hazards said
to be fixed (整改好了), a firm named by place + trade, operations not yet ended at a hand-over, 报了几起警,
and 其中…有几条 after a list, each tested on sentences that are not in the eval set."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.duty_room import hazard_closure
from agents.chat.followup import continues
from agents.chat.shorthand import expand_shorthand
from agents.chat.slots import Gazetteer, extract_slots
from agents.chat.timewords import CST, time_window
from core.scope import DataScope, Principal, ScopeLevel
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)  # a Thursday
CITY = Principal(user_id="t", scope=DataScope())
ZHOUZHUANG = Principal(user_id="z", scope=DataScope(level=ScopeLevel.TOWN, town="周庄镇"))
TOWNS = Gazetteer.from_towns(["华士镇", "周庄镇", "城东街道", "临港经济开发区"])


# ---- pure rules ---------------------------------------------------------------------------------------


def test_a_time_word_before_zhenshang_is_no_town() -> None:
    for said in ("昨天晚上镇上有几起报警", "上个月镇里罚了几次", "这星期镇上查了几家"):
        assert extract_slots(said, TOWNS).unknown_town is None, said
    assert extract_slots("幸福镇有几家企业", TOWNS).unknown_town == "幸福镇"  # an unknown town still is one


def test_hazards_said_to_be_fixed_are_the_closed_ones() -> None:
    assert hazard_closure("这个月查出来的隐患改完了几条") == {"hazard_statuses": ["已整改", "已验收"]}
    assert hazard_closure("已经整改好的重大隐患有哪些") == {"hazard_statuses": ["已整改", "已验收"]}
    for still_open in ("还没有改好的隐患", "月底前要整改完的隐患", "今年隐患整改完成率", "没整改完的有几条"):
        assert hazard_closure(still_open) == {}, still_open


def test_operations_not_yet_ended_are_those_under_way_now() -> None:
    for said in ("还有几个吊装作业没结束", "现在还在搞的高处作业", "下班前还有没完的受限空间作业吗"):
        window = time_window(said, NOW_MS, ahead=True)
        assert window is not None and (window.from_ms, window.to_ms) == (NOW_MS, NOW_MS + 1), said
    today = time_window("今天有几个吊装作业", NOW_MS, ahead=True)  # a day word: the day's schedule
    assert today is not None and today.to_ms - today.from_ms > 1


def test_the_alarm_word_split_by_its_count_is_joined() -> None:
    assert "报警几次" in expand_shorthand("昨天城东报过几次警")
    assert "报警3起" in expand_shorthand("临港今天报了3起警")


def test_qizhong_with_a_count_and_no_subject_continues_the_previous_question() -> None:
    assert continues("其中一般的有多少条", "hazard_list", "enterprise_profile", moved=False)
    assert not continues("其中哪家的法人是谁", "hazard_list", "enterprise_profile", moved=False)


# ---- through the chat service on the demo city ----------------------------------------------------------


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="chat29-") as chat:
        yield chat


def test_a_town_and_a_trade_held_by_one_firm_name_that_firm(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("周庄那家医药企业的安全员是谁", CITY)  # 周庄镇 holds one 医药 firm
    assert got.intent == "enterprise_profile" and len(got.rows) == 1 and "贵澄医药化工" in got.answer
    several = service.ask("华士那个加油站的法人是谁", CITY)  # five stations: no guess at one of them
    assert len(several.rows) != 1


def test_the_town_said_picks_the_firm_of_that_town(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("顾山那家酿造厂的安全员是谁", CITY)  # 澄江's 辰德酿造 has the shorter name
    assert got.intent == "enterprise_profile" and "昌明酿造" in got.answer and "辰德" not in got.answer
    got = service.ask("城东那个轴承厂有几条隐患没整改", CITY)
    assert got.intent == "hazard_count" and "联新轴承" in got.answer


def test_a_town_officers_period_before_zhenli_keeps_the_own_town(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("上个月镇里报了几起警", ZHOUZHUANG)
    assert got.intent == "events_recent" and "没有找到" not in got.answer and "上个月" in got.answer


def test_fixed_hazards_are_counted_among_those_found(service) -> None:  # type: ignore[no-untyped-def]
    fixed = service.ask("城东街道这个月发现的隐患已经改好了几条", CITY)
    listed = service.ask("城东街道这个月发现的隐患里改完了的有哪些", CITY)
    assert fixed.intent == "hazard_count" and "已整改/已验收" in fixed.answer and "未整改" not in fixed.answer
    assert listed.rows and {r["status"] for r in listed.rows} <= {"已整改", "已验收"}
    assert f"共 {len(listed.rows)} 条" in fixed.answer


def test_a_count_of_one_level_among_listed_hazards(service) -> None:  # type: ignore[no-untyped-def]
    listed = service.ask("城东街道没整改的隐患有哪些", CITY)
    got = service.ask("其中一般的有多少条", CITY, conversation_id=listed.conversation_id)
    direct = service.ask("城东街道没整改的一般隐患有哪些", CITY)
    assert got.intent == "hazard_count" and f"共 {len(direct.rows)} 条" in got.answer
