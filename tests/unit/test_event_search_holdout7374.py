"""Round 39 of event search (holdout73 dev; holdout74 held out): a subsystem operator's and a night-shift leader's
sentences and round 38's open words. Every case is in other wording than the eval lines (ADR 0010 amendment events39)."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.support.shanghai_time import time_span as span
from tests.support.shanghai_time import ymd as at

AFTER_SPRING_FESTIVAL = at(2027, 3, 1, 10)  # 春节 2027 was 6 February
BEFORE_SPRING_FESTIVAL = at(2026, 12, 10, 9)

EVE_CASES = [
    # 去年 counts back from the eve 今年 names: after 春节 that is the eve just past (4 February 2027).
    ("去年的小年夜 城东", AFTER_SPRING_FESTIVAL, (at(2026, 2, 15, 18), at(2026, 2, 16))),
    ("前年小年夜 城东", AFTER_SPRING_FESTIVAL, (at(2025, 1, 27, 18), at(2025, 1, 28))),
    # Before 春节 今年小年夜 is the coming one in this calendar year, so 去年 is the one in calendar 2025.
    ("去年小年夜 城东", BEFORE_SPRING_FESTIVAL, (at(2025, 1, 27, 18), at(2025, 1, 28))),
]


@pytest.mark.parametrize(("text", "now", "expected"), EVE_CASES, ids=[c[0] for c in EVE_CASES])
def test_last_years_little_new_years_eve(text: str, now: datetime, expected: tuple[datetime, datetime]) -> None:
    assert span(text, now) == expected
