"""One-sentence event search (一句话搜事件): parse → editable filter → scoped results; history and
suggestions per user.

A page-1 search with a sentence is kept in the caller's history, by ``GET /search?q=`` (the API other
subsystems call) and by ``POST /search`` (the console sends ``{"sentence": …}`` or an edited
filter). History is a graph write, so both are audited by ``api.audit.AuditMiddleware``, the GET
through its ``RECORDING_READS``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from api.bootstrap import event_search
from api.deps import ContainerDep, PrincipalDep
from core.event_search import EventFilter, EventSearchResult, HistoryItem, Suggestion, require_sentence
from core.text_input import refuse_control_characters

router = APIRouter(prefix="/api/v1/events", tags=["events"])

Page = Annotated[int, Query(ge=1, le=10_000)]
Size = Annotated[int, Query(ge=1, le=200)]


class FilterSearch(BaseModel):
    """A sentence to parse (``filter`` left out), or an edited filter sent back by the UI (chips
    removed or changed); ``sentence`` is kept in the history either way."""

    filter: EventFilter | None = None
    sentence: str | None = Field(default=None, max_length=10_000)


class Cleared(BaseModel):
    cleared: int


@router.get("/search", response_model=EventSearchResult)
def search(
    c: ContainerDep,
    p: PrincipalDep,
    q: Annotated[str, Query(max_length=10_000, description="一句话，例如“昨天下午城东的烟雾告警”")] = "",
    page: Page = 1,
    size: Size = 20,
) -> EventSearchResult:
    """A blank ``q`` lists the newest events and keeps no history (the console's empty search box)."""
    refuse_control_characters(q, field="搜索语句", param="q")  # named as sent; the service checks again
    return event_search(c).search(q, p, page=page, size=size)


@router.post("/search", response_model=EventSearchResult)
def search_filter(
    body: FilterSearch, c: ContainerDep, p: PrincipalDep, page: Page = 1, size: Size = 20
) -> EventSearchResult:
    if body.filter is None:  # neither: 422 empty_sentence, as `safecloud events search ""`
        return event_search(c).search(require_sentence(body.sentence), p, page=page, size=size)
    return event_search(c).search_filter(body.filter, p, page=page, size=size, sentence=body.sentence)


@router.get("/search/history", response_model=list[HistoryItem])
def history(
    c: ContainerDep, p: PrincipalDep, limit: Annotated[int, Query(ge=1, le=200)] = 50
) -> list[HistoryItem]:
    return event_search(c).history(p, limit=limit)


@router.delete("/search/history", response_model=Cleared)
def clear_history(c: ContainerDep, p: PrincipalDep) -> Cleared:
    return Cleared(cleared=event_search(c).clear_history(p))


@router.get("/search/suggestions", response_model=list[Suggestion])
def suggestions(
    c: ContainerDep,
    p: PrincipalDep,
    prefix: Annotated[str, Query(max_length=200)] = "",
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> list[Suggestion]:
    return event_search(c).suggestions(p, prefix, limit=limit)
