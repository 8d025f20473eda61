"""General chat rules found by held-out 27 (a night shift: follow-ups that change one slot, colours on
alarms, typed names) and by probe sentences written beside it, each tested on sentences that are not
in the eval set: an alarm colour before or after any alarm word, "哪家" asking for the rows behind a
count, a short name followed by a hazard condition or level, and fuzzy-sound town slips."""

from __future__ import annotations

import pytest

from agents.chat.event_levels import event_level_in
from agents.chat.followup import continues, follow_form, sibling, swaps_enterprise
from agents.chat.fuzzy_sounds import fuzzy_alike, fuzzy_slipped_town
from agents.chat.router import route
from agents.chat.slots import Gazetteer, enterprise_mention, extract_slots
from agents.chat.spelling import slipped_town_in
from graph.intents import BY_ID

TOWNS = Gazetteer.from_towns(
    ["顾山镇", "申港街道", "城东街道", "华士镇", "祝塘镇", "长泾镇", "临港经济开发区"]
)


# ---- the colour of an alarm ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "level"),
    [
        ("前天申港有没有橙色报警", "橙色"),
        ("这周全市的红色警情有哪些", "红色"),
        ("近三天蓝色的烟雾报警", "蓝色"),
        ("上周报警级别为黄色的有几起", "黄色"),
        ("今天有没有红色的可燃气体泄漏告警", "红色"),
    ],
)
def test_an_alarm_colour_is_read_before_or_after_the_alarm_word(question: str, level: str) -> None:
    assert event_level_in(question) == level
    assert extract_slots(question, TOWNS).event_level == level


@pytest.mark.parametrize(
    "question", ["华士镇红色风险点有几个", "黄色的出租方有哪些", "今天有哪些报警", "红色企业名单"]
)
def test_a_colour_of_something_else_is_no_alarm_level(question: str) -> None:
    assert event_level_in(question) is None


# ---- "哪家" asks for the rows behind a count -------------------------------------------------------


def test_which_firm_after_a_total_is_the_list_with_the_same_conditions() -> None:
    assert sibling("inspection_count", "检查的是哪一家") == "inspection_list"
    assert continues("罚的是哪家单位", "penalty_total", "penalty_list", moved=False)
    assert follow_form("罚的是哪个企业", "penalty_total", "penalty_list") == "penalty_list"


@pytest.mark.parametrize("question", ["都是哪些单位的", "分别是哪家公司的", "是哪几家企业在做"])
def test_whose_they_are_after_a_hazard_count_lists_those_hazards(question: str) -> None:
    assert continues(question, "hazard_count", "enterprise_list", moved=False)
    assert follow_form(question, "hazard_count", "enterprise_list") == "hazard_list"


def test_whose_they_are_after_the_overdue_ones_keeps_them_overdue() -> None:
    assert follow_form("分别是哪几家的", "overdue_hazards", None) == "overdue_hazards"
    assert follow_form("都列出来", "overdue_hazards", None) == "overdue_hazards"


def test_which_firm_after_operations_asks_for_the_same_operations() -> None:
    assert continues("是哪几家单位在干", "special_operations", "enterprise_list", moved=False)
    assert follow_form("是哪几家单位在干", "special_operations", "enterprise_list") == "special_operations"
    assert not continues("是哪几家单位在干", "duty_now", "enterprise_list", moved=False)  # no firm rows


# ---- a short name before a hazard condition or level ------------------------------------------------


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("鸿运轴承有没有超期的隐患", "鸿运轴承"),
        ("万达机电有没有整改中的一般隐患", "万达机电"),
        ("宏图织造有几条重大隐患没整改", "宏图织造"),
        ("新华五金还有没整改的隐患吗", "新华五金"),
    ],
)
def test_a_condition_or_level_after_a_short_name_does_not_hide_it(question: str, name: str) -> None:
    assert enterprise_mention(question) == (name, False)


def test_a_hazard_condition_is_no_name_of_its_own() -> None:
    assert enterprise_mention("全市有没有逾期的隐患") is None
    assert enterprise_mention("有没有超期没整改的隐患") is None


