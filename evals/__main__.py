"""``python -m evals`` (``make eval``): run the suites and write docs/EVALS.md.

    python -m evals                         # baseline, 0.5B and 1.5B, retrieval
    python -m evals --models baseline       # no LLM server needed
    python -m evals --suites plan_import    # sample plans through plans.pipeline (rules, +0.5B, +1.5B)
    python -m evals --models baseline --suites plan_guide   # chat plan_for over the published sample plans

LLM systems use the embedded llama.cpp server (started and stopped here for each size through the
``safecloud llm`` CLI) or, with SAFECLOUD_LLM__BASE_URL set, the configured endpoint as is.
"""

from __future__ import annotations

import argparse
import logging
import platform
import sys
import time
from pathlib import Path

from evals import plan_facts, plan_import, retrieval
from evals.harness import RunResult, served_model
from evals.plan_corpus import HELD_OUT, PLANS

log = logging.getLogger("evals")
ROOT = Path(__file__).resolve().parents[1]


_served = served_model


def _sizes(models: list[str]) -> list[str]:
    return [size for size in ("0.5b", "1.5b") if size in models]


def _llm(size: str) -> list[RunResult]:
    with _served(size) as model:
        return plan_facts.llm_runs(f"Qwen2.5-Coder-{size.upper()} (llama.cpp, default threads)", model)


def _plan_import_runs(models: list[str]) -> tuple[list[RunResult], list[str]]:
    """Sample plans through ``import_plan``: rules only, then rules + each bundled model."""
    runs: list[RunResult] = []
    notes: list[str] = []
    if "baseline" in models:
        runs.append(plan_import.run("rules only"))
        notes.append(f"not a plan (meeting notice), rules only: {plan_import.non_plan_outcome()}")
    for size in _sizes(models):
        with _served(size) as model:
            runs.append(
                plan_import.run(f"rules + Qwen2.5-Coder-{size.upper()} (DOCX files)", model, ("docx",))
            )
    return runs, notes


def _llm_text2cypher(size: str) -> list[RunResult]:
    """The text-to-Cypher suite on one bundled model size."""
    from evals import text2cypher

    with _served(size) as model:
        return text2cypher.runs({f"Qwen2.5-Coder-{size.upper()} (llama.cpp)": model})


def _chat(models: list[str]) -> list[object]:
    """Chat runs: rules only (LLM off), then each LLM size as routing fallback + text-to-Cypher."""
    from agents.cypher import answer_with_cypher
    from evals import chat

    results: list[object] = []
    if "baseline" in models:
        results += chat.runs({"rules only (LLM off)": None})
    for size in _sizes(models):
        with _served(size) as model:
            label = f"Qwen2.5-Coder-{size.upper()} (LLM routing fallback + checked phrasing)"
            results += chat.runs({label: model}, answer_with_cypher, llm_every=4, llm_routing_only=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--models", default="baseline,0.5b,1.5b")
    parser.add_argument(
        "--suites", default="plan_facts,retrieval,plan_import,event_search,text2cypher,chat,plan_guide"
    )
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "EVALS.md")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    suites, models = args.suites.split(","), args.models.split(",")
    started = time.strftime("%Y-%m-%d")
    sections = [
        "# Evals",
        "",
        f"Produced by `python -m evals --models {args.models} --suites {args.suites}` (`make eval`) on "
        f"{started}, CPython {platform.python_version()}, 2 CPU cores, no GPU. Datasets and labelling "
        "rules: `evals/README.md`.",
    ]
    if "plan_facts" in suites:
        runs: list[RunResult] = []
        if "baseline" in models:
            runs += plan_facts.baseline_runs()
        for size in _sizes(models):
            runs += _llm(size)
        sections += [
            "",
            "## Structured extraction from plan sentences (`extract_plan_facts` v1)",
            "",
            "Field-level micro F1 over sets of normalised values; exact match = every field right. "
            "LLM output is schema-constrained JSON validated into `PlanFacts` (re-asked up to twice), "
            "then normalised to the closed vocabularies. A failure counts as an empty answer.",
            "",
            plan_facts.report(runs),
        ]
    if "retrieval" in suites:
        sections += [
            "",
            "## Enterprise retrieval (query → credit code)",
            "",
            "Over the fixed eval city (seed 20261125, 2,000 enterprises) in a temporary FalkorDB and "
            "Qdrant local index; hit@k over the top 10.",
            "",
            retrieval.report(retrieval.runs()),
        ]
    if "plan_import" in suites:
        import_runs, notes = _plan_import_runs(models)
        sections += [
            "",
            "## Plan import (sample plans → `EmergencyPlan`)",
            "",
            f"{len(PLANS)} sample plans (`evals/datasets/plans/`: city, town, department and enterprise "
            "plans of every GB/T 29639 type, in several authors' layouts) as DOCX and text-layer PDF, "
            "one 现场处置方案 also as a scanned PDF, imported with `plans.pipeline.import_plan`. "
            f"Held out from rule tuning: {', '.join(HELD_OUT) or 'none'} (written after the last rule "
            "change and measured once; every other plan was used while writing the rules, so its rows are "
            "regression checks). LLM configurations run on the DOCX files only (the model sees the same "
            "structured text for every format). Field-level precision / recall / F1 per "
            "section against hand-checked ground truth; matching rule in `evals/plan_scoring.py` "
            "(normalised strings, items paired by key, free text by difflib ratio ≥ "
            f"{plan_import.SIMILARITY}). Target F1 ≥ 0.9 for levels, org units, roles and contacts.",
            "",
            plan_import.report(import_runs, notes),
        ]
    if "event_search" in suites:
        from evals import event_search

        sections += [
            "",
            "## Event search (一句话搜事件: sentence → filter)",
            "",
            "Per-field accuracy against hand-written gold filters (times resolved against each case's "
            "`now`), exact filter = all seven fields right; the LLM only sees sentences with leftover "
            "words. Latency is the parse alone (the graph query is timed in the API response).",
            "",
            event_search.report(event_search.runs(models)),
        ]
    if "text2cypher" in suites:
        from evals import text2cypher

        t2c = [run for size in _sizes(models) for run in _llm_text2cypher(size)]
        sections.append(text2cypher.section(t2c))
    if "chat" in suites:
        from evals import chat

        chat_runs = _chat(models)
        sections += [
            "",
            "## Duty-officer chat (`agents/chat`, `evals/chat.py`)",
            "",
            "Chinese questions over the demo city (seed 20261125, 1,000 enterprises, anchored to today) "
            "with hand-written gold Cypher run at eval time; scoring rules in `evals/chat.py`. LLM runs "
            "use every 4th template question (2 shared CPU cores) and every text-to-Cypher question.",
            "",
            chat.report(chat_runs),  # type: ignore[arg-type]
        ]
    if "plan_guide" in suites:  # rules only: no LLM system
        from evals import plan_guide

        sections.append(plan_guide.section())
    text = "\n".join(sections) + "\n"
    args.output.write_text(text, encoding="utf-8")
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
