"""The guard's schema checks on edges and properties: what a small model gets wrong most often.

An impossible edge is valid Cypher that silently returns nothing; these tests pin that the guard
turns a reversed arrow round, refuses an edge the schema cannot hold with the edges that would
work, and repairs two SQL/Neo4j-4 habits (GROUP BY, exists(pattern)) without a second model call.
"""

from __future__ import annotations

import pytest

from core.scope import ScopeLevel
from graph.cypher_guard import CypherRejectedError, guard_cypher

PARAMS = {"now_ms", "scope_town", "scope_enterprise_ids"}


def guarded(query: str, level: ScopeLevel = ScopeLevel.CITY) -> str:
    return guard_cypher(query, params=PARAMS, level=level).text


def reason(query: str) -> str:
    with pytest.raises(CypherRejectedError) as info:
        guard_cypher(query, params=PARAMS)
    return info.value.reason


def test_reversed_arrow_is_turned_round_both_ways() -> None:
    out = guarded("MATCH (t:Town)-[:LOCATED_IN]->(r:RescueTeam) RETURN r.name AS key")
    assert out.startswith("MATCH (t:Town)<-[:LOCATED_IN]-(r:RescueTeam)")
    out = guarded("MATCH (s:Sensor)<-[:MONITORED_BY]-(e:Enterprise) RETURN e.name AS key")
    assert out.startswith("MATCH (s:Sensor)<-[:MONITORED_BY]-(e:Enterprise)")  # already right
    out = guarded("MATCH (e:Enterprise)<-[:MONITORED_BY]-(s:Sensor) RETURN e.name AS key")
    assert out.startswith("MATCH (e:Enterprise)-[:MONITORED_BY]->(s:Sensor)")


def test_turning_round_keeps_the_scope_predicates() -> None:
    out = guarded("MATCH (h:Hazard)-[:HAS_HAZARD]->(e:Enterprise) RETURN h.id AS key", ScopeLevel.TOWN)
    assert "(h:Hazard)<-[:HAS_HAZARD]-(e:Enterprise)" in out
    assert "$scope_town" in out and "$scope_enterprise_ids" in out


def test_edge_the_schema_cannot_hold_is_refused_with_the_edges_that_exist() -> None:
    why = reason("MATCH (v:Event)-[:OCCURRED_AT]->(t:Town) RETURN t.id AS key")
    assert "(:Event)-[:LOCATED_IN]->(:Town)" in why
    why = reason("MATCH (e:Enterprise)-[:LOCATED_IN]->(s:Sensor) RETURN e.name AS key")
    assert "(:Enterprise)-[:MONITORED_BY]->(:Sensor)" in why


def test_labels_known_from_an_earlier_match_are_checked_too() -> None:
    why = reason("MATCH (e:Enterprise) MATCH (e)-[:STOCKS]->(m:Material) RETURN m.name AS key")
    assert "Enterprise 与 Material" in why


def test_undirected_and_variable_length_edges_pass_when_any_direction_fits() -> None:
    guarded("MATCH (e:Enterprise)-[:HAS_HAZARD]-(h:Hazard) RETURN h.id AS key")
    guarded("MATCH (a:Town)<-[:PART_OF*1..2]-(b:Village) RETURN b.id AS key")


def test_wrong_property_names_the_labels_that_have_it() -> None:
    why = reason("MATCH (e:Enterprise) WHERE e.occurred_at > $now_ms RETURN e.name AS key")
    assert "Event" in why and "town" in why  # who has it, and what Enterprise has instead


def test_group_by_is_dropped_and_exists_pattern_becomes_a_pattern_predicate() -> None:
    out = guarded(
        "MATCH (e:Enterprise)-[:HAS_HAZARD]->(h:Hazard) RETURN e.town AS key, count(h) AS n "
        "GROUP BY e.town ORDER BY n DESC LIMIT 3"
    )
    assert "GROUP" not in out and "ORDER BY n DESC LIMIT 3" in out
    out = guarded("MATCH (e:Enterprise) WHERE NOT exists((e)-[:HAS_HAZARD]->(:Hazard)) RETURN e.name AS key")
    assert "NOT (e)-[:HAS_HAZARD]->(:Hazard)" in out and "exists" not in out
    assert "不允许的函数" in reason("MATCH (e:Enterprise) WHERE exists(e.phone) RETURN e.name AS key")


def test_return_in_the_middle_becomes_with_and_unbound_variables_are_named() -> None:
    out = guarded(
        "MATCH (a:Enterprise) WHERE a.town = '青阳镇' RETURN count(a) AS x "
        "MATCH (b:Enterprise) WHERE b.town = '月城镇' RETURN x - count(b) AS key"
    )
    assert "WITH count(a) AS x MATCH" in out and out.count("RETURN") == 1
    why = reason(
        "MATCH (i:Inspection)-[:FOUND]->(h:Hazard) WITH i, count(h) AS n WHERE n > 2 RETURN h.id AS key"
    )
    assert "变量 h" in why
