"""Migration 7: the plan subgraph's uniqueness keys (core.plan_keys), backfilled, then constrained;
migration 10: title keys derived again after ``normalise`` learnt to drop invisible characters.

Before this, plan uniqueness was kept by in-process locks in plans/, which two API workers (two
processes) do not share. The keys make the graph refuse the second write instead (ADR 0015).

Backfill first, constraints second: a constraint over clashing data fails to build (Neo4j refuses
the DDL, FalkorDB marks it FAILED). Where existing data already clash, the first holder (oldest
plan / lowest version sequence / the plan's enabled version) keeps the key, the others get none,
and each clash is reported in Chinese for the administrator: nothing is deleted or renamed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from core import plan_keys as pk
from core.errors import GraphError

RETIRED = "已废止"

# label → derived key properties, each under a unique constraint.
PLAN_UNIQUE_KEYS: dict[str, tuple[str, ...]] = {
    "Plan": ("title_key",),
    "PlanVersion": ("version_key", "seq_key", "source_key", "enabled_key"),
    "PlanTemplate": ("name_key",),
}

_PLANS = """
MATCH (p:Plan)
RETURN p.id AS id, p.title AS title, p.town AS town, p.enterprise_id AS enterprise_id,
  p.status AS status, p.created_at AS created_at, p.title_key AS title_key
ORDER BY created_at, id
"""

_VERSIONS = """
MATCH (p:Plan)-[:HAS_VERSION]->(v:PlanVersion)
RETURN p.id AS plan_id, p.title AS title, p.enabled_version_id AS enabled_version_id, v.id AS id,
  v.version_no AS version_no, v.seq AS seq, v.enabled AS enabled, v.source_sha256 AS sha256,
  v.copied_from AS copied_from, v.town AS town, v.enterprise_id AS enterprise_id
ORDER BY plan_id, seq, id
"""

_TEMPLATES = "MATCH (t:PlanTemplate) RETURN t.id AS id, t.name AS name, t.created_at AS created_at ORDER BY created_at, id"

# Labels come only from PLAN_UNIQUE_KEYS; a null in ``keys`` removes the property (a clash loser).
_SET_KEYS = "UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) SET n += row.keys RETURN count(n) AS n"

_FALKOR_CONSTRAINTS = "CALL db.constraints() YIELD label, properties, status RETURN label, properties, status"

Warn = Callable[[str], None]


def _claim(
    rows: Iterable[dict[str, Any]], key: Callable[[dict[str, Any]], str | None]
) -> tuple[dict[str, str | None], list[list[dict[str, Any]]]]:
    """id → key for rows in order (the first holder of a key keeps it); and the clashing groups."""
    owners: dict[str, list[dict[str, Any]]] = {}
    keys: dict[str, str | None] = {}
    for row in rows:
        k = key(row)
        keys[row["id"]] = None
        if k is None:
            continue
        owners.setdefault(k, []).append(row)
        if len(owners[k]) == 1:
            keys[row["id"]] = k
    return keys, [group for group in owners.values() if len(group) > 1]


def _names(group: list[dict[str, Any]], fmt: Callable[[dict[str, Any]], str]) -> str:
    return "、".join(f"{fmt(r)}{'（保留唯一标记）' if i == 0 else ''}" for i, r in enumerate(group))


def _plan_keys(store: Any, warn: Warn) -> dict[str, dict[str, str | None]]:
    plans = store.read(_PLANS)
    live = [p for p in plans if p.get("status") != RETIRED]
    keys, clashes = _claim(
        live, lambda p: pk.title_key(p.get("title") or "", p.get("town"), p.get("enterprise_id"))
    )
    for group in clashes:
        first = group[0]
        place = first.get("enterprise_id") or first.get("town") or "市级"
        warn(
            f"迁移 7：辖区“{place}”有 {len(group)} 个同名预案“{pk.normalise(first.get('title'))}”："
            f"{_names(group, lambda r: r['id'])}；其余预案的标题不受唯一约束保护，请改名或废止多余的预案"
        )
    return {p["id"]: {"title_key": keys.get(p["id"])} for p in plans}


def _upload_name(v: dict[str, Any]) -> str:
    return f"预案“{v['title']}”（{v['plan_id']}）的版本 {v['id']}"


def _enabled_order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The plan's recorded enabled version first, then the newest: that one keeps the enabled key."""
    return sorted(rows, key=lambda v: (v["id"] != v.get("enabled_version_id"), -(v.get("seq") or 0)))


