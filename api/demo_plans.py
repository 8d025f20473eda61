"""Demo plans: import a folder of sample plan files, accept their extracted fields and publish them.

``make demo`` runs this on the project's own sample corpus so a fresh install has enabled plans in
the graph (response levels, org units, passages in the knowledge base) for the chat, the dispatch
guide and the plan pages. Accepting every field unreviewed is acceptable only for demo data; the
audit-free CLI path is deliberate (it runs before anyone can log in), real plans go through review.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from agents.chat.slots import Gazetteer
from api.bootstrap import Container
from api.demo_plan_owners import owner
from core.errors import ConfigError, DocumentError, SafeCloudError, ValidationError
from core.scope import DEV_PRINCIPAL, DataScope
from graph.demo_refusals import DemoRefusals
from graph.plan_place_queries import enterprise_towns
from plans.models import PlanMetaInput, ProjectionReport, ReviewPatch
from plans.plan_system_links import link_system
from plans.service import PlanService

log = logging.getLogger(__name__)

DEMO_SUFFIXES = (".docx",)  # one format per plan: the PDFs of the corpus hold the same text


# An issuer with one of these is a firm: its plan is filed under the town its name carries.
_ENTERPRISE_MARKS = ("公司", "厂", "集团")


def _town_of(title: str, issuing_unit: str, towns: list[str]) -> str | None:
    """The plan's town when its title or issuer names exactly one demo town.

    Town plans spell the town out (周庄镇防汛…). Firms carry the short name after the city
    (江阴顾山澄丽印染有限公司 → 顾山镇), which only the town gazetteer's aliases know; matching full
    names alone filed such plans as city-level, so every town's users saw them."""
    text = title + issuing_unit
    found = {t for t in towns if t in text}
    if not found and any(mark in issuing_unit for mark in _ENTERPRISE_MARKS):
        found = {town for _, town in Gazetteer.from_towns(towns).find(text)}
    return found.pop() if len(found) == 1 else None


def _accept_and_publish(service: PlanService, plan_id: str, version_id: str) -> ProjectionReport:
    service.patch_review(DEV_PRINCIPAL, plan_id, version_id, ReviewPatch(accept_above=0.0))
    return service.publish(DEV_PRINCIPAL, plan_id, version_id)


def _unpublished_upload(
    service: PlanService, holders: list[dict[str, Any]], sha: str
) -> tuple[str, str] | None:
    """(plan, version) when an earlier run uploaded this sample and stopped before publishing it.

    Only a plan whose single version is this file, still 待审核 and never enabled: a plan a user
    disabled, or a new version a user uploaded on a demo plan, is theirs and is left alone."""
    if len(holders) != 1 or holders[0].get("status") not in (None, "未启用"):
        return None
    versions = service.versions(DEV_PRINCIPAL, holders[0]["id"])
    if len(versions) == 1 and versions[0].source_sha256 == sha and versions[0].issue_status == "待审核":
        return holders[0]["id"], versions[0].id
    return None


def load_demo_plans(
    c: Container,
    folder: Path,
    progress: Callable[[int, int], None] | None = None,
    note: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """``progress(n, total)`` before the n-th file: the corpus takes minutes on a small box, and a
    silent ``make run`` invites a Ctrl-C that leaves the demo half-loaded. ``note(line)``: a file
    skipped because an earlier run refused the same bytes (said, so the skip is not a silent loss)."""
    service = c.plans.service
    refusals = DemoRefusals(c.graph)
    skipped: list[dict[str, Any]] = []
    towns = [t.name for t in c.repository.towns(DataScope())]
    firms = enterprise_towns(c.graph)  # a firm's plan is filed under one of them (api.demo_plan_owners)
    loaded, failed, present = [], [], 0
    paths = sorted(p for p in folder.iterdir() if p.suffix in DEMO_SUFFIXES)
    for n, path in enumerate(paths, start=1):
        if progress is not None:
            progress(n, len(paths))
        if service.importer is None:
            raise ConfigError("未配置预案导入流水线")
        data = path.read_bytes()
        # Resume per file, not per graph: a first `make run` stopped half-way must not leave the demo
        # partial for good. The key is the file's hash, which every upload keeps (ADR 0015), so a
        # sample a user renamed or re-filed still counts as there.
        sha = hashlib.sha256(data).hexdigest()
        holders = service.repo.plans_with_source(DataScope(), sha)
        stopped = _unpublished_upload(service, holders, sha)
        if stopped is not None:  # stopped between upload and publish: finish it, do not upload again
            report = _accept_and_publish(service, *stopped)
            loaded.append({"file": path.name, "plan_id": stopped[0], "facts": report.facts, "finished": True})
            continue
        if holders:
            present += 1
            continue
        refused = refusals.get(sha)
        if refused is not None:  # the same bytes were refused before: parsing them again says the same
            skipped.append({"file": path.name, "error": refused["error"]})
            if note is not None:
                note(f"跳过 {path.name}：此前已判定不是预案（{refused['error']}），文件未改动")
            continue
        try:
            imported = service.importer(data, path.name)
            if imported.report.partial:  # e.g. the meeting notice: not a plan, nothing to publish
                error = "; ".join(imported.report.warnings) or "不是预案"
                refusals.remember(sha, path.name, error, int(time.time() * 1000))
                failed.append({"file": path.name, "error": error})
                continue
            plan = imported.plan
            named = {"title": plan.title, "issuing_unit": plan.issuing_unit, "plan_type": plan.plan_type}
            filed = owner(
                named, _town_of(plan.title, plan.issuing_unit, towns), plan.model_dump_json(), firms, towns
            )
            meta = PlanMetaInput(town=filed.town, enterprise_id=filed.enterprise_id)
            up = service.upload(DEV_PRINCIPAL, data, path.name, meta)
            report = _accept_and_publish(service, up.plan_id, up.version_id)
        except SafeCloudError as exc:  # a sample that is not a plan (the meeting notice) is reported
            if isinstance(exc, (DocumentError, ValidationError)):  # the file's fault, not a passing one
                refusals.remember(sha, path.name, exc.message, int(time.time() * 1000))
            failed.append({"file": path.name, "error": exc.message})
            continue
        loaded.append({"file": path.name, "plan_id": up.plan_id, "facts": report.facts})
    # The samples carry no parent links: without them the 预案体系 page shows tiers and no edges.
    system = link_system(c.plans.catalogue, DEV_PRINCIPAL)  # links only what has no parent yet
    summary = f"图中已有 {present} 个示例预案，本次新增 {len(loaded)} 个"
    if failed:
        summary += f"，{len(failed)} 个未导入"
    if skipped:
        summary += f"，{len(skipped)} 个此前已判定不是预案（文件未改动，已跳过）"
    return {
        "summary": summary,
        "present": present,
        "loaded": loaded,
        "failed": failed,
        "skipped": skipped,
        "system": system,
    }
