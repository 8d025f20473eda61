"""Two API workers, each with its own graph connection (as two processes have), race the same plan
writes: exactly one wins and the other gets the typed conflict naming the winner. The in-process
locks that used to serialise these writes could not, as the workers share no memory.

A barrier holds each worker after its own checks and just before its write, so both pass the
checks before either writes: the race is forced, not left to timing."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from core.errors import SafeCloudError, UniqueConflictError, ValidationError
from core.ports import GraphStore
from core.scope import DEV_PRINCIPAL, DataScope, Principal, ScopeLevel
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from graph.neo4j_graph_store import Neo4jGraphStore
from graph.plan_repository import PlanGraphRepository
from plans.catalogue import PlanCatalogue
from plans.knowledge import PlanKnowledgeBase
from plans.models import (
    PlanMetaInput,
    PlanNodeInput,
    ReviewPatch,
    TemplateInput,
    TemplateModule,
    VersionInput,
)
from plans.service import PlanService
from tests.support.fixture_city import A, entities
from tests.support.sample_plans import FakeImporter, chemical_plan

DATA = b"%PDF race: one file sent by two workers"
LINGANG = "临港经济开发区"


class BarrierRepo(PlanGraphRepository):
    """A worker's repository that waits for the other worker before the write under test."""

    def __init__(self, store: GraphStore, barrier: threading.Barrier, before: str) -> None:
        super().__init__(store)
        self.barrier, self.before = barrier, before

    def __getattribute__(self, name: str) -> Any:
        attr = super().__getattribute__(name)
        if name == object.__getattribute__(self, "before"):
            barrier = object.__getattribute__(self, "barrier")

            def waiting(*args: Any, **kwargs: Any) -> Any:
                barrier.wait(timeout=30)
                return attr(*args, **kwargs)

            return waiting
        return attr


