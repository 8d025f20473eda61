"""Batch loader: entities → idempotent UNWIND upserts through the GraphStore port.

Guarantees:
* each batch of one label is one transaction (nothing half-written);
* a row whose reference points nowhere (unknown town, unknown enterprise …) or whose id repeats
  within the load is rejected with a ``RowError`` naming row and field, and the rest goes on; so is
  a shift overlapping its person's, a video alarm its camera does not run, an enterprise under
  another firm's name (``graph.loader_checks``);
* buffers are flushed in ``ENTITY_TYPES`` order, so referenced nodes are always written first
  and memory stays bounded by the batch size (plus one id set per label).
"""

from __future__ import annotations

import logging
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from core.duty_roster import ShiftSpan, overlapping_shifts
from core.models import ENTITY_TYPES, Entity
from core.ports import GraphStore
from graph.loader_checks import EnterpriseNames, Rejection, alarms_not_run
from graph.schema import RELATIONSHIPS, SELF
from graph.upsert import entity_row, naive_upsert_queries, reference_fields, upsert_query

log = logging.getLogger(__name__)

_ORDER = [t.label for t in ENTITY_TYPES]
_EXISTING_IDS = "UNWIND $ids AS id MATCH (n:{label} {{id: id}}) RETURN n.id AS id"


@dataclass(frozen=True)
class RowError:
    label: str
    row_id: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.label} {self.row_id} 字段 {self.field}：{self.message}"


@dataclass
class LoadReport:
    nodes: Counter[str] = field(default_factory=Counter)
    relationships: int = 0
    rejected: list[RowError] = field(default_factory=list)
    seconds: float = 0.0  # end to end, including producing the entities
    write_seconds: float = 0.0  # inside the graph engine's write calls only

    @property
    def objects(self) -> int:
        return sum(self.nodes.values()) + self.relationships

    @property
    def objects_per_second(self) -> float:
        return self.objects / self.seconds if self.seconds else 0.0

    @property
    def write_objects_per_second(self) -> float:
        return self.objects / self.write_seconds if self.write_seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "nodes": dict(self.nodes),
            "relationships": self.relationships,
            "objects": self.objects,
            "seconds": round(self.seconds, 3),
            "objects_per_second": round(self.objects_per_second),
            "write_seconds": round(self.write_seconds, 3),
            "write_objects_per_second": round(self.write_objects_per_second),
            "rejected": [e.__dict__ for e in self.rejected[:1000]],
            "rejected_total": len(self.rejected),
        }


