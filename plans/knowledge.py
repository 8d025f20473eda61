"""Plan knowledge base (预案知识库): passages of enabled plans in the search index's chunk collection.

Each passage is a section (or a piece of a long section) of the enabled version, with the plan,
version, skeleton part, the response levels it mentions and its page/paragraph as payload, so an
answer can cite where it came from. Chunk ids are ``plan:<plan id>:<n>``; the plan node keeps
``chunk_count`` so a re-publish removes exactly the previous passages.

Scope: payload ``scope`` lists who may see a passage (``city`` for city-level plans, the town,
``ent:<uscc>`` for an enterprise's plans). The index narrows candidates with it; the graph then
re-reads the plans under the caller's scope and drops passages of plans no longer enabled.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from agents.search.enterprise_index import CHUNKS, TextChunk, index_chunks
from core.errors import SafeCloudError
from core.plan_document import EmergencyPlan, PlanSection
from core.ports import SearchIndex
from core.scope import DataScope, ScopeLevel
from graph.plan_repository import PlanGraphRepository
from plans.models import PlanPassage

log = logging.getLogger(__name__)

MAX_CHARS = 600
_LEVEL_MARKS = {
    "一级": ("一级", "Ⅰ级", "I级", "1级"),
    "二级": ("二级", "Ⅱ级", "II级", "2级"),
    "三级": ("三级", "Ⅲ级", "III级", "3级"),
    "四级": ("四级", "Ⅳ级", "IV级", "4级"),
}
_ROMAN_GUARD = re.compile(r"(?<![A-Za-zⅠ-Ⅻ])")


def levels_in(text: str) -> list[str]:
    """Response levels a passage talks about (I级 is not matched inside II级)."""
    found = []
    for level, marks in _LEVEL_MARKS.items():
        for mark in marks:
            if re.search(_ROMAN_GUARD.pattern + re.escape(mark), text):
                found.append(level)
                break
    return found


def _pieces(text: str) -> Iterator[str]:
    buf = ""
    for para in (p.strip() for p in text.split("\n")):
        if not para:
            continue
        if buf and len(buf) + len(para) > MAX_CHARS:
            yield buf
            buf = ""
        buf = f"{buf}\n{para}" if buf else para
    if buf:
        yield buf


def scope_tags(town: str | None, enterprise_id: str | None) -> list[str]:
    if enterprise_id:
        return [town or "", f"ent:{enterprise_id}"]
    return [town] if town else ["city"]


def scope_filter(scope: DataScope) -> list[str] | None:
    if scope.level is ScopeLevel.TOWN:
        return ["city", scope.town or ""]
    if scope.level is ScopeLevel.ENTERPRISE:
        return ["city", f"ent:{scope.enterprise_id}"]
    return None


def plan_chunks(plan: dict[str, Any], version: dict[str, Any], document: EmergencyPlan) -> list[TextChunk]:
    sections = document.sections or [
        PlanSection(heading=document.title, text=document.scope or document.purpose)
    ]
    chunks: list[TextChunk] = []
    for section in sections:
        heading = f"{section.number} {section.heading}".strip()
        for piece in _pieces(section.text or section.heading):
            chunks.append(
                TextChunk(
                    id=f"plan:{plan['id']}:{len(chunks)}",
                    text=piece,
                    kind="plan",
                    source_id=plan["id"],
                    title=f"{plan['title']} {heading}",
                    metadata={
                        "plan_id": plan["id"],
                        "plan_title": plan["title"],
                        "version_id": version["id"],
                        "version_no": version["version_no"],
                        "section": heading,
                        "skeleton": section.skeleton,
                        "levels": levels_in(f"{heading}\n{piece}"),
                        "page": section.page,
                        "paragraph": section.paragraph,
                        "type": plan.get("plan_type"),
                        "scope": scope_tags(version.get("town"), version.get("enterprise_id")),
                    },
                )
            )
    return chunks


class PlanKnowledgeBase:
    def __init__(self, repo: PlanGraphRepository, index: Callable[[], SearchIndex | None]) -> None:
        self.repo = repo
        self._index = index

    def _old_ids(self, plan: dict[str, Any]) -> list[str]:
        return [f"plan:{plan['id']}:{i}" for i in range(int(plan.get("chunk_count") or 0))]

    def replace(self, plan: dict[str, Any], version: dict[str, Any], document: EmergencyPlan) -> int:
        index = self._index()
        if index is None:
            return 0
        chunks = plan_chunks(plan, version, document)
        try:
            old = self._old_ids(plan)
            if old:
                index.delete(CHUNKS, old)
            written = index_chunks(index, chunks)
        except SafeCloudError as exc:
            log.warning("plan %s not indexed: %s", plan["id"], exc.message)
            return 0
        self.repo.update_plan(plan["id"], {"chunk_count": len(chunks)})
        return written

    def remove(self, plan: dict[str, Any]) -> None:
        index = self._index()
        old = self._old_ids(plan)
        if index is None or not old:
            return
        try:
            index.delete(CHUNKS, old)
        except SafeCloudError as exc:
            log.warning("passages of plan %s not removed: %s", plan["id"], exc.message)
            return
        self.repo.update_plan(plan["id"], {"chunk_count": 0})

    def search(
        self,
        scope: DataScope,
        query: str,
        *,
        level: str | None,
        plan_type: str | None,
        limit: int,
        plan_ids: Sequence[str] | None = None,
    ) -> list[PlanPassage]:
        """Passages closest to the query; ``plan_ids``: only from these plans (the chat's found plans)."""
        index = self._index()
        if index is None:
            return []
        filters: dict[str, Any] = {
            "kind": "plan",
            "levels": level,
            "type": plan_type,
            "scope": scope_filter(scope),
            "plan_id": list(plan_ids) if plan_ids else None,
        }
        hits = index.search(CHUNKS, query, limit=limit * 3, filters={k: v for k, v in filters.items() if v})
        plans = self.repo.plans_by_ids(
            scope, list(dict.fromkeys(str(h.payload.get("plan_id")) for h in hits))
        )
        passages = []
        for h in hits:
            p = h.payload
            plan = plans.get(str(p.get("plan_id")))
            # Stale passages (plan disabled, retired or re-published since) never answer.
            if (
                plan is None
                or plan.get("status") != "已启用"
                or plan.get("enabled_version_id") != p.get("version_id")
            ):
                continue
            passages.append(
                PlanPassage(
                    plan_id=plan["id"],
                    title=plan["title"],
                    version_no=str(p.get("version_no", "")),
                    section=str(p.get("section", "")),
                    skeleton=p.get("skeleton"),
                    levels=list(p.get("levels") or []),
                    page=p.get("page"),
                    paragraph=int(p.get("paragraph") or 0),
                    text=str(p.get("text", "")),
                    score=round(h.score, 4),
                )
            )
        return passages[:limit]
