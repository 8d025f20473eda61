"""Cypher for digital emergency plans (数字化预案), in the portable subset (STACK.md).

Shapes:

    (Plan)-[:HAS_VERSION]->(PlanVersion)            one enabled version per plan
    (Plan)-[:SUBPLAN_OF]->(Plan)                    the plan system 总体 → 专项 → 部门 → 企业 → 现场处置方案
    (Plan)-[:HAS_RESPONSE_LEVEL]->(ResponseLevel)-[:REQUIRES_ACTION]->(Action)
    (Plan)-[:HAS_ORG_UNIT]->(OrgUnit)-[:HAS_ROLE]->(Role)-[:HELD_BY]->(Person)
    (OrgUnit)-[:SUB_UNIT_OF]->(OrgUnit); (OrgUnit|Role)-[:MAPS_TO]->(Department)
    (Plan)-[:REQUIRES_RESOURCE]->(PlanResource)-[:PROVIDED_BY]->(RescueTeam|Equipment|Expert|…)
    (Plan)-[:APPLIES_TO]->(AccidentType|Town|Enterprise); (Plan)-[:COVERS_HAZARD_SOURCE]->(MajorHazardSource)
    (PlanTemplate)                                  content modules as JSON

Fact nodes (ResponseLevel, Action, OrgUnit, Role, PlanResource) carry ``plan_id`` and
``fact_set`` (the projection that wrote them). ``PROJECT_FACTS`` writes a whole projection in ONE
query, creating the new fact set first and deleting the previous one last: a failure anywhere
rolls the query back before any old fact is touched (FalkorDB 4.16 restores deleted nodes on
rollback but leaves traversals over them broken, so deletes must come after everything that can
fail). The first clause writes ``Plan.fact_set``: on Neo4j that takes the plan node's write lock, so two
concurrent projections of one plan run one after the other and the second deletes the first's facts.

``PlanVersion.enabled_key`` (unique, set only while enabled) makes enabling a compare-and-set: a
projection clears the key of the version its caller saw enabled (``$expected_version_id``) and sets
it on its own; when another worker enabled a different version meanwhile, that version still holds
the key and the store refuses the whole query (``UniqueConflictError``). A disable clears every key.

Plan scope: a town principal sees its town's plans and city-level plans (``town`` null); an
enterprise principal sees its own plans and city-level plans.
"""

from __future__ import annotations

PLAN_SCOPE = (
    "($scope_town IS NULL OR p.town IS NULL OR p.town = $scope_town) "
    "AND ($scope_enterprise IS NULL OR p.enterprise_id = $scope_enterprise "
    "OR (p.town IS NULL AND p.enterprise_id IS NULL))"
)

FACT_LABELS: tuple[str, ...] = ("ResponseLevel", "Action", "OrgUnit", "Role", "PlanResource")

# Real nodes a plan's facts may link to; labels come only from this allow-list.
PERSON_LINK = ("Role", "HELD_BY", "Person")
DEPARTMENT_LINKS = (("OrgUnit", "MAPS_TO", "Department"), ("Role", "MAPS_TO", "Department"))
RESOURCE_TARGETS: tuple[str, ...] = (
    "RescueTeam",
    "Equipment",
    "Expert",
    "MedicalFacility",
    "Material",
    "Shelter",
)

# ---- plans ---------------------------------------------------------------------------------
CREATE_PLAN = "CREATE (p:Plan) SET p += $props RETURN p.id AS id"

# A plan and its first version in one query: a failure leaves neither.
CREATE_PLAN_WITH_VERSION = """
CREATE (p:Plan)
SET p += $props
CREATE (p)-[:HAS_VERSION]->(v:PlanVersion)
SET v += $version
RETURN p.id AS id
"""

UPDATE_PLAN = f"""
MATCH (p:Plan {{id: $id}})
WHERE {PLAN_SCOPE}
SET p += $props
RETURN p.id AS id
"""

GET_PLAN = f"""
MATCH (p:Plan {{id: $id}})
WHERE {PLAN_SCOPE}
RETURN properties(p) AS plan,
  [(p)-[:SUBPLAN_OF]->(pa1:Plan) | pa1.id] AS parents,
  [(p)<-[:SUBPLAN_OF]-(ch2:Plan) | ch2.id] AS children
"""

