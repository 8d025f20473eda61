"""Every held-out / robustness event-search set is usable by the eval and new: each file is registered
in the suite with its own row, ids and sentences are unique across all sets (a later set never repeats
an earlier sentence), every gold filter is a valid ``EventFilter`` with Shanghai ISO times that look
back from the case's ``now``, and every place it names exists in the eval city."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import Any

import pytest

from core.event_search import EventFilter
from core.models import Camera, Enterprise, Village
from evals.event_search import SCALE, SEED
from evals.event_search_datasets import (
    DATASET,
    DATASETS,
    HOLDOUT,
    HOLDOUT2,
    HOLDOUT3,
    HOLDOUT4,
    HOLDOUT5,
    HOLDOUT6,
    HOLDOUT7,
    HOLDOUT8,
    HOLDOUT9,
    HOLDOUT10,
    HOLDOUT11,
    HOLDOUT12,
    HOLDOUT13,
    HOLDOUT14,
    HOLDOUT15,
    HOLDOUT16,
    HOLDOUT17,
    HOLDOUT18,
    HOLDOUT19,
    HOLDOUT20,
    HOLDOUT21,
    HOLDOUT22,
    HOLDOUT23,
    HOLDOUT24,
    HOLDOUT25,
    HOLDOUT26,
    HOLDOUT27,
    HOLDOUT28,
    HOLDOUT29,
    HOLDOUT30,
    HOLDOUT31,
    HOLDOUT32,
    HOLDOUT33,
    HOLDOUT34,
    HOLDOUT35,
    HOLDOUT36,
    HOLDOUT37,
    HOLDOUT38,
    HOLDOUT39,
    HOLDOUT40,
    HOLDOUT41,
    HOLDOUT42,
)
from evals.harness import load_jsonl
from ingestion.demo import generate_city

# name → size as written (dev sets of 50 paired with held-out sets of 30, after the first 60)
CHECKED = {
    HOLDOUT2: 60,
    HOLDOUT3: 50,
    HOLDOUT4: 30,
    HOLDOUT5: 50,
    HOLDOUT6: 30,
    HOLDOUT7: 50,
    HOLDOUT8: 30,
    HOLDOUT9: 50,
    HOLDOUT10: 30,
    HOLDOUT11: 50,
    HOLDOUT12: 30,
    HOLDOUT13: 50,
    HOLDOUT14: 30,
    HOLDOUT15: 50,
    HOLDOUT16: 30,
    HOLDOUT17: 50,
    HOLDOUT18: 30,
    HOLDOUT19: 50,
    HOLDOUT20: 30,
    HOLDOUT21: 50,
    HOLDOUT22: 30,
    HOLDOUT23: 50,
    HOLDOUT24: 30,
    HOLDOUT25: 50,
    HOLDOUT26: 30,
    HOLDOUT27: 50,
    HOLDOUT28: 30,
    HOLDOUT29: 50,
    HOLDOUT30: 30,
    HOLDOUT31: 50,
    HOLDOUT32: 30,
    HOLDOUT33: 50,
    HOLDOUT34: 30,
    HOLDOUT35: 40,
    HOLDOUT36: 20,
    HOLDOUT37: 40,
    HOLDOUT38: 20,
    HOLDOUT39: 40,
    HOLDOUT40: 20,
    HOLDOUT41: 40,
    HOLDOUT42: 20,
}
SETS = {name: load_jsonl(name) for name in (DATASET, HOLDOUT, *CHECKED)}
CASES = [c for name in CHECKED for c in SETS[name]]
GOLD_KEYS = {"time_from", "time_to", "towns", "places", "event_types", "levels", "statuses", "sources"}


def _shanghai(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    assert parsed.utcoffset() == timedelta(hours=8), f"{value} is not +08:00"
    return parsed


def test_each_set_has_its_own_row_and_its_size() -> None:
    assert {name: len(SETS[name]) for name in CHECKED} == CHECKED
    assert set(CHECKED) <= set(DATASETS)


def test_ids_and_sentences_are_unique_across_all_sets() -> None:
    every = [c for cases in SETS.values() for c in cases]
    repeated_ids = [i for i, n in Counter(c["id"] for c in every).items() if n > 1]
    repeated = [s for s, n in Counter(c["sentence"] for c in every).items() if n > 1]
    assert not repeated_ids and not repeated, "a later set must not repeat an earlier sentence"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_gold_is_a_valid_event_filter_looking_back(case: dict[str, Any]) -> None:
    gold = case["gold"]
    assert set(gold) == GOLD_KEYS
    now = _shanghai(case["now"])
    parsed = EventFilter.model_validate(gold)  # vocabularies, radius bounds, ordered times
    # both ends or neither, except an open start: a date with 以前/之前 (ADR 0010, events-robust11)
    assert gold["time_to"] is not None or gold["time_from"] is None, "a search never has an open end"
    if gold["time_from"] is None and gold["time_to"] is not None:
        assert parsed.time_to == _shanghai(gold["time_to"]) and parsed.time_to <= now
    if gold["time_from"] is not None:
        start, end = _shanghai(gold["time_from"]), _shanghai(gold["time_to"])
        assert (start, end) == (parsed.time_from, parsed.time_to)
        assert start <= now, "searches look back: a range never starts in the future"
    for place in gold["places"]:
        assert set(place) == {"kind", "id", "radius_m"}


@pytest.fixture(scope="module")
def city_ids() -> dict[str, set[str]]:
    """Ids of the eval city as the eval builds it (places do not depend on ``now``)."""
    now_ms = int(datetime.fromisoformat(CASES[0]["now"]).timestamp() * 1000)
    ids: dict[str, set[str]] = {"village": set(), "enterprise": set(), "camera": set(), "road": set()}
    for entity in generate_city(SEED, SCALE, now_ms):
        if isinstance(entity, Village):
            ids["village"].add(entity.id)
        elif isinstance(entity, Enterprise):
            ids["enterprise"].add(entity.id)
            ids["road"].add(entity.address)
        elif isinstance(entity, Camera) and entity.enterprise_id is None:
            ids["camera"].add(entity.id)
    return ids


def test_every_gold_place_exists_in_the_eval_city(city_ids: dict[str, set[str]]) -> None:
    missing = []
    for case in CASES:
        for place in case["gold"]["places"]:
            kind, place_id = place["kind"], place["id"]
            if kind == "road":  # a road is the enterprises whose address is on it
                found = any(place_id in address for address in city_ids["road"])
            else:
                found = place_id in city_ids[kind]
            if not found:
                missing.append((case["id"], kind, place_id))
    assert not missing
