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


def enterprise_profile(store: GraphStore, enterprise_id: str) -> Row | None:
    """One firm's name, town, category and key domains (what says which sector's plans apply to it)."""
    rows = store.read(_ENTERPRISE, {"id": enterprise_id})
    return rows[0] if rows else None
