"""How far a query's best dense hit stands above the rest of its own candidates, for real queries and noise.

``agents.search.noise`` answers "no result" for a query with no keyword evidence whose best dense score
is not clearly above the noise of its own candidate scores. This prints the numbers that rule rests on,
over the retrieval eval city (``evals/retrieval.py``: seed 20261125, 2,000 enterprises):

* every query of ``enterprise_retrieval.jsonl``: whether the keyword leg finds anything, and the
  standing (z) of the gold firm's dense score among the query's own candidates;
* probe strings no firm name holds (keyboard runs, emoji, a Cypher-injection string, Latin words).

    python -m benchmarks.search_noise
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from agents.search.enterprise_index import ENTERPRISES, rebuild_enterprise_index
from agents.search.noise import CANDIDATES, MIN_STANDING, evidence, standing
from api.bootstrap import build_search
from api.settings import Settings
from evals.build_retrieval_dataset import NOW, SCALE, SEED
from evals.harness import load_jsonl
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from graph.repository import SafetyGraphRepository
from ingestion.demo import generate_city

PROBES = (
    "asdfgh", "😀", "qwertyuiop", "' OR 1=1 MATCH (n) DETACH DELETE n //", "zxcvbnm", "🔥🔥🔥",
    "hello world", "!!!???", "aaaaaaa", "lorem ipsum dolor", "}{][", "test123", "😂👍", "ghjkl",
    "MATCH (e:Enterprise) RETURN e", "<script>alert(1)</script>", "null", "0000", "qazwsx", "…",
)  # fmt: skip
# Written after MIN_STANDING was set from PROBES: a check of the threshold on noise it was not set on.
HELD_OUT_PROBES = (
    "ㄅㄆㄇㄈ", "😀😀😀😀", "qwerasdf", "DROP TABLE enterprises;", "%%%", "@@##", "ok", "xyz", "🙂",
    "¯\\_(ツ)_/¯", "poiuytrewq", "12345678", "[object Object]", "undefined", "🚒🚒",
)  # fmt: skip


def main() -> None:
    cases = load_jsonl("enterprise_retrieval.jsonl")
    with tempfile.TemporaryDirectory(prefix="search-noise-") as tmp:
        store = FalkorGraphStore(Path(tmp) / "graph")
        store.connect()
        search = build_search(Settings(data_dir=Path(tmp)))
        try:
            migrate(store)
            GraphLoader(store).load(generate_city(SEED, SCALE, NOW))
            rebuild_enterprise_index(SafetyGraphRepository(store), search.index)
            index = search.index

            def measure(query: str) -> tuple[bool, float, list[float], list[str]]:
                keyword, hits = evidence(index, ENTERPRISES, query, candidates=CANDIDATES)
                if keyword:  # the dense leg is still measured: what a real match stands at
                    hits = index.search(ENTERPRISES, query, limit=CANDIDATES, mode="dense")
                scores = [h.score for h in hits]
                return keyword, standing(scores), scores, [h.id for h in hits]

            real_no_kw: list[tuple[str, float, int]] = []
            gold_top: list[float] = []  # z of real queries whose dense leg alone puts the gold first
            kw_count = 0
            for c in cases:
                keyword, z, _, ids = measure(c["query"])
                kw_count += keyword
                rank = ids.index(c["expected_uscc"]) + 1 if c["expected_uscc"] in ids else 0
                if rank == 1:
                    gold_top.append(z)
                if not keyword:
                    real_no_kw.append((c["query"], z, rank))
            print(f"eval queries: {len(cases)}, with keyword evidence: {kw_count}")
            print("eval queries without keyword evidence (z of the top dense hit, gold's dense rank, query):")
            for q, z, rank in sorted(real_no_kw, key=lambda r: r[1]):
                print(f"  {z:6.2f} {rank:3d} {q}")
            qs = statistics.quantiles(gold_top, n=20) if len(gold_top) > 1 else []
            print(
                f"eval queries whose dense top is the gold: {len(gold_top)}, z min {min(gold_top, default=0):.2f}, "
                f"5th pct {qs[0] if qs else 0:.2f}, median {statistics.median(gold_top) if gold_top else 0:.2f}"
            )
            print("probes (query, keyword evidence, z):")
            probe_z = []
            for p in PROBES:
                keyword, z, _, _ = measure(p)
                probe_z.append(z)
                print(f"  {z:6.2f} {keyword!s:5} {p}")
            held = [(p, *measure(p)[:2]) for p in HELD_OUT_PROBES]
            print(f"held-out probes (query, keyword evidence, z; noise below {MIN_STANDING}):")
            for p, keyword, z in held:
                answered = keyword or z >= MIN_STANDING  # what agents.search.noise.is_noise decides
                print(f"  {z:6.2f} {keyword!s:5} {'ANSWERED' if answered else 'no result'} {p}")
            print(
                f"probe z: max {max(probe_z):.2f}, mean {statistics.mean(probe_z):.2f}; "
                f"real no-keyword z: min {min((z for _, z, _ in real_no_kw), default=float('nan')):.2f}"
            )
        finally:
            search.close()
            store.close()


if __name__ == "__main__":
    main()
