"""Migration 11: invisible characters dropped from the one-line texts stored on plans.

Since probe3fix an upload, a catalogue edit and a review edit store titles, units and version
numbers through ``core.plan_keys.clean_name`` (zero-width spaces, BOM, bidi marks dropped, spaces
folded); migration 10 derived the title KEYS again, but the stored texts kept the characters, so a
plan list still showed “防汛预案\u200b” beside “防汛预案” and a search for the clean title missed
the unit “月城镇应急管理办公室\ufeff”. This step cleans the stored texts the same way.

Title keys already follow (``normalise`` drops what ``clean_name`` drops). Version keys were derived
before ``normalise`` dropped invisible characters, so a version whose number changes gets its key
derived again; where that reveals two equal numbers in one plan, the version that already held the
key (else the older one) keeps it and the clash is reported in Chinese, as migrations 7 and 10 do.
A text made only of invisible characters is left as it is and reported: blanking a title or a
version number would make it unreadable, not clean. Idempotent: clean texts are not written again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core import plan_keys as pk

Warn = Callable[[str], None]

# label → the one-line texts probe3fix stores cleaned (the required ones must not end up blank).
CLEANED_TEXTS: dict[str, tuple[str, ...]] = {
    "Plan": ("title", "issuing_unit", "accident_category", "enabled_version_no"),
    "PlanVersion": ("version_no", "accident_category"),
}
REQUIRED: frozenset[str] = frozenset({"title", "version_no"})

_READ = {
    "Plan": "MATCH (n:Plan) RETURN n.id AS id, n.title AS title, n.issuing_unit AS issuing_unit, "
    "n.accident_category AS accident_category, n.enabled_version_no AS enabled_version_no ORDER BY id",
    "PlanVersion": "MATCH (p:Plan)-[:HAS_VERSION]->(n:PlanVersion) RETURN n.id AS id, p.id AS plan_id, "
    "p.title AS plan_title, n.version_no AS version_no, n.accident_category AS accident_category, "
    "n.version_key AS version_key, n.seq AS seq ORDER BY plan_id, seq, id",
}

# Labels come only from CLEANED_TEXTS; a null in ``props`` removes the property (a clash loser's key).
_SET = "UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) SET n += row.props RETURN count(n) AS n"


def _cleaned(label: str, row: dict[str, Any], warn: Warn) -> dict[str, Any]:
    """The properties of ``row`` that change when cleaned (property → clean text)."""
    out: dict[str, Any] = {}
    for prop in CLEANED_TEXTS[label]:
        value = row.get(prop)
        if not isinstance(value, str):
            continue
        clean = pk.clean_name(value)
        if clean == value:
            continue
        if not clean and prop in REQUIRED:
            warn(
                f"迁移 11：{'预案' if label == 'Plan' else '预案版本'} {row['id']} 的"
                f"{'标题' if prop == 'title' else '版本号'}只有不可见字符，未清理，请在预案管理中重新填写"
            )
            continue
        out[prop] = clean
    return out


def _write(store: Any, label: str, changes: dict[str, dict[str, Any]]) -> None:
    rows = [{"id": i, "props": p} for i, p in changes.items() if p]
    for start in range(0, len(rows), 500):
        store.write(_SET.format(label=label), {"rows": rows[start : start + 500]})


def _version_keys(
    versions: list[dict[str, Any]], numbers: dict[str, str], warn: Warn
) -> dict[str, str | None]:
    """id → the version key each version must hold now, for those whose key changes."""
    fresh = {
        v["id"]: pk.version_key(v["plan_id"], numbers.get(v["id"], v.get("version_no") or ""))
        for v in versions
    }
    holders: dict[str, str] = {}
    keys: dict[str, str | None] = {}
    clashes: dict[str, list[dict[str, Any]]] = {}
    # The version already holding its fresh key keeps it; then the older one (rows come by seq).
    for v in sorted(versions, key=lambda v: v.get("version_key") != fresh[v["id"]]):
        key = fresh[v["id"]]
        if key in holders:
            keys[v["id"]] = None
            clashes.setdefault(key, [next(x for x in versions if x["id"] == holders[key])]).append(v)
        else:
            holders[key] = v["id"]
            keys[v["id"]] = key
    changed = {v["id"] for v in versions if v.get("version_key") != keys[v["id"]]}
    for group in clashes.values():
        if not any(v["id"] in changed for v in group):
            continue  # migration 7 reported it already
        first = group[0]
        names = "、".join(f"{v['id']}{'（保留唯一标记）' if i == 0 else ''}" for i, v in enumerate(group))
        warn(
            f"迁移 11：预案“{pk.clean_name(first.get('plan_title') or '')}”（{first['plan_id']}）去掉不可见字符后"
            f"有 {len(group)} 个版本号同为“{pk.normalise(first.get('version_no'))}”：{names}；请以新版本号重新登记"
        )
    return {i: keys[i] for i in changed}


def clean_plan_texts(store: Any, warn: Warn) -> None:
    """Migration 11 (both engines: the same portable Cypher)."""
    plans = store.read(_READ["Plan"])
    _write(store, "Plan", {p["id"]: _cleaned("Plan", p, warn) for p in plans})
    versions = store.read(_READ["PlanVersion"])
    changes = {v["id"]: _cleaned("PlanVersion", v, warn) for v in versions}
    numbers = {i: c["version_no"] for i, c in changes.items() if "version_no" in c}
    keys = _version_keys(versions, numbers, warn)
    # Two passes under the live unique constraint: a key moving between versions is never held twice.
    _write(store, "PlanVersion", {i: {"version_key": None} for i in keys})
    for i, key in keys.items():
        changes.setdefault(i, {})["version_key"] = key
    _write(store, "PlanVersion", changes)


__all__ = ["CLEANED_TEXTS", "clean_plan_texts"]
