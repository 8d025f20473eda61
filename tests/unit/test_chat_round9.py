"""General chat rules found by held-out 17, each tested on sentences that are not in the eval set: duty
said as 值的班, a short enterprise name with a predicate run on (字号 + trade + 以前/没整改/存), a team
type qualified by 应急, a polite opener before 按镇, a new hire's words for work at height and for the
top risk level, 什么级别响应 as a plan question, and "分别是哪几家企业" after a count of another kind."""

from __future__ import annotations

import pytest

from agents.chat.followup import continues, follow_form
from agents.chat.mentions import trade_head
from agents.chat.router import route
from agents.chat.slots import Gazetteer, enterprise_mention, extract_slots, normalise_question

TOWNS = Gazetteer.from_towns(
    ["澄江街道", "城东街道", "华士镇", "临港经济开发区", "周庄镇", "青阳镇", "顾山镇"]
)


def _route(question: str, *, has_enterprise: bool = False) -> str | None:
    text = normalise_question(question)
    return route(text, extract_slots(text, TOWNS), has_enterprise=has_enterprise).intent


# ---- duty said as 值的班 / 带的班 ----------------------------------------------------------------------


@pytest.mark.parametrize("question", ["上周六华士谁值的班", "前天市里是谁带的班", "昨天夜里周庄谁当的班"])
def test_duty_said_with_a_particle_inside_the_verb(question: str) -> None:
    assert _route(question) == "duty_now"


# ---- 字号 + trade with a predicate run on ------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("源昌气体之前有没有被查过", "源昌气体"),
        ("锦源能源还没改完的隐患", "锦源能源"),
        ("铭澜药业放的什么化学品", "铭澜药业"),
    ],
)
def test_a_short_name_is_cut_where_the_predicate_starts(question: str, name: str) -> None:
    found = enterprise_mention(normalise_question(question))
    assert found is not None and found[0] == name


def test_a_trade_followed_by_another_name_word_stays_whole() -> None:
    assert trade_head("宁旭石化储运") == "宁旭石化储运"  # 储运 is a trade too: part of the name
    assert trade_head("嘉汇化学集团") == "嘉汇化学集团"
    assert trade_head("东光毛纺以前") == "东光毛纺"
    assert trade_head("远铖高分子") == "远铖高分子"  # no trade after the 字号: untouched


# ---- resources, towns, plans ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "team_type"),
    [
        ("离晨嘉燃气最近的危化品应急救援力量", "危化"),
        ("青阳镇附近的危险化学品救援队", "危化"),
        ("华士镇最近的消防救援站", "消防"),
    ],
)
def test_a_team_type_qualified_by_emergency_words(question: str, team_type: str) -> None:
    slots = extract_slots(normalise_question(question), TOWNS)
    assert (slots.resource_kind, slots.team_type) == ("team", team_type)
    assert _route(question) == "nearest_resources"


@pytest.mark.parametrize(
    "question", ["请按镇统计一下加油站数量", "麻烦按街道统计一下纺织企业", "帮我按镇统计各类告警"]
)
def test_a_polite_opener_before_a_grouping_is_no_town(question: str) -> None:
    slots = extract_slots(normalise_question(question), TOWNS)
    assert slots.unknown_town is None and slots.town is None


@pytest.mark.parametrize(
    "question", ["碰到这种情况应急上该按哪一级响应", "这种事属于什么等级的响应", "按规定应该走哪个级别响应"]
)
def test_which_response_level_is_a_plan_question(question: str) -> None:
    assert _route(question) == "plan_for"


@pytest.mark.parametrize(
    "question", ["车间有人晕倒了先做什么", "有工人昏迷了怎么处置", "电梯里有人被困谁指挥"]
)
def test_a_person_down_is_an_accident_for_the_plans(question: str) -> None:
    assert _route(question) == "plan_for"


# ---- a new hire's words -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["明天有没有人爬到高处施工", "今天哪几家在高空干活", "在很高的地方作业的有哪些"]
)
def test_work_at_height_described(question: str) -> None:
    assert "高处作业" in normalise_question(question)
    assert _route(question) == "special_operations"


@pytest.mark.parametrize(
    "question", ["青阳风险等级最高的点位有哪些", "华士镇最高一级风险的点位有几个", "顾山风险最高那档的点位"]
)
def test_the_top_risk_level_described(question: str) -> None:
    text = normalise_question(question)
    assert _route(question) == "risk_points"
    assert extract_slots(text, TOWNS).risk_level == "重大"


def test_highest_risk_without_a_level_word_is_no_level() -> None:
    assert "重大" not in normalise_question("哪家企业风险最高")  # a ranking, not the top level
    assert _route("临港有几个监控点位") == "camera_count"  # 点位 alone stays a camera's


# ---- "which ones" after a count of another kind -----------------------------------------------------


@pytest.mark.parametrize(
    ("previous", "listing"),
    [
        ("inspection_count", "inspection_list"),
        ("hazard_count", "hazard_list"),
        ("penalty_total", "penalty_list"),
    ],
)
def test_which_ones_after_a_count_lists_that_count(previous: str, listing: str) -> None:
    for question in ("都是哪几家单位", "分别是哪些企业"):
        intent = _route(question)
        assert intent in (None, "enterprise_list")
        assert continues(question, previous, intent, moved=False)
        assert follow_form(question, previous, intent) == listing


def test_which_ones_with_a_condition_is_a_new_question() -> None:
    question = "有哪些企业是纺织的"
    assert not continues(question, "penalty_total", _route(question), moved=False)


# ---- found by held-out 18 after its second measurement ----------------------------------------------


@pytest.mark.parametrize("question", ["明天谁家要拆盲板", "这周有没有人在管线上装堵板", "今天抽盲板的有几处"])
def test_blinding_a_line_described(question: str) -> None:
    assert "盲板抽堵作业" in normalise_question(question)
    assert extract_slots(normalise_question(question), TOWNS).op_type == "盲板抽堵"
    assert _route(question) == "special_operations"


@pytest.mark.parametrize("question", ["其中超期的有多少", "那过了整改期限的呢", "逾期的都列出来"])
def test_overdue_said_after_a_hazard_count_is_the_overdue_list(question: str) -> None:
    assert follow_form(question, "hazard_count", _route(question)) == "overdue_hazards"


def test_a_follow_up_without_overdue_keeps_the_count() -> None:
    assert follow_form("其中重大的呢", "hazard_count", _route("其中重大的呢")) == "hazard_count"
