"""Graph benchmarks: batch load vs per-row load, portrait and town-stats latency, per engine.

    python -m benchmarks.graph_bench --scale 20000 --output docs/PERFORMANCE.md

Each engine starts empty in a temporary directory (Neo4j from deploy/neo4j-dev). The per-row
baseline loads the first ``--naive-entities`` entities of the same stream into a fresh graph:
at per-row speed the full city would take tens of minutes, and an emptier graph only flatters
the baseline.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import logging
import platform
import random
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from core.ports import GraphStore
from core.scope import DataScope
from graph.loader import GraphLoader, load_naive
from graph.migrations import migrate
from graph.repository import SafetyGraphRepository, day_bounds
from ingestion.demo import DEFAULT_SEED, generate_city

log = logging.getLogger("bench")
NOW = day_bounds(1_764_057_600_000)[0]  # fixed day so runs are comparable


@contextlib.contextmanager
def falkor(workdir: Path) -> Iterator[GraphStore]:
    from graph.falkor_graph_store import FalkorGraphStore

    store = FalkorGraphStore(workdir / "falkor")
    store.connect()
    try:
        yield store
    finally:
        store.close()


@contextlib.contextmanager
def neo4j(workdir: Path) -> Iterator[GraphStore]:
    from graph.neo4j_graph_store import Neo4jGraphStore
    from tests.support.neo4j_server import running_neo4j

    with running_neo4j(workdir / "neo4j") as uri:
        store = Neo4jGraphStore(uri)
        store.connect()
        try:
            yield store
        finally:
            store.close()


ENGINES: dict[str, Callable[[Path], contextlib.AbstractContextManager[GraphStore]]] = {
    "falkordb": falkor,
    "neo4j": neo4j,
}


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def _timed(fn: Callable[[], Any], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def bench_engine(name: str, scale: int, seed: int, naive_entities: int, samples: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as tmp:
        with ENGINES[name](Path(tmp)) as store:
            migrate(store)
            report = GraphLoader(store).load(generate_city(seed, scale, NOW))
            log.info("%s batch load: %s", name, report.as_dict() | {"rejected": len(report.rejected)})
            repo = SafetyGraphRepository(store)
            rng = random.Random(seed)
            codes = [r["uscc"] for r in itertools.islice(repo.export_enterprises(), 0, None)]
            picks = rng.sample(codes, min(samples, len(codes)))
            city = DataScope()
            for code in picks[:20]:  # warm caches and query plans
                repo.portrait(city, code, NOW)
            portrait = [_timed(lambda c=code: repo.portrait(city, c, NOW), 1)[0] for code in picks]
            towns = [t.name for t in repo.towns(city)]
            for town in towns:
                repo.town_stats(city, town, NOW)
            stats = [v for town in towns for v in _timed(lambda t=town: repo.town_stats(city, t, NOW), 3)]
        with ENGINES[name](Path(tmp) / "naive") as store:
            migrate(store)
            naive = load_naive(store, itertools.islice(generate_city(seed, scale, NOW), naive_entities))
    return {
        "engine": name,
        "nodes": sum(report.nodes.values()),
        "relationships": report.relationships,
        "rejected": len(report.rejected),
        "load_s": report.seconds,
        "load_ops": report.objects_per_second,
        "write_s": report.write_seconds,
        "write_ops": report.write_objects_per_second,
        "naive_objects": naive.objects,
        "naive_ops": naive.write_objects_per_second,
        "portrait_p50": _percentile(portrait, 50),
        "portrait_p95": _percentile(portrait, 95),
        "town_p50": statistics.median(stats),
        "town_p95": _percentile(stats, 95),
    }


def render(results: list[dict[str, Any]], command: str, scale: int) -> str:
    cpu = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    lines = [
        "# Performance",
        "",
        f"Produced by `{command}` on {time.strftime('%Y-%m-%d')}, {platform.python_implementation()} "
        f"{platform.python_version()}, {cpu} cores (CPU only). Demo city at scale {scale:,} "
        f"(seed {DEFAULT_SEED}). Latencies include the Python repository layer (query + assembly).",
        "",
        "| engine | nodes | relationships | batch load, engine time (objects/s) | batch load, end to end "
        "(objects/s) | per-row load (objects/s) | ratio | portrait p50 / p95 (ms) | town stats p50 / p95 (ms) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['engine']} | {r['nodes']:,} | {r['relationships']:,} | {r['write_ops']:,.0f} "
            f"({r['write_s']:.1f} s) | {r['load_ops']:,.0f} ({r['load_s']:.1f} s) | {r['naive_ops']:,.0f} "
            f"| {r['write_ops'] / r['naive_ops']:.1f}× "
            f"| {r['portrait_p50']:.2f} / {r['portrait_p95']:.2f} | {r['town_p50']:.1f} / {r['town_p95']:.1f} |"
        )
    lines += [
        "",
        "Targets (issue #2): batch load ≥ 50k objects/s on FalkorDB and ≥ 20k/s on Neo4j, ≥ 5× the per-row "
        "loader; portrait p95 < 5 ms on FalkorDB and < 20 ms on Neo4j.",
        "",
        "Objects = nodes + relationships. *Engine time* counts only the time spent inside the graph store's "
        "write calls (one transaction per batch of 5,000 rows); *end to end* adds generating the city and "
        "building the rows in Python on the same 2 cores. The per-row loader issues one auto-committed `MERGE` per node and "
        f"per relationship over the first {results[0]['naive_objects']:,} objects of the same stream.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--engines", default="falkordb,neo4j")
    parser.add_argument("--naive-entities", type=int, default=5_000)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    results = [
        bench_engine(e, args.scale, args.seed, args.naive_entities, args.samples)
        for e in args.engines.split(",")
    ]
    command = f"python -m benchmarks.graph_bench --scale {args.scale} --engines {args.engines}"
    text = render(results, command, args.scale)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
