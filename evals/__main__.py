"""``python -m evals`` (``make eval``): run the suites and write docs/EVALS.md.

    python -m evals                         # baseline, 0.5B and 1.5B, retrieval
    python -m evals --models baseline       # no LLM server needed
    python -m evals --suites plan_import    # sample plans through plans.pipeline (rules, +0.5B, +1.5B)

LLM systems use the embedded llama.cpp server (started and stopped here for each size through the
``safecloud llm`` CLI) or, with SAFECLOUD_LLM__BASE_URL set, the configured endpoint as is.
"""

from __future__ import annotations

import argparse
import logging
import platform
import subprocess
import sys
import time
from pathlib import Path

from evals import plan_facts, plan_import, retrieval
from evals.harness import RunResult

log = logging.getLogger("evals")
ROOT = Path(__file__).resolve().parents[1]


def _llm(size: str) -> list[RunResult]:
    from agents.llm import build_chat_model
    from api.settings import Settings

    settings = Settings()
    settings = settings.model_copy(update={"llm": settings.llm.model_copy(update={"size": size})})
    managed = settings.llm.base_url is None
    cli = [sys.executable, "-m", "api.cli", "llm"]
    if managed:
        subprocess.run([*cli, "serve", "--size", size], check=True, cwd=ROOT)
    model = build_chat_model(settings)
    try:
        return plan_facts.llm_runs(f"Qwen2.5-Coder-{size.upper()} (llama.cpp, default threads)", model)
    finally:
        model.close()
        if managed:
            subprocess.run([*cli, "stop"], check=False, cwd=ROOT)


def _plan_import_runs(models: list[str]) -> tuple[list[RunResult], list[str]]:
    """Sample plans through ``import_plan``: rules only, then rules + each bundled model."""
    from agents.llm import build_chat_model
    from api.settings import Settings

    runs: list[RunResult] = []
    notes: list[str] = []
    if "baseline" in models:
        runs.append(plan_import.run("rules only"))
        notes.append(f"not a plan (meeting notice), rules only: {plan_import.non_plan_outcome()}")
    for size in ("0.5b", "1.5b"):
        if size not in models:
            continue
        settings = Settings()
        settings = settings.model_copy(update={"llm": settings.llm.model_copy(update={"size": size})})
        managed = settings.llm.base_url is None
        cli = [sys.executable, "-m", "api.cli", "llm"]
        if managed:
            subprocess.run([*cli, "serve", "--size", size], check=True, cwd=ROOT)
        model = build_chat_model(settings)
        try:
            runs.append(plan_import.run(f"rules + Qwen2.5-Coder-{size.upper()}", model))
        finally:
            model.close()
            if managed:
                subprocess.run([*cli, "stop"], check=False, cwd=ROOT)
    return runs, notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--models", default="baseline,0.5b,1.5b")
    parser.add_argument("--suites", default="plan_facts,retrieval,plan_import,event_search")
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
        for size in ("0.5b", "1.5b"):
            if size in models:
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
            "Eight sample plans (`evals/datasets/plans/`: city special, enterprise comprehensive, "
            "现场处置方案, town flood, department, enterprise confined space; a town overall plan and an "
            "enterprise ammonia plan written by someone who never saw the importer, held out from rule "
            "tuning until a second round tuned on them; none is held out now) as DOCX and text-layer PDF, "
            "the 现场处置方案 also as a scanned "
            "PDF, imported with `plans.pipeline.import_plan`. Field-level precision / recall / F1 per "
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
    text = "\n".join(sections) + "\n"
    args.output.write_text(text, encoding="utf-8")
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
