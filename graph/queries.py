"""Read queries behind the API, in the portable Cypher subset (STACK.md).

Conventions:
* every query takes ``$scope_town`` and ``$scope_enterprise`` (``core.scope.DataScope.as_params``)
  and applies them structurally, so a scoped principal cannot read outside its scope;
* results are plain values; lists coming from pattern comprehensions are sorted in Python
  (engines may order them differently);
* FalkorDB 4.16 returns empty lists when two pattern comprehensions in one projection reuse a
  variable name, so every comprehension below has its own variable names;
* "near" = the 3×3 block of ``grid`` cells around a point (``core.geo.grid_neighbourhood``);
* distances are ranked with an equirectangular approximation (``$kx`` = metres per degree of
  longitude at the query latitude), exact haversine is computed in Python afterwards.
"""

from __future__ import annotations

ENTERPRISE_SCOPE = (
    "($scope_town IS NULL OR e.town = $scope_town) "
    "AND ($scope_enterprise IS NULL OR e.id = $scope_enterprise)"
)

_SEARCH_FILTER = f"""
WHERE ($uscc IS NULL OR e.id = $uscc)
  AND ($name IS NULL OR e.name CONTAINS $name)
  AND ($town IS NULL OR e.town = $town)
  AND ($category IS NULL OR e.category = $category)
  AND {ENTERPRISE_SCOPE}"""

ENTERPRISE_SUMMARY_FIELDS = (
    "e.id AS uscc, e.name AS name, e.town AS town, e.category AS category, e.scale AS scale, "
    "e.responsibility_class AS responsibility_class, e.address AS address, e.lat AS lat, "
    "e.lon AS lon, e.key_domains AS key_domains, e.tags AS tags"
)

SEARCH_ENTERPRISES = f"""
MATCH (e:Enterprise){_SEARCH_FILTER}
RETURN {ENTERPRISE_SUMMARY_FIELDS}
ORDER BY e.name, e.id SKIP $skip LIMIT $limit
"""

COUNT_ENTERPRISES = f"""
MATCH (e:Enterprise){_SEARCH_FILTER}
RETURN count(e) AS total
"""

# Rows for credit codes ranked by the search index; the scope is applied here, by the graph.
ENTERPRISES_BY_IDS = f"""
UNWIND $ids AS id
MATCH (e:Enterprise {{id: id}})
WHERE ($town IS NULL OR e.town = $town)
  AND ($category IS NULL OR e.category = $category)
  AND {ENTERPRISE_SCOPE}
RETURN {ENTERPRISE_SUMMARY_FIELDS}
"""

ENTERPRISE_PROPERTIES = f"""
MATCH (e:Enterprise {{id: $uscc}})
WHERE {ENTERPRISE_SCOPE}
RETURN properties(e) AS enterprise
"""

# One round trip for five of the six portrait dimensions; neighbours come from NEIGHBOURS.
PORTRAIT = f"""
MATCH (e:Enterprise {{id: $uscc}})
WHERE {ENTERPRISE_SCOPE}
RETURN properties(e) AS enterprise,
  [(e)<-[:WORKS_FOR]-(p1:Person) | {{name: p1.name, role: p1.title, phone: p1.phone}}] AS persons,
  [(e)-[:HAS_HAZARD_SOURCE]->(m2) | {{id: m2.id, name: m2.name, level: m2.level, r_value: m2.r_value}}] AS hazard_sources,
  [(e)-[:MONITORED_BY]->(s3:Sensor) | {{sensor_type: s3.sensor_type, online: s3.online}}] AS sensors,
  size([(e)-[:MONITORED_BY]->(c4:Camera) | c4]) AS cameras,
  size([(e)-[:HAS_RISK_POINT]->(r5) | r5]) AS risk_points,
  size([(e)<-[:INSPECTED]-(i6:Inspection) | i6]) AS inspections,
  [(e)-[:RECEIVED_PENALTY]->(p7) | p7.amount_yuan] AS penalty_amounts,
  [(e)-[:HAS_HAZARD]->(h8) | {{id: h8.id, description: h8.description, level: h8.level,
      status: h8.status, source: h8.source, found_at: h8.found_at, deadline: h8.deadline}}] AS hazards,
  [(e)-[:ASSESSED_AS]->(a9) | {{year: a9.year, class: a9.responsibility_class}}] AS class_history,
  [(e)<-[:OCCURRED_AT]-(ev10:Event) | {{id: ev10.id, type: ev10.event_type, level: ev10.level,
      status: ev10.status, occurred_at: ev10.occurred_at}}] AS events,
  [(e)-[:LEASES_FROM]->(l11) | {{uscc: l11.id, name: l11.name, grade: l11.grade}}] AS lessors,
  [(e)-[:ACTS_AS]->(:Lessor)<-[:LEASES_FROM]-(t12) | {{uscc: t12.id, name: t12.name, category: t12.category}}] AS lessees
"""

