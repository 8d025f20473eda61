"""The aggregation step (agents/chat/aggregate.py, aggregate_run.py, ADR 0013): what it reads from a
ranking, threshold or per-town question, what it refuses, how it groups, cuts and cites template rows,
and how the chat eval scores top-N with ties. Wording differs from the eval sets."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from agents.chat import aggregate, aggregate_run
from agents.chat.compound_run import CONDITION_LIMIT
from agents.chat.coverage import uncovered
from agents.chat.followup import refers_to_rows
from agents.chat.slots import Gazetteer, extract_slots
from agents.chat.timewords import CST
from agents.nlp.timeexpr import parse_time_range
from core.scope import DataScope, ScopeLevel
from evals.chat import answer_ok, execution_ok
from graph.intents import BY_ID

TOWNS = Gazetteer.from_towns(["澄江街道", "城东街道", "华士镇", "临港经济开发区", "周庄镇", "青阳镇"])
NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)
YEAR_START = int(datetime(2026, 1, 1, tzinfo=CST).timestamp() * 1000)


def _plan(question: str) -> aggregate.AggregatePlan | None:
    return aggregate.plan(question, extract_slots(question, TOWNS), TOWNS, NOW_MS, parse_time_range)


@pytest.mark.parametrize(
    ("question", "intent", "group", "top", "threshold", "amount", "counted"),
    [
        ("查一下哪几家单位的逾期隐患最多，给我前五", "overdue_hazards", "enterprise", 5, None, "", False),
        ("掉线的监测设备哪个街道最多", "sensors_offline", "town", 1, None, "", False),
        ("今年被罚次数排前两名的公司", "penalty_list", "enterprise", 2, None, "", False),
        ("被罚款累计达到8万元的企业有几家", "penalty_list", "enterprise", None, (">=", 80000.0), "sum", True),
        ("罚款超过两万的企业", "penalty_list", "enterprise", None, (">", 20000.0), "max", False),
        ("挂着4条以上没整改隐患的厂子", "hazard_list", "enterprise", None, (">=", 4.0), "", False),
        ("被检查过三次以上的企业是哪些", "inspection_list", "enterprise", None, (">=", 3.0), "", False),
        ("执法检查次数排前四的镇街", "inspection_list", "town", 4, None, "", False),
        ("本周各街道动火作业分别多少", "special_operations", "town", None, None, "", False),
        ("重大风险点数量排名前三的企业", "risk_points", "enterprise", 3, None, "", False),
        ("近一个月烟雾告警最多的镇街", "events_recent", "town", 1, None, "", False),
        ("一级危险源最多的三家企业", "hazard_source_list", "enterprise", 3, None, "", False),
    ],
)
def test_what_is_counted_grouped_and_cut(
    question: str, intent: str, group: str, top: int | None, threshold: Any, amount: str, counted: bool
) -> None:
    p = _plan(question)
    assert p is not None
    assert (p.measure.intent, p.group, p.top, p.threshold, p.measure.amount, p.counted) == (
        intent, group, top, threshold, amount, counted)  # fmt: skip


def test_the_measure_takes_the_slots_and_time_of_its_own_clause() -> None:
    p = _plan("今年罚款金额排前两名的企业")
    assert p is not None and p.measure.values["from_ms"] == YEAR_START and p.measure.amount == "sum"
    p = _plan("有重大危险源的企业里面，隐患最多的前两家")  # 重大 is the hazard source's, not the hazards'
    assert p is not None and p.measure.intent == "hazard_list" and "hazard_level" not in p.measure.values
    assert p.restriction.startswith("有重大危险源的企业里面") and p.top == 2
    p = _plan("青阳镇B类企业中逾期隐患最多的是哪家")
    assert p is not None and p.attributes == {"responsibility_class": "B", "town": "青阳镇"}
    assert p.group == "enterprise" and p.restriction == ""  # a town name is no per-town cue
    p = _plan("没被处罚过的企业里隐患最多的")  # the negation is the compound planner's (subtracted)
    assert p is not None and p.restriction == "没被处罚过的企业里"
    p = _plan("红色风险点最多的两家企业")
    assert p is not None and p.measure.values["risk_level"] == "重大"


@pytest.mark.parametrize(
    "question",
    [
        "隐患最少的企业",  # groups with none are not in the rows
        "罚款不到1万的企业有哪些",  # below a bound
        "各镇平均每家企业有几条隐患",  # an average over an unknown denominator
        "今年罚款总额同比增长了多少",  # growth
        "华士镇和周庄镇相比哪个镇隐患多",  # two places compared
        "同一次检查发现2条以上隐患的企业",  # grouped by inspection, not enterprise or town
        "隐患超过三条的村有哪些",  # a threshold per village (a per-village count is planned, round 38)
        "罚款金额最高的一笔处罚",  # one penalty, not a group
        "隐患最多的是哪个检查组",  # no enterprise or town to group by
        "上个月离线传感器最多的镇",  # sensors have no time
        "哪家企业没人跟进的隐患最多",  # a negation in the measure's clause that is no status
        "传感器故障超过3个以上的企业有几家还有隐患",  # a condition after the measure
    ],
)
def test_what_it_cannot_do_exactly_is_refused(question: str) -> None:
    assert _plan(question) is None


def test_coverage_flags_enterprise_rankings_but_not_a_reference_back() -> None:
    q = "没整改隐患最多的4家企业"
    assert "按企业排名" in uncovered(q, extract_slots(q, TOWNS), "hazard_count_by_town")
    q = "未整改隐患数排在前五的企业"
    assert "按企业排名" in uncovered(q, extract_slots(q, TOWNS), "hazard_count_by_town")
    q = "那前五家里哪些被罚过"
    assert uncovered(q, extract_slots(q, TOWNS), "penalty_list", restricted=True) == ()
    assert refers_to_rows("这前两家有没有逾期隐患") and not refers_to_rows("前两名的企业")
    assert not refers_to_rows("罚了3万元以上的单位") and refers_to_rows(
        "以上企业的法人是谁"
    )  # a bound, not "the above"


class FakeStore:
    """Canned rows per template id; a measure's enterprise_ids filter its rows by enterprise."""

    def __init__(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        self.rows = rows
        self.seen: list[tuple[str, dict[str, Any]]] = []
        self._by_query = {i.cypher: i.id for i in BY_ID.values() if i.cypher}

    def read(self, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        intent = self._by_query[cypher]
        self.seen.append((intent, params))
        rows = self.rows.get(intent, [])
        if params.get("enterprise_ids") is not None:
            key = "id" if intent == "enterprise_list" else "enterprise_id"
            rows = [r for r in rows if r[key] in params["enterprise_ids"]]
        return rows


def _hazards(**per_enterprise: int) -> list[dict[str, Any]]:
    return [{"id": f"H-{e}-{i}", "enterprise_id": e, "enterprise": f"企业{e}", "town": "华士镇"}
            for e, n in per_enterprise.items() for i in range(n)]  # fmt: skip


def _ask(question: str, store: Any, scope: DataScope | None = None) -> Any:
    return aggregate_run.answer(question, extract_slots(question, TOWNS), scope or DataScope(), store, TOWNS,
                                NOW_MS, parse_time_range)  # fmt: skip


def test_top_n_shows_the_ties_at_the_cut_and_cites_the_template() -> None:
    store = FakeStore({"hazard_list": _hazards(E1=4, E2=2, E3=2, E4=1)})
    town = DataScope(level=ScopeLevel.TOWN, town="华士镇")
    got = _ask("未整改隐患数最多的两家企业", store, town)
    assert got is not None
    answer, state = got
    assert answer.path == "aggregate" and [r["name"] for r in answer.rows] == ["企业E1", "企业E2", "企业E3"]
    assert [r["n"] for r in answer.rows] == [4, 2, 2] and "含并列共 3 个" in answer.answer
    assert answer.citations[0].ref == "hazard_list" and answer.citations[0].row_count == 9
    assert answer.query == "hazard_list → 按企业计数 → 前 2（含并列）"
    _, params = store.seen[0]
    assert params["scope_town"] == "华士镇" and params["limit"] == CONDITION_LIMIT
    assert state.result_enterprises == ["E1", "E2", "E3"] and state.intent is None


def test_amounts_are_summed_for_rankings_and_one_penalty_is_compared_for_a_bound() -> None:
    rows = [{"id": f"P{i}", "enterprise_id": e, "enterprise": f"企业{e}", "town": t, "amount_yuan": a}
            for i, (e, t, a) in enumerate([("E1", "华士镇", 30000.0), ("E1", "华士镇", 30000.0),
                                           ("E2", "周庄镇", 50000.0), ("E3", "周庄镇", 8000.0)])]  # fmt: skip
    store = FakeStore({"penalty_list": rows})
    got = _ask("罚款金额最多的企业", store)
    assert got is not None and got[0].rows[0]["name"] == "企业E1" and got[0].rows[0]["n"] == 60000
    got = _ask("罚款超过四万元的企业有哪些", store)  # E1's penalties are each under the bound
    assert got is not None and [r["name"] for r in got[0].rows] == ["企业E2"]
    got = _ask("累计罚款超过四万元的企业有几家", store)
    assert got is not None and got[0].rows == [{"n": 2}] and "共 2 家" in got[0].answer
    got = _ask("各镇罚款总额分别是多少", store)
    assert got is not None and got[0].rows == [{"town": "华士镇", "n": 60000}, {"town": "周庄镇", "n": 58000}]


def test_cameras_name_their_enterprises_through_enterprise_list_and_public_ones_are_skipped() -> None:
    cams = [{"id": f"C{i}", "name": "cam", "town": "澄江街道", "enterprise_id": e} for i, e in
            enumerate(["E7", "E7", "E8", None])]  # fmt: skip
    ents = [{"id": e, "name": f"企业{e}", "town": "澄江街道"} for e in ("E7", "E8")]
    store = FakeStore({"cameras_offline": cams, "enterprise_list": ents})
    got = _ask("离线摄像头不少于2个的企业", store)
    assert got is not None and got[0].rows == [
        {"enterprise_id": "E7", "name": "企业E7", "town": "澄江街道", "n": 2}
    ]
    got = _ask("离线摄像头最多的镇街", store)  # the public camera counts for its town
    assert got is not None and got[0].rows == [{"town": "澄江街道", "n": 4}]


def test_a_restriction_is_the_compound_planners_enterprise_set() -> None:
    store = FakeStore({
        "hazard_source_enterprises": [{"id": "E1", "name": "企业E1", "town": "华士镇"},
                                      {"id": "E3", "name": "企业E3", "town": "华士镇"}],
        "enterprise_list": [{"id": e, "name": f"企业{e}", "town": "华士镇"} for e in ("E1", "E3")],
        "hazard_list": _hazards(E1=1, E2=5, E3=3),
    })  # fmt: skip
    got = _ask("有重大危险源的企业当中，哪家隐患最多", store)
    assert got is not None
    answer, _ = got
    assert [r["name"] for r in answer.rows] == ["企业E3"]  # E2 has more, but no hazard source
    assert [c.ref for c in answer.citations] == ["hazard_source_enterprises", "hazard_list"]
    hazard_params = next(p for i, p in store.seen if i == "hazard_list")
    assert hazard_params["enterprise_ids"] == ["E1", "E3"]


# ---- the eval's scoring of rankings (evals/chat.py) -------------------------------------------------

GOLD = [{"key": "A", "n": 5}, {"key": "B", "n": 3}, {"key": "C", "n": 3}, {"key": "D", "n": 1}]


@pytest.mark.parametrize(
    ("shown", "ok"),
    [
        (["A", "B"], True),  # a tie broken either way
        (["A", "C"], True),
        (["A", "B", "C"], True),  # or every tie shown
        (["B", "A"], False),  # not best first
        (["A"], False),  # too few
        (["A", "B", "D"], False),  # one below the cut
        (["A", "B", "C", "D"], False),  # the whole list is no top 2
    ],
)
def test_top_n_scoring_is_fair_to_ties(shown: list[str], ok: bool) -> None:
    rows = [{"name": k} for k in shown]
    assert execution_ok("top", [g["key"] for g in GOLD], rows, GOLD, 2) is ok


def test_grouped_scoring_compares_group_and_number_pairs() -> None:
    gold = [{"key": "华士镇", "n": 3}, {"key": "周庄镇", "n": 1.0}]
    assert execution_ok("grouped", [], [{"town": "周庄镇", "n": 1}, {"town": "华士镇", "n": 3},
                                        {"town": "青阳镇", "n": 0}], gold)  # fmt: skip
    assert not execution_ok("grouped", [], [{"town": "华士镇", "n": 3}, {"town": "周庄镇", "n": 2}], gold)
    assert answer_ok("grouped", [], "华士镇 3 条；周庄镇 1 条", gold)
    assert answer_ok("top", [], "1. A 5 条 2. C 3 条", GOLD, 2) and not answer_ok("top", [], "A", GOLD, 2)
