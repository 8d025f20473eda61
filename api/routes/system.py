from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.deps import ContainerDep, PrincipalDep

router = APIRouter()


@router.get("/healthz", tags=["system"])
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", tags=["system"])
def readyz(c: ContainerDep) -> JSONResponse:
    try:
        ok = c.repository.ping()
    except Exception as exc:  # noqa: BLE001 - readiness reports, it does not raise
        return JSONResponse({"status": "unavailable", "graph": c.graph.kind, "message": str(exc)}, 503)
    return JSONResponse(
        {"status": "ready" if ok else "unavailable", "graph": c.graph.kind}, 200 if ok else 503
    )


@router.get("/api/v1/config", tags=["system"])
def config(c: ContainerDep, p: PrincipalDep) -> dict[str, Any]:
    return {"map_tile_url": c.settings.map.tile_url, "data_scope": p.scope.model_dump(mode="json")}
