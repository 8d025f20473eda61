from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from agents.search.enterprise_index import enterprise_filters
from agents.search.noise import NO_MATCH_HINT
from api.bootstrap import Container
from api.deps import BlankIsNone, ContainerDep, PageNumber, PrincipalDep
from core.errors import ValidationError
from core.scope import DataScope, ScopeLevel
from core.standards.uscc import code_in_query, normalize_uscc, validate_uscc
from core.views import EnterpriseDetail, LessorNetwork, MapPoint, Page, Portrait

FUZZY_LIMIT = 200  # ranked index hits re-read from the graph per query

router = APIRouter(prefix="/api/v1", tags=["enterprises"])


def _valid_uscc(uscc: str) -> str:
    validate_uscc(uscc)  # UsccError → 422 naming the failing check
    return normalize_uscc(uscc)


@router.get("/enterprises", response_model=Page)
def search_enterprises(
    c: ContainerDep,
    p: PrincipalDep,
    response: Response,
    q: Annotated[
        str | None,
        Query(max_length=100, description="统一社会信用代码，或企业名称/简称/拼音首字母（容错）"),
    ] = None,
    town: Annotated[str | None, Query(max_length=50), BlankIsNone] = None,
    category: Annotated[str | None, Query(max_length=50), BlankIsNone] = None,
    page: PageNumber = 1,
    size: Annotated[int, Query(ge=1, le=200)] = 20,
) -> Page:
    """With ``q`` and a built search index: ranked fuzzy matches (typos, 简称, pinyin initials),
    re-read from the graph under the caller's scope; ``total`` counts them (at most 200).
    Otherwise, or when the index is empty/unavailable: the graph's substring search.
    The ``X-SafeCloud-Search`` response header says which one answered (``index``/``graph``)."""
    c.scopes.check_town_filter(p.scope, town)
    q = code_in_query(q) or q  # a code typed full-width or with spaces is still that code
    fuzzy = _fuzzy_search(c, p.scope, q, town=town, category=category, page=page, size=size)
    response.headers["X-SafeCloud-Search"] = "graph" if fuzzy is None else "index"
    if fuzzy is not None:
        return fuzzy
    return c.repository.search_enterprises(
        p.scope, q_text=q, town=town, category=category, page=page, size=size
    )


def _fuzzy_search(
    c: Container,
    scope: DataScope,
    q: str | None,
    *,
    town: str | None,
    category: str | None,
    page: int,
    size: int,
) -> Page | None:
    text = (q or "").strip()
    if not text or c.search is None or code_in_query(text):  # codes: exact, in the graph
        return None
    filters = enterprise_filters(
        town=town,
        category=category,
        scope_town=scope.town if scope.level is ScopeLevel.TOWN else None,
        scope_enterprise=scope.enterprise_id if scope.level is ScopeLevel.ENTERPRISE else None,
    )
    ids = c.search.enterprise_ids(text, filters=filters, limit=FUZZY_LIMIT)
    if ids is None:
        return None
    if not ids:  # no keyword matched and the nearest by meaning were noise (agents.search.noise)
        return Page(total=0, page=page, size=size, items=[], hint=NO_MATCH_HINT.format(q=text[:20]))
    rows = c.repository.enterprises_by_ids(scope, ids, town=town, category=category)
    return Page(total=len(rows), page=page, size=size, items=rows[(page - 1) * size : page * size])


@router.get("/enterprises/{uscc}", response_model=EnterpriseDetail)
def get_enterprise(uscc: str, c: ContainerDep, p: PrincipalDep) -> EnterpriseDetail:
    return c.repository.get_enterprise(p.scope, _valid_uscc(uscc))


@router.get("/enterprises/{uscc}/portrait", response_model=Portrait)
def get_portrait(uscc: str, c: ContainerDep, p: PrincipalDep) -> Portrait:
    return c.repository.portrait(p.scope, _valid_uscc(uscc), c.clock())


@router.get("/lessors/{lessor_id}/network", response_model=LessorNetwork)
def lessor_network(lessor_id: str, c: ContainerDep, p: PrincipalDep) -> LessorNetwork:
    return c.repository.lessor_network(p.scope, lessor_id.strip().upper())


MAP_LIMIT_DEFAULT = 2000  # a town's firms fit; the whole city is asked for by bbox or a larger limit
MAP_LIMIT_MAX = 5000


@router.get("/map/enterprises", response_model=list[MapPoint])
def map_enterprises(
    c: ContainerDep,
    p: PrincipalDep,
    response: Response,
    town: Annotated[str | None, Query(max_length=50), BlankIsNone] = None,
    bbox: Annotated[
        str | None,
        Query(
            max_length=100,
            description="只返回该范围内的企业：最小经度,最小纬度,最大经度,最大纬度（WGS-84），"
            "如 120.2,31.8,120.4,31.95",
        ),
    ] = None,
    limit: Annotated[
        int, Query(ge=1, le=MAP_LIMIT_MAX, description=f"最多返回的点数，默认 {MAP_LIMIT_DEFAULT}")
    ] = MAP_LIMIT_DEFAULT,
) -> list[MapPoint]:
    """Enterprise points in the caller's scope, ordered by credit code, at most ``limit`` (default
    2000, at most 5000), optionally within ``bbox``. When more points match than were returned the
    ``X-SafeCloud-Truncated: true`` header says so (narrow by ``town`` or ``bbox``)."""
    c.scopes.check_town_filter(p.scope, town)
    points = c.repository.map_points(p.scope, town, limit=limit + 1, bbox=parse_bbox(bbox))
    response.headers["X-SafeCloud-Truncated"] = "true" if len(points) > limit else "false"
    return points[:limit]


def parse_bbox(text: str | None) -> tuple[float, float, float, float] | None:
    if text is None or not text.strip():
        return None
    parts = [x.strip() for x in text.replace("，", ",").split(",")]
    try:
        min_lon, min_lat, max_lon, max_lat = (float(x) for x in parts)
    except ValueError:
        raise ValidationError(
            "bbox 格式应为：最小经度,最小纬度,最大经度,最大纬度（四个数字，用逗号分隔）", code="invalid_bbox"
        ) from None
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise ValidationError(
            "bbox 范围无效：最小值不能大于最大值，经度在 ±180、纬度在 ±90 之内", code="invalid_bbox"
        )
    return min_lon, min_lat, max_lon, max_lat
