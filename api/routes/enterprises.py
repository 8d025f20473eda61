from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import ContainerDep, PrincipalDep
from core.standards.uscc import normalize_uscc, validate_uscc
from core.views import EnterpriseDetail, LessorNetwork, MapPoint, Page, Portrait

router = APIRouter(prefix="/api/v1", tags=["enterprises"])


def _valid_uscc(uscc: str) -> str:
    validate_uscc(uscc)  # UsccError → 422 naming the failing check
    return normalize_uscc(uscc)


@router.get("/enterprises", response_model=Page)
def search_enterprises(
    c: ContainerDep,
    p: PrincipalDep,
    q: Annotated[str | None, Query(max_length=100, description="统一社会信用代码或企业名称片段")] = None,
    town: Annotated[str | None, Query(max_length=50)] = None,
    category: Annotated[str | None, Query(max_length=50)] = None,
    page: Annotated[int, Query(ge=1)] = 1,
    size: Annotated[int, Query(ge=1, le=200)] = 20,
) -> Page:
    return c.repository.search_enterprises(
        p.scope, q_text=q, town=town, category=category, page=page, size=size
    )


@router.get("/enterprises/{uscc}", response_model=EnterpriseDetail)
def get_enterprise(uscc: str, c: ContainerDep, p: PrincipalDep) -> EnterpriseDetail:
    return c.repository.get_enterprise(p.scope, _valid_uscc(uscc))


@router.get("/enterprises/{uscc}/portrait", response_model=Portrait)
def get_portrait(uscc: str, c: ContainerDep, p: PrincipalDep) -> Portrait:
    return c.repository.portrait(p.scope, _valid_uscc(uscc), c.clock())


@router.get("/lessors/{lessor_id}/network", response_model=LessorNetwork)
def lessor_network(lessor_id: str, c: ContainerDep, p: PrincipalDep) -> LessorNetwork:
    return c.repository.lessor_network(p.scope, lessor_id.strip().upper())


@router.get("/map/enterprises", response_model=list[MapPoint])
def map_enterprises(
    c: ContainerDep, p: PrincipalDep, town: Annotated[str | None, Query(max_length=50)] = None
) -> list[MapPoint]:
    return c.repository.map_points(p.scope, town)