class GraphLoader:
    def __init__(self, store: GraphStore, *, batch_size: int = 5000) -> None:
        self.store = store
        self.batch_size = batch_size
        self._known: dict[str, set[str]] = defaultdict(set)
        self._pending: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._report = LoadReport()
        self._names = EnterpriseNames(store)

    def load(self, entities: Iterable[Entity]) -> LoadReport:
        self._report = LoadReport()
        started = time.perf_counter()
        for entity in entities:
            label = entity.label
            if entity.id in self._known[label]:
                self._reject(label, entity.id, "id", "编号重复，已忽略后一条")
                continue
            self._known[label].add(entity.id)
            self._pending[label].append(entity_row(entity))
            if len(self._pending[label]) >= self.batch_size:
                self.flush()
        self.flush()
        self._report.seconds = time.perf_counter() - started
        return self._report

    def flush(self) -> None:
        for label in _ORDER:
            rows = self._pending.pop(label, None)
            if rows:
                self._write(label, rows)

    def _write(self, label: str, rows: list[dict[str, Any]]) -> None:
        valid = self._check_references(label, rows)
        if label == "DutyShift":
            valid = self._check_shift_overlaps(valid)
        elif label == "Event":
            valid = self._drop(label, valid, alarms_not_run(self.store, valid))
        elif label == "Enterprise":
            valid = self._drop(label, valid, self._names.duplicates(valid))
        if not valid:
            return
        started = time.perf_counter()
        self.store.write_batches(upsert_query(label), [valid])
        self._report.write_seconds += time.perf_counter() - started
        self._report.nodes[label] += len(valid)
        self._report.relationships += sum(_rel_count(label, r) for r in valid)

    def _check_references(self, label: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        refs = reference_fields(label)
        unresolved: dict[str, set[str]] = defaultdict(set)
        for row in rows:
            for fld, (target, _required) in refs.items():
                value = row["refs"][fld]
                if value is not None and value not in self._known[target]:
                    unresolved[target].add(value)
        for target, ids in unresolved.items():
            found = self.store.read(_EXISTING_IDS.format(label=target), {"ids": sorted(ids)})
            self._known[target].update(r["id"] for r in found)
        valid = []
        for row in rows:
            problem = _first_problem(row, refs, self._known)
            if problem is None:
                valid.append(row)
            else:
                self._known[label].discard(row["id"])
                self._reject(label, row["id"], *problem)
        return valid

    def _check_shift_overlaps(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Rows whose person is not on another shift at the same time (``core.duty_roster``)."""
        new = [_span(r["props"]) for r in rows]
        persons = sorted({s.person_id for s in new})
        stored = (
            [_span(r) for r in self.store.read(_SHIFTS_OF_PERSONS, {"persons": persons})] if persons else []
        )
        clashes = overlapping_shifts(new, stored)
        for shift_id, other in clashes.items():
            self._known["DutyShift"].discard(shift_id)
            self._reject("DutyShift", shift_id, "starts_at", f"与同一人员的值班班次 {other} 时间重叠")
        return [r for r in rows if r["id"] not in clashes]

    def _drop(
        self, label: str, rows: list[dict[str, Any]], rejections: list[Rejection]
    ) -> list[dict[str, Any]]:
        """``rows`` less the rejected ones, each reported (``graph.loader_checks``)."""
        for row_id, fld, message in rejections:
            self._known[label].discard(row_id)
            self._reject(label, row_id, fld, message)
        dropped = {row_id for row_id, _, _ in rejections}
        return [r for r in rows if r["id"] not in dropped]

    def _reject(self, label: str, row_id: str, fld: str, message: str) -> None:
        error = RowError(label, row_id, fld, message)
        log.warning("rejected row: %s", error)
        self._report.rejected.append(error)


def _first_problem(
    row: dict[str, Any], refs: dict[str, tuple[str, bool]], known: dict[str, set[str]]
) -> tuple[str, str] | None:
    for fld, (target, required) in refs.items():
        value = row["refs"][fld]
        if value is None:
            if required:
                return fld, f"缺少必填引用（{target}）"
        elif value not in known[target]:
            return fld, f"引用的{_LABEL_ZH.get(target, target)}“{value}”不存在"
    return None


def _end(row: dict[str, Any], fld: str) -> Any:
    return row["id"] if fld == SELF else row["refs"][fld]


def _rel_count(label: str, row: dict[str, Any]) -> int:
    return sum(
        _end(row, s.src_field) is not None and _end(row, s.dst_field) is not None
        for s in RELATIONSHIPS[label]
    )


def load_naive(store: GraphStore, entities: Iterable[Entity]) -> LoadReport:
    """Baseline for benchmarks: one auto-committed MERGE per node and per relationship."""
    report = LoadReport()
    started = time.perf_counter()
    for entity in entities:
        row = entity_row(entity)
        node_q, *rel_qs = naive_upsert_queries(entity.label)
        write_started = time.perf_counter()
        store.write(node_q, {"id": row["id"], "props": row["props"]})
        report.nodes[entity.label] += 1
        for spec, q in zip(RELATIONSHIPS[entity.label], rel_qs, strict=True):
            src, dst = _end(row, spec.src_field), _end(row, spec.dst_field)
            if src is not None and dst is not None:
                store.write(q, {"src": src, "dst": dst})
                report.relationships += 1
        report.write_seconds += time.perf_counter() - write_started
    report.seconds = time.perf_counter() - started
    return report


_LABEL_ZH = {
    "Town": "镇街",
    "Village": "村/社区",
    "Enterprise": "企业",
    "Lessor": "出租方",
    "Department": "部门",
    "Inspection": "执法检查",
    "MajorHazardSource": "重大危险源",
    "Chemical": "化学品",
    "Sensor": "传感器",
    "Camera": "摄像头",
    "RescueTeam": "救援队伍",
    "Warehouse": "物资仓库",
    "Person": "人员",
}


_SHIFTS_OF_PERSONS = """
MATCH (s:DutyShift) WHERE s.person_id IN $persons
RETURN s.id AS id, s.person_id AS person_id, s.starts_at AS starts_at, s.ends_at AS ends_at
"""


def _span(row: dict[str, Any]) -> ShiftSpan:
    return ShiftSpan(str(row["id"]), str(row["person_id"]), int(row["starts_at"]), int(row["ends_at"]))