def _version_keys(store: Any, warn: Warn) -> dict[str, dict[str, str | None]]:
    rows = store.read(_VERSIONS)
    numbers, number_clashes = _claim(rows, lambda v: pk.version_key(v["plan_id"], v.get("version_no") or ""))
    seqs, seq_clashes = _claim(
        rows, lambda v: None if v.get("seq") is None else pk.seq_key(v["plan_id"], v["seq"])
    )
    uploads = [v for v in rows if v.get("sha256") and not v.get("copied_from")]
    sources, source_clashes = _claim(
        uploads, lambda v: pk.source_key(v["sha256"], v.get("town"), v.get("enterprise_id"))
    )
    enabled, enabled_clashes = _claim(
        _enabled_order([v for v in rows if v.get("enabled")]), lambda v: pk.enabled_key(v["plan_id"])
    )
    for group in number_clashes:
        first = group[0]
        warn(
            f"迁移 7：预案“{first['title']}”（{first['plan_id']}）有 {len(group)} 个版本号为"
            f"“{pk.normalise(first.get('version_no'))}”的版本：{_names(group, lambda r: r['id'])}；请以新版本号重新登记"
        )
    for group in seq_clashes:
        first = group[0]
        warn(
            f"迁移 7：预案“{first['title']}”（{first['plan_id']}）有 {len(group)} 个版本序号同为 {first['seq']}："
            f"{_names(group, lambda r: r['id'])}；版本列表中它们的先后顺序不确定"
        )
    for group in source_clashes:
        holders = _names(group, _upload_name)
        warn(
            f"迁移 7：同一原始文件（sha256 {group[0]['sha256'][:12]}…）在同一辖区被上传了 {len(group)} 次"
            f"（可能勾选了“允许重复”）：{holders}"
        )
    for group in enabled_clashes:
        first = group[0]
        warn(
            f"迁移 7：预案“{first['title']}”（{first['plan_id']}）同时启用了 {len(group)} 个版本："
            f"{_names(group, lambda r: r['id'])}；请停用多余的版本"
        )
    return {
        v["id"]: {
            "version_key": numbers.get(v["id"]),
            "seq_key": seqs.get(v["id"]),
            "source_key": sources.get(v["id"]),
            "enabled_key": enabled.get(v["id"]),
        }
        for v in rows
    }


def _template_keys(store: Any, warn: Warn) -> dict[str, dict[str, str | None]]:
    rows = store.read(_TEMPLATES)
    keys, clashes = _claim(rows, lambda t: pk.name_key(t.get("name") or ""))
    for group in clashes:
        warn(
            f"迁移 7：模板名称“{pk.normalise(group[0].get('name'))}”重复：{_names(group, lambda r: r['id'])}；"
            "请在模板管理中改名"
        )
    return {t["id"]: {"name_key": keys.get(t["id"])} for t in rows}


def backfill(store: Any, warn: Warn) -> None:
    """Derive every key from the stored data (idempotent: the same data give the same keys)."""
    for label, derive in (
        ("Plan", _plan_keys),
        ("PlanVersion", _version_keys),
        ("PlanTemplate", _template_keys),
    ):
        _write_keys(store, label, derive(store, warn))


def _write_keys(store: Any, label: str, keys: dict[str, dict[str, str | None]]) -> None:
    rows = [{"id": i, "keys": k} for i, k in keys.items()]
    for start in range(0, len(rows), 500):
        store.write(_SET_KEYS.format(label=label), {"rows": rows[start : start + 500]})


