"""Text-to-Cypher eval: execution accuracy of ``agents.cypher.answer_with_cypher`` on the demo city.

Dataset ``evals/datasets/chat_text2cypher.jsonl``: Chinese questions no template fits, each with a
hand-written gold Cypher query returning one column ``key`` (``compare`` = ``set`` | ``ordered`` |
``count``). Gold answers come from running the gold query, never from the code under test; it may use
``$now_ms`` and the calendar bounds of ``evals.harness.time_params`` (``$year_start``, ``$month_start``, …).

Scoring (per question): ``set`` — the gold key set equals the set of values in some column of the
returned rows; ``ordered`` — the same, as lists in order; ``count`` — a one-row answer with a number
equal to the gold count. Validity = a query passed the guard and ran; retries = answers that needed
the second attempt; latency includes prompt building, the model and the graph.

    python -m evals.text2cypher                 # the configured endpoint (SAFECLOUD_LLM__*)
    python -m evals --suites text2cypher        # 0.5B and 1.5B, section in docs/EVALS.md
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from agents.cypher import CypherRejectedError, answer_with_cypher
from agents.cypher.prompt_build import warm_up
from agents.llm.prompts import PromptLibrary
from core.errors import SafeCloudError
from core.ports import ChatModel, GraphStore
from core.scope import DataScope
from evals.harness import RunResult, load_jsonl, time_params
from evals.metrics import percentile
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from ingestion.demo import generate_city

log = logging.getLogger(__name__)

DATASET = "chat_text2cypher.jsonl"
SEED, SCALE = 20261125, 1000  # the default demo seed (Settings.demo.seed), 1,000 enterprises
NOW = 1_764_000_000_000  # 2025-11-25 00:00 Asia/Shanghai: "now" for the city and every question
MAX_ROWS = 200


def _norm(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def gold_answer(store: GraphStore, case: dict[str, Any]) -> list[str]:
    rows = store.read(case["gold_cypher"], time_params(NOW) | case.get("gold_params", {}))
    return [_norm(row["key"]) for row in rows]


def is_correct(case: dict[str, Any], gold: list[str], rows: list[dict[str, Any]]) -> bool:
    """Execution accuracy: does some returned column hold exactly the gold answer?"""
    if not rows:
        return case["compare"] != "count" and not gold
    columns = list(rows[0])
    if case["compare"] == "count":
        return len(rows) == 1 and any(_norm(rows[0][c]) == gold[0] for c in columns)
    for col in columns:
        values = [_norm(row.get(col)) for row in rows]
        if case["compare"] == "ordered" and values == gold:
            return True
        if case["compare"] == "set" and set(values) == set(gold):
            return True
    return False


def load_city(data_dir: Path) -> FalkorGraphStore:
    store = FalkorGraphStore(data_dir / "graph")
    store.connect()
    migrate(store)
    GraphLoader(store).load(generate_city(SEED, SCALE, NOW))
    return store


def run_model(
    system: str,
    model: ChatModel,
    store: GraphStore,
    *,
    skip: int = 0,
    limit: int | None = None,
    trace: Path | None = None,
) -> RunResult:
    """Predictions are dicts: correct, valid, attempts, query, error (one JSON line each in ``trace``)."""
    run = RunResult(system=system, dataset=DATASET)
    # As the API does at start: the fixed prompt prefix is evaluated once, outside the timed questions.
    warmed = warm_up(model, store, max_rows=MAX_ROWS)
    if warmed is not None:
        log.info("%s prefix warm-up %.1f s", system, warmed)
    for case in load_jsonl(DATASET)[skip:limit]:
        gold = gold_answer(store, case)
        started = time.perf_counter()
        pred: dict[str, Any] = {"id": case["id"], "correct": False, "valid": False, "attempts": 0}
        try:
            answer = _answer(case, model, store)
            pred.update(
                valid=True,
                attempts=len(answer.attempts),
                query=answer.query,
                correct=is_correct(case, gold, answer.rows),
            )
        except CypherRejectedError as exc:
            pred.update(attempts=2, error=exc.reason, query=exc.details.get("query", ""))
        except SafeCloudError as exc:
            pred.update(error=exc.message)
            run.errors.append(f"{case['id']}: {exc.message}")
            log.warning("%s %s failed: %s", system, case["id"], exc.message)
        run.latencies_ms.append((time.perf_counter() - started) * 1000)
        run.predictions.append(pred)
        if trace is not None:
            with trace.open("a", encoding="utf-8") as out:
                out.write(json.dumps({**pred, "latency_ms": run.latencies_ms[-1]}, ensure_ascii=False) + "\n")
        log.info("%s %s correct=%s valid=%s", system, case["id"], pred["correct"], pred["valid"])
    return run


def _answer(case: dict[str, Any], model: ChatModel, store: GraphStore) -> Any:
    """One question; a model server that is (re)starting is waited for, not scored as a failure."""
    for wait_s in (15, 30, 60, 120, 0):
        try:
            return answer_with_cypher(
                case["question"], scope=DataScope.model_validate(case["scope"]), chat_model=model,
                store=store, now_ms=NOW, max_rows=MAX_ROWS,
            )  # fmt: skip
        except SafeCloudError as exc:
            if exc.code != "llm_unavailable" or not wait_s:
                raise
            log.warning("model unavailable, waiting %ss", wait_s)
            time.sleep(wait_s)
    raise AssertionError("unreachable")


def runs(
    models: dict[str, ChatModel], *, skip: int = 0, limit: int | None = None, trace: Path | None = None
) -> list[RunResult]:
    with tempfile.TemporaryDirectory(prefix="eval-t2c-") as tmp:
        store = load_city(Path(tmp))
        try:
            return [
                run_model(name, m, store, skip=skip, limit=limit, trace=trace) for name, m in models.items()
            ]
        finally:
            store.close()


def from_trace(system: str, path: str) -> RunResult:
    """A run read back from ``--trace`` lines (several files may be joined with commas)."""
    run = RunResult(system=system, dataset=DATASET)
    for part in path.split(","):
        for line in Path(part).read_text(encoding="utf-8").splitlines():
            pred = json.loads(line)
            run.latencies_ms.append(pred.pop("latency_ms"))
            run.predictions.append(pred)
    return run


def report(results: list[RunResult]) -> str:
    lines = [
        "| system | questions | execution accuracy | valid queries | needed the retry | p50 / p95 s |",
        "|---|---|---|---|---|---|",
    ]
    for run in results:
        n = len(run.predictions) or 1
        acc = sum(p["correct"] for p in run.predictions) / n
        valid = sum(p["valid"] for p in run.predictions) / n
        retried = sum(p["attempts"] > 1 for p in run.predictions) / n
        lines.append(
            f"| {run.system} | {len(run.predictions)} | {acc:.0%} | {valid:.0%} | {retried:.0%} | "
            f"{percentile(run.latencies_ms, 50) / 1000:.1f} / {percentile(run.latencies_ms, 95) / 1000:.1f} |"
        )
    for run in results:
        wrong = [p["id"] for p in run.predictions if not p["correct"]]
        lines += ["", f"{run.system}: wrong or failed — {', '.join(wrong) or 'none'}."]
    return "\n".join(lines)


def section(results: list[RunResult]) -> str:
    return "\n".join(
        [
            "",
            f"## Text-to-Cypher fallback (`text_to_cypher` v{PromptLibrary().load('text_to_cypher').version})",
            "",
            f"{len(load_jsonl(DATASET))} Chinese questions no template fits (multi-hop, aggregation, "
            f"comparison between towns), over the demo city (seed {SEED}, {SCALE:,} enterprises, now = "
            "2025-11-25 00:00 +08:00) in a temporary FalkorDB. Gold answers from hand-written Cypher; "
            "execution accuracy = the gold key set (or count) equals some returned column. Every query "
            "passes the guard (allow-lists, LIMIT, scope injection) and runs read-only. Target ≥ 70 %.",
            "",
            report(results),
        ]
    )


def main() -> None:
    from agents.llm import build_chat_model
    from api.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--name", default=None, help="system name in the report")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N questions")
    parser.add_argument("--limit", type=int, default=None, help="stop after question N")
    parser.add_argument(
        "--report", nargs="+", metavar="NAME=TRACE", help="print the section from --trace files instead"
    )
    parser.add_argument("--trace", type=Path, default=None, help="append one JSON line per question")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    if args.report:
        results = [from_trace(*item.split("=", 1)) for item in args.report]
        sys.stdout.write(section(results) + "\n")
        return
    settings = Settings()
    model = build_chat_model(settings)
    try:
        results = runs(
            {args.name or (settings.llm.model or settings.llm.size): model},
            skip=args.skip,
            limit=args.limit,
            trace=args.trace,
        )
    finally:
        model.close()
    sys.stdout.write(section(results) + "\n")


if __name__ == "__main__":
    main()
