"""The robustness sets (holdout3 dev, holdout4 held out) are usable by the eval: new sentences,
valid ``EventFilter`` gold with Shanghai times that never start in the future, and places of the
eval city."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from core.event_search import EventFilter
from core.models import Camera, Enterprise, Village
from evals.event_search import DATASET, DATASETS, HOLDOUT, HOLDOUT2, HOLDOUT3, HOLDOUT4, SCALE, SEED
from evals.harness import load_jsonl
from ingestion.demo import generate_city

CASES = {name: load_jsonl(name) for name in (HOLDOUT3, HOLDOUT4)}
ALL = [c for cases in CASES.values() for c in cases]


def _shanghai(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    assert parsed.utcoffset() == timedelta(hours=8), f"{value} is not +08:00"
    return parsed


def test_fifty_dev_and_thirty_held_out_new_sentences_on_their_own_rows() -> None:
    assert HOLDOUT3 in DATASETS and HOLDOUT4 in DATASETS
    assert (len(CASES[HOLDOUT3]), len(CASES[HOLDOUT4])) == (50, 30)
    sentences = [c["sentence"] for c in ALL]
    assert len(set(sentences)) == len(sentences) and len({c["id"] for c in ALL}) == len(ALL)
    earlier = {c["sentence"] for name in (DATASET, HOLDOUT, HOLDOUT2) for c in load_jsonl(name)}
    assert not earlier & set(sentences), "robustness sentences must be new"


@pytest.mark.parametrize("case", ALL, ids=[c["id"] for c in ALL])
def test_gold_is_a_valid_event_filter_looking_back(case: dict[str, Any]) -> None:
    gold, now = case["gold"], _shanghai(case["now"])
    parsed = EventFilter.model_validate(gold)
    assert (gold["time_from"] is None) == (gold["time_to"] is None)
    if gold["time_from"] is not None:
        start, end = _shanghai(gold["time_from"]), _shanghai(gold["time_to"])
        assert (start, end) == (parsed.time_from, parsed.time_to)
        assert start <= now, "searches look back: a range never starts in the future"


def test_every_gold_place_exists_in_the_eval_city() -> None:
    now_ms = int(datetime.fromisoformat(ALL[0]["now"]).timestamp() * 1000)
    ids: dict[str, set[str]] = {"village": set(), "enterprise": set(), "camera": set()}
    addresses: list[str] = []
    for entity in generate_city(SEED, SCALE, now_ms):
        if isinstance(entity, Village):
            ids["village"].add(entity.id)
        elif isinstance(entity, Enterprise):
            ids["enterprise"].add(entity.id)
            addresses.append(entity.address)
        elif isinstance(entity, Camera) and entity.enterprise_id is None:
            ids["camera"].add(entity.id)
    missing = [
        (case["id"], p["id"])
        for case in ALL
        for p in case["gold"]["places"]
        if not (any(p["id"] in a for a in addresses) if p["kind"] == "road" else p["id"] in ids[p["kind"]])
    ]
    assert not missing
