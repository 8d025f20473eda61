"""The compound-condition planner (agents/chat/compound.py, compound_run.py): which questions it
composes, how it splits them into clauses, what it refuses, and how it combines the id sets. Wording differs from the eval sets."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from agents.chat import compound, compound_run
from agents.chat.coverage import uncovered
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots
from agents.chat.timewords import CST
from agents.nlp.timeexpr import parse_time_range
from core.scope import DataScope, ScopeLevel
from graph.intents import BY_ID

TOWNS = Gazetteer.from_towns(["澄江街道", "城东街道", "华士镇", "临港经济开发区", "周庄镇", "青阳镇"])
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=CST)
NOW_MS = int(NOW.timestamp() * 1000)
YEAR_START = int(datetime(2026, 1, 1, tzinfo=CST).timestamp() * 1000)


def _plan(question: str) -> compound.Plan | None:
    """As ChatService reaches the planner: slots, the routed template, what it leaves uncovered."""
    slots = extract_slots(question, TOWNS)
    intent = route(question, slots).intent
    assert intent is not None
    missing = uncovered(question, slots, intent, towns=len({t for _, t in TOWNS.find(question)}))
    return compound.plan(question, slots, missing, TOWNS, NOW_MS, parse_time_range)


def _steps(p: compound.Plan | None) -> list[tuple[str, bool]]:
    assert p is not None
    return [(c.intent, c.negated) for c in p.conditions]


def test_each_condition_keeps_the_time_and_levels_of_its_own_clause() -> None:
    p = _plan("今年挨过处罚，而且有一级重大危险源的化工企业是哪些")
    assert _steps(p) == [("penalty_list", False), ("hazard_source_enterprises", False)]
    assert p is not None and p.final == "enterprise_list"
    penalty, source = p.conditions
    assert penalty.values["from_ms"] == YEAR_START and "from_ms" not in source.values
    assert source.values["mhs_level"] == 1
    assert "危化品生产" in p.attributes["category_group"]  # 化工企业 is said of the enterprise


def test_a_state_after_a_timed_clause_takes_no_time() -> None:
    p = _plan("本周被执法检查过的企业中，眼下还有逾期没改的重大隐患的有几家")
    assert _steps(p) == [("inspection_list", False), ("overdue_hazards", False)]
    assert p is not None and p.final == "enterprise_count"
    assert p.conditions[1].values["hazard_level"] == "重大"


@pytest.mark.parametrize(
    ("question", "steps", "final"),
    [
        ("从未被执法检查过的A类企业有多少家", [("inspection_list", True)], "enterprise_count"),
        ("存在离线探测器，但一直没被处罚过的加油站", [("sensors_offline", False), ("penalty_list", True)],
         "enterprise_list"),
        ("B类企业里有没有被罚过款的", [("penalty_list", False)], "enterprise_list"),  # 有没有 asks, not denies
        ("没有掉线传感器的一般化工企业", [("sensors_offline", True)], "enterprise_list"),
        ("这两天传感器报过警的B类企业有几家", [("sensors_alarming", False)], "enterprise_count"),
        ("还有没整改的隐患、又有较大风险点的企业", [("hazard_list", False), ("risk_points", False)],
         "enterprise_list"),  # 没整改 is a status, not a negation
        ("有重大危险源而且今天在搞受限空间作业的企业分布在哪些镇", [("hazard_source_enterprises", False),
         ("special_operations", False)], "enterprise_count_by_town"),
    ],
)  # fmt: skip
def test_negations_and_shapes(question: str, steps: list[tuple[str, bool]], final: str) -> None:
    p = _plan(question)
    assert _steps(p) == steps and p is not None and p.final == final


def test_special_operation_words_are_not_the_key_domain() -> None:
    p = _plan("今天在做有限空间作业的B类企业有哪些")
    assert p is not None and p.attributes == {"responsibility_class": "B"}
    assert p.conditions[0].values["op_type"] == "受限空间"


@pytest.mark.parametrize(
    "question",
    [
        "罚款超过10万元、又有重大危险源的企业",  # a threshold
        "华士镇华明村被罚过又有逾期隐患的企业",  # a village
        "有重大危险源的企业里哪家隐患最多",  # a ranking
        "有重大危险源或者被处罚过、又有逾期隐患或者传感器离线的企业",  # two unions side by side (a single 或 between conditions is a union since compound round 5)
        "近两年没做过安全培训、有重大危险源的企业",  # a condition without a template (drills have one since round 18)
        "上个月有重大危险源并且被罚过的企业",  # a time on a condition without a time slot
        "今年被检查过又被处罚过的企业",  # 今年 may be meant for both
        "有传感器又有重大隐患的企业",  # a sensor condition that is neither offline nor alarming
        "被处罚过的企业的隐患有哪些",  # hazards are asked for, not enterprises
        "有离线传感器的企业一共有几条逾期隐患",  # a count of hazards
        "有重大危险源的企业罚了多少钱",  # an amount
        "不是A类的企业里被罚过的",  # an exclusion
        "被检查不合格、又有重大危险源的企业",  # what an inspection found
        "被检查出重大隐患的A类企业",  # hazards found in an inspection: one template, not two conditions
        "今年被处罚过两次的A类企业",  # a repeat
        "罚过款的企业都有哪些隐患",  # hazards are asked for
        "A类企业里有一级危险源的那几家，法人是谁",  # a portrait, not a list
        "有重大危险源的企业和被罚过的企业有哪些",  # two sets side by side
        "有重大危险源的企业今年都被检查过吗",  # every one of them?
        "有一级危险源、最近一周报过警、又被处罚过的企业",  # an alarm without an event type: not mapped
        "高风险的A类企业里有逾期隐患的",  # 高风险 is no risk point
        "有一级危险源的企业中被罚过的占多少",  # a share
        "危险源是一级的企业里有哪些被处罚过",  # a level the slots did not read
        "有重大危险源的企业里，被罚过的和有逾期隐患的",  # two sets side by side
        "C类、D类企业里有离线传感器的",  # two classes: the slot holds one
        "纺织和机械企业中有逾期隐患的有几家",  # two categories
        "有重大危险源的企业被罚过几回",  # how often, not which
        "有逾期隐患的企业都是什么时候被检查的",  # when, not which
    ],
)
def test_what_it_cannot_map_is_left_to_the_fallback(question: str) -> None:
    assert _plan(question) is None


def test_one_condition_alone_is_a_template_question() -> None:
    slots = extract_slots("被罚过的企业", TOWNS)
    assert compound.plan("被罚过的企业", slots, ("企业类别或等级",), TOWNS, NOW_MS) is None


class FakeStore:
    """Answers each template by id from canned rows; records the parameters it was given."""

    def __init__(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        self.rows, self.seen = rows, []  # type: list[tuple[str, dict[str, Any]]]
        self._by_query = {i.cypher: i.id for i in BY_ID.values() if i.cypher}

    def read(self, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        intent = self._by_query[cypher]
        self.seen.append((intent, params))
        rows = self.rows.get(intent, [])
        if params.get("enterprise_ids") is not None:
            rows = [r for r in rows if r["id"] in params["enterprise_ids"]]
        if intent == "enterprise_count":
            return [{"n": len(self.rows["enterprise_list"] and rows)}]
        return rows


def _ent(*ids: str) -> list[dict[str, Any]]:
    return [{"id": i, "name": f"企业{i}", "town": "华士镇", "category": "机械", "scale": "小型",
             "responsibility_class": "A"} for i in ids]  # fmt: skip


def test_sets_are_intersected_and_negations_subtracted_with_every_step_cited() -> None:
    store = FakeStore({
        "penalty_list": [{"enterprise_id": e} for e in ("E1", "E2", "E3")],
        "sensors_offline": [{"enterprise_id": e} for e in ("E2", "E3", "E4")],
        "inspection_list": [{"enterprise_id": "E3"}],
        "enterprise_list": _ent("E1", "E2", "E3", "E4"),
    })  # fmt: skip
    p = _plan("被处罚过、又有传感器掉线、但从没被检查过的企业有哪些")
    assert _steps(p) == [("penalty_list", False), ("sensors_offline", False), ("inspection_list", True)]
    assert p is not None
    done = compound_run.run_plan(p, DataScope(), store, NOW_MS)
    assert done.ids == ["E2"]
    final_params = store.seen[-1][1]
    assert store.seen[-1][0] == "enterprise_list" and final_params["enterprise_ids"] == ["E2"]
    assert all(params["limit"] == compound_run.CONDITION_LIMIT for _, params in store.seen)  # complete sets
    answer, state = compound_run.reply("q", done)
    assert answer.path == "compound" and [c.ref for c in answer.citations] == [
        "penalty_list", "sensors_offline", "inspection_list", "enterprise_list"]  # fmt: skip
    assert answer.query == "penalty_list ∩ sensors_offline − inspection_list → enterprise_list"
    assert "共查到 1 家" in answer.answer and "企业E2" in answer.answer and "无执法检查" in answer.answer
    assert state.result_enterprises == ["E2"] and state.intent is None  # no follow-up re-runs one template


def test_only_negations_start_from_the_enterprises_with_the_attributes_and_scope_is_bound() -> None:
    store = FakeStore({"penalty_list": [{"enterprise_id": "E1"}], "enterprise_list": _ent("E1", "E2")})
    p = _plan("没有受过行政处罚的A类企业有几家")
    assert p is not None
    town = DataScope(level=ScopeLevel.TOWN, town="华士镇")
    done = compound_run.run_plan(p, town, store, NOW_MS)
    assert done.ids == ["E2"] and [s.intent for s in done.steps] == [
        "penalty_list", "enterprise_list", "enterprise_count"]  # fmt: skip
    assert len(done.steps[1].ids) == 2  # the universe step keeps its own count
    assert all(params["scope_town"] == "华士镇" for _, params in store.seen)


def test_a_condition_set_that_reaches_the_bound_is_not_trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compound_run, "CONDITION_LIMIT", 2)
    store = FakeStore(
        {"penalty_list": [{"enterprise_id": e} for e in ("E1", "E2")], "enterprise_list": _ent("E1")}
    )
    p = _plan("被处罚过的A类企业有哪些")
    assert p is not None
    with pytest.raises(compound_run.IncompleteSet):
        compound_run.run_plan(p, DataScope(), store, NOW_MS)
    assert compound_run.answer("被处罚过的A类企业有哪些", extract_slots("被处罚过的A类企业有哪些", TOWNS),
                           ("企业类别或等级",), DataScope(), store, TOWNS, NOW_MS) is None  # fmt: skip
