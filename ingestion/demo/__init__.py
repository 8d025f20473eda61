"""A deterministic demo 江阴市 (Jiangyin, Wuxi, Jiangsu; region 320281) for the safety graph.

    from ingestion.demo import DEFAULT_SEED, generate_city
    report = GraphLoader(store).load(generate_city(DEFAULT_SEED, scale=20_000, now_ms=now))

See ``ingestion.demo.generator`` for the output order and memory model, and
``ingestion.demo.geography`` for how towns and development zones are modelled.
"""

from ingestion.demo.generator import DEFAULT_SEED, generate_city

__all__ = ["DEFAULT_SEED", "generate_city"]