_PLAN_FILTER = f"""
WHERE ($plan_type IS NULL OR p.plan_type = $plan_type)
  AND ($town IS NULL OR p.town = $town)
  AND ($status IS NULL OR p.status = $status)
  AND ($q IS NULL OR p.title CONTAINS $q OR p.issuing_unit CONTAINS $q)
  AND {PLAN_SCOPE}"""

LIST_PLANS = f"""
MATCH (p:Plan){_PLAN_FILTER}
RETURN properties(p) AS plan
ORDER BY p.created_at DESC, p.id SKIP $skip LIMIT $limit
"""

COUNT_PLANS = f"""
MATCH (p:Plan){_PLAN_FILTER}
RETURN count(p) AS total
"""

PLANS_BY_IDS = f"""
UNWIND $ids AS pid
MATCH (p:Plan {{id: pid}})
WHERE {PLAN_SCOPE}
RETURN properties(p) AS plan
"""

PLAN_SYSTEM = f"""
MATCH (p:Plan)
WHERE {PLAN_SCOPE}
RETURN p.id AS id, p.title AS title, p.plan_type AS plan_type, p.town AS town,
  p.enterprise_id AS enterprise_id, p.status AS status, p.issuing_unit AS issuing_unit,
  p.accident_category AS accident_category, p.enabled_version_id AS enabled_version_id,
  [(p)-[:SUBPLAN_OF]->(pa1:Plan) | pa1.id] AS parents
ORDER BY id
"""

# Ancestors of the would-be parent: linking must not close a cycle.
ANCESTORS = """
MATCH (p:Plan {id: $id})
RETURN [(p)-[:SUBPLAN_OF*1..10]->(a1:Plan) | a1.id] AS ancestors
"""

SET_PARENT = """
MATCH (c:Plan {id: $child})
OPTIONAL MATCH (c)-[r:SUBPLAN_OF]->()
DELETE r
WITH count(*) AS _removed
MATCH (c:Plan {id: $child})
MATCH (pa:Plan {id: $parent})
CREATE (c)-[:SUBPLAN_OF]->(pa)
RETURN c.id AS id
"""

CLEAR_PARENT = """
MATCH (c:Plan {id: $child})-[r:SUBPLAN_OF]->()
DELETE r
RETURN count(r) AS removed
"""

# The plans in scope that already hold an upload of these bytes (duplicate uploads are refused).
PLANS_WITH_SOURCE = f"""
MATCH (p:Plan)-[:HAS_VERSION]->(v:PlanVersion {{source_sha256: $sha256}})
WHERE {PLAN_SCOPE}
RETURN DISTINCT p.id AS id, p.title AS title, p.status AS status, p.created_at AS created_at
ORDER BY created_at, id
"""

# ---- versions ------------------------------------------------------------------------------
CREATE_VERSION = """
MATCH (p:Plan {id: $plan_id})
CREATE (p)-[:HAS_VERSION]->(v:PlanVersion)
SET v += $props
RETURN v.id AS id
"""

VERSION_FIELDS = (
    "v.id AS id, v.plan_id AS plan_id, v.version_no AS version_no, v.issue_status AS issue_status, "
    "v.issued_at AS issued_at, v.enabled AS enabled, v.town AS town, v.enterprise_id AS enterprise_id, "
    "v.accident_category AS accident_category, v.source_sha256 AS source_sha256, "
    "v.source_filename AS source_filename, v.created_at AS created_at, v.created_by AS created_by, "
    "v.copied_from AS copied_from, v.seq AS seq"
)

LIST_VERSIONS = f"""
MATCH (p:Plan {{id: $plan_id}})-[:HAS_VERSION]->(v:PlanVersion)
RETURN {VERSION_FIELDS}
ORDER BY v.seq DESC
"""

GET_VERSION = f"""
MATCH (p:Plan {{id: $plan_id}})-[:HAS_VERSION]->(v:PlanVersion {{id: $version_id}})
RETURN {VERSION_FIELDS}, v.document AS document, v.review AS review, v.report AS report,
  v.blocks AS blocks, coalesce(v.review_rev, 0) AS review_rev
"""

