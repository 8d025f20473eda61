"""Structured extraction from plan sentences: deterministic baseline vs the bundled LLMs."""

from __future__ import annotations

import logging
from typing import Any

from agents.llm.extraction import PlanFacts, count_label, extract_plan_facts_baseline
from agents.llm.prompts import PromptLibrary, structured_prompt
from core.ports import ChatModel
from evals.harness import RunResult, load_jsonl, run_cases, table
from evals.metrics import PRF, exact_match, field_prf

log = logging.getLogger(__name__)

FIELDS = ("levels", "organisations", "dates", "counts")
DATASETS = {
    "plan_facts.jsonl": "dev (40, seen while writing the baseline rules)",
    "plan_facts_holdout.jsonl": "held out (20, never used for tuning)",
}
EMPTY: dict[str, list[str]] = {f: [] for f in FIELDS}


def as_fields(facts: PlanFacts) -> dict[str, list[str]]:
    """PlanFacts → the dataset's field vocabulary (see evals/README.md)."""
    return {
        "levels": list(facts.response_levels),
        "organisations": list(facts.organisations),
        "dates": list(facts.dates),
        "counts": [count_label(c) for c in facts.counts],
    }


def baseline_runs() -> list[RunResult]:
    return [
        run_cases(
            "baseline (rules)",
            name,
            [c["text"] for c in load_jsonl(name)],
            lambda text: as_fields(extract_plan_facts_baseline(text)),
            EMPTY,
        )
        for name in DATASETS
    ]


def llm_runs(system: str, model: ChatModel, prompt_version: int | None = None) -> list[RunResult]:
    library = PromptLibrary()

    def predict(text: str) -> dict[str, list[str]]:
        prompt = library.render("extract_plan_facts", prompt_version, sentence=text)
        return as_fields(structured_prompt(model, prompt, PlanFacts, max_retries=2))

    return [
        run_cases(system, name, [c["text"] for c in load_jsonl(name)], predict, EMPTY) for name in DATASETS
    ]


def report(runs: list[RunResult]) -> str:
    rows: list[list[Any]] = []
    for run in runs:
        truth = [c["expected"] for c in load_jsonl(run.dataset)]
        prf = field_prf(run.predictions, truth, FIELDS)
        micro = sum(prf.values(), start=PRF(0, 0, 0))
        rows.append(
            [
                run.system,
                DATASETS[run.dataset].split(" (")[0],
                len(truth),
                *(prf[f].f1 for f in FIELDS),
                micro.f1,
                exact_match(run.predictions, truth, FIELDS),
                f"{run.p50:.0f} / {run.p95:.0f}",
                len(run.errors),
            ]
        )
    header = [
        "system",
        "set",
        "n",
        "levels F1",
        "organisations F1",
        "dates F1",
        "counts F1",
        "micro F1",
        "exact match",
        "latency p50 / p95 (ms)",
        "failures",
    ]
    return table(header, rows)
