"""General chat rules found by held-out 41 (chat round 22: a yes/no bound on a total, two periods side
by side, fines compared by amount, a single-record firm count, English duty words and 大写 numerals),
each tested on sentences that are not in the eval set."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.mixed_words import normalise
from agents.chat.threshold_check import bound
from agents.chat.timewords import CST
from agents.chat.two_periods import as_comparison
from agents.chat.versus import money_asked
from core.scope import DataScope, Principal
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)  # a Thursday


@pytest.mark.parametrize(
    ("question", "subject", "op", "limit"),
    [
        ("城东街道没整改的隐患超过3条了没有", "城东街道没整改的隐患", ">", 3),
        ("青阳镇B类企业够一百家了吗", "青阳镇B类企业", ">=", 100),
        ("全市离线传感器有没有超过20个", "全市离线传感器", ">", 20),
        ("今年华士罚款过10万了吗", "今年华士罚款", ">", 100_000),
    ],
)
def test_a_bound_closing_a_question_is_a_yes_no_on_the_total(
    question: str, subject: str, op: str, limit: int
) -> None:
    found = bound(question)
    assert found is not None and found[:3] == (subject, op, limit)


@pytest.mark.parametrize(
    "question",
    [
        "罚款超过5万元的企业有哪些",
        "隐患超过3条的企业",
        "本周内到期的隐患有几条",
        "近30天的报警",
        "超过10条了",
        "有企业罚款超过5万元吗",  # a bound on each firm: the aggregation step's
        "哪家公司逾期隐患超过3条了",
    ],
)
def test_a_bound_on_each_record_or_a_statement_is_no_yes_no(question: str) -> None:
    assert bound(question) is None


def test_two_periods_side_by_side_become_one_comparison() -> None:
    assert (
        as_comparison("上个月和这个月澄江各发现了多少条隐患")
        == "上个月澄江发现了多少条隐患和这个月比多还是少"
    )
    assert as_comparison("去年和今年全市罚款哪个多") == "去年全市罚款和今年比多还是少"
    assert as_comparison("上个月和这个月的隐患清单") is None  # nothing asks for each


def test_fines_compared_are_amounts_unless_counted() -> None:
    assert money_asked("这个月罚款比上个月多还是少")
    assert not money_asked("这个月罚款次数比上个月多还是少")
    assert not money_asked("这个月罚了几家比上个月多还是少")


def test_english_duty_words_and_capital_numerals_are_read_as_usual() -> None:
    assert normalise("zhutang 本月 alarm 几次") == "zhutang 本月报警几次"
    assert normalise("帮我check下申港的hazard") == "帮我查下申港的隐患"
    assert normalise("罚款在叁万元以上的") == "罚款在三万元以上的"
    assert normalise("陆明的电话") == "陆明的电话"  # a surname is no numeral
    assert normalise("有防化服的是哪支队伍") == "有防化服的是哪支队伍"  # 队伍 holds no five
    assert normalise("罚款壹拾万元以上的企业") == "罚款一十万元以上的企业"
    assert normalise("lingang") == "lingang"  # pinyin alone: for the town matcher


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="chat22-") as chat:
        yield chat


WHO = Principal(user_id="t", scope=DataScope())


def test_a_yes_no_bound_answers_the_total_and_the_verdict(service) -> None:  # type: ignore[no-untyped-def]
    total = service.ask("城东街道没整改的隐患有多少条", WHO)
    n = len(total.rows) if total.rows and "id" in total.rows[0] else total.rows[0]["n"]
    above = service.ask("城东街道没整改的隐患超过3条了没有", WHO)
    below = service.ask(f"城东街道没整改的隐患是不是超过{n}条了", WHO)
    assert above.answer.startswith("是") and f"共 {n} 条" in above.answer
    assert below.answer.startswith("否") and below.rows == total.rows


def test_two_years_of_fines_give_both_sums(service) -> None:  # type: ignore[no-untyped-def]
    pair = service.ask("去年和今年全市罚款哪个多", WHO)
    this = service.ask("今年全市罚了多少钱", WHO).rows[0]["amount_yuan"]
    last = service.ask("去年全市罚了多少钱", WHO).rows[0]["amount_yuan"]
    assert {r["n"] for r in pair.rows} == {this, last} and pair.intent == "penalty_total"


def test_fines_compared_with_last_month_are_amounts(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("临港这个月罚款和上个月比呢，是多了还是少了", WHO)
    last = service.ask("临港上个月罚了多少钱", WHO).rows[0]["amount_yuan"]
    assert last in {r["n"] for r in got.rows} and got.intent == "penalty_total"


def test_a_firm_count_on_one_record_list_reports_that_list(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("城东有几家企业有逾期隐患", WHO)
    listed = service.ask("城东有逾期隐患的企业", WHO)
    assert got.intent == "overdue_hazards"
    assert got.rows[0]["n"] == len({r.get("enterprise_id") for r in listed.rows})


def test_a_mixed_english_question_is_the_chinese_one(service) -> None:  # type: ignore[no-untyped-def]
    mixed = service.ask("zhutang 这个月 alarm 几次", WHO)
    plain = service.ask("祝塘这个月报警几次", WHO)
    assert mixed.intent == plain.intent == "events_recent" and mixed.rows == plain.rows


def test_a_stored_chemical_is_no_key_domain_in_a_firm_count(service) -> None:  # type: ignore[no-untyped-def]
    stored = service.ask("存甲醇又被罚过款的企业有几家", WHO)  # no condition template holds stored chemicals
    assert stored.path != "compound"
    kept = service.ask("存在逾期隐患的A类企业有几家", WHO)  # 存在 is no storing verb
    assert kept.path == "compound" and kept.rows and kept.rows[0]["n"] > 0