# Compare-and-set on review_rev: two reviewers saving at once must not write back the state they
# read over each other's decisions. The first SET writes the revision onto itself: it changes nothing
# (an absent revision becomes the 0 it is read as), but a SET whose value reads the property it sets
# makes Neo4j take the node's write lock BEFORE reading it (the manual's "direct dependency" rule
# against lost updates), so the revision is compared after any concurrent save committed; FalkorDB
# runs writes one at a time. The WHERE keeps its coalesce: FalkorDB 4.16 may evaluate a filter on
# ``v`` before the SET above it (the bare property was still absent there and no save ever matched).
# (It used to set a separate ``review_lock`` flag that then stayed on every node; migration 8 drops it.)
SAVE_REVIEW = """
MATCH (v:PlanVersion {id: $version_id})
SET v.review_rev = coalesce(v.review_rev, 0)
WITH v WHERE coalesce(v.review_rev, 0) = $expected_rev
SET v.document = $document, v.review = $review, v.updated_at = $now, v.review_rev = $expected_rev + 1
RETURN v.id AS id
"""

SET_VERSION_STATUS = """
MATCH (v:PlanVersion {id: $version_id})
SET v.issue_status = $issue_status
RETURN v.id AS id
"""


# ---- the fact projection (one query) -------------------------------------------------------
def _link_clause(src: str, rel: str, dst: str, param: str) -> str:
    return f"""
UNWIND ${param} AS l
MATCH (a:{src} {{id: l.src}})
MATCH (b:{dst} {{id: l.dst}})
CREATE (a)-[:{rel}]->(b)
WITH count(*) AS _{param}"""


def _resource_param(label: str) -> str:
    return f"res_{label.lower()}"


def resource_link_params() -> dict[str, str]:
    """Target label → the query parameter carrying its PROVIDED_BY rows."""
    return {label: _resource_param(label) for label in RESOURCE_TARGETS}


