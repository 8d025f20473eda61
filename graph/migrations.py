"""Numbered, idempotent schema migrations, per adapter.

DDL is not portable (STACK.md): Neo4j gets named ``IF NOT EXISTS`` constraints and indexes;
FalkorDB gets unnamed range indexes plus ``GRAPH.CONSTRAINT`` unique constraints. Applied
versions are recorded as ``(:SchemaMigration {id})`` nodes, and every step is itself
idempotent, so re-running ``safecloud graph migrate`` is always safe.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from core.errors import ConfigError
from core.ports import GraphStore
from graph.login_failures import THROTTLE_UNIQUE_KEYS
from graph.plan_key_migration import backfill, falkor_constraints, neo4j_constraints, recompute_title_keys
from graph.plan_text_migration import clean_plan_texts
from graph.schema import GRID_INDEXED, INDEXED_PROPERTIES, LABELS, PLAN_INDEXED_PROPERTIES, PLAN_LABELS
from graph.users import USER_UNIQUE_KEYS

log = logging.getLogger(__name__)

Step = Callable[[Any], None]


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    steps: dict[str, tuple[Step, ...]]  # adapter kind → steps


def _neo4j_unique_ids(store: Any) -> None:
    for label in LABELS:
        store.write(
            f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
        )


def _neo4j_property_indexes(store: Any) -> None:
    for label, props in INDEXED_PROPERTIES.items():
        for prop in props:
            store.write(f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")


def _falkor_index(store: Any, label: str, prop: str) -> None:
    existing = store.read("CALL db.indexes() YIELD label, properties RETURN label, properties")
    if any(r["label"] == label and prop in (r["properties"] or []) for r in existing):
        return
    store.write(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})")


def _falkor_unique_ids(store: Any) -> None:
    for label in LABELS:
        _falkor_index(store, label, "id")
        store.create_unique_constraint(label, "id")


def _falkor_property_indexes(store: Any) -> None:
    for label, props in INDEXED_PROPERTIES.items():
        for prop in props:
            _falkor_index(store, label, prop)


def _neo4j_grid_indexes(store: Any) -> None:
    for label in GRID_INDEXED:
        store.write(f"CREATE INDEX {label.lower()}_grid IF NOT EXISTS FOR (n:{label}) ON (n.grid)")


def _falkor_grid_indexes(store: Any) -> None:
    for label in GRID_INDEXED:
        _falkor_index(store, label, "grid")


# Non-entity labels the platform itself writes (not part of ENTITY_TYPES): label → indexed properties.
PLATFORM_INDEXES: dict[str, tuple[str, ...]] = {"AuditRecord": ("id", "at", "user_id")}


def _neo4j_platform_indexes(store: Any) -> None:
    for label, props in PLATFORM_INDEXES.items():
        for prop in props:
            store.write(f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")


def _falkor_platform_indexes(store: Any) -> None:
    for label, props in PLATFORM_INDEXES.items():
        for prop in props:
            _falkor_index(store, label, prop)


def _neo4j_plan_indexes(store: Any) -> None:
    for label in PLAN_LABELS:
        store.write(
            f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
        )
    for label, props in PLAN_INDEXED_PROPERTIES.items():
        for prop in props:
            store.write(f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")


def _falkor_plan_indexes(store: Any) -> None:
    for label in PLAN_LABELS:
        _falkor_index(store, label, "id")
        store.create_unique_constraint(label, "id")
    for label, props in PLAN_INDEXED_PROPERTIES.items():
        for prop in props:
            _falkor_index(store, label, prop)


# Event-search history (graph.event_queries): every read is one user's (user_id) or one scope's
# (scope_key) searches, so both are indexed; a separate table because migration 4 has run already.
EVENT_SEARCH_INDEXES: dict[str, tuple[str, ...]] = {"EventSearch": ("user_id", "scope_key")}


def _neo4j_event_search_indexes(store: Any) -> None:
    for label, props in EVENT_SEARCH_INDEXES.items():
        for prop in props:
            store.write(f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")


def _falkor_event_search_indexes(store: Any) -> None:
    for label, props in EVENT_SEARCH_INDEXES.items():
        for prop in props:
            _falkor_index(store, label, prop)


def _plan_keys_backfill(store: Any) -> None:
    backfill(store, _warn)


def _plan_title_keys_again(store: Any) -> None:
    recompute_title_keys(store, _warn)


def _plan_texts_cleaned(store: Any) -> None:
    clean_plan_texts(store, _warn)


def _falkor_plan_key_constraints(store: Any) -> None:
    falkor_constraints(store, _falkor_index)


# SAVE_REVIEW once took its write lock by setting a ``review_lock`` flag, which then stayed on every
# reviewed version; the compare-and-set now locks by rewriting the revision itself.
DROP_REVIEW_LOCK = (
    "MATCH (v:PlanVersion) WHERE v.review_lock IS NOT NULL REMOVE v.review_lock RETURN count(v) AS n"
)


def _drop_review_lock(store: Any) -> None:
    store.write(DROP_REVIEW_LOCK)


# One lock node per uploaded file (graph.plan_upload_queries): on Neo4j a MERGE yields one node per
# key only under a unique constraint; on FalkorDB writes are serial, an index is enough.
def _neo4j_plan_source(store: Any) -> None:
    store.write(
        "CREATE CONSTRAINT plansource_sha256 IF NOT EXISTS FOR (n:PlanSource) REQUIRE n.sha256 IS UNIQUE"
    )


def _falkor_plan_source(store: Any) -> None:
    _falkor_index(store, "PlanSource", "sha256")


# Login accounts and sessions (graph.users, ADR 0017): one account per username and one session per
# token digest, refused by the graph itself so two concurrent creations cannot both succeed.
def _neo4j_user_keys(store: Any) -> None:
    neo4j_constraints(store, USER_UNIQUE_KEYS)


def _falkor_user_keys(store: Any) -> None:
    falkor_constraints(store, _falkor_index, keys=USER_UNIQUE_KEYS)


def _neo4j_throttle_keys(store: Any) -> None:
    neo4j_constraints(store, THROTTLE_UNIQUE_KEYS)
    store.write("CREATE INDEX loginthrottle_touched_at IF NOT EXISTS FOR (n:LoginThrottle) ON (n.touched_at)")


def _falkor_throttle_keys(store: Any) -> None:
    falkor_constraints(store, _falkor_index, keys=THROTTLE_UNIQUE_KEYS)
    _falkor_index(store, "LoginThrottle", "touched_at")


# Where ``migrate``'s caller collects backfill warnings; a context variable, because steps take only
# the store (the older steps have nothing to report) and migrate may run on several threads in tests.
_WARNINGS: ContextVar[list[str] | None] = ContextVar("migration_warnings", default=None)


def _warn(message: str) -> None:
    """Clashes found by a backfill: logged, and collected for ``migrate``'s caller (the CLI prints them)."""
    log.warning("%s", message)
    collected = _WARNINGS.get()
    if collected is not None:
        collected.append(message)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "unique id per label", {"neo4j": (_neo4j_unique_ids,), "falkordb": (_falkor_unique_ids,)}),
    Migration(
        2,
        "range indexes on filter properties",
        {"neo4j": (_neo4j_property_indexes,), "falkordb": (_falkor_property_indexes,)},
    ),
    Migration(
        3,
        "grid-cell indexes for proximity",
        {"neo4j": (_neo4j_grid_indexes,), "falkordb": (_falkor_grid_indexes,)},
    ),
    Migration(
        4,
        "audit trail indexes",
        {"neo4j": (_neo4j_platform_indexes,), "falkordb": (_falkor_platform_indexes,)},
    ),
    Migration(
        5,
        "digital emergency plans: unique ids and fact indexes",
        {"neo4j": (_neo4j_plan_indexes,), "falkordb": (_falkor_plan_indexes,)},
    ),
    Migration(
        6,
        "event-search history indexes",
        {"neo4j": (_neo4j_event_search_indexes,), "falkordb": (_falkor_event_search_indexes,)},
    ),
    Migration(
        7,
        "plan uniqueness keys (title, version number, upload, enabled version, template name)",
        {
            "neo4j": (_plan_keys_backfill, neo4j_constraints),
            "falkordb": (_plan_keys_backfill, _falkor_plan_key_constraints),
        },
    ),
    Migration(
        8,
        "drop the stray review_lock property of plan versions",
        {"neo4j": (_drop_review_lock,), "falkordb": (_drop_review_lock,)},
    ),
    Migration(
        9,
        "one lock node per uploaded file (same-file check inside the upload's write)",
        {"neo4j": (_neo4j_plan_source,), "falkordb": (_falkor_plan_source,)},
    ),
    Migration(
        10,
        "plan title keys derived again without invisible characters",
        {"neo4j": (_plan_title_keys_again,), "falkordb": (_plan_title_keys_again,)},
    ),
    Migration(
        11,
        "stored plan titles, units and version numbers without invisible characters",
        {"neo4j": (_plan_texts_cleaned,), "falkordb": (_plan_texts_cleaned,)},
    ),
    # A graph upgraded with 12 before 11 existed applies 11 later: the two are independent.
    Migration(
        12,
        "login accounts and sessions: unique username and token digest",
        {"neo4j": (_neo4j_user_keys,), "falkordb": (_falkor_user_keys,)},
    ),
    Migration(
        13,
        "login attempts per client address: unique address, idle clean-up index",
        {"neo4j": (_neo4j_throttle_keys,), "falkordb": (_falkor_throttle_keys,)},
    ),
)


def applied_versions(store: GraphStore) -> set[int]:
    rows = store.read("MATCH (m:SchemaMigration) RETURN m.id AS id")
    return {int(r["id"]) for r in rows}


def migrate(store: GraphStore, warnings: list[str] | None = None) -> list[int]:
    """Apply pending migrations in order; returns the versions applied now. Clashes a backfill
    found in existing data (they do not stop the migration) are appended to ``warnings``."""
    token = _WARNINGS.set(warnings)
    try:
        return _migrate(store)
    finally:
        _WARNINGS.reset(token)


def _migrate(store: GraphStore) -> list[int]:
    done = applied_versions(store)
    applied = []
    for migration in MIGRATIONS:
        if migration.version in done:
            continue
        steps = migration.steps.get(store.kind)
        if steps is None:
            raise ConfigError(f"迁移 {migration.version} 不支持图引擎 {store.kind}")
        log.info("applying migration %03d %s on %s", migration.version, migration.name, store.kind)
        for step in steps:
            step(store)
        store.write(
            "MERGE (m:SchemaMigration {id: $id}) SET m.name = $name, m.applied_at = $at",
            {"id": migration.version, "name": migration.name, "at": int(time.time() * 1000)},
        )
        applied.append(migration.version)
    return applied
