from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.deps import ContainerDep, PrincipalDep
from core import vocab
from graph.repository import RESOURCE_LABELS

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


@router.get("/api/v1/vocabularies", tags=["system"])
def vocabularies() -> dict[str, list[str]]:
    """Closed vocabularies for filters and forms (categories, key domains, levels, statuses)."""
    return {
        "categories": [c.value for c in vocab.EnterpriseCategory],
        "category_groups": [g.value for g in vocab.CategoryGroup],
        "key_domains": [d.value for d in vocab.KeyDomain],
        "responsibility_classes": [c.value for c in vocab.ResponsibilityClass],
        "hazard_levels": [h.value for h in vocab.HazardLevel],
        "hazard_statuses": [h.value for h in vocab.HazardStatus],
        "event_types": [e.value for e in vocab.EventType],
        "event_levels": [e.value for e in vocab.EventLevel],
        "event_statuses": [e.value for e in vocab.EventStatus],
        "resource_types": list(RESOURCE_LABELS),
    }
