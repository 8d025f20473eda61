"""Plan storage on the GraphStore port: plans, versions, templates, the fact projection, statistics.

Read methods that answer users take the caller's ``DataScope`` (graph.plan_queries.PLAN_SCOPE);
the workflow rules (who may change what, which version is enabled) live in
plans.service and plans.service_versions.
"""

from __future__ import annotations

from typing import Any

from core.errors import ConflictError
from core.plan_keys import enabled_key
from core.ports import GraphStore
from core.scope import DataScope
from graph import plan_admin_queries as qa
from graph import plan_queries as q
from graph import plan_upload_queries as qu
from graph.queries import TOWNS
from graph.unique_errors import unique_conflict
from plans.graph_mapping import Candidates, Links, PlanFacts

_NO_SCOPE = {"scope_town": None, "scope_enterprise": None}
ANY_VERSION = object()  # ``project``: replace whichever version is enabled (no compare-and-set)


class PlanGraphRepository:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def _read(self, query: str, scope: DataScope | None, **params: Any) -> list[dict[str, Any]]:
        params.update(scope.as_params() if scope is not None else _NO_SCOPE)
        return self.store.read(query, params)

    def _write(self, query: str, **params: Any) -> list[dict[str, Any]]:
        return self.store.write(query, params)

    # ---- plans -----------------------------------------------------------------------------
    def create_plan(
        self,
        props: dict[str, Any],
        *,
        version: dict[str, Any] | None = None,
        unseen_by: DataScope | None = None,
    ) -> str:
        """Create a plan (and its first version). ``unseen_by``: an upload; refused with
        ``UniqueConflictError`` when a plan that scope can see holds the version's file, checked
        inside the write (graph.plan_upload_queries), so a concurrent upload cannot slip past."""
        if version is not None and unseen_by is not None:
            rows = self.store.write(
                qu.CREATE_UPLOADED_PLAN,
                {
                    "props": props,
                    "version": version,
                    "sha256": version["source_sha256"],
                    **unseen_by.as_params(),
                },
            )
            if not rows:
                raise unique_conflict("PlanVersion", "source_sha256", "a plan in scope holds this file")
            return str(rows[0]["id"])
        if version is not None:
            return str(self._write(q.CREATE_PLAN_WITH_VERSION, props=props, version=version)[0]["id"])
        return str(self._write(q.CREATE_PLAN, props=props)[0]["id"])

    def update_plan(self, plan_id: str, props: dict[str, Any], scope: DataScope | None = None) -> bool:
        params = scope.as_params() if scope is not None else _NO_SCOPE
        return bool(self.store.write(q.UPDATE_PLAN, {"id": plan_id, "props": props, **params}))

    def get_plan(self, plan_id: str, scope: DataScope | None) -> dict[str, Any] | None:
        rows = self._read(q.GET_PLAN, scope, id=plan_id)
        if not rows:
            return None
        row = rows[0]
        return {**row["plan"], "parents": sorted(row["parents"]), "children": sorted(row["children"])}

    def list_plans(
        self,
        scope: DataScope,
        *,
        plan_type: str | None,
        town: str | None,
        status: str | None,
        q_text: str | None,
        skip: int,
        limit: int,
    ) -> tuple[int, list[dict[str, Any]]]:
        filters = {"plan_type": plan_type, "town": town, "status": status, "q": q_text}
        total = self._read(q.COUNT_PLANS, scope, **filters)[0]["total"]
        rows = self._read(q.LIST_PLANS, scope, **filters, skip=skip, limit=limit)
        return total, [r["plan"] for r in rows]

    def plans_by_ids(self, scope: DataScope, ids: list[str]) -> dict[str, dict[str, Any]]:
        rows = self._read(q.PLANS_BY_IDS, scope, ids=ids) if ids else []
        return {r["plan"]["id"]: r["plan"] for r in rows}

    def plans_with_source(self, scope: DataScope, sha256: str) -> list[dict[str, Any]]:
        """Plans in ``scope`` with a version uploaded from these bytes, oldest first."""
        return self._read(q.PLANS_WITH_SOURCE, scope, sha256=sha256)

    def system(self, scope: DataScope) -> list[dict[str, Any]]:
        return self._read(q.PLAN_SYSTEM, scope)

    def ancestors(self, plan_id: str) -> list[str]:
        rows = self._read(q.ANCESTORS, None, id=plan_id)
        return rows[0]["ancestors"] if rows else []

    def set_parent(self, child: str, parent: str | None) -> None:
        if parent is None:
            self._write(q.CLEAR_PARENT, child=child)
        else:
            self._write(q.SET_PARENT, child=child, parent=parent)

    # ---- versions --------------------------------------------------------------------------
    def create_version(
        self, plan_id: str, props: dict[str, Any], *, unseen_by: DataScope | None = None
    ) -> str:
        """``unseen_by``: an upload, refused like ``create_plan``'s when that scope sees a holder."""
        if unseen_by is not None:
            params = {"plan_id": plan_id, "props": props, "sha256": props["source_sha256"]}
            rows = self.store.write(qu.CREATE_UPLOADED_VERSION, {**params, **unseen_by.as_params()})
            if not rows:
                raise unique_conflict("PlanVersion", "source_sha256", "a plan in scope holds this file")
            return str(rows[0]["id"])
        return str(self._write(q.CREATE_VERSION, plan_id=plan_id, props=props)[0]["id"])

    def versions(self, plan_id: str) -> list[dict[str, Any]]:
        return self._read(q.LIST_VERSIONS, None, plan_id=plan_id)

    def get_version(self, plan_id: str, version_id: str) -> dict[str, Any] | None:
        rows = self._read(q.GET_VERSION, None, plan_id=plan_id, version_id=version_id)
        return rows[0] if rows else None

    def save_review(
        self, version_id: str, document: str, review: str, now: int, *, expected_rev: int
    ) -> bool:
        """False when someone saved the review since ``expected_rev`` was read (nothing written)."""
        rows = self._write(
            q.SAVE_REVIEW,
            version_id=version_id,
            document=document,
            review=review,
            now=now,
            expected_rev=expected_rev,
        )
        return bool(rows)

    def set_issue_status(self, version_id: str, issue_status: str) -> None:
        self._write(q.SET_VERSION_STATUS, version_id=version_id, issue_status=issue_status)

    # ---- projection ------------------------------------------------------------------------
    def enterprise_town(self, enterprise_id: str) -> str | None:
        rows = self._read(q.ENTERPRISE_TOWN, None, id=enterprise_id)
        return rows[0]["town"] if rows else None

    def town_names(self) -> list[str]:
        """The gazetteer a plan's scope is read against: every Town node's name."""
        return [str(r["name"]) for r in self._read(TOWNS, None)]

    def town_exists(self, town: str) -> bool:
        return bool(self._read(q.TOWN_EXISTS, None, id=town))

    def hazard_sources_of(self, enterprise_id: str | None) -> list[str]:
        if not enterprise_id:
            return []
        return [r["id"] for r in self._read(q.HAZARD_SOURCES_OF, None, enterprise_id=enterprise_id)]

    def link_candidates(
        self, holders: list[str], department_names: list[str], resource_names: dict[str, list[str]]
    ) -> Candidates:
        resources = {}
        for label, names in resource_names.items():
            if label not in q.RESOURCE_TARGETS:  # allow-list: labels are formatted into the query
                continue
            resources[label] = self._read(q.RESOURCE_CANDIDATES.format(label=label), None, names=names)
        return Candidates(
            persons=self._read(q.PERSON_CANDIDATES, None, holders=holders) if holders else [],
            departments=self._read(q.DEPARTMENT_CANDIDATES, None, names=department_names)
            if department_names
            else [],
            resources=resources,
        )

    def project(
        self,
        *,
        plan_id: str,
        version_id: str | None,
        issue_status: str | None,
        fact_set: str,
        facts: PlanFacts,
        links: Links,
        applies_towns: list[str],
        applies_enterprise: str | None,
        hazard_sources: list[str],
        plan_props: dict[str, Any],
        expected_version_id: str | object | None = ANY_VERSION,
        expected_status: str | None = None,
    ) -> None:
        """Write one projection in ONE query (atomic on both engines); ``version_id=None``
        disables every version and leaves the plan without facts.

        ``expected_version_id`` is the version the caller saw enabled (None: none): if another one is
        enabled by then, the store refuses with ``UniqueConflictError`` and nothing is written.
        ``ANY_VERSION`` replaces whichever version is enabled.

        ``expected_status`` is the plan status the caller saw (None: not compared): if another
        request changed it meanwhile (a retire racing a disable), nothing is written and
        ``ConflictError`` (``plan_state_changed``) says so."""
        replace_any = expected_version_id is ANY_VERSION
        params: dict[str, Any] = {
            "plan_id": plan_id,
            "version_id": version_id,
            "replace_any": replace_any,
            "expected_version_id": None if replace_any else expected_version_id,
            "enabled_key": enabled_key(plan_id),
            "issue_status": issue_status,
            "fact_set": fact_set,
            "levels": _props(facts.levels),
            "actions": _props(facts.actions),
            "units": _props(facts.units),
            "unit_parents": facts.unit_parents,
            "roles": _props(facts.roles),
            "resources": _props(facts.resources),
            "persons": links.persons,
            "unit_departments": links.unit_departments,
            "role_departments": links.role_departments,
            "accident_types": facts.accident_types,
            "applies_towns": applies_towns,
            "applies_enterprise": applies_enterprise,
            "hazard_sources": hazard_sources,
            "plan_props": plan_props,
            "expected_status": expected_status,
        }
        for label, param in q.resource_link_params().items():
            params[param] = links.resources.get(label, [])
        if not self.store.write(q.PROJECT_FACTS, params) and expected_status is not None:
            raise ConflictError(
                f"预案状态已被其他操作修改（操作前为“{expected_status}”），本次操作未执行，请刷新后重试",
                code="plan_state_changed",
            )

    def facts(self, plan_id: str) -> dict[str, Any]:
        """The plan's facts as nested rows (levels → actions, roles → persons/departments, …)."""
        rows = self._read(q.PLAN_FACTS, None, plan_id=plan_id)
        if not rows:
            return {}
        row = rows[0]

        def targets(key: str) -> dict[str, list[str]]:
            out: dict[str, list[str]] = {}
            for link in row[key]:
                out.setdefault(link["src"], []).append(link["dst"])
            return {k: sorted(v) for k, v in out.items()}

        actions: dict[str, list[tuple[int, str]]] = {}
        for a in row["actions"]:
            actions.setdefault(a["level_id"], []).append((a["seq"], a["text"]))
        levels = sorted(row["levels"], key=lambda r: r["rank"])
        for lv in levels:
            lv["actions"] = [text for _, text in sorted(actions.get(lv["id"], []))]
        parents, unit_depts = targets("unit_parents"), targets("unit_departments")
        units = sorted(row["units"], key=lambda r: r["id"])
        for u in units:
            u["parent"], u["departments"] = parents.get(u["id"], []), unit_depts.get(u["id"], [])
        persons, role_depts = targets("role_persons"), targets("role_departments")
        roles = sorted(row["roles"], key=lambda r: r["id"])
        for r in roles:
            r["persons"], r["departments"] = persons.get(r["id"], []), role_depts.get(r["id"], [])
        linked = targets("resource_links")
        resources = sorted(row["resources"], key=lambda r: r["id"])
        for res in resources:
            res["linked"] = linked.get(res["id"], [])
        return {
            "levels": levels,
            "units": units,
            "roles": roles,
            "resources": resources,
            **{k: sorted(row[k]) for k in ("accident_types", "towns", "enterprises", "hazard_sources")},
        }

    def response_level_plans(
        self, scope: DataScope, *, level: str, town: str | None, accident_type: str | None
    ) -> list[dict[str, Any]]:
        return self._read(q.RESPONSE_LEVEL_PLANS, scope, level=level, town=town, accident_type=accident_type)

    # ---- templates -------------------------------------------------------------------------
    def create_template(self, props: dict[str, Any]) -> str:
        return str(self._write(qa.CREATE_TEMPLATE, props=props)[0]["id"])

    def update_template(self, template_id: str, props: dict[str, Any]) -> bool:
        return bool(self._write(qa.UPDATE_TEMPLATE, id=template_id, props=props))

    def get_template(self, template_id: str) -> dict[str, Any] | None:
        rows = self._read(qa.GET_TEMPLATE, None, id=template_id)
        return _without_keys(rows[0]["template"]) if rows else None

    def list_templates(self) -> list[dict[str, Any]]:
        return [_without_keys(r["template"]) for r in self._read(qa.LIST_TEMPLATES, None)]

    def delete_template(self, template_id: str) -> bool:
        return bool(self._write(qa.DELETE_TEMPLATE, id=template_id)[0]["deleted"])

    # ---- statistics ------------------------------------------------------------------------
    def stats_rows(self, scope: DataScope) -> dict[str, list[dict[str, Any]]]:
        return {
            "by_type": self._read(qa.STATS_BY_TYPE, scope),
            "by_jurisdiction": self._read(qa.STATS_BY_JURISDICTION, scope),
            "by_level": self._read(qa.STATS_BY_LEVEL, scope),
            "uncovered": self._read(qa.UNCOVERED_HAZARD_ENTERPRISES, scope),
            "missing": self._read(qa.MISSING_RESOURCES, scope),
        }


def _without_keys(props: dict[str, Any]) -> dict[str, Any]:
    """Derived uniqueness keys (core.plan_keys) are the store's business, not the template's."""
    return {k: v for k, v in props.items() if k != "name_key"}


def _props(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows as node properties: absent beats null (engines differ on storing nulls)."""
    return [{k: v for k, v in row.items() if v is not None} for row in rows]
