"""Cypher for an upload (a new plan, or a new version of one): the same-file check and the write
in ONE query.

The unique ``source_key`` (ADR 0015) binds uploads of one jurisdiction only, but the duplicate rule
is wider: an uploader is refused a file that any plan it can see holds (a town user sees the city's
plans, a city user every plan). Two such uploads at once (the city and a town filing one file)
carry different keys and both passed the pre-check. Here the write itself re-checks, under a lock
on one ``(:PlanSource {sha256})`` node per file: the SET below reads the property it writes, so
Neo4j takes the node's write lock before reading (the unique constraint of migration 9 makes the
MERGE yield one node per file), and the holders are counted after any concurrent upload of the same
bytes committed; FalkorDB runs writes one at a time. With a holder in sight no row comes back and
nothing is created.
"""

from __future__ import annotations

HOLDER_SCOPE = (
    "($scope_town IS NULL OR h.town IS NULL OR h.town = $scope_town) "
    "AND ($scope_enterprise IS NULL OR h.enterprise_id = $scope_enterprise "
    "OR (h.town IS NULL AND h.enterprise_id IS NULL))"
)

# The lock, then: no row when a plan the uploader can see holds the file.
_UNSEEN = f"""
MERGE (s:PlanSource {{sha256: $sha256}})
SET s.uploads = coalesce(s.uploads, 0) + 1
WITH s
OPTIONAL MATCH (h:Plan)-[:HAS_VERSION]->(:PlanVersion {{source_sha256: $sha256}})
WHERE {HOLDER_SCOPE}
WITH count(h) AS holders
WHERE holders = 0"""

CREATE_UPLOADED_PLAN = f"""{_UNSEEN}
CREATE (p:Plan)
SET p += $props
CREATE (p)-[:HAS_VERSION]->(v:PlanVersion)
SET v += $version
RETURN p.id AS id
"""

CREATE_UPLOADED_VERSION = f"""{_UNSEEN}
MATCH (p:Plan {{id: $plan_id}})
CREATE (p)-[:HAS_VERSION]->(v:PlanVersion)
SET v += $props
RETURN v.id AS id
"""

__all__ = ["CREATE_UPLOADED_PLAN", "CREATE_UPLOADED_VERSION"]
