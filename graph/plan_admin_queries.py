"""Cypher for plan templates and plan statistics (数字化预案): the administration side of the plan
pages, apart from the plan/version/fact queries of ``graph.plan_queries`` (same scope rule)."""

from __future__ import annotations

from graph.plan_queries import PLAN_SCOPE

# ---- templates -----------------------------------------------------------------------------
CREATE_TEMPLATE = "CREATE (t:PlanTemplate) SET t += $props RETURN t.id AS id"
UPDATE_TEMPLATE = "MATCH (t:PlanTemplate {id: $id}) SET t += $props RETURN t.id AS id"
GET_TEMPLATE = "MATCH (t:PlanTemplate {id: $id}) RETURN properties(t) AS template"
LIST_TEMPLATES = "MATCH (t:PlanTemplate) RETURN properties(t) AS template ORDER BY t.name, t.id"
DELETE_TEMPLATE = "MATCH (t:PlanTemplate {id: $id}) DETACH DELETE t RETURN count(*) AS deleted"

# ---- statistics ----------------------------------------------------------------------------
STATS_BY_TYPE = f"""
MATCH (p:Plan)
WHERE {PLAN_SCOPE}
RETURN p.plan_type AS plan_type, p.status AS status, count(p) AS n
ORDER BY plan_type, status
"""

STATS_BY_JURISDICTION = f"""
MATCH (p:Plan)
WHERE {PLAN_SCOPE}
RETURN p.town AS town, count(p) AS n
ORDER BY town
"""

STATS_BY_LEVEL = f"""
MATCH (p:Plan)-[:HAS_RESPONSE_LEVEL]->(l:ResponseLevel)
WHERE {PLAN_SCOPE}
RETURN l.level AS level, count(DISTINCT p) AS n
ORDER BY level
"""

# Enterprises holding major hazard sources without an enabled plan that applies to them.
UNCOVERED_HAZARD_ENTERPRISES = """
MATCH (e:Enterprise)-[:HAS_HAZARD_SOURCE]->(m:MajorHazardSource)
WHERE ($scope_town IS NULL OR e.town = $scope_town)
  AND ($scope_enterprise IS NULL OR e.id = $scope_enterprise)
WITH e, count(m) AS sources
OPTIONAL MATCH (e)<-[:APPLIES_TO]-(p:Plan {status: '已启用'})
WITH e, sources, count(p) AS plans
WHERE plans = 0
RETURN e.id AS uscc, e.name AS name, e.town AS town, sources
ORDER BY town, uscc
"""

# A resource that was linked when the plan was projected but whose target has since been removed.
MISSING_RESOURCES = f"""
MATCH (p:Plan)-[:REQUIRES_RESOURCE]->(r:PlanResource)
WHERE {PLAN_SCOPE} AND r.matched_id IS NOT NULL AND NOT (r)-[:PROVIDED_BY]->()
RETURN p.id AS plan_id, p.title AS title, r.name AS resource, r.type AS type,
  r.matched_label AS label, r.matched_id AS matched_id
ORDER BY plan_id, resource
"""
