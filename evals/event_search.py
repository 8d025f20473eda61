"""One-sentence event search: sentence → filter, scored per field against hand-written gold filters.

Dataset ``event_search.jsonl``: duty-officer sentences (colloquial, partial, a few typos) with gold
filters written by hand (every set is registered in ``evals.event_search_datasets``); relative times are resolved against the ``now`` stored in each case.
Places refer to the fixed eval city (seed 20261125, 1,000 enterprises); the gazetteer is built
from the generated entities in memory, so no graph engine is needed.

Fields: time (both ends equal), towns, places (kind, id, radius), event_types, levels, statuses,
sources (as sets). Exact = every field right. Systems: rules only, and rules + LLM fallback for
leftover words (only sentences with leftovers reach the model).
"""

from __future__ import annotations

import contextlib
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from agents.events.gazetteer import Gazetteer
from agents.events.query_parser import EventQueryParser
from core.models import Camera, Enterprise, Town, Village
from core.ports import ChatModel
from evals.event_search_datasets import DATASET, DATASETS
from evals.harness import RunResult, load_jsonl, run_cases, served_model, table
from ingestion.demo import generate_city

SEED, SCALE = 20261125, 1000
FIELDS = ("time", "towns", "places", "event_types", "levels", "statuses", "sources")
ROOT = Path(__file__).resolve().parents[1]


def eval_gazetteer(now: datetime) -> Gazetteer:
    rows: dict[str, list[dict[str, Any]]] = {"towns": [], "villages": [], "enterprises": [], "cameras": []}
    for e in generate_city(SEED, SCALE, int(now.timestamp() * 1000)):
        if isinstance(e, Town):
            rows["towns"].append({"name": e.id, "lat": e.lat, "lon": e.lon})
        elif isinstance(e, Village):
            rows["villages"].append({"id": e.id, "name": e.name, "town": e.town, "lat": e.lat, "lon": e.lon})
        elif isinstance(e, Enterprise):
            rows["enterprises"].append(
                {"id": e.id, "name": e.name, "town": e.town, "lat": e.lat, "lon": e.lon, "address": e.address}
            )
        elif isinstance(e, Camera) and e.enterprise_id is None:
            rows["cameras"].append({"id": e.id, "name": e.name, "town": e.town, "lat": e.lat, "lon": e.lon})
    return Gazetteer.from_rows(**rows)


def _normalise(f: dict[str, Any]) -> dict[str, Any]:
    """Comparable form of a filter (gold or predicted JSON)."""

    def t(v: str | None) -> str | None:
        return None if v is None else datetime.fromisoformat(v).isoformat()

    return {
        "time": (t(f.get("time_from")), t(f.get("time_to"))),
        "towns": frozenset(f.get("towns") or ()),
        "places": frozenset((p["kind"], p["id"], p.get("radius_m")) for p in f.get("places") or ()),
        **{k: frozenset(f.get(k) or ()) for k in ("event_types", "levels", "statuses", "sources")},
    }


def _run(
    system: str, cases: list[dict[str, Any]], chat_model: ChatModel | None, dataset: str = DATASET
) -> tuple[RunResult, int, int]:
    gazetteer = eval_gazetteer(datetime.fromisoformat(cases[0]["now"]))
    parser = EventQueryParser(gazetteer, chat_model=chat_model)
    parser.parse("预热", datetime.fromisoformat(cases[0]["now"]))  # load jieba outside the timings
    llm_calls = llm_failures = 0

    def predict(case: dict[str, Any]) -> dict[str, Any]:
        nonlocal llm_calls, llm_failures
        outcome = parser.parse(case["sentence"], datetime.fromisoformat(case["now"]))
        llm_calls += outcome.used_llm
        llm_failures += any(w.startswith("语言模型暂不可用") for w in outcome.warnings)
        return outcome.filter.model_dump(mode="json")

    result = run_cases(system, dataset, cases, predict, {})
    return result, llm_calls, llm_failures


def _chat_model(size: str) -> contextlib.AbstractContextManager[ChatModel]:
    """The configured endpoint, or the embedded llama.cpp server of ``size``; no retries (the rules'
    filter stands when the model is slow)."""
    return served_model(size, max_retries=0)


def runs(models: list[str]) -> list[tuple[RunResult, int, int]]:
    out = []
    for dataset in DATASETS:
        cases = load_jsonl(dataset)
        out.append(_run("rules only (jieba + dictionaries + time grammar)", cases, None, dataset))
    for size in ("0.5b", "1.5b"):
        if size in models:
            with _chat_model(size) as model:
                for dataset in DATASETS:
                    system = f"rules + Qwen2.5-Coder-{size.upper()} for leftovers"
                    out.append(_run(system, load_jsonl(dataset), model, dataset))
    return out


def scores(result: RunResult, cases: list[dict[str, Any]]) -> tuple[dict[str, float], float, list[str]]:
    right = dict.fromkeys(FIELDS, 0)
    exact = 0
    misses: list[str] = []
    for case, pred in zip(cases, result.predictions, strict=True):
        gold, got = _normalise(case["gold"]), _normalise(pred)
        wrong = [f for f in FIELDS if gold[f] != got[f]]
        for f in FIELDS:
            right[f] += f not in wrong
        exact += not wrong
        if wrong:
            misses.append(f"{case['id']} “{case['sentence']}”: {', '.join(wrong)}")
    n = len(cases)
    return {f: right[f] / n for f in FIELDS}, exact / n, misses


def report(results: list[tuple[RunResult, int, int]]) -> str:
    rows, notes = [], []
    for result, llm_calls, llm_failures in results:
        cases = load_jsonl(result.dataset)
        per_field, exact, misses = scores(result, cases)
        rows.append(
            [result.system, f"{result.dataset.removesuffix('.jsonl')} ({len(cases)})", *(per_field[f] for f in FIELDS), exact, llm_calls, llm_failures,
             f"{result.p50:.1f}", f"{result.p95:.1f}", len(result.errors)]
        )  # fmt: skip
        notes.append(
            f"Misses of *{result.system}* on {result.dataset} ({len(misses)}):\n\n"
            + "\n".join(f"- {m}" for m in misses)
        )
    header = [
        "system",
        "dataset",
        *FIELDS,
        "exact filter",
        "LLM calls",
        "LLM failures",
        "p50 ms",
        "p95 ms",
        "errors",
    ]
    return table(header, rows) + "\n\n" + "\n\n".join(notes)


if __name__ == "__main__":
    sys.stdout.write(report(runs(sys.argv[1:])) + "\n")