def _build_projection() -> str:
    # A compare-and-set on the plan's status ($expected_status, null: none). A retire racing a
    # disable (or an enable) had both pass their check in Python, and the later write turned the
    # 已废止 plan back to 未启用 (or 已启用, with facts). ``SET p.status = p.status`` reads what it
    # sets, so Neo4j takes the node's write lock before the comparison (the SAVE_REVIEW rule);
    # FalkorDB runs writes one at a time. On a mismatch the plan keeps its old fact_set, every later
    # clause matches the plan by the new one and so writes nothing, and the query returns no row.
    parts = [
        """
MATCH (p:Plan {id: $plan_id})
SET p.status = p.status
WITH p WHERE $expected_status IS NULL OR p.status = $expected_status
SET p.fact_set = $fact_set
WITH p
OPTIONAL MATCH (p)-[:HAS_VERSION]->(v:PlanVersion)
SET v.enabled = CASE WHEN $version_id IS NOT NULL AND v.id = $version_id THEN true ELSE false END,
  v.issue_status = CASE WHEN $issue_status IS NOT NULL AND v.id = $version_id THEN $issue_status
    ELSE v.issue_status END,
  v.enabled_key = CASE WHEN $version_id IS NULL OR $replace_any OR v.id = $expected_version_id
    THEN null ELSE v.enabled_key END
WITH count(*) AS _versions
OPTIONAL MATCH (:Plan {id: $plan_id, fact_set: $fact_set})-[:HAS_VERSION]->(v:PlanVersion {id: $version_id})
SET v.enabled_key = $enabled_key
WITH count(*) AS _enabled
UNWIND $levels AS row
MATCH (p:Plan {id: $plan_id, fact_set: $fact_set})
CREATE (p)-[:HAS_RESPONSE_LEVEL]->(x:ResponseLevel)
SET x += row
WITH count(*) AS _levels
UNWIND $actions AS row
MATCH (l:ResponseLevel {id: row.level_id})
CREATE (l)-[:REQUIRES_ACTION]->(x:Action)
SET x += row
WITH count(*) AS _actions
UNWIND $units AS row
MATCH (p:Plan {id: $plan_id, fact_set: $fact_set})
CREATE (p)-[:HAS_ORG_UNIT]->(x:OrgUnit)
SET x += row
WITH count(*) AS _units
UNWIND $unit_parents AS l
MATCH (a:OrgUnit {id: l.src})
MATCH (b:OrgUnit {id: l.dst})
CREATE (a)-[:SUB_UNIT_OF]->(b)
WITH count(*) AS _unit_parents
UNWIND $roles AS row
MATCH (u:OrgUnit {id: row.unit_id})
CREATE (u)-[:HAS_ROLE]->(x:Role)
SET x += row
WITH count(*) AS _roles
UNWIND $resources AS row
MATCH (p:Plan {id: $plan_id, fact_set: $fact_set})
CREATE (p)-[:REQUIRES_RESOURCE]->(x:PlanResource)
SET x += row
WITH count(*) AS _resources""",
        _link_clause(*PERSON_LINK, "persons"),
        _link_clause(*DEPARTMENT_LINKS[0], "unit_departments"),
        _link_clause(*DEPARTMENT_LINKS[1], "role_departments"),
        *(
            _link_clause("PlanResource", "PROVIDED_BY", label, _resource_param(label))
            for label in RESOURCE_TARGETS
        ),
        """
MATCH (p:Plan {id: $plan_id, fact_set: $fact_set})
OPTIONAL MATCH (p)-[old:APPLIES_TO|COVERS_HAZARD_SOURCE]->()
DELETE old
WITH count(*) AS _old_scope
UNWIND $accident_types AS name
MATCH (p:Plan {id: $plan_id, fact_set: $fact_set})
MERGE (t:AccidentType {id: name})
ON CREATE SET t.name = name
CREATE (p)-[:APPLIES_TO]->(t)
WITH count(*) AS _accident_types
UNWIND (CASE WHEN $version_id IS NULL THEN [] ELSE $applies_towns END) AS town_id
MATCH (p:Plan {id: $plan_id, fact_set: $fact_set}), (t:Town {id: town_id})
CREATE (p)-[:APPLIES_TO]->(t)
WITH count(*) AS _town
MATCH (p:Plan {id: $plan_id, fact_set: $fact_set})
OPTIONAL MATCH (e:Enterprise {id: $applies_enterprise})
FOREACH (ignored IN CASE WHEN e IS NULL OR $version_id IS NULL THEN [] ELSE [1] END | CREATE (p)-[:APPLIES_TO]->(e))
WITH count(*) AS _enterprise
UNWIND $hazard_sources AS hid
MATCH (p:Plan {id: $plan_id, fact_set: $fact_set})
MATCH (m:MajorHazardSource {id: hid})
CREATE (p)-[:COVERS_HAZARD_SOURCE]->(m)
WITH count(*) AS _hazard_sources""",
    ]
    # Old fact sets go last: everything above may fail and roll back with nothing deleted yet.
    for i, label in enumerate(FACT_LABELS):
        parts.append(
            f"""
OPTIONAL MATCH (g{i}:Plan {{id: $plan_id, fact_set: $fact_set}})
OPTIONAL MATCH (o{i}:{label} {{plan_id: $plan_id}})
WHERE g{i} IS NOT NULL AND o{i}.fact_set <> $fact_set
DETACH DELETE o{i}
WITH count(*) AS _deleted{i}"""
        )
    parts.append(
        """
MATCH (p:Plan {id: $plan_id, fact_set: $fact_set})
SET p += $plan_props
RETURN p.id AS id"""
    )
    return "".join(parts)


PROJECT_FACTS = _build_projection()

ENTERPRISE_TOWN = "MATCH (e:Enterprise {id: $id}) RETURN e.town AS town"
TOWN_EXISTS = "MATCH (t:Town {id: $id}) RETURN t.id AS id"

HAZARD_SOURCES_OF = """
MATCH (e:Enterprise {id: $enterprise_id})-[:HAS_HAZARD_SOURCE]->(m:MajorHazardSource)
RETURN m.id AS id
ORDER BY id
"""

# ---- link candidates -----------------------------------------------------------------------
PERSON_CANDIDATES = """
MATCH (x:Person)
WHERE any(h IN $holders WHERE h CONTAINS x.name)
OPTIONAL MATCH (x)-[:MEMBER_OF]->(d:Department)
OPTIONAL MATCH (x)-[:WORKS_FOR]->(e:Enterprise)
RETURN x.id AS id, x.name AS name, x.title AS title, d.name AS department, d.town AS department_town,
  e.id AS enterprise_id, e.name AS enterprise, e.town AS enterprise_town
ORDER BY id
"""

DEPARTMENT_CANDIDATES = """
MATCH (x:Department)
WHERE any(h IN $names WHERE h CONTAINS x.name OR x.name CONTAINS h)
RETURN x.id AS id, x.name AS name, x.town AS town
ORDER BY id
"""

