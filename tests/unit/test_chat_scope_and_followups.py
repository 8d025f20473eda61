"""General chat rules found by held-out 4 (scoped callers, conversations) and loose typing, each on
sentences that are not in the eval set."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from typing import Any

import pytest

from agents.chat.execute import bind
from agents.chat.followup import continues, follow_form, list_form, referred_ids, refers_to_rows, same_device
from agents.chat.models import TurnState
from agents.chat.ownscope import own_scope
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question
from agents.chat.spelling import simplified, slipped_town_in
from agents.chat.timewords import CST, basic_time_window
from core.scope import DataScope, ScopeLevel
from evals.chat import _ask, execution_ok, principal_for
from graph.intents import BY_ID

TOWNS = Gazetteer.from_towns(
    ["澄江街道", "城东街道", "华士镇", "临港经济开发区", "周庄镇", "夏港街道", "长泾镇", "青阳镇", "利港街道"]
)
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=CST)
TOWN = DataScope(level=ScopeLevel.TOWN, town="周庄镇")
FIRM = DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id="E-1")


def intent_of(question: str, *, has_enterprise: bool = False) -> str | None:
    return route(question, extract_slots(question, TOWNS), has_enterprise=has_enterprise).intent


def test_own_town_words_name_the_town_officers_town() -> None:
    for question in ("咱们镇今天谁带班", "本辖区的加油站", "我们这儿有几个摄像头"):
        got = own_scope(question, TOWN)
        assert got.town == "周庄镇" and "镇" not in got.text.replace("周庄镇", "")
    assert own_scope("我们镇上个月检查了几次", TOWN).text == "上个月检查了几次"  # 上 belongs to the time word
    assert own_scope("本镇的隐患", DataScope()).town is None  # a city caller has no own town


def test_an_enterprise_user_asks_about_their_own_enterprise() -> None:
    got = own_scope("本公司的风险点有哪些", FIRM)
    assert (got.enterprise_id, got.text) == ("E-1", "的风险点有哪些")
    assert own_scope("有哪些特殊作业", FIRM).enterprise_id == "E-1"  # said or not
    assert own_scope("我们厂里的风险点", TOWN).enterprise_id is None
    # with the own-enterprise words gone, the rest routes as a question about one enterprise
    assert (
        intent_of(own_scope("我司储存了什么化学品", FIRM).text, has_enterprise=True) == "enterprise_chemicals"
    )
    assert (
        intent_of(own_scope("我们公司的一级危险源", FIRM).text, has_enterprise=True) == "hazard_source_list"
    )
    assert intent_of(own_scope("本厂出租给了谁", FIRM).text, has_enterprise=True) == "lessees_of_lessor"


def test_ones_that_have_a_hazard_source_are_enterprises() -> None:
    assert intent_of("周庄有三级危险源的有哪些") == "hazard_source_enterprises"
    assert intent_of("那有一级重大危险源的呢") == "hazard_source_enterprises"
    assert intent_of("澄江街道有哪些四级重大危险源") == "hazard_source_list"


def test_rows_are_referred_to_by_pronoun_ordinal_or_kind() -> None:
    enterprises = TurnState(
        intent="enterprise_list", key_kind="enterprise", result_enterprises=["E1", "E2", "E3"]
    )
    assert refers_to_rows("第二个的地址") and referred_ids("第二个的地址", enterprises) == ["E2"]
    assert referred_ids("第 3 家有没有隐患", enterprises) == ["E3"]
    assert referred_ids("第九家的电话", enterprises) is None  # no ninth row
    assert referred_ids("它们的安全负责人", enterprises) == ["E1", "E2", "E3"]
    assert referred_ids("它的法人", enterprises) == ["E1"]
    lessors = TurnState(intent="lessors_of_enterprise", key_kind="lessor", result_ids=["L-9"])
    assert refers_to_rows("这个房东名下还有谁") and referred_ids("这个房东名下还有谁", lessors) == ["L-9"]
    assert not refers_to_rows("这个月的告警")


def test_a_short_follow_up_on_the_same_subject_keeps_the_conditions() -> None:
    assert continues("具体是哪些企业被罚了", "penalty_total", "penalty_list", moved=False)
    assert continues("总共多少起", "events_recent", "events_recent", moved=False) is False  # no form change
    assert continues("一共几次", "inspection_list", "inspection_count", moved=False)
    assert not continues("城东都有哪些企业被查了", "inspection_count", "inspection_list", moved=True)
    assert continues("城东的呢", "special_operations", "special_operations", moved=True)  # one more condition
    assert not continues("全市一共几次", "inspection_list", "inspection_count", moved=False)
    assert not continues("今天有哪些动火作业", "hazard_list", "special_operations", moved=False)


def test_an_elliptic_follow_up_keeps_the_previous_form() -> None:
    assert follow_form("只看一般隐患呢", "hazard_count_by_town", "hazard_list") == "hazard_count_by_town"
    assert (
        follow_form("那逾期的呢", "hazard_count", "overdue_hazards") == "overdue_hazards"
    )  # a different question
    assert follow_form("具体有哪些", "penalty_total", "penalty_list") == "penalty_list"
    assert follow_form("按类型分别多少", "events_recent", None) == "event_count_by_type"


def test_a_device_follow_up_keeps_the_device_or_its_status() -> None:
    assert same_device("掉线的有哪些呢", "camera_count", "sensors_offline") == "cameras_offline"
    assert same_device("监控呢", "sensors_offline", "camera_count") == "cameras_offline"
    assert same_device("传感器掉线的呢", "camera_count", "sensors_offline") == "sensors_offline"
    assert continues("监控呢", "sensors_offline", "cameras_offline", moved=False)


def test_a_count_is_listed_again_for_a_pronoun() -> None:
    assert list_form("hazard_count") == "hazard_list" and list_form("enterprise_count") == "enterprise_list"
    assert list_form("duty_now") is None


def test_within_n_days_is_a_recent_window() -> None:
    for question, days in (("两天内的火情", 2), ("十天以内有没有泄漏", 10), ("5天以来的告警", 5)):
        window = basic_time_window(question, NOW)
        assert window is not None and window.to_ms - window.from_ms == days * 86_400_000


def test_hazards_found_count_every_status() -> None:
    values = {"_question": "上个月排查出多少条隐患"}
    assert bind(BY_ID["hazard_count"], values, DataScope(), 0).get("open_only") is None
    assert (
        bind(BY_ID["hazard_count"], {"_question": "上个月有多少条隐患"}, DataScope(), 0)["open_only"] is True
    )


def test_traditional_characters_and_slipped_town_names() -> None:
    assert simplified("華士鎮離線的傳感器") == "华士镇离线的传感器"
    assert normalise_question("城東街道 現在誰值班") == "城东街道 现在谁值班"
    slots = extract_slots("長涇鎮的隱患有幾條", TOWNS)
    assert (slots.town, slots.hazard_level) == ("长泾镇", None)
    assert extract_slots("成东街道有哪些企业", TOWNS).town == "城东街道"  # same sound
    assert extract_slots("清阳的加油站", TOWNS).town == "青阳镇"  # look-alike
    assert slipped_town_in("全市有多少企业", TOWNS.names()) is None
    assert extract_slots("d类企业名单", TOWNS).responsibility_class == "D"


def test_the_eval_replays_history_and_scores_out_of_scope_questions() -> None:
    asked: list[tuple[str, Any]] = []

    class Recorder:
        def ask(self, question: str, principal: Any, *, conversation_id: str | None = None) -> Any:
            asked.append((question, conversation_id))
            return SimpleNamespace(conversation_id="c-1")

    recorder: Any = Recorder()
    _ask(recorder, {"history": ["第一问", "第二问"], "question": "第三问"}, principal_for({"level": "city"}))
    assert asked == [("第一问", None), ("第二问", "c-1"), ("第三问", "c-1")]
    assert principal_for({"level": "enterprise", "enterprise_id": "E-1"}).scope == FIRM
    assert execution_ok("empty", [], []) and execution_ok("empty", [], [{"n": 0}])
    assert not execution_ok("empty", [], [{"id": "E-2"}])


@pytest.mark.parametrize("question", ["华市镇有几家企业", "力港街道的隐患", "下港今天的动火"])
def test_a_mistyped_town_is_not_refused_as_unknown(question: str) -> None:
    slots = extract_slots(question, TOWNS)
    assert slots.town is not None and slots.unknown_town is None
