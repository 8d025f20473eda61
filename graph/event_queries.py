"""Event search, the place gazetteer and per-user search history, in the portable Cypher subset.

Conventions as in ``graph.queries``: scope via ``$scope_town``/``$scope_enterprise`` on every event
read; absent filters are ``null`` parameters (never query text); times are epoch ms, ``$time_to``
exclusive. Radius places become one covering lat/lon box here; the exact distance is checked in
Python (``graph.event_repository``). History nodes (``EventSearch``) belong to one user each.
"""

from __future__ import annotations

EVENT_SCOPE = (
    "($scope_town IS NULL OR ev.town = $scope_town) "
    "AND ($scope_enterprise IS NULL OR ev.enterprise_id = $scope_enterprise)"
)

_EVENT_FILTER = f"""
WHERE ($time_from IS NULL OR ev.occurred_at >= $time_from)
  AND ($time_to IS NULL OR ev.occurred_at < $time_to)
  AND ($towns IS NULL OR ev.town IN $towns)
  AND ($types IS NULL OR ev.event_type IN $types)
  AND ($levels IS NULL OR ev.level IN $levels)
  AND ($statuses IS NULL OR ev.status IN $statuses)
  AND ($sources IS NULL OR ev.source IN $sources)
  AND size([k IN $keywords WHERE ev.description CONTAINS k]) = size($keywords)
  AND ($any_place = false
       OR ev.enterprise_id IN $place_enterprises
       OR ev.camera_id IN $place_cameras
       OR (ev.lat >= $lat_min AND ev.lat <= $lat_max AND ev.lon >= $lon_min AND ev.lon <= $lon_max))
  AND {EVENT_SCOPE}"""

EVENT_FIELDS = (
    "ev.id AS id, ev.occurred_at AS occurred_at, ev.town AS town, ev.event_type AS event_type, "
    "ev.level AS level, ev.status AS status, ev.source AS source, ev.description AS description, "
    "ev.enterprise_id AS enterprise_id, ev.camera_id AS camera_id, ev.sensor_id AS sensor_id, "
    "ev.lat AS lat, ev.lon AS lon"
)

# One page, newest first; place names are joined after paging (cheap, at most $limit rows).
SEARCH_EVENTS = f"""
MATCH (ev:Event){_EVENT_FILTER}
WITH ev ORDER BY ev.occurred_at DESC, ev.id DESC SKIP $skip LIMIT $limit
OPTIONAL MATCH (ev)-[:OCCURRED_AT]->(en:Enterprise)
OPTIONAL MATCH (cam:Camera)-[:DETECTED]->(ev)
RETURN {EVENT_FIELDS}, en.name AS enterprise_name, cam.name AS camera_name
"""

COUNT_EVENTS = f"""
MATCH (ev:Event){_EVENT_FILTER}
RETURN count(ev) AS total
"""

# Radius searches: candidates inside the covering box, for the exact distance check in Python.
EVENT_CANDIDATES = f"""
MATCH (ev:Event){_EVENT_FILTER}
RETURN ev.id AS id, ev.enterprise_id AS enterprise_id, ev.camera_id AS camera_id,
  ev.lat AS lat, ev.lon AS lon
ORDER BY ev.occurred_at DESC, ev.id DESC LIMIT $limit
"""

EVENTS_BY_IDS = f"""
UNWIND $ids AS id
MATCH (ev:Event {{id: id}})
WHERE {EVENT_SCOPE}
OPTIONAL MATCH (ev)-[:OCCURRED_AT]->(en:Enterprise)
OPTIONAL MATCH (cam:Camera)-[:DETECTED]->(ev)
RETURN {EVENT_FIELDS}, en.name AS enterprise_name, cam.name AS camera_name
"""

VILLAGE_ENTERPRISES = """
UNWIND $villages AS vid
MATCH (e:Enterprise)-[:IN_VILLAGE]->(v:Village {id: vid})
RETURN e.id AS id
"""

# ---- gazetteer (city-wide place names; results stay scope-filtered) ------------------------
GAZETTEER_TOWNS = "MATCH (t:Town) RETURN t.id AS name, t.lat AS lat, t.lon AS lon ORDER BY name"
GAZETTEER_VILLAGES = """
MATCH (v:Village) RETURN v.id AS id, v.name AS name, v.town AS town, v.lat AS lat, v.lon AS lon ORDER BY id
"""
GAZETTEER_ENTERPRISES = """
MATCH (e:Enterprise)
RETURN e.id AS id, e.name AS name, e.town AS town, e.lat AS lat, e.lon AS lon, e.address AS address
ORDER BY id
"""
# Enterprise cameras share names like "大门口01号摄像机"; only public cameras have unique names.
GAZETTEER_CAMERAS = """
MATCH (c:Camera)
RETURN c.id AS id, c.name AS name, c.town AS town, c.lat AS lat, c.lon AS lon,
  c.enterprise_id IS NULL AS public
ORDER BY id
"""

# ---- history -------------------------------------------------------------------------------
ADD_HISTORY = """
CREATE (h:EventSearch {id: $id, user_id: $user_id, scope_key: $scope_key, sentence: $sentence,
  filter_json: $filter_json, total: $total, created_at: $created_at})
"""

LIST_HISTORY = """
MATCH (h:EventSearch {user_id: $user_id})
RETURN h.id AS id, h.sentence AS sentence, h.filter_json AS filter_json, h.total AS total,
  h.created_at AS created_at
ORDER BY h.created_at DESC, h.id DESC LIMIT $limit
"""

COUNT_HISTORY = "MATCH (h:EventSearch {user_id: $user_id}) RETURN count(h) AS n"

CLEAR_HISTORY = "MATCH (h:EventSearch {user_id: $user_id}) DELETE h"

# Keeps the newest $keep entries of one user.
PRUNE_HISTORY = """
MATCH (h:EventSearch {user_id: $user_id})
WITH h ORDER BY h.created_at DESC, h.id DESC SKIP $keep
DELETE h
"""

# Suggestion candidates: the user's own sentences, and sentences popular within the same scope.
USER_SENTENCES = """
MATCH (h:EventSearch {user_id: $user_id})
WHERE $fragment = '' OR h.sentence CONTAINS $fragment
RETURN h.sentence AS sentence, count(h) AS n, max(h.created_at) AS last_at
ORDER BY last_at DESC LIMIT $limit
"""

POPULAR_SENTENCES = """
MATCH (h:EventSearch {scope_key: $scope_key})
WHERE $fragment = '' OR h.sentence CONTAINS $fragment
RETURN h.sentence AS sentence, count(h) AS n, max(h.created_at) AS last_at
ORDER BY n DESC, last_at DESC LIMIT $limit
"""
