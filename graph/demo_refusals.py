"""Sample files `safecloud demo plans` refused as not plans, remembered by content hash.

The demo resumes by the sha256 every upload keeps on its version (api.demo_plans); a refused file
leaves no version, so every run imported it again (seconds of parsing each) and printed the same
refusal. ``(:DemoPlanRefusal {sha256})`` is that resume state for refusals: same graph, same key.
A changed file has another hash and is tried again.
"""

from __future__ import annotations

from typing import Any

from core.ports import GraphStore

_GET = "MATCH (r:DemoPlanRefusal {sha256: $sha256}) RETURN r.file AS file, r.error AS error, r.at AS at"

_REMEMBER = """
MERGE (r:DemoPlanRefusal {sha256: $sha256})
SET r.file = $file, r.error = $error, r.at = $at
RETURN r.sha256 AS sha256
"""


class DemoRefusals:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def get(self, sha256: str) -> dict[str, Any] | None:
        rows = self.store.read(_GET, {"sha256": sha256})
        return rows[0] if rows else None

    def remember(self, sha256: str, file: str, error: str, at: int) -> None:
        self.store.write(_REMEMBER, {"sha256": sha256, "file": file, "error": error, "at": at})


__all__ = ["DemoRefusals"]
