"""General chat rules found by round 33's dev misses (heldout59): spoken counts 俩/仨, "有什么情况"
with a period as what happened, and 今晚 on a roster asked after midnight, each tested on sentences
that are not in the eval set."""

from __future__ import annotations

from datetime import datetime

from agents.chat.execute import _duty_days
from agents.chat.router import route
from agents.chat.shorthand import expand_shorthand
from agents.chat.slots import Gazetteer, extract_slots
from agents.chat.spoken_counts import spoken_counts
from agents.chat.timewords import CST
from agents.chat.top_groups import top_limit
from graph.repository import day_bounds

HOUR = 3_600_000
AFTER_MIDNIGHT = int(datetime(2026, 12, 5, 0, 40, tzinfo=CST).timestamp() * 1000)  # a Saturday, 00:40
TOWNS = Gazetteer.from_towns(["华士镇", "周庄镇", "城东街道", "新桥镇"])


def test_spoken_counts_are_written_out() -> None:
    assert spoken_counts("这俩街道谁的报警多") == "这两个街道谁的报警多"
    assert spoken_counts("仨家企业被罚了") == "三家企业被罚了"
    assert spoken_counts("俩条重大隐患") == "两条重大隐患"
    assert spoken_counts("他们俩谁值班") == "他们两个谁值班"  # the same meaning
    for kept in ("最近俩小时有几起报警", "俩点到三点", "仨月以前"):
        assert spoken_counts(kept) == kept  # a time word is left to the time grammar


def test_a_spoken_three_limits_a_ranking() -> None:
    assert top_limit(expand_shorthand("报警最多的仨街道")) == {"limit": 3}
    assert top_limit(expand_shorthand("重大危险源最多的俩镇")) == {"limit": 2}


def _intent(text: str) -> str | None:
    text = expand_shorthand(text)
    return route(text, extract_slots(text, TOWNS)).intent


def test_what_happened_in_a_period_is_the_events() -> None:
    assert _intent("今天夜里城东有啥情况没有") == "events_recent"
    assert _intent("前天晚上新桥有没有什么异常情况") == "events_recent"
    assert _intent("华士镇的总体情况") == "town_overview"  # a town's standing figures, not events


def test_tonight_on_a_roster_is_the_shift_covering_eight_pm_even_after_midnight() -> None:
    today = day_bounds(AFTER_MIDNIGHT)[0]
    evening = {"from_ms": today + 18 * HOUR, "to_ms": today + 24 * HOUR, "window_label": "今天晚上"}
    assert _duty_days(evening, AFTER_MIDNIGHT)["at_ms"] == today + 20 * HOUR
    whole_day = {"from_ms": today, "to_ms": today + 24 * HOUR, "window_label": "今天"}
    assert _duty_days(whole_day, AFTER_MIDNIGHT) == {"from_ms": None, "to_ms": None}  # on duty now


def test_two_towns_are_paired_when_the_second_is_typed_one_sound_off() -> None:
    from agents.chat.town_pair import _pair

    found = _pair("城东和华仕这两个地方哪个报警多", TOWNS)
    assert found is not None and found[1:] == ("城东街道", "华士镇")
    assert _pair("城东街道哪个企业报警多", TOWNS) is None  # one town: no pair