# {label} is one of RESOURCE_TARGETS (allow-list), never input.
RESOURCE_CANDIDATES = """
MATCH (x:{label})
WHERE any(n IN $names WHERE x.name = n OR x.name CONTAINS n OR n CONTAINS x.name)
RETURN x.id AS id, x.name AS name, x.town AS town
ORDER BY id
"""

# ---- reading facts back --------------------------------------------------------------------
# FalkorDB 4.16 returns null for a pattern comprehension nested in another one's projection, so
# each relationship is its own flat comprehension and graph.plan_repository joins them.
PLAN_FACTS = """
MATCH (p:Plan {id: $plan_id})
RETURN
  [(p)-[:HAS_RESPONSE_LEVEL]->(l1:ResponseLevel) | {id: l1.id, level: l1.level, name: l1.name,
      trigger: l1.trigger, commander: l1.commander, rank: l1.rank}] AS levels,
  [(p)-[:HAS_RESPONSE_LEVEL]->(l2:ResponseLevel)-[:REQUIRES_ACTION]->(a2:Action) |
      {level_id: l2.id, seq: a2.seq, text: a2.text}] AS actions,
  [(p)-[:HAS_ORG_UNIT]->(u3:OrgUnit) | {id: u3.id, name: u3.name, duties: u3.duties}] AS units,
  [(p)-[:HAS_ORG_UNIT]->(u4:OrgUnit)-[:SUB_UNIT_OF]->(pu4:OrgUnit) | {src: u4.id, dst: pu4.name}] AS unit_parents,
  [(p)-[:HAS_ORG_UNIT]->(u5:OrgUnit)-[:MAPS_TO]->(d5:Department) | {src: u5.id, dst: d5.id}] AS unit_departments,
  [(p)-[:HAS_ORG_UNIT]->(u6:OrgUnit)-[:HAS_ROLE]->(r6:Role) | {id: r6.id, unit: u6.name, title: r6.title,
      holder: r6.holder, duties: r6.duties}] AS roles,
  [(p)-[:HAS_ORG_UNIT]->(:OrgUnit)-[:HAS_ROLE]->(r7:Role)-[:HELD_BY]->(x7:Person) | {src: r7.id, dst: x7.id}] AS role_persons,
  [(p)-[:HAS_ORG_UNIT]->(:OrgUnit)-[:HAS_ROLE]->(r8:Role)-[:MAPS_TO]->(d8:Department) | {src: r8.id, dst: d8.id}] AS role_departments,
  [(p)-[:REQUIRES_RESOURCE]->(s9:PlanResource) | {id: s9.id, type: s9.type, name: s9.name,
      quantity: s9.quantity, unit: s9.unit, matched_id: s9.matched_id, matched_label: s9.matched_label}] AS resources,
  [(p)-[:REQUIRES_RESOURCE]->(s10:PlanResource)-[:PROVIDED_BY]->(t10) | {src: s10.id, dst: t10.id}] AS resource_links,
  [(p)-[:APPLIES_TO]->(a11:AccidentType) | a11.name] AS accident_types,
  [(p)-[:APPLIES_TO]->(t12:Town) | t12.id] AS towns,
  [(p)-[:APPLIES_TO]->(e13:Enterprise) | e13.id] AS enterprises,
  [(p)-[:COVERS_HAZARD_SOURCE]->(m14:MajorHazardSource) | m14.id] AS hazard_sources
"""

# Enabled plans that answer "a level-X <accident> in <town>": the town's and the city's plans.
RESPONSE_LEVEL_PLANS = f"""
MATCH (p:Plan {{status: '已启用'}})-[:HAS_RESPONSE_LEVEL]->(l:ResponseLevel {{level: $level}})
WHERE {PLAN_SCOPE}
  AND ($town IS NULL OR p.town IS NULL OR p.town = $town)
WITH p, l, [(p)-[:APPLIES_TO]->(t1:AccidentType) | t1.name] AS types
WHERE $accident_type IS NULL OR any(a IN types WHERE a CONTAINS $accident_type)
RETURN p.id AS plan_id, p.title AS title, p.town AS town, p.enterprise_id AS enterprise_id,
  p.enabled_version_no AS version_no, l.id AS level_id
ORDER BY p.enterprise_id DESC, p.town DESC, plan_id
"""
