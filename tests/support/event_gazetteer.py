"""A gazetteer of the real Jiangyin towns and villages (from the demo geography) plus the
enterprises and cameras a test names, for event-search parser tests."""

from __future__ import annotations

from typing import Any

from agents.events.gazetteer import Gazetteer
from ingestion.demo.geography import TOWNS, village_id


def demo_gazetteer(
    enterprises: list[dict[str, Any]] | None = None, cameras: list[dict[str, Any]] | None = None
) -> Gazetteer:
    return Gazetteer.from_rows(
        towns=[{"name": t.name, "lat": t.lat, "lon": t.lon} for t in TOWNS],
        villages=[
            {"id": village_id(t.name, v), "name": v, "town": t.name, "lat": t.lat, "lon": t.lon}
            for t in TOWNS
            for v in t.villages
        ],
        enterprises=enterprises or [],
        cameras=cameras or [],
    )
