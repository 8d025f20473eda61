from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import ContainerDep, PrincipalDep
from core.models.base import JIANGYIN_LAT, JIANGYIN_LON
from core.views import NearestResource, TownStats, TownView

router = APIRouter(prefix="/api/v1")


@router.get("/towns", response_model=list[TownView], tags=["towns"])
def towns(c: ContainerDep, p: PrincipalDep) -> list[TownView]:
    return c.repository.towns(p.scope)


@router.get("/towns/{name}/stats", response_model=TownStats, tags=["towns"])
def town_stats(name: str, c: ContainerDep, p: PrincipalDep) -> TownStats:
    return c.repository.town_stats(p.scope, name.strip(), c.clock())


@router.get("/resources/nearest", response_model=list[NearestResource], tags=["resources"])
def nearest_resources(
    c: ContainerDep,
    lat: Annotated[float, Query(ge=JIANGYIN_LAT[0], le=JIANGYIN_LAT[1], description="纬度（江阴范围内）")],
    lon: Annotated[float, Query(ge=JIANGYIN_LON[0], le=JIANGYIN_LON[1], description="经度（江阴范围内）")],
    type: Annotated[
        str, Query(description="team|equipment|expert|material|medical|shelter|warehouse")
    ] = "team",
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> list[NearestResource]:
    return c.repository.nearest_resources(lat, lon, type, limit)
