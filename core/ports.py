"""Ports: the small interfaces adapters implement. No I/O here, only shapes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

Row = dict[str, Any]


@runtime_checkable
class GraphStore(Protocol):
    """A property-graph engine that runs the portable Cypher of ``graph/``.

    Results are rows of plain values (str, int, float, bool, None, lists, maps); queries never
    return node or relationship objects, so results are identical across engines.
    """

    kind: str

    def connect(self) -> None:
        """Open connections (and start an embedded engine). Idempotent."""

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run a read-only query."""

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run a write query in one transaction."""

    def write_batches(self, query: str, batches: Sequence[Sequence[Mapping[str, Any]]]) -> int:
        """Run ``query`` once per batch with ``$rows`` bound; each batch is one transaction."""

    def info(self) -> dict[str, str]:
        """Engine name, version and location, for ``safecloud doctor``."""

    def close(self) -> None:
        """Release connections; stop an embedded engine cleanly."""
