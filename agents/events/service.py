"""One-sentence event search: sentence → editable filter → scoped graph search, with history.

``EventSearchService.search(sentence, principal)`` parses and searches; ``search_filter(filter,
principal)`` runs a filter the user edited. Page-1 searches are recorded in the user's history.
The place gazetteer is read from the graph on first use and refreshed every ``gazetteer_ttl_s``.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from agents.events.gazetteer import Gazetteer
from agents.events.query_parser import EventQueryParser, ParseOutcome
from agents.events.scope_places import OUT_OF_SCOPE_ID, redact_places
from agents.events.suggestions import examples_for, rank_suggestions
from agents.nlp.timeexpr import CST
from core.errors import ValidationError
from core.event_search import (
    NOT_UNDERSTOOD,
    EventFilter,
    EventRow,
    EventSearchResult,
    HistoryItem,
    Suggestion,
    nothing_understood,
)
from core.ports import ChatModel
from core.scope import Principal, ScopeLevel
from core.text_input import refuse_control_characters, shown_controls
from graph.event_repository import EventQuery, EventRepository, RadiusArea

log = logging.getLogger(__name__)


def _ms(dt: datetime | None) -> int | None:
    return None if dt is None else int(dt.timestamp() * 1000)


def _dt(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=CST)


def _row(r: dict[str, Any]) -> EventRow:
    return EventRow(
        id=r["id"],
        occurred_at=_dt(r["occurred_at"]),
        town=r["town"],
        event_type=r["event_type"],
        level=r["level"],
        status=r["status"],
        source=r["source"],
        description=r["description"],
        place=r.get("camera_name") or r.get("enterprise_name") or r["town"],
        enterprise_id=r.get("enterprise_id"),
        camera_id=r.get("camera_id"),
        sensor_id=r.get("sensor_id"),
        lat=r.get("lat"),
        lon=r.get("lon"),
        distance_m=r.get("distance_m"),
    )


class EventSearchService:
    def __init__(
        self,
        repository: EventRepository,
        *,
        chat_model: ChatModel | None = None,
        prompts: Any = None,
        clock: Callable[[], int] | None = None,
        cache_dir: Path | None = None,
        gazetteer_ttl_s: float = 600.0,
        enterprise_search: Callable[[str], list[str] | None] | None = None,
    ) -> None:
        self.repository = repository
        self.enterprise_search = enterprise_search
        self.chat_model = chat_model
        self.prompts = prompts
        self.clock = clock or (lambda: int(time.time() * 1000))
        self.cache_dir = cache_dir
        self.gazetteer_ttl_s = gazetteer_ttl_s
        self._parser: EventQueryParser | None = None
        self._loaded_at = 0.0
        self._lock = threading.Lock()

    # ---- parsing ---------------------------------------------------------------------------
    def parser(self) -> EventQueryParser:
        stale = time.monotonic() - self._loaded_at > self.gazetteer_ttl_s
        if self._parser is None or stale:
            with self._lock:
                if self._parser is None or time.monotonic() - self._loaded_at > self.gazetteer_ttl_s:
                    gazetteer = Gazetteer.from_rows(**self.repository.gazetteer_rows())
                    self._parser = EventQueryParser(
                        gazetteer,
                        chat_model=self.chat_model,
                        prompts=self.prompts,
                        cache_dir=self.cache_dir,
                        enterprise_search=self.enterprise_search,
                    )
                    self._loaded_at = time.monotonic()
        return self._parser

    def now(self) -> datetime:
        return _dt(self.clock())

    def parse(self, sentence: str, *, now: datetime | None = None) -> ParseOutcome:
        return self.parser().parse(sentence, now or self.now())

    # ---- search ----------------------------------------------------------------------------
    def search(
        self,
        sentence: str,
        principal: Principal,
        *,
        now: datetime | None = None,
        page: int = 1,
        size: int = 20,
        record: bool = True,
    ) -> EventSearchResult:
        started = time.perf_counter()
        refuse_control_characters(sentence, field="搜索语句", param="sentence")  # kept in the history
        outcome = self.parse(sentence, now=now)
        if nothing_understood(sentence, outcome.filter):
            return self._not_understood(sentence, outcome, principal, page, size, started)
        result = self.search_filter(
            outcome.filter, principal, page=page, size=size, sentence=sentence, record=record
        )
        result.used_llm = outcome.used_llm
        result.warnings = outcome.warnings + result.warnings
        result.latency_ms = round((time.perf_counter() - started) * 1000, 1)
        return result

    def _not_understood(
        self, sentence: str, outcome: ParseOutcome, principal: Principal, page: int, size: int, started: float
    ) -> EventSearchResult:
        """No events rather than every event: a duty officer reading the full list would take it for
        the answer. Not kept in the history either (nothing to re-run)."""
        examples = list(examples_for(principal.scope)[:3])
        hint = NOT_UNDERSTOOD.format(q=sentence.strip()[:20], examples="；".join(examples))
        return EventSearchResult(
            sentence=sentence,
            filter=outcome.filter,
            results=[],
            total=0,
            page=page,
            size=size,
            used_llm=outcome.used_llm,
            warnings=[hint],
            understood=False,
            hint=hint,
            examples=examples,
            latency_ms=round((time.perf_counter() - started) * 1000, 1),
        )

    def search_filter(
        self,
        flt: EventFilter,
        principal: Principal,
        *,
        page: int = 1,
        size: int = 20,
        sentence: str | None = None,
        record: bool = True,
    ) -> EventSearchResult:
        started = time.perf_counter()
        refuse_control_characters(sentence or "", field="搜索语句", param="sentence")
        # Parsed or sent back edited, a place outside the scope is neither named nor looked up.
        gazetteer = self.parser().gazetteer
        known = lambda p: (gazetteer.lookup(p.kind, p.id) or p).town  # noqa: E731 - the stored town wins
        flt, hidden = redact_places(flt, principal.scope, known)
        query, notes = self._query(flt, principal)
        notes = hidden + notes
        rows, total = self.repository.search(principal.scope, query, page=page, size=size)
        text = (sentence or "").strip()[:500]
        if record and page == 1 and text:
            self.repository.add_history(
                principal.user_id, principal.scope, text, flt.model_dump_json(), total, self.clock()
            )
        return EventSearchResult(
            sentence=sentence,
            filter=flt,
            results=[_row(r) for r in rows],
            total=total,
            page=page,
            size=size,
            warnings=notes,
            latency_ms=round((time.perf_counter() - started) * 1000, 1),
        )

    def _query(self, flt: EventFilter, principal: Principal) -> tuple[EventQuery, list[str]]:
        """The filter in graph terms; unknown towns/places are refused (an edited filter may hold any text)."""
        gazetteer = self.parser().gazetteer
        notes: list[str] = []
        towns = []
        for name in flt.towns:
            town = gazetteer.towns.get(name)
            if town is None:
                raise ValidationError(f"未知的镇街：{name}", code="unknown_town")
            towns.append(town)
        scope = principal.scope
        if scope.level is ScopeLevel.TOWN and any(t != scope.town for t in towns):
            outside = "、".join(t for t in towns if t != scope.town)
            notes.append(f"{outside} 不在您的数据范围（{scope.town}）内，不会返回其事件")
        enterprises: list[str] = []
        cameras: list[str] = []
        villages: list[str] = []
        areas: list[RadiusArea] = []
        for p in flt.places:
            if p.id == OUT_OF_SCOPE_ID:  # agents.events.scope_places: matches no event
                enterprises.append(OUT_OF_SCOPE_ID)
                continue
            place = gazetteer.lookup(p.kind, p.id)
            if place is None:
                raise ValidationError(f"未知的地点：{p.name or p.id}", code="unknown_place")
            if p.kind == "road":
                enterprises.extend(gazetteer.roads.get(place.id, []))
            elif p.radius_m:
                if place.lat is None or place.lon is None:
                    raise ValidationError(
                        f"地点“{place.name}”没有坐标，无法按范围检索", code="place_without_location"
                    )
                areas.append(RadiusArea(place.lat, place.lon, p.radius_m))
            else:
                {"enterprise": enterprises, "camera": cameras, "village": villages}[p.kind].append(place.id)
        query = EventQuery(
            time_from=_ms(flt.time_from),
            time_to=_ms(flt.time_to),
            towns=tuple(towns),
            types=tuple(t.value for t in flt.event_types),
            levels=tuple(v.value for v in flt.levels),
            statuses=tuple(v.value for v in flt.statuses),
            sources=tuple(v.value for v in flt.sources),
            keywords=tuple(flt.keywords),
            enterprise_ids=tuple(enterprises),
            camera_ids=tuple(cameras),
            village_ids=tuple(villages),
            areas=tuple(areas),
        )
        return query, notes

    # ---- history and suggestions -----------------------------------------------------------
    def history(self, principal: Principal, limit: int = 50) -> list[HistoryItem]:
        """Newest first, each search once: every run is stored (it counts for the suggestions), but the
        same sentence and filter run again (re-run, chips kept) is one line of the history list."""
        items: list[HistoryItem] = []
        seen: set[tuple[str, str]] = set()
        for r in self.repository.list_history(principal.user_id, limit=200):
            key = (r["sentence"], json.dumps(r["filter"], sort_keys=True, ensure_ascii=False))
            if key in seen or len(items) >= max(1, min(limit, 200)):
                continue
            seen.add(key)
            try:
                flt = EventFilter.model_validate(r["filter"]) if r["filter"] else None
            except ValueError:
                flt = None  # written by an older version: keep the sentence
            items.append(
                HistoryItem(
                    id=r["id"],
                    sentence=shown_controls(r["sentence"]),  # stored before round 6 refused them
                    filter=flt,
                    total=r["total"],
                    created_at=_dt(r["created_at"]),
                )
            )
        return items

    def clear_history(self, principal: Principal) -> int:
        return self.repository.clear_history(principal.user_id)

    def suggestions(self, principal: Principal, prefix: str = "", limit: int = 10) -> list[Suggestion]:
        fragment = (prefix or "").strip()[:50]
        mine, popular = self.repository.suggestion_candidates(principal.user_id, principal.scope, fragment)
        return rank_suggestions(
            fragment,
            mine,
            popular,
            self.clock(),
            limit=max(1, min(limit, 50)),
            examples=examples_for(principal.scope),
        )
