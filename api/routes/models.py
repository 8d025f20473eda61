"""算法模型广场, first slice: the bundled and registered models with their on-disk status."""

from __future__ import annotations

from fastapi import APIRouter

from agents.models.registry import ModelEntry, list_models
from api.deps import ContainerDep

router = APIRouter(prefix="/api/v1", tags=["models"])


@router.get("/models", response_model=list[ModelEntry])
def models(c: ContainerDep) -> list[ModelEntry]:
    """Statuses come from ``stat`` and package metadata (no hashing): cheap enough per request."""
    return list_models(c.settings.models_dir)
