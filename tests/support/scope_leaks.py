"""What a 华士镇 officer must never see of the fixture city (tests/support/fixture_city.py)."""

from __future__ import annotations

import json
from typing import Any

from tests.support.fixture_city import A, B

# Everything that belongs to 临港经济开发区 or to the city level, as it could appear in a row.
OUTSIDE_HUASHI = (A, B, "临港", "H-1", "H-2", "H-3", "P-1", "S-1", "S-2", "MHS-1", "CAM-1", "EV-1",
                  "EV-2", "T-1", "X-1", "PER-1", "PER-2", "INS-1", "SO-1", "CA-", "LA-1", "DS-1", "D-CITY")  # fmt: skip


def leaks(rows: list[dict[str, Any]]) -> list[str]:
    """The markers of outside data found anywhere in ``rows``."""
    text = json.dumps(rows, ensure_ascii=False)
    return [marker for marker in OUTSIDE_HUASHI if marker in text]
