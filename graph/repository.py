"""Scoped read access to the safety graph for the API, CLI and later agents.

Every public method takes the caller's ``DataScope``; the scope becomes query parameters
(see ``graph.queries``) or an explicit check, never an afterthought filter in Python.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from math import cos, radians
from typing import Any

from core import analytics
from core.errors import NotFoundError, PermissionDeniedError, ValidationError
from core.geo import grid_neighbourhood, haversine_m
from core.ports import GraphStore
from core.scope import DataScope
from core.standards.uscc import code_in_query
from core.views import (
    EnterpriseDetail,
    EnterpriseSummary,
    LeaseView,
    LessorNetwork,
    MapPoint,
    NearestResource,
    Page,
    Portrait,
    SensorCounts,
    TownStats,
    TownView,
)
from graph import queries as q
from graph.schema import LABELS

RESOURCE_LABELS = {
    "team": "RescueTeam",
    "equipment": "Equipment",
    "expert": "Expert",
    "material": "Material",
    "medical": "MedicalFacility",
    "shelter": "Shelter",
    "warehouse": "Warehouse",
}
MAX_PAGE_SIZE = 200
DAY_MS = 86_400_000
SHANGHAI_OFFSET_MS = 8 * 3_600_000


def metres_per_degree_lon(lat: float) -> float:
    return 111_320.0 * cos(radians(lat))


def day_bounds(now_ms: int) -> tuple[int, int]:
    """Start and end of the Asia/Shanghai calendar day containing ``now_ms``."""
    start = (now_ms + SHANGHAI_OFFSET_MS) // DAY_MS * DAY_MS - SHANGHAI_OFFSET_MS
    return start, start + DAY_MS


def _rounded(value: Any) -> Any:
    # FalkorDB prints doubles with 15 significant digits; rounding makes both engines agree.
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


class SafetyGraphRepository:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def _read(self, query: str, scope: DataScope | None = None, **params: Any) -> list[dict[str, Any]]:
        if scope is not None:
            params.update(scope.as_params())
        return [_rounded(r) for r in self.store.read(query, params)]

    # ---- enterprises -----------------------------------------------------------------------
    def search_enterprises(
        self,
        scope: DataScope,
        *,
        q_text: str | None = None,
        town: str | None = None,
        category: str | None = None,
        page: int = 1,
        size: int = 20,
    ) -> Page:
        if page < 1 or not 1 <= size <= MAX_PAGE_SIZE:
            raise ValidationError(f"分页参数无效：page ≥ 1，1 ≤ size ≤ {MAX_PAGE_SIZE}")
        code = code_in_query(q_text)  # full-width or spaced input folded: a search writes nothing
        looks_like_code = code is not None
        filters = {
            "uscc": code,
            "name": None if looks_like_code else (q_text or "").strip() or None,
            "town": town or None,
            "category": category or None,
        }
        total = self._read(q.COUNT_ENTERPRISES, scope, **filters)[0]["total"]
        rows = self._read(q.SEARCH_ENTERPRISES, scope, **filters, skip=(page - 1) * size, limit=size)
        return Page(total=total, page=page, size=size, items=[analytics.enterprise_summary(r) for r in rows])

    def enterprises_by_ids(
        self,
        scope: DataScope,
        usccs: list[str],
        *,
        town: str | None = None,
        category: str | None = None,
    ) -> list[EnterpriseSummary]:
        """Summaries of ``usccs`` in the given order, keeping only those inside ``scope`` (and
        ``town``/``category``): search-index hits are re-read here, so the graph enforces scope."""
        if not usccs:
            return []
        rows = self._read(
            q.ENTERPRISES_BY_IDS, scope, ids=list(usccs), town=town or None, category=category or None
        )
        by_id = {r["uscc"]: r for r in rows}
        return [analytics.enterprise_summary(by_id[u]) for u in dict.fromkeys(usccs) if u in by_id]

    def get_enterprise(self, scope: DataScope, uscc: str) -> EnterpriseDetail:
        rows = self._read(q.ENTERPRISE_PROPERTIES, scope, uscc=uscc)
        if not rows:
            raise NotFoundError(f"未找到企业 {uscc}（或不在您的数据范围内）", code="enterprise_not_found")
        return analytics.enterprise_detail(rows[0]["enterprise"])

    def portrait(self, scope: DataScope, uscc: str, now_ms: int, *, neighbours: int = 5) -> Portrait:
        rows = self._read(q.PORTRAIT, scope, uscc=uscc)
        if not rows:
            raise NotFoundError(f"未找到企业 {uscc}（或不在您的数据范围内）", code="enterprise_not_found")
        ent = rows[0]["enterprise"]
        near = self._read(
            q.NEIGHBOURS,
            uscc=uscc,
            cells=grid_neighbourhood(ent["lat"], ent["lon"]),
            lat=ent["lat"],
            lon=ent["lon"],
            kx=metres_per_degree_lon(ent["lat"]),
            limit=neighbours,
        )
        return analytics.build_portrait(rows[0], near, now_ms)

    def map_points(
        self,
        scope: DataScope,
        town: str | None,
        limit: int = 5000,
        bbox: tuple[float, float, float, float] | None = None,
    ) -> list[MapPoint]:
        """Enterprise points by credit code, at most ``limit``; ``bbox`` is (min_lon, min_lat,
        max_lon, max_lat) in WGS-84 degrees."""
        min_lon, min_lat, max_lon, max_lat = bbox if bbox is not None else (None, None, None, None)
        rows = self._read(
            q.MAP_ENTERPRISES, scope, town=town, limit=limit,
            min_lat=min_lat, max_lat=max_lat, min_lon=min_lon, max_lon=max_lon,
        )  # fmt: skip
        return [MapPoint(**r, category_group=analytics.category_group(r.pop("category"))) for r in rows]

    def export_enterprises(self, page_size: int = 1000) -> Iterator[dict[str, Any]]:
        """All enterprises ordered by credit code (keyset paging, constant memory)."""
        after = ""
        while True:
            rows = self._read(q.EXPORT_ENTERPRISES, after=after, limit=page_size)
            for row in rows:
                props = row["enterprise"]
                yield {"uscc": props["id"], **{k: v for k, v in sorted(props.items()) if k != "id"}}
            if len(rows) < page_size:
                return
            after = rows[-1]["enterprise"]["id"]

    # ---- towns -----------------------------------------------------------------------------
    def towns(self, scope: DataScope) -> list[TownView]:
        if scope.enterprise_id:
            return []
        return [TownView(**r) for r in self._read(q.TOWNS, scope)]

    def town_stats(self, scope: DataScope, town: str, now_ms: int) -> TownStats:
        if not scope.allows_town(town):
            raise PermissionDeniedError(f"无权查看“{town}”的数据", code="out_of_scope")
        if not self._read(q.TOWN_EXISTS, town=town):
            raise NotFoundError(f"未找到镇街“{town}”", code="town_not_found")
        by_cat = {r["category"]: r["n"] for r in self._read(q.TOWN_ENTERPRISES_BY_CATEGORY, town=town)}
        sensors = self._read(q.TOWN_SENSORS, town=town)[0]
        total, online = sensors["total"], sensors["online"] or 0
        day_start, day_end = day_bounds(now_ms)
        levels = {str(r["level"]): r["n"] for r in self._read(q.TOWN_HAZARD_SOURCES, town=town)}
        return TownStats(
            town=town,
            enterprises_total=sum(by_cat.values()),
            enterprises_by_category=by_cat,
            hazards=analytics.hazard_counts(self._read(q.TOWN_HAZARDS, town=town, now=now_ms)),
            sensors=SensorCounts(total=total, online=online, online_rate=analytics.ratio(online, total)),
            hazard_sources_by_level={str(lv): levels.get(str(lv), 0) for lv in range(1, 5)},
            special_operations_today=self._read(
                q.TOWN_SPECIAL_OPERATIONS_TODAY, town=town, day_start=day_start, day_end=day_end
            )[0]["n"],
        )

    # ---- 厂中厂 ------------------------------------------------------------------------------
    def lessor_network(self, scope: DataScope, lessor_id: str) -> LessorNetwork:
        rows = self._read(q.LESSOR_NETWORK, scope, lessor_id=lessor_id)
        if not rows:
            raise NotFoundError(f"未找到出租方 {lessor_id}（或不在您的数据范围内）", code="lessor_not_found")
        row = rows[0]
        lessees = sorted(row.pop("lessees"), key=lambda t: t["uscc"])
        lessor = {"uscc": row["id"], **{k: str(v) for k, v in row.items() if k != "id"}}
        return LessorNetwork(lessor=lessor, lessees=[LeaseView(**t) for t in lessees])

    # ---- resources -------------------------------------------------------------------------
    def nearest_resources(self, lat: float, lon: float, kind: str, limit: int = 10) -> list[NearestResource]:
        """Rescue resources are city-wide: every scope may see them (cross-town dispatch)."""
        label = RESOURCE_LABELS.get(kind)
        if label is None:
            raise ValidationError(
                f"资源类型无效：{kind}，可选 {', '.join(RESOURCE_LABELS)}", code="invalid_resource_type"
            )
        if not 1 <= limit <= 100:
            raise ValidationError("limit 必须在 1 到 100 之间")
        rows = self._read(
            q.NEAREST_RESOURCES.format(label=label),
            lat=lat,
            lon=lon,
            kx=metres_per_degree_lon(lat),
            limit=limit,
        )
        return [_resource_view(kind, r["resource"], lat, lon) for r in rows]

    # ---- housekeeping ----------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        nodes = {label: self._read(q.COUNT_LABEL.format(label=label))[0]["n"] for label in LABELS}
        rels = {r["type"]: r["n"] for r in self._read(q.COUNT_RELATIONSHIPS)}
        return {
            "nodes": nodes,
            "relationships": rels,
            "total_nodes": sum(nodes.values()),
            "total_relationships": sum(rels.values()),
        }

    def ping(self) -> bool:
        """True when the engine answers a query (an empty new graph answers with no rows)."""
        self._read(q.PING)
        return True


_DETAIL: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "team": lambda r: f"{r['team_type']}·{r['members']}人·{r.get('phone', '')}",
    "equipment": lambda r: f"{r['equipment_type']} ×{r['quantity']}",
    "expert": lambda r: f"{r['speciality']}·{r['organisation']}·{r.get('phone', '')}",
    "material": lambda r: f"{r['quantity']}{r['unit']}（最低库存 {r['min_stock']}）",
    "medical": lambda r: f"{r['grade']}·床位 {r['beds']}",
    "shelter": lambda r: f"可容纳 {r['capacity']} 人",
    "warehouse": lambda r: r["town"],
}


def _resource_view(kind: str, r: Mapping[str, Any], lat: float, lon: float) -> NearestResource:
    return NearestResource(
        id=r["id"],
        name=r["name"],
        type=kind,
        lat=r["lat"],
        lon=r["lon"],
        distance_m=round(haversine_m(lat, lon, r["lat"], r["lon"]), 1),
        detail=_DETAIL[kind](r),
    )
