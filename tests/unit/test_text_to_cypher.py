"""Prompt building for text-to-Cypher (schema filter, few-shots) and the eval scorer. No engine, no LLM."""

from __future__ import annotations

from agents.cypher.examples import load_examples, pick_examples
from agents.cypher.schema_prompt import labels_for, render_schema
from evals.harness import load_jsonl, time_params
from evals.text2cypher import DATASET, is_correct
from graph.cypher_guard import guard_cypher

CASES = load_jsonl(DATASET)


def test_schema_filter_follows_keywords_and_vocabulary() -> None:
    touched, around = labels_for("华士镇现在谁值班？")
    assert {"Town", "DutyShift", "Person"} <= set(touched)
    assert "Hazard" not in touched
    touched, _ = labels_for("最近的烟雾告警")  # 烟雾 is an EventType value
    assert "Event" in touched
    touched, around = labels_for("有重大危险源的企业")
    assert touched == ["Enterprise", "MajorHazardSource"]  # 重大 alone is too generic to pick labels
    assert "Town" in around


def test_schema_text_shows_enum_values_and_relationships_of_touched_labels() -> None:
    text, _ = render_schema("逾期未整改的隐患")
    assert "(:Hazard {" in text and "status: 取 待整改|整改中|已整改|已验收" in text
    assert "deadline: 毫秒时间戳" in text
    assert "(:Enterprise)-[:HAS_HAZARD]->(:Hazard)" in text
    assert "(:RescueTeam" not in text


def test_examples_are_picked_by_similarity() -> None:
    picked = pick_examples("哪个镇街的离线传感器最多？", ["Sensor", "Enterprise"], k=2)
    assert picked[0].question == "每个镇街的离线传感器数量"


def test_every_example_passes_the_guard() -> None:
    for ex in load_examples():
        guard_cypher(ex.cypher, params={"now_ms"})


def test_eval_questions_are_not_few_shot_examples() -> None:
    examples = {ex.question for ex in load_examples()}
    assert len(CASES) >= 30
    assert not examples & {c["question"] for c in CASES}


def test_every_gold_query_passes_the_guard() -> None:
    # The guard must not refuse the forms a correct answer needs.
    for case in CASES:
        guard_cypher(case["gold_cypher"], params=set(time_params(0)))  # the calendar bounds gold may use


def test_scorer_matches_any_column_and_respects_the_comparison() -> None:
    rows = [{"name": "甲", "n": 3}, {"name": "乙", "n": 1}]
    assert is_correct({"compare": "set"}, ["乙", "甲"], rows)
    assert not is_correct({"compare": "set"}, ["甲"], rows)
    assert is_correct({"compare": "ordered"}, ["甲", "乙"], rows)
    assert not is_correct({"compare": "ordered"}, ["乙", "甲"], rows)
    assert is_correct({"compare": "count"}, ["54"], [{"key": 54.0}])
    assert not is_correct({"compare": "count"}, ["54"], [{"key": 54}, {"key": 1}])
    assert not is_correct({"compare": "set"}, ["甲"], [])


def test_draft_schema_stays_plain_for_grammar_decoders() -> None:
    # maxLength/minLength/pattern become huge llama.cpp grammars (a 4000-char limit crashed it).
    from agents.cypher import CypherDraft

    schema = str(CypherDraft.model_json_schema())
    assert not any(word in schema for word in ("maxLength", "minLength", "pattern"))
