"""The search side of the composition root: built lazily, so constructing it does no I/O.

The API process owns an embedded (local-mode) Qdrant folder for its lifetime; the first search
opens it. ``enterprise_ids`` answers ``None`` whenever the index cannot help (not built yet,
empty, locked, unreachable), and the caller falls back to the graph's substring search.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Literal, Protocol

from agents.search.enterprise_index import ENTERPRISES
from agents.search.noise import CANDIDATES, evidence, is_noise
from core.ai import SearchHit
from core.errors import SafeCloudError
from core.ports import Embedder, SearchIndex

log = logging.getLogger(__name__)


class ManagedIndex(SearchIndex, Protocol):
    def search(  # the Qdrant adapter's extra knob: how many dense-only candidates may enter
        self,
        collection: str,
        query: str,
        *,
        limit: int = 10,
        filters: Any = None,
        mode: Literal["hybrid", "dense", "sparse"] = "hybrid",
        dense_limit: int | None = None,
    ) -> list[SearchHit]: ...

    @property
    def embedder(self) -> Embedder: ...

    def info(self) -> dict[str, Any]: ...

    def close(self) -> None: ...


class SearchService:
    def __init__(self, index_factory: Callable[[], ManagedIndex], *, describe: dict[str, str] | None = None):
        self._factory = index_factory
        self._index: ManagedIndex | None = None
        self._lock = threading.Lock()
        self.describe = describe or {}

    @property
    def index(self) -> ManagedIndex:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    self._index = self._factory()
        return self._index

    def enterprise_ids(
        self, query: str, *, filters: dict[str, Any] | None = None, limit: int = 200, dense_limit: int = 10
    ) -> list[str] | None:
        """Ranked credit codes for a fuzzy name query, or ``None`` when the index cannot answer.

        All keyword matches (up to ``limit``) and the ``dense_limit`` nearest by meaning are
        fused (RRF): typos, abbreviations and pinyin find their enterprise without burying the
        list under everything merely similar. A query no keyword matches is answered by the dense
        leg alone, and only when its best hit stands out of the query's own noise ("asdfgh", "😀"
        have ten nearest firms too; ``agents.search.noise``): otherwise the answer is no firm.
        """
        try:
            if self.index.count(ENTERPRISES) == 0:
                return None
            keyword, dense = evidence(self.index, ENTERPRISES, query, filters=filters, candidates=CANDIDATES)
            if not keyword:  # RRF over the dense leg alone is the dense order
                noise = is_noise(keyword, [h.score for h in dense])
                return [] if noise else list(dict.fromkeys(h.id for h in dense[: min(limit, dense_limit)]))
            hits = self.index.search(
                ENTERPRISES, query, limit=limit, filters=filters, dense_limit=dense_limit
            )
        except SafeCloudError as exc:
            log.warning("search index unavailable, using the graph: %s", exc.message)
            return None
        return list(dict.fromkeys(h.id for h in hits))

    def info(self, *, probe: bool = False) -> dict[str, Any]:
        """Engine, location, collections and embedder; ``probe`` also embeds one query."""
        try:
            report = {**self.describe, **self.index.info(), "answers": True}
        except SafeCloudError as exc:
            return {**self.describe, "answers": False, "error": exc.message, "code": exc.code}
        if probe:
            started = time.perf_counter()
            try:
                vector = self.index.embedder.embed_queries(["危化品企业"])[0]
            except (SafeCloudError, RuntimeError, OSError, ImportError) as exc:
                report["embedder_probe"] = {"answers": False, "error": str(exc)}
            else:
                report["embedder_probe"] = {
                    "answers": True,
                    "dimension": len(vector),
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                }
        return report

    def close(self) -> None:
        with self._lock:
            if self._index is not None:
                self._index.close()
                self._index = None
