"""General chat rules found by held-out 21, each tested on sentences that are not in the eval set: a
greeting before the question, "出过什么事" as the events, "要注意什么" as a town's overview, a roster's
bare clock time read ahead, a trade said as what firms do (做X的企业), places outside Jiangyin, and
duty-room nouns typed with one same-sound character slipped."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.chat import aggregate
from agents.chat.coverage import uncovered
from agents.chat.followup import landlord_decision, landlord_said
from agents.chat.models import TurnState
from agents.chat.resolve import ResolvedLessor
from agents.chat.resources_asked import requested_counts
from agents.chat.router import RouteDecision, route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question
from agents.chat.timewords import CST, time_window
from agents.chat.wordslips import fix_word_slips
from agents.nlp.timeexpr import parse_time_range

TOWNS = Gazetteer.from_towns(
    ["澄江街道", "城东街道", "华士镇", "临港经济开发区", "周庄镇", "青阳镇", "顾山镇"]
)


def _route(question: str) -> str | None:
    text = normalise_question(question)
    return route(text, extract_slots(text, TOWNS)).intent


def _ms(dt: datetime) -> int:
    return int(dt.timestamp() * 1000)


# ---- a greeting is no part of the day ----------------------------------------------------------------


@pytest.mark.parametrize("greeting", ["早上好，", "下午好！", "您好 ", "晚上好啊，"])
def test_a_greeting_before_the_question_is_dropped(greeting: str) -> None:
    assert normalise_question(greeting + "周庄昨天有没有烟雾报警") == "周庄昨天有没有烟雾报警"


def test_a_part_of_the_day_inside_the_question_stays() -> None:
    assert "早上" in normalise_question("今天早上华士有没有报警")


# ---- what happened / what to watch ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["顾山镇前天出了什么事", "周庄这两天出过什么状况吗", "澄江今天出啥事情了"]
)
def test_what_happened_is_the_events(question: str) -> None:
    assert _route(question) == "events_recent"


@pytest.mark.parametrize("question", ["明天去华士，需要关注什么", "周庄镇这周要留意哪些", "青阳要盯一下什么"])
def test_what_to_watch_in_a_town_is_its_overview(question: str) -> None:
    assert _route(question) == "town_overview"


def test_a_town_report_without_a_happening_stays_the_overview() -> None:
    assert _route("顾山镇的安全情况") == "town_overview"


# ---- a roster's clock time is read ahead ----------------------------------------------------------------


def test_an_evening_clock_time_not_yet_come_is_tonight() -> None:
    now = datetime(2026, 3, 10, 18, 5, tzinfo=CST)
    window = time_window("晚上十一点周庄谁值班", _ms(now), parse_time_range, ahead=True)
    assert window is not None
    assert window.from_ms == _ms(datetime(2026, 3, 10, 23, 0, tzinfo=CST))


def test_a_clock_time_said_with_yesterday_stays_yesterday() -> None:
    now = datetime(2026, 3, 10, 18, 5, tzinfo=CST)
    window = time_window("昨晚十一点周庄谁值班", _ms(now), parse_time_range, ahead=True)
    assert window is not None
    assert window.from_ms == _ms(datetime(2026, 3, 9, 23, 0, tzinfo=CST))


def test_records_keep_the_past_clock_time() -> None:
    now = datetime(2026, 3, 10, 18, 5, tzinfo=CST)
    window = time_window("晚上十一点周庄有没有报警", _ms(now), parse_time_range)
    assert window is not None and window.from_ms < _ms(now)


# ---- a trade said as what the firms do; places outside Jiangyin ------------------------------------------


@pytest.mark.parametrize("question", ["华士有几家搞锂电的公司", "周庄做半导体的企业有哪些"])
def test_a_trade_said_as_what_firms_do_is_not_answered_with_every_firm(question: str) -> None:
    text = normalise_question(question)
    intent = route(text, extract_slots(text, TOWNS)).intent
    assert intent in ("enterprise_list", "enterprise_count")
    assert "行业关键词" in uncovered(text, extract_slots(text, TOWNS), intent)


def test_a_category_said_as_what_firms_do_is_still_answered() -> None:
    text = normalise_question("华士做纺织的企业有哪些")
    assert uncovered(text, extract_slots(text, TOWNS), "enterprise_list") == ()


@pytest.mark.parametrize("question", ["常熟有几家加油站", "上海浦东的危化企业", "宜兴今天谁值班"])
def test_another_city_is_declined(question: str) -> None:
    assert _route(question) is None


def test_a_local_station_named_with_wuxi_in_its_long_name_is_not_another_city() -> None:
    assert _route("中国石化销售股份有限公司江苏无锡江阴华士华中加油站有哪些隐患") is not None


# ---- one slipped character in a duty-room noun ---------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("周庄的摄象头", "周庄的摄像头"),
        ("离线的传敢器", "离线的传感器"),
        ("没整盖的隐换", "没整改的隐患"),
        ("今天谁值斑", "今天谁值班"),
    ],
)
def test_a_slipped_noun_is_written_right(typed: str, meant: str) -> None:
    assert fix_word_slips(typed) == meant


@pytest.mark.parametrize("text", ["江阴市澄江中路", "周庄镇整体安全情况", "动土作业"])
def test_ordinary_words_are_left_alone(text: str) -> None:
    assert fix_word_slips(text) == text


# ---- another landlord named in a follow-up -------------------------------------------------------------


def _tenants_turn() -> TurnState:
    return TurnState(
        question="王建国出租给了哪些企业", intent="lessees_of_lessor", slots={"enterprise_id": "L-1"}
    )


@pytest.mark.parametrize("question", ["那李秀英的呢", "换成远大五金呢"])
def test_a_name_after_a_landlords_tenants_may_be_another_landlord(question: str) -> None:
    assert landlord_said(question, _tenants_turn())
    person = ResolvedLessor("L-2", "李秀英", is_enterprise=False)
    guess = RouteDecision("enterprise_profile", 0.5, "只提到企业")
    assert landlord_decision(guess, person, question, _tenants_turn()).intent == "lessees_of_lessor"


def test_a_name_after_another_question_is_no_landlord() -> None:
    hazards = TurnState(question="嘉汇化学有哪些隐患", intent="hazard_list")
    assert not landlord_said("那李秀英的呢", hazards)
    assert not landlord_said("李秀英是谁", None)


def test_a_person_landlord_rents_out() -> None:
    person = ResolvedLessor("L-2", "李秀英", is_enterprise=False)
    asked = RouteDecision("lessors_of_enterprise", 0.9, "承租方查出租方")
    assert landlord_decision(asked, person, "李秀英的房东是谁", None).intent == "lessees_of_lessor"


# ---- a number said with each resource kind ---------------------------------------------------------------


def test_a_number_before_each_kind_is_how_many_of_it() -> None:
    counts = requested_counts("申港那边最近的三支危化救援队和两名专家")
    assert counts == {("team", "危化"): 3, ("expert", None): 2}


def test_a_kind_without_a_number_is_left_to_the_default() -> None:
    assert requested_counts("周庄附近的一家医院和避难场所") == {("medical", None): 1}


# ---- an enterprise tag restricts a ranking or a per-town count -----------------------------------------


@pytest.mark.parametrize(
    ("question", "tag"),
    [
        ("各镇街专精特新企业逾期隐患分别有几条", "专精特新"),
        ("高新技术企业里今年罚款最多的是哪家", "高新技术企业"),
    ],
)
def test_a_tag_restricts_the_groups(question: str, tag: str) -> None:
    now_ms = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)
    p = aggregate.plan(question, extract_slots(question, TOWNS), TOWNS, now_ms, parse_time_range)
    assert p is not None and p.attributes.get("tag") == tag
