"""What a 华士镇 officer must never see of the fixture city (tests/support/fixture_city.py)."""

from __future__ import annotations

import json
from typing import Any

from core.scope import DataScope, ScopeLevel
from tests.support.fixture_city import A, B, C

# Everything that belongs to 临港经济开发区 or to the city level, as it could appear in a row.
OUTSIDE_HUASHI = (A, B, "临港", "H-1", "H-2", "H-3", "P-1", "S-1", "S-2", "MHS-1", "CAM-1", "EV-1",
                  "EV-2", "T-1", "X-1", "PER-1", "PER-2", "INS-1", "SO-1", "CA-", "LA-1", "DS-1", "D-CITY", "WH-LINGANG", "MAT-LINGANG")  # fmt: skip


def leaks(rows: list[dict[str, Any]]) -> list[str]:
    """The markers of outside data found anywhere in ``rows``."""
    text = json.dumps(rows, ensure_ascii=False)
    return [marker for marker in OUTSIDE_HUASHI if marker in text]


# Stricter markers for the second red-team set (tests/data/redteam/README.md, "What counts"): names and ids
# of 临港 / city-level nodes that can appear without the ids above, per kind of principal.
OUTSIDE_HUASHI_NAMES = ("澄星", "小厂", "CS-1", "SO-2", "EQ-1", "正压式空气呼吸器", "液氨", "除尘", "消防通道堆放",
                        "赵六", "王工", "罐区", "氨浓度", "储罐", "滨江")  # fmt: skip
OUTSIDE_LINGANG = (C, "华西", "华士", "S-3", "T-2", "车间温度", "专职消防队", "PER-2", "DS-1", "赵六", "WH-HUASHI", "MAT-HUASHI")  # fmt: skip


def leaks_for(scope: DataScope, payload: Any) -> list[str]:
    """The markers of data outside ``scope`` found anywhere in ``payload`` (rows, answer text)."""
    text = json.dumps(payload, ensure_ascii=False)
    if scope.level is ScopeLevel.TOWN and scope.town == "临港经济开发区":
        markers: tuple[str, ...] = OUTSIDE_LINGANG
    elif scope.level is ScopeLevel.TOWN and scope.town == "华士镇":
        markers = OUTSIDE_HUASHI + OUTSIDE_HUASHI_NAMES
    elif scope.level is ScopeLevel.ENTERPRISE and scope.enterprise_id == C:
        markers = (
            OUTSIDE_HUASHI + OUTSIDE_HUASHI_NAMES
        )  # 华西纺织 is the only 华士镇 firm of the fixture city
    else:
        return []
    return [marker for marker in markers if marker in text]
