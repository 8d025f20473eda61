"""算法模型广场, first slice: the bundled and registered models with their on-disk status."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from agents.models.registry import list_models
from api.deps import ContainerDep

router = APIRouter(prefix="/api/v1", tags=["models"])


@router.get("/models")
def models(request: Request, c: ContainerDep) -> list[dict[str, Any]]:
    """Statuses come from ``stat`` and package metadata (no hashing): cheap enough per request.
    Only administrators see where each file lies on the server (ADR 0017, "Hardening"): a path tells
    an officer's stolen session the server's layout and user names, and no officer needs it."""
    admin = c.settings.api.auth != "token" or getattr(request.state, "admin", False)
    hidden = set() if admin else {"path"}
    return [m.model_dump(mode="json", exclude=hidden) for m in list_models(c.settings.models_dir)]
