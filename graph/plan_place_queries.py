"""Reads the plan guide needs to place an accident that the question ties to no town of the gazetteer
(``agents.chat.plan_places``): enabled plans' documents, the towns, the firms with their towns."""

from __future__ import annotations

from collections.abc import Iterable

from core.ports import GraphStore, Row

_ENABLED_DOCUMENTS = """MATCH (p:Plan {status: '已启用'})-[:HAS_VERSION]->(v:PlanVersion)
WHERE p.id IN $ids AND v.id = p.enabled_version_id
RETURN p.id AS id, v.document AS document"""
_TOWNS = "MATCH (t:Town) RETURN t.name AS name"
_ISSUERS = """MATCH (p:Plan {status: '已启用'}) WHERE p.issuing_unit IS NOT NULL
RETURN p.id AS id, p.issuing_unit AS issuing_unit, p.title AS title, p.plan_type AS plan_type"""
_ENTERPRISES = "MATCH (e:Enterprise) RETURN e.id AS id, e.name AS name, e.town AS town"
_ENTERPRISE = """MATCH (e:Enterprise {id: $id})
RETURN e.id AS id, e.name AS name, e.town AS town, e.category AS category, e.key_domains AS key_domains"""
# 厂中厂: the firms whose 厂区 a lessee rents in (a lessor that is itself an enterprise of the graph; a
# natural person or a village collective has no plans of its own). Only lessors the caller may see.
_LESSOR_FIRMS = """MATCH (e:Enterprise {id: $id})-[:LEASES_FROM]->(:Lessor)<-[:ACTS_AS]-(o:Enterprise)
WHERE $scope_town IS NULL OR o.town = $scope_town
RETURN DISTINCT o.id AS id ORDER BY id"""


def enabled_plan_documents(store: GraphStore, ids: Iterable[str]) -> dict[str, str]:
    """Plan id → the JSON document of its enabled version, for the ids given that are enabled."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return {
        str(r["id"]): str(r.get("document") or "") for r in store.read(_ENABLED_DOCUMENTS, {"ids": wanted})
    }


def plan_issuers(store: GraphStore) -> list[Row]:
    """Every enabled plan's id, issuing unit, title and type."""
    return store.read(_ISSUERS, {})


def town_names(store: GraphStore) -> list[str]:
    """Every town's name."""
    return [str(r["name"]) for r in store.read(_TOWNS, {})]


def enterprise_towns(store: GraphStore) -> list[Row]:
    """Every firm's id, name and town."""
    return store.read(_ENTERPRISES, {})


def lessor_firms(store: GraphStore, lessee_id: str, scope_town: str | None = None) -> list[str]:
    """Ids of the enterprises a lessee rents from (厂中厂), within ``scope_town`` when given."""
    rows = store.read(_LESSOR_FIRMS, {"id": lessee_id, "scope_town": scope_town})
    return [str(r["id"]) for r in rows]


def enterprise_profile(store: GraphStore, enterprise_id: str) -> Row | None:
    """One firm's name, town, category and key domains (what says which sector's plans apply to it)."""
    rows = store.read(_ENTERPRISE, {"id": enterprise_id})
    return rows[0] if rows else None
