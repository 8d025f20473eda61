"""Scoped event search, place-name rows for the gazetteer, and per-user search history.

Every event read takes the caller's ``DataScope`` (``graph.event_queries.EVENT_SCOPE``). Radius
places are answered in two steps: candidates inside one covering lat/lon box (graph), then the
exact haversine distance (Python), then the page is re-read by id, scope applied again.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field
from math import cos, radians
from typing import Any

from core.errors import ValidationError
from core.geo import haversine_m
from core.ports import GraphStore
from core.scope import DataScope
from graph import event_queries as q

MAX_PAGE_SIZE = 200
MAX_RADIUS_CANDIDATES = 20_000
HISTORY_KEEP = 200


@dataclass(frozen=True)
class RadiusArea:
    lat: float
    lon: float
    radius_m: int


@dataclass(frozen=True)
class EventQuery:
    """A filter in graph terms: epoch ms (``time_to`` exclusive) and ids; empty = no condition."""

    time_from: int | None = None
    time_to: int | None = None
    towns: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    enterprise_ids: tuple[str, ...] = ()
    camera_ids: tuple[str, ...] = ()
    village_ids: tuple[str, ...] = ()
    areas: tuple[RadiusArea, ...] = field(default=())

    @property
    def has_places(self) -> bool:
        return bool(self.enterprise_ids or self.camera_ids or self.village_ids or self.areas)


def scope_key(scope: DataScope) -> str:
    """History of one scope feeds "popular" suggestions only for principals with the same scope."""
    return f"{scope.level.value}:{scope.town or ''}:{scope.enterprise_id or ''}"


def _box(areas: tuple[RadiusArea, ...]) -> dict[str, float]:
    if not areas:
        return {"lat_min": 1.0, "lat_max": 0.0, "lon_min": 1.0, "lon_max": 0.0}  # matches nothing
    lat_min = min(a.lat - a.radius_m / 110_574.0 for a in areas)
    lat_max = max(a.lat + a.radius_m / 110_574.0 for a in areas)
    lon_min = min(a.lon - a.radius_m / (111_320.0 * cos(radians(a.lat))) for a in areas)
    lon_max = max(a.lon + a.radius_m / (111_320.0 * cos(radians(a.lat))) for a in areas)
    return {"lat_min": lat_min, "lat_max": lat_max, "lon_min": lon_min, "lon_max": lon_max}


class EventRepository:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def _read(self, query: str, scope: DataScope | None = None, **params: Any) -> list[dict[str, Any]]:
        if scope is not None:
            params.update(scope.as_params())
        return self.store.read(query, params)

    # ---- search ----------------------------------------------------------------------------
    def _params(self, query: EventQuery) -> dict[str, Any]:
        enterprises = list(query.enterprise_ids)
        if query.village_ids:
            rows = self._read(q.VILLAGE_ENTERPRISES, villages=list(query.village_ids))
            enterprises += [r["id"] for r in rows]
        return {
            "time_from": query.time_from,
            "time_to": query.time_to,
            "towns": list(query.towns) or None,
            "types": list(query.types) or None,
            "levels": list(query.levels) or None,
            "statuses": list(query.statuses) or None,
            "sources": list(query.sources) or None,
            "keywords": list(query.keywords),
            "any_place": query.has_places,
            "place_enterprises": enterprises,
            "place_cameras": list(query.camera_ids),
            **_box(query.areas),
        }

    def search(
        self, scope: DataScope, query: EventQuery, *, page: int = 1, size: int = 20
    ) -> tuple[list[dict[str, Any]], int]:
        """Rows of one page (newest first) and the total; distances set when radius places exist."""
        if page < 1 or not 1 <= size <= MAX_PAGE_SIZE:
            raise ValidationError(f"分页参数无效：page ≥ 1，1 ≤ size ≤ {MAX_PAGE_SIZE}")
        params = self._params(query)
        if not query.areas:
            counted = self._read(q.COUNT_EVENTS, scope, **params)
            # FalkorDB answers no row at all, not a count of 0, before anything was ever written
            # (`safecloud events search` on a fresh data folder ended in an IndexError traceback).
            total = counted[0]["total"] if counted else 0
            rows = self._read(q.SEARCH_EVENTS, scope, **params, skip=(page - 1) * size, limit=size)
            rows.sort(key=lambda r: (r["occurred_at"], r["id"]), reverse=True)
            return rows, total
        candidates = self._read(q.EVENT_CANDIDATES, scope, **params, limit=MAX_RADIUS_CANDIDATES)
        direct_e, direct_c = set(params["place_enterprises"]), set(params["place_cameras"])
        kept: dict[str, float | None] = {}
        for r in candidates:
            near = [
                haversine_m(a.lat, a.lon, r["lat"], r["lon"])
                for a in query.areas
                if r["lat"] is not None and haversine_m(a.lat, a.lon, r["lat"], r["lon"]) <= a.radius_m
            ]
            if near:
                kept[r["id"]] = round(min(near), 1)
            elif r["enterprise_id"] in direct_e or r["camera_id"] in direct_c:
                kept[r["id"]] = None
        ids = list(kept)  # already newest first
        page_ids = ids[(page - 1) * size : page * size]
        rows = self._read(q.EVENTS_BY_IDS, scope, ids=page_ids) if page_ids else []
        for r in rows:
            r["distance_m"] = kept.get(r["id"])
        rows.sort(key=lambda r: (r["occurred_at"], r["id"]), reverse=True)
        return rows, len(ids)

    # ---- gazetteer -------------------------------------------------------------------------
    def gazetteer_rows(self) -> dict[str, list[dict[str, Any]]]:
        cameras = [r for r in self._read(q.GAZETTEER_CAMERAS) if r.pop("public")]
        return {
            "towns": self._read(q.GAZETTEER_TOWNS),
            "villages": self._read(q.GAZETTEER_VILLAGES),
            "enterprises": self._read(q.GAZETTEER_ENTERPRISES),
            "cameras": cameras,
        }

    # ---- history ---------------------------------------------------------------------------
    def add_history(
        self, user_id: str, scope: DataScope, sentence: str, filter_json: str, total: int, created_at: int
    ) -> str:
        # Sortable by insertion time, so entries recorded within the same clock tick stay in order.
        hid = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"
        self.store.write(
            q.ADD_HISTORY,
            {
                "id": hid,
                "user_id": user_id,
                "scope_key": scope_key(scope),
                "sentence": sentence,
                "filter_json": filter_json,
                "total": total,
                "created_at": created_at,
            },
        )
        if self._read(q.COUNT_HISTORY, user_id=user_id)[0]["n"] > HISTORY_KEEP:
            self.store.write(q.PRUNE_HISTORY, {"user_id": user_id, "keep": HISTORY_KEEP})
        return hid

    def list_history(self, user_id: str, limit: int = 50) -> list[dict[str, Any]]:
        rows = self._read(q.LIST_HISTORY, user_id=user_id, limit=limit)
        for r in rows:
            try:
                r["filter"] = json.loads(r.pop("filter_json") or "null")
            except json.JSONDecodeError:
                r["filter"] = None
        return rows

    def clear_history(self, user_id: str) -> int:
        n = int(self._read(q.COUNT_HISTORY, user_id=user_id)[0]["n"])
        if n:
            self.store.write(q.CLEAR_HISTORY, {"user_id": user_id})
        return n

    def suggestion_candidates(
        self, user_id: str, scope: DataScope, fragment: str, limit: int = 50
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(the user's own matching sentences, popular ones in the same scope)."""
        mine = self._read(q.USER_SENTENCES, user_id=user_id, fragment=fragment, limit=limit)
        popular = self._read(q.POPULAR_SENTENCES, scope_key=scope_key(scope), fragment=fragment, limit=limit)
        return mine, popular
