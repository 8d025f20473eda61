"""怎么样 routes to the towns' overview only when it is asked about a place, the safety situation or
nothing at all: "今天股市怎么样" and "最近油价怎么样" were answered with every town's figures, as if the
chat had understood them (the weather alone had been declined before routing)."""

from __future__ import annotations

import pytest

from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question

TOWNS = Gazetteer.from_towns(["华士镇", "城东街道", "临港经济开发区", "周庄镇"])


def _route(question: str) -> str | None:
    text = normalise_question(question)
    return route(text, extract_slots(text, TOWNS)).intent


@pytest.mark.parametrize(
    "question",
    ["今天股市怎么样", "最近房价咋样", "这两天的菜价怎么样", "周末的足球比赛怎样", "最近油价怎么样"],
)
def test_how_is_a_subject_the_system_does_not_hold_is_not_the_overview(question: str) -> None:
    assert _route(question) != "town_overview"


@pytest.mark.parametrize(
    "question",
    ["周庄镇今天怎么样", "临港最近怎么样", "今天情况怎么样", "全市安全形势怎么样", "城东街道这周安全生产怎么样",
     "现在怎么样", "最近整体情况咋样", "华士镇的概况"],
)  # fmt: skip
def test_how_is_a_place_or_the_safety_situation_is_still_the_overview(question: str) -> None:
    assert _route(question) == "town_overview"
