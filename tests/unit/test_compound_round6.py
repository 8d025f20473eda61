"""General chat rules of compound round 6, each tested on sentences that are not in the eval set
(compound_holdout6): a count threshold closes its own clause, so conditions said after it restrict the
counted firms, and per-town counts of the firms over a threshold; a condition said of the firm's town
(所在镇有…); none of a device at all (没有任何传感器, 一个摄像头都没装); more facts the graph lacks."""

from __future__ import annotations

from typing import Any

import pytest

from agents.chat import aggregate, compound_run
from agents.chat.stored_chemical import stored_chemical
from agents.chat.town_wide import town_wide_leads
from agents.chat.unanswerable import unanswerable
from agents.chat.unheld_facts import unheld_fact
from core.scope import DataScope
from tests.unit.test_chat_aggregate import FakeStore as RowsStore
from tests.unit.test_chat_aggregate import _ask, _hazards
from tests.unit.test_chat_aggregate import _plan as _aggregate_plan
from tests.unit.test_chat_compound import FakeStore, _ent
from tests.unit.test_compound_round5 import NOW_MS, _plan, _steps


def _penalties(**per_enterprise: int) -> list[dict[str, Any]]:
    towns = {"E1": "华士镇", "E2": "华士镇", "E3": "周庄镇", "E4": "周庄镇"}
    return [{"id": f"P-{e}-{i}", "enterprise_id": e, "enterprise": f"企业{e}", "town": towns.get(e, "澄江街道"),
             "amount_yuan": 1000.0} for e, n in per_enterprise.items() for i in range(n)]  # fmt: skip


# ---- a threshold closes the measure's clause; conditions after it restrict the firms ------------------


@pytest.mark.parametrize(
    ("question", "intent", "threshold", "restriction_has"),
    [
        ("被检查过三次以上的企业当中，哪些今年还被处罚过", "inspection_list", (">=", 3.0), "处罚"),
        ("逾期隐患多于2条、并且从来没被处罚过的企业有几家", "overdue_hazards", (">", 2.0), "处罚"),
        ("传感器故障超过3个以上的企业有几家还有隐患", "sensors_offline", (">", 3.0), "隐患"),
    ],
)
def test_a_threshold_closes_its_clause_and_the_rest_restricts(
    question: str, intent: str, threshold: tuple[str, float], restriction_has: str
) -> None:
    p = _aggregate_plan(question)
    assert p is not None and p.measure.intent == intent and p.threshold == threshold
    assert restriction_has in p.restriction and restriction_has not in p.measure.values["_question"]
    assert len(p.restriction) == len(question)  # the measure's clause blanked, positions kept


def test_a_condition_after_a_ranking_or_without_a_bound_is_still_refused() -> None:
    assert _aggregate_plan("隐患最多的企业里有几家被处罚过") is None


def test_firms_over_a_threshold_are_restricted_by_the_later_condition() -> None:
    store = RowsStore({
        "penalty_list": _penalties(E1=3, E2=1, E3=2),
        "hazard_source_enterprises": [{"id": e, "enterprise_id": e, "town": "华士镇"} for e in ("E1", "E2")],
        "enterprise_list": _ent("E1", "E2", "E3"),
    })  # fmt: skip
    got = _ask("行政处罚不少于两次的单位里面，有重大危险源的是哪几家", store)
    assert got is not None
    answer, _ = got
    assert [r["enterprise_id"] for r in answer.rows] == ["E1"]  # E3 has no source, E2 one penalty
    assert answer.query.startswith("hazard_source_enterprises") and "penalty_list" in answer.query


def test_firms_over_a_threshold_are_counted_per_town() -> None:
    store = RowsStore({"penalty_list": _penalties(E1=2, E2=3, E3=2, E4=1, E5=1)})
    p = _aggregate_plan("每个街道被罚款两次及以上的企业各有多少家")
    assert p is not None and p.firms_by_town and p.group == "enterprise" and not p.counted
    got = _ask("每个街道被罚款两次及以上的企业各有多少家", store)
    assert got is not None
    answer, state = got
    assert answer.rows == [{"town": "华士镇", "n": 2}, {"town": "周庄镇", "n": 1}]
    assert answer.columns == ["town", "n"] and "华士镇 2 家" in answer.answer
    assert state.result_enterprises == []  # towns listed, no enterprise rows to refer to


def test_a_per_town_count_of_records_is_not_a_firm_count() -> None:
    p = _aggregate_plan("各镇逾期隐患超过5条的有几个")  # no enterprise said: a bound on towns, refused
    assert p is None


# ---- a condition said of the enterprise's town ---------------------------------------------------------


def test_the_town_lead_is_blanked_and_its_position_kept() -> None:
    text, ends = town_wide_leads("所属街道存在逾期隐患的化工企业")
    assert text.startswith("    存在") and len(text) == len("所属街道存在逾期隐患的化工企业") and ends == [4]
    assert town_wide_leads("所在地址有哪些")[1] == []  # no town word: no lead