def recompute_title_keys(store: Any, warn: Warn) -> None:
    """Migration 10: title keys written before ``normalise`` dropped invisible characters kept them,
    so “防汛预案\u200b” still did not clash with “防汛预案”. Every key is derived again; a plan that
    holds its fresh key keeps it, otherwise the oldest plan does (as in migration 7). Only clashes this
    recomputation reveals are reported: those migration 7 reported are unchanged and stay quiet."""
    plans = store.read(_PLANS)
    fresh = {
        p["id"]: pk.title_key(p.get("title") or "", p.get("town"), p.get("enterprise_id")) for p in plans
    }
    live = [p for p in plans if p.get("status") != RETIRED]
    holders_first = sorted(live, key=lambda p: p.get("title_key") != fresh[p["id"]])  # stable: oldest next
    keys, clashes = _claim(holders_first, lambda p: fresh[p["id"]])
    changed = {p["id"] for p in plans if p.get("title_key") != keys.get(p["id"])}
    for group in clashes:
        if not any(r["id"] in changed for r in group):
            continue
        first = group[0]
        place = first.get("enterprise_id") or first.get("town") or "市级"
        warn(
            f"迁移 10：辖区“{place}”有 {len(group)} 个同名预案“{pk.normalise(first.get('title'))}”"
            f"（标题中的零宽、BOM、双向控制等不可见字符不再区分标题）：{_names(group, lambda r: r['id'])}；"
            "其余预案的标题不受唯一约束保护，请改名或废止多余的预案"
        )
    # Two passes under the live constraint: drop every changing key first, so a key that moves from
    # one plan to another is never held by both at once.
    _write_keys(store, "Plan", {i: {"title_key": None} for i in changed})
    _write_keys(store, "Plan", {i: {"title_key": keys[i]} for i in changed if keys.get(i)})


def neo4j_constraints(store: Any, keys: dict[str, tuple[str, ...]] = PLAN_UNIQUE_KEYS) -> None:
    for label, props in keys.items():
        for prop in props:
            store.write(
                f"CREATE CONSTRAINT {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE"
            )


def falkor_constraints(
    store: Any,
    index: Callable[[Any, str, str], None],
    timeout_s: float = 120.0,
    keys: dict[str, tuple[str, ...]] = PLAN_UNIQUE_KEYS,
) -> None:
    """FalkorDB builds a unique constraint in the background: wait until it is OPERATIONAL, so the
    migration is not recorded while a duplicate could still slip in; FAILED is an error. ``keys``:
    label → properties (the plan keys by default; migration 12 passes the user and session keys)."""
    for label, props in keys.items():
        for prop in props:
            index(store, label, prop)  # a FalkorDB unique constraint needs an index on the property
            store.create_unique_constraint(label, prop)
    deadline = time.monotonic() + timeout_s
    pending = {(label, prop) for label, props in keys.items() for prop in props}
    while pending:
        status = {
            (r["label"], p): r["status"]
            for r in store.read(_FALKOR_CONSTRAINTS)
            for p in (r["properties"] or [])
        }
        for label, prop in sorted(pending):
            state = status.get((label, prop))
            if state == "OPERATIONAL":
                pending.discard((label, prop))
            elif state == "FAILED":
                store.drop_unique_constraint(label, prop)  # else it stays FAILED and blocks a re-run
                raise GraphError(
                    f"唯一约束 {label}.{prop} 创建失败（已有数据重复），请处理迁移提示中的重复数据后重新运行 safecloud graph migrate",
                    code="constraint_failed",
                )
        if pending and time.monotonic() > deadline:
            raise GraphError(f"唯一约束创建超时：{sorted(pending)}", code="constraint_timeout")
        if pending:
            time.sleep(0.05)


__all__ = ["PLAN_UNIQUE_KEYS", "backfill", "falkor_constraints", "neo4j_constraints", "recompute_title_keys"]
