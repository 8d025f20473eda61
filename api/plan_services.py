"""Composition of the plan workflow (part of the composition root, kept apart to stay additive).

The import pipeline (``plans.pipeline``) is imported on the first upload, so the API starts
without the document-parsing stack and tests inject a fake importer instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.errors import ConfigError
from core.ports import SearchIndex
from graph.plan_repository import PlanGraphRepository
from plans.catalogue import PlanCatalogue
from plans.intake import BlobStore
from plans.knowledge import PlanKnowledgeBase
from plans.plan_events import EventfulPlanService
from plans.service import ImportedPlan, PlanImporter, PlanService

if TYPE_CHECKING:
    from api.bootstrap import Container
    from api.settings import Settings


@dataclass
class PlanServices:
    service: PlanService
    catalogue: PlanCatalogue


def pipeline_importer(settings: Settings) -> PlanImporter:
    """``plans.pipeline.import_plan`` with the settings' size limit and chat model (the service keeps the
    original once the plan is written, see ``PlanService.upload``)."""

    def run(data: bytes, filename: str) -> ImportedPlan:
        try:
            from plans.pipeline import import_plan
        except ImportError as exc:
            raise ConfigError(
                "预案导入流水线（plans.pipeline）未安装，无法解析上传的文件", code="importer_unavailable"
            ) from exc

        chat_model: Any = None
        if settings.plans.use_llm:
            from agents.llm import build_chat_model

            chat_model = build_chat_model(settings)
        return import_plan(
            data,
            filename,
            chat_model=chat_model,
            max_bytes=settings.plans.max_upload_mb * 1024 * 1024,
            ocr="auto" if settings.plans.ocr else None,
        )

    return run


def build_plan_services(c: Container) -> PlanServices:
    repo = PlanGraphRepository(c.graph)

    def index() -> SearchIndex | None:
        return c.search.index if c.search is not None else None

    knowledge = PlanKnowledgeBase(repo, index)
    assert c.bus is not None  # Container.__post_init__ builds the outbox
    # Lifecycle writes publish plan events to the outbox (never to Kafka directly: see plans.plan_events)
    service = EventfulPlanService(
        repo,
        events=c.bus,
        topic=c.settings.event_bus.topic("plans"),
        importer=c.plan_importer or pipeline_importer(c.settings),
        knowledge=knowledge,
        clock=c.clock,
        max_upload_bytes=c.settings.plans.max_upload_mb * 1024 * 1024,
        originals=BlobStore(c.settings.plan_blob_dir),
    )
    return PlanServices(service=service, catalogue=PlanCatalogue(service, knowledge))
