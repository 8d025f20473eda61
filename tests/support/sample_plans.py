"""Hand-built emergency plans for the fixture city, a fake importer and an in-memory search index.

The plans name real fixture-city nodes (Person 李四 of 澄星化工 = PER-1, RescueTeam 临港危化救援队 =
T-1, Expert 王工 = X-1, Equipment 正压式空气呼吸器 = EQ-1, Department 江阴市应急管理局 = D-CITY)
and some that do not exist, so tests know exactly which links must appear.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.ai import SearchDoc, SearchHit
from core.plan_document import (
    EmergencyPlan,
    OrgUnit,
    PlanResource,
    PlanSection,
    ResponseLevel,
    Role,
    SourceRef,
)


def chemical_plan(title: str = "江阴市澄星化工有限公司危险化学品泄漏事故专项应急预案") -> EmergencyPlan:
    return EmergencyPlan(
        title=title,
        plan_type="专项",
        issuing_unit="江阴市澄星化工有限公司",
        version="1.0",
        issued_at="2025-06-01",
        scope="适用于本公司液氨储罐区泄漏事故",
        accident_types=["危险化学品泄漏"],
        response_levels=[
            ResponseLevel(
                level="一级",
                name="Ⅰ级响应",
                trigger="液氨大量泄漏并扩散至厂外",
                commander="总指挥",
                actions=["立即启动厂区警报", "疏散下风向人员", "请求临港危化救援队增援"],
            ),
            ResponseLevel(
                level="二级", name="Ⅱ级响应", trigger="泄漏控制在罐区内", actions=["关闭紧急切断阀"]
            ),
        ],
        org_units=[
            OrgUnit(
                name="应急指挥部",
                duties=["统一指挥事故救援"],
                roles=[
                    Role(title="总指挥", holder="安全负责人李四", duties=["决定启动响应"]),
                    Role(title="副总指挥", holder="江阴市应急管理局"),
                    Role(title="联络员", holder="钱七"),
                ],
            ),
            OrgUnit(name="抢险救援组", parent="应急指挥部", roles=[Role(title="组长", holder="孙八")]),
        ],
        resources=[
            PlanResource(type="救援队伍", name="临港危化救援队"),
            PlanResource(type="装备", name="正压式空气呼吸器", quantity=20, unit="套"),
            PlanResource(type="专家", name="王工"),
            PlanResource(type="物资", name="吸附棉"),
            PlanResource(type="资金", name="应急专项资金"),
        ],
        sections=[
            PlanSection(
                number="1",
                heading="总则",
                skeleton="总则",
                text="为规范液氨泄漏事故应急处置，制定本预案。",
                paragraph=0,
                page=1,
            ),
            PlanSection(
                number="4.2",
                heading="响应分级",
                skeleton="应急响应",
                text="液氨大量泄漏并扩散至厂外时启动Ⅰ级响应，由总指挥李四指挥。\n泄漏控制在罐区内时启动Ⅱ级响应。",
                paragraph=7,
                page=3,
            ),
            PlanSection(
                number="6",
                heading="应急保障",
                skeleton="应急保障",
                text="配备正压式空气呼吸器20套。",
                paragraph=12,
                page=5,
            ),
        ],
        sources=[
            SourceRef(field="/title", paragraph=0, confidence=0.99, method="structure"),
            SourceRef(field="/response_levels/0", page=3, paragraph=7, start=0, end=30, confidence=0.95),
            SourceRef(field="/response_levels/1", page=3, paragraph=8, confidence=0.9),
            SourceRef(field="/response_levels/1/trigger", page=3, paragraph=8, confidence=0.6, method="llm"),
            SourceRef(field="/org_units/0", page=2, paragraph=4, confidence=0.85, method="llm"),
            SourceRef(field="/org_units/1", page=2, paragraph=5, confidence=0.5, method="llm"),
            SourceRef(field="/resources/0", page=5, paragraph=12, confidence=0.92),
        ],
    )


@dataclass
class Block:
    kind: str
    text: str
    page: int | None
    paragraph: int
    heading_level: int | None = None
    number: str | None = None


@dataclass
class Report:
    pages: int = 5
    partial: bool = False

    def model_dump(self, mode: str = "python") -> dict[str, Any]:
        return {"pages": self.pages, "partial": self.partial, "warnings": []}


@dataclass
class Imported:
    plan: EmergencyPlan
    sha256: str
    filename: str
    report: Report = field(default_factory=Report)
    media_type: str = "application/pdf"
    blocks: list[Block] = field(default_factory=list)


class FakeImporter:
    """Stands in for plans.pipeline.import_plan: returns hand-built plans by file name."""

    def __init__(self, plans: Mapping[str, EmergencyPlan], error: Exception | None = None) -> None:
        self.plans = dict(plans)
        self.error = error
        self.calls = 0

    def __call__(self, data: bytes, filename: str) -> Imported:
        self.calls += 1
        if self.error is not None:
            raise self.error
        plan = self.plans[filename]
        blocks = [
            Block(
                kind="heading" if not s.text else "paragraph",
                text=f"{s.heading} {s.text}",
                page=s.page,
                paragraph=s.paragraph,
            )
            for s in plan.sections
        ]
        return Imported(plan=plan, sha256=hashlib.sha256(data).hexdigest(), filename=filename, blocks=blocks)


class MemoryIndex:
    """A SearchIndex with the Qdrant adapter's filter semantics: scalar → equal, list → any of,
    array payloads match when any element matches. Scores: shared characters (bigram overlap)."""

    def __init__(self) -> None:
        self.collections: dict[str, dict[str, SearchDoc]] = {}

    def upsert(self, collection: str, docs: Sequence[SearchDoc]) -> int:
        self.collections.setdefault(collection, {}).update({d.id: d for d in docs})
        return len(docs)

    def delete(self, collection: str, ids: Sequence[str]) -> int:
        docs = self.collections.get(collection, {})
        return sum(1 for i in ids if docs.pop(i, None) is not None)

    def count(self, collection: str) -> int:
        return len(self.collections.get(collection, {}))

    @staticmethod
    def _matches(payload: Mapping[str, Any], filters: Mapping[str, Any]) -> bool:
        for key, want in filters.items():
            have = payload.get(key)
            haves = set(have) if isinstance(have, list) else {have}
            wants = set(want) if isinstance(want, (list, tuple, set)) else {want}
            if not haves & wants:
                return False
        return True

    def search(
        self,
        collection: str,
        query: str,
        *,
        limit: int = 10,
        filters: Mapping[str, Any] | None = None,
        **_: Any,
    ) -> list[SearchHit]:
        grams = {query[i : i + 2] for i in range(len(query) - 1)} or {query}
        hits = []
        for doc in self.collections.get(collection, {}).values():
            if filters and not self._matches(doc.payload, filters):
                continue
            score = sum(1 for g in grams if g in doc.text) / len(grams)
            if score > 0:
                hits.append(SearchHit(id=doc.id, score=score, payload=doc.payload))
        return sorted(hits, key=lambda h: (-h.score, h.id))[:limit]

    def info(self) -> dict[str, Any]:
        return {"engine": "memory"}

    def close(self) -> None:
        """Nothing to release."""
