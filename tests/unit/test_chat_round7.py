"""General chat rules found by held-out 13, each tested on sentences that are not in the eval set:
duty-room shorthand (重大源, 特作, 有木有), a context clause before 先看看, time words that date the
caller's plan rather than the records, towns typed in pinyin, low stock said without 物资, renting
said as 租厂房, a short enterprise name said in passing, and business figures the graph lacks."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.chat.mentions import trade_name
from agents.chat.router import route
from agents.chat.shorthand import asked_part, expand_shorthand
from agents.chat.slots import Gazetteer, enterprise_mention, extract_slots, normalise_question
from agents.chat.spelling import pinyin_town_in
from agents.chat.timewords import CST, time_window
from agents.nlp.timeexpr import parse_time_range

TOWNS = Gazetteer.from_towns(
    ["澄江街道", "城东街道", "华士镇", "临港经济开发区", "周庄镇", "利港街道", "璜土镇"]
)
NOW_MS = int(datetime(2026, 11, 26, 22, 30, tzinfo=CST).timestamp() * 1000)  # a Thursday night


def _route(question: str, *, has_enterprise: bool = False) -> str | None:
    text = normalise_question(question)
    return route(text, extract_slots(text, TOWNS), has_enterprise=has_enterprise).intent


# ---- shorthand --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "full"),
    [
        ("璜土有几处重危源", "璜土有几处重大危险源"),
        ("周庄这会儿特作多不多", "周庄这会儿特殊作业多不多"),
        ("有木有逾期的", "有没有逾期的"),
        ("木有查到吗", "没有查到吗"),
        ("特殊作业清单", "特殊作业清单"),  # the full word stays as it is
    ],
)
def test_duty_room_shorthand_is_written_out(typed: str, full: str) -> None:
    assert expand_shorthand(typed) == full


def test_shorthand_reaches_slots_and_routes() -> None:
    slots = extract_slots("利港二级重大源在哪几家企业", TOWNS)
    assert (slots.town, slots.mhs_level) == ("利港街道", 2)
    assert _route("利港二级重大源在哪几家企业") == "hazard_source_enterprises"
    assert _route("全市重大源按级别分一下") == "hazard_source_count_by_level"
    assert _route("城东这会儿有木有特作") == "special_operations"


# ---- a context clause before the question ---------------------------------------------------------


def test_asked_part_is_what_follows_the_pivot() -> None:
    assert asked_part("下午市里要开会,你先查一下华士镇的加油站") == "华士镇的加油站"
    assert asked_part("华士镇的加油站有哪些") == "华士镇的加油站有哪些"  # no pivot: all of it
    assert asked_part("等会儿要汇报,先看看") == "等会儿要汇报,先看看"  # nothing after it


def test_context_words_do_not_route() -> None:
    # 督查组 / 检查 are the reason for asking, not the question: the enterprises are
    assert _route("后天督查组要去华士,先看看那边有哪些加油站") == "enterprise_list"
    assert _route("下周执法队去周庄,我先了解一下那边有几条重大隐患") == "hazard_count"
    # without a pivot the words still count: a question about inspections stays one
    assert _route("下周执法队去周庄检查了几次") == "inspection_count"


def test_a_window_that_has_not_begun_dates_the_plan_not_the_records() -> None:
    text = "下周省里来检查,先查一下周庄逾期的隐患"
    assert time_window(text, NOW_MS, parse_time_range) is None
    assert time_window("明天检查组过来,先看看今年查出的隐患", NOW_MS, parse_time_range) is not None
    # schedules (rosters, planned operations) do look ahead
    ahead = time_window("明天谁值班", NOW_MS, parse_time_range, ahead=True)
    assert ahead is not None and ahead.from_ms > NOW_MS


# ---- towns in pinyin --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "town"),
    [
        ("zhouzhuang有多少家纺织厂", "周庄镇"),
        ("Chengdong的加油站", "城东街道"),
        ("huangtuzhen今天有没有动火", "璜土镇"),
        ("lingangB类企业名单", "临港经济开发区"),
    ],
)
def test_a_town_typed_in_pinyin(question: str, town: str) -> None:
    assert extract_slots(question, TOWNS).town == town


def test_latin_words_that_spell_no_town_are_left_alone() -> None:
    assert pinyin_town_in("导出excel表格", TOWNS.names()) is None
    slots = extract_slots("lingangB类企业名单", TOWNS)
    assert slots.responsibility_class == "B"  # the class letter right after the town still reads


# ---- low stock without 物资 -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["哪些救援器材快见底了", "利港仓库里的东西够不够", "应急库存有没有短缺的", "周庄库里的装备快用光了吧"],
)
def test_low_stock_said_without_the_word_wuzi(question: str) -> None:
    assert _route(question) == "materials_low_stock"


def test_a_warehouse_without_shortage_is_still_a_nearest_question() -> None:
    assert _route("离周庄最近的应急仓库在哪") == "nearest_resources"


# ---- renting said with its object -----------------------------------------------------------------


def test_renting_a_workshop_is_a_lease_question() -> None:
    assert _route("王莉那里租场地的有哪几家", has_enterprise=True) == "lessees_of_lessor"
    assert _route("华士镇租厂房给别人的有哪些") == "lessor_list"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("这家厂是找谁租的房子", "lessors_of_enterprise"),
        ("它的车间从哪家租来的", "lessors_of_enterprise"),
        ("恒达储运的房东是谁", "lessors_of_enterprise"),
        ("房东是恒达储运的有哪几家", "lessees_of_lessor"),
        ("恒达储运这个二房东底下有几家小厂", "lessees_of_lessor"),
    ],
)
def test_whose_landlord_is_asked(question: str, intent: str) -> None:
    assert _route(question, has_enterprise=True) == intent


# ---- a roster said with 在岗 / 当值 ------------------------------------------------------------------


@pytest.mark.parametrize("question", ["半夜一点周庄谁在岗", "今天市里当值的是谁"])
def test_on_post_is_a_duty_question(question: str) -> None:
    assert _route(question) == "duty_now"


# ---- a short enterprise name said in passing ------------------------------------------------------


def test_trade_name_at_the_end_of_a_chunk() -> None:
    assert trade_name("听说明华药业那边") == "明华药业"
    assert trade_name("要去恒达储运") == "恒达储运"
    assert trade_name("危化品") is None


def test_a_name_said_before_a_pronoun_is_the_mention() -> None:
    found = enterprise_mention(normalise_question("听说明华药业那边冒烟了,先查下他们存了什么危化品"))
    assert found == ("明华药业", False)
    # a pronoun is never a name, and a name with its own trade is kept whole
    assert enterprise_mention("先帮我看下他们的法人") is None
    assert enterprise_mention("恒达港口储运的法人是谁") == ("恒达港口储运", False)


# ---- what the graph does not hold -----------------------------------------------------------------


@pytest.mark.parametrize("question", ["恒达储运今年利润多少", "明华药业的股价", "明华药业一年纳税多少"])
def test_business_figures_of_an_enterprise_are_declined(question: str) -> None:
    assert _route(question, has_enterprise=True) is None


def test_an_enterprise_alone_still_reads_as_its_profile() -> None:
    assert _route("明华药业", has_enterprise=True) == "enterprise_profile"