@pytest.fixture(params=["falkordb", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def stores(request: pytest.FixtureRequest) -> Iterator[tuple[GraphStore, GraphStore]]:
    """The session's store (fresh, migrated, with the fixture city) and a second, independent
    connection to the same database."""
    first: Any = request.getfixturevalue("falkor_session" if request.param == "falkordb" else "neo4j_session")
    first.drop_all()
    migrate(first)
    GraphLoader(first).load(entities())
    second: Any = (
        FalkorGraphStore(first.data_dir) if request.param == "falkordb" else Neo4jGraphStore(first.uri)
    )
    second.connect()
    yield first, second
    second.close()


def _service(store: GraphStore, barrier: threading.Barrier, before: str) -> PlanService:
    repo = BarrierRepo(store, barrier, before)
    importer = FakeImporter({"plan.pdf": chemical_plan()})
    return PlanService(
        repo,
        importer=importer,
        knowledge=PlanKnowledgeBase(repo, lambda: None),
        clock=lambda: int(time.time() * 1000),
    )


def _race(a: Callable[[], Any], b: Callable[[], Any]) -> tuple[list[Any], list[SafeCloudError]]:
    with ThreadPoolExecutor(2) as pool:
        futures = [pool.submit(a), pool.submit(b)]
    wins, losses = [], []
    for f in futures:
        exc = f.exception()
        if exc is None:
            wins.append(f.result())
        else:
            assert isinstance(exc, SafeCloudError), repr(exc)
            losses.append(exc)
    return wins, losses


def test_the_same_file_uploaded_by_two_workers_becomes_one_plan(
    stores: tuple[GraphStore, GraphStore],
) -> None:
    barrier = threading.Barrier(2)
    # Both workers hold just before writing the plan, after both passed the duplicate check.
    w1, w2 = (_service(s, barrier, "create_plan") for s in stores)
    meta = PlanMetaInput(enterprise_id=A)
    wins, losses = _race(
        lambda: w1.upload(DEV_PRINCIPAL, DATA, "plan.pdf", meta),
        lambda: w2.upload(DEV_PRINCIPAL, DATA, "plan.pdf", meta),
    )
    assert len(wins) == 1 and len(losses) == 1
    loss = losses[0]
    assert isinstance(loss, UniqueConflictError) and loss.code == "plan_duplicate"
    assert loss.details["plan_id"] == wins[0].plan_id and "该文件已上传为预案" in loss.message
    assert stores[0].read("MATCH (p:Plan) RETURN count(p) AS n") == [{"n": 1}]


def test_two_workers_uploading_different_files_of_one_title_become_one_plan(
    stores: tuple[GraphStore, GraphStore], tmp_path: Any
) -> None:
    from plans.intake import BlobStore

    barrier = threading.Barrier(2)
    # Two colleagues file their own copies (a scan and the DOCX) of 华士镇's plan at the same moment:
    # different bytes, one title in one jurisdiction. Both pass every check, then both write.
    workers = []
    for store in stores:
        service = _service(store, barrier, "create_plan")
        service.importer = FakeImporter({"scan.pdf": chemical_plan(), "plan.docx": chemical_plan()})
        service.originals = BlobStore(tmp_path / "blobs")
        workers.append(service)
    meta = PlanMetaInput(title="华士镇液氨泄漏专项应急预案", enterprise_id=A)
    scan, docx = b"%PDF scanned copy", b"PK docx copy"
    wins, losses = _race(
        lambda: workers[0].upload(DEV_PRINCIPAL, scan, "scan.pdf", meta),
        lambda: workers[1].upload(DEV_PRINCIPAL, docx, "plan.docx", meta),
    )
    assert len(wins) == 1 and len(losses) == 1
    loss = losses[0]
    assert isinstance(loss, UniqueConflictError) and loss.code == "plan_title_taken"
    assert loss.details["plan_id"] == wins[0].plan_id and "本辖区已有同名预案" in loss.message
    # nothing half-written: one plan with one version; the loser's original is not kept either
    assert stores[0].read("MATCH (p:Plan) RETURN count(p) AS n") == [{"n": 1}]
    assert stores[0].read("MATCH (v:PlanVersion) RETURN count(v) AS n") == [{"n": 1}]
    kept = [h for h in (hashlib.sha256(scan).hexdigest(), hashlib.sha256(docx).hexdigest())
            if workers[0].originals.has(h)]  # type: ignore[union-attr]  # fmt: skip
    assert kept == [wins[0].sha256]


def test_the_city_and_a_town_uploading_one_file_at_once_become_one_plan(
    stores: tuple[GraphStore, GraphStore],
) -> None:
    barrier = threading.Barrier(2)
    # A city officer files the file as a city plan while a town officer files it as the town's: two
    # jurisdictions, two keys, yet the town sees city plans, so one of them holds a duplicate.
    w1, w2 = (_service(s, barrier, "create_plan") for s in stores)
    town = Principal(user_id="lg", scope=DataScope(level=ScopeLevel.TOWN, town=LINGANG))
    wins, losses = _race(
        lambda: w1.upload(DEV_PRINCIPAL, DATA, "plan.pdf", PlanMetaInput()),
        lambda: w2.upload(town, DATA, "plan.pdf", PlanMetaInput()),
    )
    assert len(wins) == 1 and len(losses) == 1
    loss = losses[0]
    assert isinstance(loss, UniqueConflictError) and loss.code == "plan_duplicate"
    assert loss.details["plan_id"] == wins[0].plan_id
    assert stores[0].read("MATCH (p:Plan) RETURN count(p) AS n") == [{"n": 1}]


def test_a_new_version_and_a_new_plan_of_one_file_at_once_are_one_upload(
    stores: tuple[GraphStore, GraphStore],
) -> None:
    town = Principal(user_id="lg", scope=DataScope(level=ScopeLevel.TOWN, town=LINGANG))
    setup = _service(stores[0], threading.Barrier(1), "create_plan")
    setup.importer = FakeImporter({"old.pdf": chemical_plan(), "plan.pdf": chemical_plan()})
    plan_id = setup.upload(town, b"%PDF the town's first edition", "old.pdf", PlanMetaInput()).plan_id
    barrier = threading.Barrier(2)
    # The town files the new edition under its plan while the city files the same bytes as its own.
    w1, w2 = _service(stores[0], barrier, "create_plan"), _service(stores[1], barrier, "create_version")
    wins, losses = _race(
        lambda: w1.upload(DEV_PRINCIPAL, DATA, "plan.pdf", PlanMetaInput(title="江阴市液氨泄漏专项应急预案")),
        lambda: w2.upload(town, DATA, "plan.pdf", PlanMetaInput(), plan_id=plan_id),
    )
    assert len(wins) == 1 and len(losses) == 1
    assert isinstance(losses[0], UniqueConflictError) and losses[0].code == "plan_duplicate"
    holders = stores[0].read(
        "MATCH (p:Plan)-[:HAS_VERSION]->(:PlanVersion {source_sha256: $sha}) RETURN count(p) AS n",
        {"sha": hashlib.sha256(DATA).hexdigest()},
    )
    assert holders == [{"n": 1}]


def test_a_later_upload_of_a_taken_title_is_refused_before_anything_is_written(
    stores: tuple[GraphStore, GraphStore],
) -> None:
    service = _service(stores[0], threading.Barrier(1), "create_plan")
    service.importer = FakeImporter({"a.docx": chemical_plan(), "b.docx": chemical_plan()})
    first = service.upload(DEV_PRINCIPAL, b"PK first", "a.docx", PlanMetaInput(enterprise_id=A))
    with pytest.raises(UniqueConflictError) as refused:
        service.upload(DEV_PRINCIPAL, b"PK second", "b.docx", PlanMetaInput(enterprise_id=A))
    assert refused.value.code == "plan_title_taken" and refused.value.details["plan_id"] == first.plan_id
    # 允许重复 files a second plan of the same document on purpose: neither file nor title binds it
    again = service.upload(DEV_PRINCIPAL, b"PK first", "a.docx", PlanMetaInput(enterprise_id=A),
                           allow_duplicate=True)  # fmt: skip
    assert again.plan_id != first.plan_id


def _published_plan(service: PlanService) -> tuple[str, list[str]]:
    """A plan with two published versions, none enabled."""
    up = service.upload(DEV_PRINCIPAL, DATA, "plan.pdf", PlanMetaInput(enterprise_id=A))
    service.patch_review(DEV_PRINCIPAL, up.plan_id, up.version_id, ReviewPatch(accept_above=0.0))
    second = service.create_version(
        DEV_PRINCIPAL,
        up.plan_id,
        VersionInput(version_no="2.0", issue_status="已发布", copy_from=up.version_id),
    ).id
    service.repo.set_issue_status(up.version_id, "已发布")
    return up.plan_id, [up.version_id, second]


def test_two_workers_enabling_different_versions_one_wins(stores: tuple[GraphStore, GraphStore]) -> None:
    barrier = threading.Barrier(2)
    # Both read the plan (no version enabled), then hold before the projection write.
    w1, w2 = (_service(s, barrier, "project") for s in stores)
    plan_id, (v1, v2) = _published_plan(_service(stores[0], threading.Barrier(1), "project"))
    wins, losses = _race(
        lambda: w1.enable(DEV_PRINCIPAL, plan_id, v1), lambda: w2.enable(DEV_PRINCIPAL, plan_id, v2)
    )
    assert len(wins) == 1 and len(losses) == 1
    winner = wins[0].version_id
    loss = losses[0]
    assert isinstance(loss, UniqueConflictError) and loss.code == "plan_enable_conflict"
    assert loss.details["enabled_version_id"] == winner and "已由他人启用" in loss.message
    versions = w1.repo.versions(plan_id)
    assert [v["id"] for v in versions if v["enabled"]] == [winner]
    assert w1.repo.get_plan(plan_id, None)["enabled_version_id"] == winner  # type: ignore[index]


def test_two_workers_registering_one_version_number(stores: tuple[GraphStore, GraphStore]) -> None:
    barrier = threading.Barrier(2)
    w1, w2 = (_service(s, barrier, "create_version") for s in stores)
    plan_id, _ = _published_plan(_service(stores[0], threading.Barrier(1), "create_version"))
    body = VersionInput(version_no="3.0")
    wins, losses = _race(
        lambda: w1.create_version(DEV_PRINCIPAL, plan_id, body),
        lambda: w2.create_version(DEV_PRINCIPAL, plan_id, body),
    )
    assert len(wins) == 1 and len(losses) == 1
    # The loser reads again and is refused as a later request would be (a 422 naming the number).
    assert isinstance(losses[0], ValidationError) and losses[0].code == "duplicate_version_no"
    numbers = sorted(v["version_no"] for v in w1.repo.versions(plan_id))
    assert numbers == ["1.0", "2.0", "3.0"]


def test_two_workers_creating_one_plan_node_title(stores: tuple[GraphStore, GraphStore]) -> None:
    barrier = threading.Barrier(2)
    c1, c2 = (PlanCatalogue(p, p.knowledge) for p in (_service(s, barrier, "create_plan") for s in stores))
    body = PlanNodeInput(title="临港经济开发区液氨泄漏专项预案", plan_type="专项", enterprise_id=A)
    wins, losses = _race(
        lambda: c1.create_node(DEV_PRINCIPAL, body), lambda: c2.create_node(DEV_PRINCIPAL, body)
    )
    assert len(wins) == 1 and len(losses) == 1
    assert isinstance(losses[0], UniqueConflictError) and losses[0].code == "plan_title_taken"
    assert losses[0].details["plan_id"] == wins[0].id


def test_two_workers_creating_one_template_name(stores: tuple[GraphStore, GraphStore]) -> None:
    barrier = threading.Barrier(2)
    c1, c2 = (
        PlanCatalogue(p, p.knowledge) for p in (_service(s, barrier, "create_template") for s in stores)
    )
    module = TemplateModule(skeleton="总则", title="总则", default_text="适用于本镇粉尘涉爆企业。")
    # The second spells the name with a full-width space: one name to a reader, one key to the graph.
    wins, losses = _race(
        lambda: c1.create_template(DEV_PRINCIPAL, TemplateInput(name="粉尘 涉爆", modules=[module])),
        lambda: c2.create_template(DEV_PRINCIPAL, TemplateInput(name="粉尘\u3000涉爆", modules=[module])),
    )
    assert len(wins) == 1 and len(losses) == 1
    assert isinstance(losses[0], UniqueConflictError) and losses[0].code == "template_duplicate"
    assert losses[0].details["template_id"] == wins[0].id
    assert [t.id for t in c1.templates()] == [wins[0].id]
