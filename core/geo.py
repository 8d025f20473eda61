"""Great-circle distance, shared by Python-side ranking and mirrored in Cypher (graph/queries)."""

from __future__ import annotations

from math import asin, cos, floor, radians, sin, sqrt

EARTH_RADIUS_M = 6_371_000.0


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in metres between two WGS-84 points."""
    p1, p2 = radians(lat1), radians(lat2)
    dp, dl = p2 - p1, radians(lon2 - lon1)
    a = sin(dp / 2) ** 2 + cos(p1) * cos(p2) * sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * asin(min(1.0, sqrt(a)))


# A coarse grid (0.01° ≈ 1.1 km × 0.95 km at Jiangyin's latitude) stored on every located node
# as ``grid``: "what is near X" becomes an index lookup on a handful of cells instead of a scan.
GRID_DEG = 0.01


def grid_cell(lat: float, lon: float) -> str:
    return f"{floor(lat / GRID_DEG)}:{floor(lon / GRID_DEG)}"


def grid_neighbourhood(lat: float, lon: float, radius: int = 1) -> list[str]:
    """The cell containing the point and the ``radius`` rings of cells around it."""
    row, col = floor(lat / GRID_DEG), floor(lon / GRID_DEG)
    return [
        f"{row + dr}:{col + dc}" for dr in range(-radius, radius + 1) for dc in range(-radius, radius + 1)
    ]
