"""General chat rules from round 38 (heldout64 and the dev leftovers): counts grouped per village or
per 行业 from template rows (the enterprises' own village and category read once); sensors offline for
longer than a time said; yes/no bounds said below a number (不到十条, 不足五家) or after it (二十家以上).
Sentences are not the eval lines."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from agents.chat import aggregate, aggregate_run
from agents.chat.coverage import uncovered
from agents.chat.group_words import group_asked, without_group_words
from agents.chat.offline_age import offline_for, without_offline_age
from agents.chat.records import slot_values
from agents.chat.slots import Gazetteer, extract_slots
from agents.chat.threshold_check import _verdict, bound
from agents.chat.timewords import CST
from agents.nlp.timeexpr import parse_time_range
from core.scope import DataScope, ScopeLevel
from graph.enterprise_groups import ENTERPRISE_GROUPS
from graph.intents import BY_ID

TOWNS = Gazetteer.from_towns(["华士镇", "月城镇", "云亭街道", "临港经济开发区"])
NOW_MS = int(datetime(2026, 11, 26, 22, 0, tzinfo=CST).timestamp() * 1000)


@pytest.mark.parametrize(
    ("question", "group"),
    [
        ("每个村的重大隐患各有多少条", "village"),
        ("按社区统计一下离线传感器", "village"),
        ("哪个村动火作业最多", "village"),
        ("分行业看看今年的处罚次数", "category"),
        ("各行业逾期隐患分别几条", "category"),
        ("按企业类别汇总一下风险点", "category"),
        ("澄西村有几家企业", None),  # a named village is a place, not a grouping
        ("各镇隐患分别有几条", None),
    ],
)
def test_the_grouping_words(question: str, group: str | None) -> None:
    assert group_asked(question) == group


def test_the_grouping_words_are_no_village_left_unplaced() -> None:
    assert "村" not in without_group_words("各村的隐患分别有几条")


def _plan(question: str) -> aggregate.AggregatePlan | None:
    return aggregate.plan(question, extract_slots(question, TOWNS), TOWNS, NOW_MS, parse_time_range)


@pytest.mark.parametrize(
    ("question", "intent", "group", "top"),
    [
        ("月城镇每个村没整改的隐患有多少条", "hazard_list", "village", None),
        ("云亭各社区离线传感器分别几个", "sensors_offline", "village", None),
        ("分行业统计今年的执法检查次数", "inspection_list", "category", None),
        ("哪个行业的逾期隐患最多", "overdue_hazards", "category", 1),
    ],
)
def test_a_per_village_or_per_category_count_is_planned(
    question: str, intent: str, group: str, top: int | None
) -> None:
    p = _plan(question)
    assert p is not None and (p.measure.intent, p.group, p.top) == (intent, group, top)


def test_a_threshold_per_village_is_not_attempted() -> None:
    assert _plan("隐患超过五条的村有哪些") is None


def test_a_grouping_the_templates_cannot_do_is_uncovered() -> None:
    assert "按村或行业统计" in uncovered(
        "按行业统计一下没整改的隐患有几条", extract_slots("x", TOWNS), "hazard_count"
    )
    assert "按村或行业统计" not in uncovered("没整改的隐患有几条", extract_slots("x", TOWNS), "hazard_count")


class GroupStore:
    """Canned template rows, and each enterprise's village and category for ENTERPRISE_GROUPS."""

    def __init__(self, rows: dict[str, list[dict[str, Any]]], firms: dict[str, dict[str, Any]]) -> None:
        self.rows, self.firms, self.group_params = rows, firms, []
        self._by_query = {i.cypher: i.id for i in BY_ID.values() if i.cypher}

    def read(self, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        if cypher == ENTERPRISE_GROUPS:
            self.group_params.append(params)
            town = params.get("scope_town")
            return [{"id": i} | f for i, f in self.firms.items()
                    if i in params["ids"] and (town is None or f["town"] == town)]  # fmt: skip
        return self.rows.get(self._by_query[cypher], [])


def _hazard(i: int, firm: str, town: str = "月城镇") -> dict[str, Any]:
    return {"id": f"H-{i}", "enterprise_id": firm, "enterprise": f"企业{firm}", "town": town}


FIRMS = {
    "E1": {"village": "月城镇/秦皇村", "category": "机械", "town": "月城镇"},
    "E2": {"village": "月城镇/秦皇村", "category": "纺织", "town": "月城镇"},
    "E3": {"village": "月城镇/双泾村", "category": "机械", "town": "月城镇"},
}


def _ask(question: str, store: GroupStore, scope: DataScope | None = None) -> Any:
    return aggregate_run.answer(question, extract_slots(question, TOWNS), scope or DataScope(), store, TOWNS,
                                NOW_MS, parse_time_range)  # fmt: skip


def test_rows_are_counted_per_village_and_every_village_is_said() -> None:
    store = GroupStore(
        {"hazard_list": [_hazard(1, "E1"), _hazard(2, "E2"), _hazard(3, "E3"), _hazard(4, "E1")]}, FIRMS
    )
    got = _ask("月城镇每个村没整改的隐患有多少条", store)
    assert got is not None
    answer, _ = got
    assert answer.path == "aggregate" and answer.columns == ["village", "n"]
    assert answer.rows == [{"village": "月城镇/秦皇村", "n": 3}, {"village": "月城镇/双泾村", "n": 1}]
    assert "月城镇/秦皇村 3 条" in answer.answer and "按村/社区" in answer.query


def test_rows_are_counted_per_category_and_the_top_one_kept() -> None:
    store = GroupStore({"overdue_hazards": [_hazard(1, "E1"), _hazard(2, "E3"), _hazard(3, "E2")]}, FIRMS)
    got = _ask("哪个行业的逾期隐患最多", store)
    assert got is not None and got[0].rows == [{"category": "机械", "n": 2}]


def test_the_grouping_reads_firms_under_the_callers_scope() -> None:
    store = GroupStore({"hazard_list": [_hazard(1, "E1")]}, FIRMS)
    town = DataScope(level=ScopeLevel.TOWN, town="月城镇")
    assert _ask("各村没整改的隐患分别有几条", store, town) is not None
    assert store.group_params[-1]["scope_town"] == "月城镇" and store.group_params[-1]["ids"] == ["E1"]


@pytest.mark.parametrize(
    ("question", "hours"),
    [
        ("掉线超过48小时的探测器", 48),
        ("断线三天以上的传感器有几个", 72),
        ("超过12个钟头没上线的监测点", 12),
        ("已经两天没数据的传感器", 48),
    ],
)
def test_the_time_offline_bounds_each_sensor(question: str, hours: int) -> None:
    assert offline_for(question) == {"offline_for_ms": hours * 3_600_000}
    assert str(hours // 24 if "天" in question else hours) not in without_offline_age(question).replace(
        "传感器", ""
    )


@pytest.mark.parametrize("question", ["离线的传感器有哪些", "近48小时报警的传感器", "超过30天还没整改的隐患"])
def test_no_time_offline_without_one(question: str) -> None:
    assert offline_for(question) == {}


def test_the_time_offline_is_a_slot_and_no_count_bound() -> None:
    text = "云亭街道掉线超过48小时的探测器"
    slots = extract_slots(text, TOWNS)
    assert slot_values(text, {}, None).get("offline_for_ms") == 48 * 3_600_000
    assert "数量门槛" not in uncovered(text, slots, "sensors_offline")
    assert "offline_for_ms" in BY_ID["sensors_offline"].slots


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("华士镇的危化企业是不是不足八家", ("华士镇的危化企业", "<", 8.0, "家")),
        ("云亭逾期隐患有没有少于二十条", ("云亭逾期隐患", "<", 20.0, "条")),
        ("本月报警没超过100起吧", ("本月报警", "<=", 100.0, "起")),
        ("临港的加油站有没有十家以上", ("临港的加油站", ">=", 10.0, "家")),
        ("月城镇离线摄像头是不是在5个以下", ("月城镇离线摄像头", "<=", 5.0, "个")),
    ],
)
def test_a_yes_no_bound_said_below_or_after_the_number(
    question: str, found: tuple[str, str, float, str]
) -> None:
    assert bound(question) == found


@pytest.mark.parametrize("question", ["不到十条的企业有哪些", "三家以上的村", "隐患五条以上的企业有哪些"])
def test_a_bound_on_each_member_is_no_yes_no_question(question: str) -> None:
    assert bound(question) is None


def test_the_verdict_says_the_bound_as_asked() -> None:
    assert _verdict("<", 8, 10, "条").startswith("是，不到 10 条（共 8 条）")
    assert _verdict("<", 12, 10, "条").startswith("否，已达到 10 条（共 12 条）")
    assert _verdict("<=", 12, 10, "家").startswith("否，已超过 10 家")
    assert _verdict(">=", 26, 20, "家").startswith("是，已达到 20 家（共 26 家）")