# ---- fuzzy-sound town slips ------------------------------------------------------------------------


def test_flat_and_retroflex_initials_and_front_and_back_nasals_sound_alike() -> None:
    assert fuzzy_alike("山", "三") and fuzzy_alike("城", "层") and fuzzy_alike("长", "藏")
    assert not fuzzy_alike("祝", "资") and not fuzzy_alike("港", "山")


def test_a_town_typed_with_a_fuzzy_sound_is_that_town() -> None:
    names = TOWNS.names()
    assert slipped_town_in("顾三镇今天有什么报警", names) == ("顾三镇", "顾山镇")
    assert fuzzy_slipped_town("华四镇", names) == "华士镇"  # si / shi
    assert slipped_town_in("申刚有几家加油站", names) == ("申刚", "申港街道")  # a plain same-sound slip
    assert extract_slots("顾三有几家加油站", TOWNS).town == "顾山镇"
    assert slipped_town_in("今天资塘有哪些作业", names) is None  # zi is not zhu, even fuzzily


# ---- overdue hazards found in a period, statuses said in other words ----------------------------------


def test_overdue_hazards_take_a_period_of_finding() -> None:
    intent = BY_ID["overdue_hazards"]
    assert {"from_ms", "to_ms"} <= set(intent.slots)
    assert "h.found_at >= $from_ms" in intent.cypher and "h.found_at < $to_ms" in intent.cypher


def test_already_rectified_said_in_full_is_the_rectified_status() -> None:
    slots = extract_slots("城东本周查出的隐患里有几条已经整改了", TOWNS)
    assert (slots.town, slots.hazard_status) == ("城东街道", "已整改")


def test_where_they_are_after_operations_asks_for_the_same_operations() -> None:
    assert continues("都在哪几家企业", "special_operations", "enterprise_list", moved=False)
    assert follow_form("都在哪几家企业", "special_operations", "enterprise_list") == "special_operations"


# ---- "那X呢" / "换成X" with another firm ---------------------------------------------------------------


def test_another_firm_said_elliptically_keeps_the_question() -> None:
    assert swaps_enterprise("那宏图织造呢", "hazard_count", "enterprise_profile")
    assert continues("那宏图织造呢", "penalty_list", "enterprise_profile", moved=True)
    assert follow_form("那宏图织造呢", "inspection_list", "enterprise_profile") == "inspection_list"
    assert not swaps_enterprise("那宏图织造的电话呢", "hazard_count", "enterprise_profile")  # a profile asked
    assert not swaps_enterprise("那宏图织造呢", "duty_now", "enterprise_profile")  # duty takes no firm
    assert not swaps_enterprise("宏图织造有几条隐患", "hazard_count", "hazard_count")


def test_a_follow_up_verb_is_no_part_of_the_name() -> None:
    assert enterprise_mention("换成宏图印染") == ("宏图印染", True)
    assert enterprise_mention("改成万达机电呢") == ("万达机电", False)


# ---- "有没有…的" after a count narrows it -------------------------------------------------------------


def test_is_there_one_after_a_count_lists_the_narrower_set() -> None:
    assert continues("有没有B类的", "enterprise_count", "enterprise_list", moved=False)
    assert continues("有无超期的", "hazard_count", "overdue_hazards", moved=False)
    assert follow_form("有无超期的", "hazard_count", "overdue_hazards") == "overdue_hazards"
    assert not continues("有没有B类的", "enterprise_count", "enterprise_list", moved=True)  # a new place


# ---- a bare 作业 counted or listed -----------------------------------------------------------------


@pytest.mark.parametrize("question", ["城东今天有几处作业", "明天夏港有哪些作业", "现在华士在搞什么作业"])
def test_a_bare_operation_word_counted_or_listed_is_the_operations(question: str) -> None:
    assert route(question, extract_slots(question, TOWNS)).intent == "special_operations"


def test_operation_workers_are_not_the_operations() -> None:
    assert route("有几个作业人员", extract_slots("有几个作业人员", TOWNS)).intent != "special_operations"
