"""``python -m evals`` (``make eval``): run the suites and write docs/EVALS.md.

    python -m evals                         # baseline, 0.5B and 1.5B, retrieval
    python -m evals --models baseline       # no LLM server needed

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

from evals import plan_facts, retrieval
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


def _chat(models: list[str]) -> list[object]:
    """Chat runs: rules only, then each LLM size (its server started here unless
    ``SAFECLOUD_LLM__BASE_URL`` is set), one size at a time as in the plan-facts suite."""
    from agents.llm import build_chat_model
    from api.settings import Settings
    from evals import chat

    try:
        from agents.cypher import answer_with_cypher  # the text-to-Cypher fallback, when present
    except ImportError:
        answer_with_cypher = None
    results: list[object] = []
    if "baseline" in models:
        results += chat.runs({"rules only (LLM off)": None})
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
            label = f"Qwen2.5-Coder-{size.upper()} (LLM routing fallback + checked phrasing)"
            results += chat.runs({label: model}, answer_with_cypher, llm_every=4, llm_routing_only=True)
        finally:
            model.close()
            if managed:
                subprocess.run([*cli, "stop"], check=False, cwd=ROOT)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--models", default="baseline,0.5b,1.5b")
    parser.add_argument("--suites", default="plan_facts,retrieval,chat")
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
    text = "\n".join(sections) + "\n"
    args.output.write_text(text, encoding="utf-8")
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