def test_a_condition_on_the_firms_town_takes_every_firm_of_those_towns() -> None:
    p = _plan("所在的镇里有二级重大危险源的机械企业有哪些")
    assert _steps(p) == [("hazard_source_enterprises", False)]
    assert p is not None and p.conditions[0].town_wide and p.attributes.get("category") == "机械"
    store = FakeStore({
        "hazard_source_enterprises": [{"id": "E9", "town": "周庄镇"}],  # the source is another firm's
        "enterprise_list": [*_ent("E1", "E2"), {**_ent("E3")[0], "town": "周庄镇"}, {**_ent("E9")[0], "town": "周庄镇"}],
    })  # fmt: skip
    done = compound_run.run_plan(p, DataScope(), store, NOW_MS)
    assert done.ids == ["E3", "E9"]  # the firms in 周庄镇, not the ones holding a source
    answer, _ = compound_run.reply("q", done)
    assert "所在镇街有重大危险源" in answer.answer and "周庄镇" in answer.answer


def test_a_town_lead_before_a_negated_condition_is_not_composed() -> None:
    assert _plan("所在镇没有重大危险源的纺织企业有几家") is None


# ---- none of a device at all -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("没有任何传感器的危化品经营企业有哪些", "sensors_offline"),
        ("一个摄像头都没装的冶金企业有几家", "cameras_offline"),
        ("没安装过传感器、又有逾期隐患的企业有几家", "sensors_offline"),
    ],
)
def test_none_of_a_device_subtracts_every_device_not_only_offline_ones(question: str, intent: str) -> None:
    p = _plan(question)
    assert p is not None
    negated = [c for c in p.conditions if c.negated]
    assert [c.intent for c in negated] == [intent]
    assert negated[0].values.get("all_sensors") or negated[0].values.get("all_cameras")


def test_an_offline_device_negated_stays_the_offline_ones() -> None:
    p = _plan("没有离线传感器的危化品生产企业有几家")
    assert p is not None and p.conditions[0].negated
    assert not p.conditions[0].values.get("all_sensors")


def test_a_firm_without_any_camera_is_named_so() -> None:
    p = _plan("一个摄像头都没装的建材企业有哪些")
    store = FakeStore({"cameras_offline": [{"enterprise_id": "E1"}], "enterprise_list": _ent("E1", "E2")})
    assert p is not None
    answer, _ = compound_run.reply("q", compound_run.run_plan(p, DataScope(), store, NOW_MS))
    assert "无摄像头" in answer.answer and "离线" not in answer.answer


# ---- facts the graph lacks ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("安全标准化二级达标的企业里有几家有逾期隐患", "标准化"),
        ("去年安全生产费用提取不足的企业", "安全生产费用"),
        ("员工没参加过安全培训的企业有哪些", "培训"),
        ("压力容器这些特种设备年检过期的企业", "特种设备"),
        ("职业健康体检没做的企业有几家", "职业卫生"),
    ],
)
def test_more_facts_the_graph_lacks_are_declined_naming_them(question: str, missing: str) -> None:
    reply = unheld_fact(question)
    assert reply is not None and missing in reply


@pytest.mark.parametrize(
    "question",
    ["我们厂里存着哪些危险化学品，安全员培训要用", "特种设备事故启动哪一级响应", "有逾期隐患的企业有几家"],
)
def test_ordinary_questions_are_not_declined_as_unheld(question: str) -> None:
    assert unheld_fact(question) is None and (unanswerable(question) is None or "培训" not in question)


def test_aggregate_tables_are_unchanged_for_a_bound_without_later_conditions() -> None:
    p = _aggregate_plan("挂着4条以上没整改隐患的厂子")
    assert p is not None and p.restriction == "" and not p.firms_by_town
    store = RowsStore({"hazard_list": _hazards(E1=4, E2=3)})
    got = _ask("挂着4条以上没整改隐患的厂子", store)
    assert got is not None and [r["enterprise_id"] for r in got[0].rows] == ["E1"]
    assert aggregate.AggregatePlan.__dataclass_fields__["firms_by_town"].default is False


# ---- two chemicals joined by 或: either is stored -----------------------------------------------------------


def test_two_chemicals_joined_by_or_are_either_of_them() -> None:
    said = stored_chemical("储存甲醇或者乙醇的企业中，有逾期隐患的是哪些")
    assert said is not None and said.word == "甲醇或乙醇"
    assert {"甲醇", "乙醇"} <= set(said.ids) and said.end == len("储存甲醇或者乙醇")
    p = _plan("储存甲醇或者乙醇的企业中，有逾期隐患的是哪些")
    assert _steps(p) == [("overdue_hazards", False)]
    assert p is not None and {"甲醇", "乙醇"} <= set(p.attributes["chemical"])


def test_two_chemicals_joined_by_and_are_still_refused() -> None:
    assert stored_chemical("储存甲醇和乙醇的企业") is None  # both held: the slot's list means either


def test_towns_a_bound_is_spread_over_are_not_a_firm_count() -> None:
    assert _aggregate_plan("罚款超过5万元的单位分布在哪几个街道") is None  # the records' towns, as before