NEIGHBOURS = """
MATCH (n:Enterprise)
WHERE n.grid IN $cells AND n.id <> $uscc
WITH n, (n.lat - $lat) * 110574.0 AS dy, (n.lon - $lon) * $kx AS dx
RETURN n.id AS uscc, n.name AS name, n.lat AS lat, n.lon AS lon
ORDER BY dx * dx + dy * dy, n.id LIMIT $limit
"""

# Villages and communities with their town, so a question that names 马嘶村 instead of 新桥镇 is placed.
VILLAGES = """
MATCH (v:Village)-[:PART_OF]->(t:Town)
RETURN v.name AS village, t.id AS town, v.id AS id
"""

TOWNS = """
MATCH (t:Town)
WHERE $scope_town IS NULL OR t.id = $scope_town
RETURN t.id AS name, t.kind AS kind, t.lat AS lat, t.lon AS lon,
  size([(x1:Enterprise)-[:LOCATED_IN]->(t) | x1]) AS enterprise_count
ORDER BY name
"""

LESSOR_NAMES = """
MATCH (l:Lessor)
WHERE ($scope_town IS NULL OR l.town = $scope_town) AND ($scope_enterprise IS NULL OR l.id = $scope_enterprise)
RETURN l.id AS id, l.name AS name, l.enterprise_id AS enterprise_id
ORDER BY l.id
"""

TOWN_EXISTS = "MATCH (t:Town {id: $town}) RETURN t.id AS name"

TOWN_ENTERPRISES_BY_CATEGORY = """
MATCH (e:Enterprise {town: $town})
RETURN e.category AS category, count(e) AS n
ORDER BY category
"""

TOWN_HAZARDS = """
MATCH (e:Enterprise {town: $town})-[:HAS_HAZARD]->(h:Hazard)
RETURN h.level AS level, h.status AS status,
  CASE WHEN h.status IN ['待整改', '整改中'] AND h.deadline < $now THEN true ELSE false END AS overdue,
  count(h) AS n
ORDER BY level, status, overdue
"""

TOWN_SENSORS = """
MATCH (e:Enterprise {town: $town})-[:MONITORED_BY]->(s:Sensor)
RETURN count(s) AS total, sum(CASE WHEN s.online THEN 1 ELSE 0 END) AS online
"""

TOWN_HAZARD_SOURCES = """
MATCH (e:Enterprise {town: $town})-[:HAS_HAZARD_SOURCE]->(m:MajorHazardSource)
RETURN m.level AS level, count(m) AS n
ORDER BY level
"""

TOWN_SPECIAL_OPERATIONS_TODAY = """
MATCH (e:Enterprise {town: $town})-[:PERFORMS]->(o:SpecialOperation)
WHERE o.starts_at < $day_end AND o.ends_at > $day_start
RETURN count(o) AS n
"""

LESSOR_NETWORK = """
MATCH (l:Lessor {id: $lessor_id})
WHERE ($scope_town IS NULL OR l.town = $scope_town)
  AND ($scope_enterprise IS NULL OR l.id = $scope_enterprise OR l.enterprise_id = $scope_enterprise)
RETURN l.id AS id, l.name AS name, l.lessor_type AS lessor_type, l.grade AS grade, l.town AS town,
  [(l)-[:SIGNED_LEASE]->(a1:LeaseAgreement)-[:LEASED_BY]->(t1:Enterprise) |
     {uscc: t1.id, name: t1.name, category: t1.category, town: t1.town, area_m2: a1.area_m2,
      lease_start: a1.lease_start, lease_end: a1.lease_end, reviewed: a1.reviewed}] AS lessees
"""

MAP_ENTERPRISES = f"""
MATCH (e:Enterprise)
WHERE ($town IS NULL OR e.town = $town) AND {ENTERPRISE_SCOPE}
  AND ($min_lat IS NULL OR (e.lat >= $min_lat AND e.lat <= $max_lat
                            AND e.lon >= $min_lon AND e.lon <= $max_lon))
RETURN e.id AS uscc, e.name AS name, e.town AS town, e.category AS category, e.lat AS lat, e.lon AS lon
ORDER BY e.id LIMIT $limit
"""

# Label comes from graph.repository.RESOURCE_LABELS (an allow-list), never from input.
NEAREST_RESOURCES = """
MATCH (r:{label})
WITH r, (r.lat - $lat) * 110574.0 AS dy, (r.lon - $lon) * $kx AS dx
RETURN properties(r) AS resource
ORDER BY dx * dx + dy * dy, r.id LIMIT $limit
"""

EXPORT_ENTERPRISES = """
MATCH (e:Enterprise)
WHERE e.id > $after
RETURN properties(e) AS enterprise
ORDER BY e.id LIMIT $limit
"""

COUNT_LABEL = "MATCH (n:{label}) RETURN count(n) AS n"
COUNT_RELATIONSHIPS = "MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n ORDER BY type"
PING = "RETURN 1 AS ok"
