"""Row checks the loader runs against what is stored, beyond references: a video alarm's type among
its camera's algorithms (``core.camera_alarms``), an enterprise name not another firm's
(``core.enterprise_names``). Each returns (row id, field, Chinese reason) per rejected row; the
decisions are pure functions in ``core``, the reads are here."""

from __future__ import annotations

from typing import Any

from core.camera_alarms import alarm_not_run_reason
from core.enterprise_names import NamedFirm, duplicate_names, name_key, names_by_key
from core.ports import GraphStore

Rejection = tuple[str, str, str]

CAMERA_ALGORITHMS = (
    "UNWIND $ids AS id MATCH (c:Camera {id: id}) RETURN c.id AS id, c.algorithms AS algorithms"
)
ENTERPRISE_NAMES = "MATCH (e:Enterprise) RETURN e.id AS id, e.name AS name"


def alarms_not_run(store: GraphStore, rows: list[dict[str, Any]]) -> list[Rejection]:
    """Video alarms whose camera does not run their type. Cameras of the same load are stored by
    then: the loader writes every Camera batch before the Event batch that follows it."""
    ids = sorted({r["props"]["camera_id"] for r in rows if r["props"].get("camera_id")})
    found = store.read(CAMERA_ALGORITHMS, {"ids": ids}) if ids else []
    algorithms = {r["id"]: tuple(r["algorithms"] or ()) for r in found}
    rejected = []
    for row in rows:
        props = row["props"]
        camera = props.get("camera_id")
        if not camera:
            continue
        reason = alarm_not_run_reason(
            props["event_type"], props["source"], camera, algorithms.get(camera, ())
        )
        if reason is not None:
            rejected.append((row["id"], "event_type", reason))
    return rejected


class EnterpriseNames:
    """The city's enterprise names, read once per load and kept in step with the rows it accepts."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._owners: dict[str, NamedFirm] | None = None  # name key → firm

    def duplicates(self, rows: list[dict[str, Any]]) -> list[Rejection]:
        if self._owners is None:
            stored = self.store.read(ENTERPRISE_NAMES)
            self._owners = names_by_key(NamedFirm(str(r["id"]), str(r["name"] or "")) for r in stored)
        new = [NamedFirm(r["id"], str(r["props"].get("name") or "")) for r in rows]
        clashes = duplicate_names(new, self._owners)
        for firm in new:
            if firm.id not in clashes:
                self._owners.setdefault(name_key(firm.name), firm)
        return [
            (
                firm_id,
                "name",
                f"企业名称与已有企业“{other.name}”（{other.id}）相同，同一名称不能对应两个统一社会信用代码",
            )
            for firm_id, other in clashes.items()
        ]
