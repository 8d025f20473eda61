"""The held-out 2 event-search set is usable by the eval: every gold filter is a valid ``EventFilter``,
times are Shanghai ISO strings, and every place it names exists in the eval city."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from core.event_search import EventFilter
from core.models import Camera, Enterprise, Village
from evals.event_search import DATASET, DATASETS, HOLDOUT, HOLDOUT2, SCALE, SEED
from evals.harness import load_jsonl
from ingestion.demo import generate_city

CASES = load_jsonl(HOLDOUT2)
GOLD_KEYS = {"time_from", "time_to", "towns", "places", "event_types", "levels", "statuses", "sources"}


def _shanghai(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    assert parsed.utcoffset() == timedelta(hours=8), f"{value} is not +08:00"
    return parsed


def test_the_set_is_sixty_new_sentences_reported_on_its_own_row() -> None:
    assert HOLDOUT2 in DATASETS and len(CASES) == 60
    assert len({c["id"] for c in CASES}) == len(CASES)
    sentences = [c["sentence"] for c in CASES]
    assert len(set(sentences)) == len(sentences)
    earlier = {c["sentence"] for name in (DATASET, HOLDOUT) for c in load_jsonl(name)}
    assert not earlier & set(sentences), "held-out sentences must be new"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_gold_is_a_valid_event_filter_with_shanghai_times(case: dict[str, Any]) -> None:
    gold = case["gold"]
    assert set(gold) == GOLD_KEYS
    now = _shanghai(case["now"])
    parsed = EventFilter.model_validate(gold)  # vocabularies, radius bounds, ordered times
    assert (gold["time_from"] is None) == (gold["time_to"] is None), "both ends or neither"
    if gold["time_from"] is not None:
        start, end = _shanghai(gold["time_from"]), _shanghai(gold["time_to"])
        assert (start, end) == (parsed.time_from, parsed.time_to)
        assert start <= now, "searches look back: a range never starts in the future"
    for place in gold["places"]:
        assert set(place) == {"kind", "id", "radius_m"}


@pytest.fixture(scope="module")
def city_ids() -> dict[str, set[str]]:
    """Ids of the eval city as the eval builds it (from the first case's ``now``)."""
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
