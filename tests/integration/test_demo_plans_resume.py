"""`safecloud demo plans` resumes: a first `make run` stopped half-way (Ctrl-C during the corpus)
used to leave the demo partial for good, because any plan in the graph skipped the whole load."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from api.demo_plans import load_demo_plans
from core.scope import DEV_PRINCIPAL, DataScope
from tests.support.plan_api import fixture_city_container

CORPUS = Path(__file__).resolve().parents[2] / "evals" / "datasets" / "plans" / "files"
SAMPLES = (  # in the order the load takes them (sorted file names)
    "enterprise_huangtu_warehouse_squads.docx",
    "onsite_gas_pipeline_two_groups.docx",
    "onsite_injection_molding_injury.docx",
)


def _stop_before(k: int):  # type: ignore[no-untyped-def]
    """A progress callback that interrupts before the k-th file, as a Ctrl-C would."""

    def progress(n: int, total: int) -> None:
        if n == k:
            raise KeyboardInterrupt

    return progress


def test_an_interrupted_load_is_completed_by_the_next_run_and_each_plan_is_there_once(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in SAMPLES:
        shutil.copy(CORPUS / name, folder / name)
    with fixture_city_container(tmp_path) as c:
        with pytest.raises(KeyboardInterrupt):
            load_demo_plans(c, folder, progress=_stop_before(3))  # two plans in, the third never started
        resumed = load_demo_plans(c, folder)
        assert resumed["present"] == 2
        assert [x["file"] for x in resumed["loaded"]] == [SAMPLES[2]]
        assert resumed["summary"] == "图中已有 2 个示例预案，本次新增 1 个"
        again = load_demo_plans(c, folder)  # a full run on a full graph adds nothing
        assert again["present"] == 3 and again["loaded"] == []
        page = c.plans.service.list_plans(
            DEV_PRINCIPAL, plan_type=None, town=None, status=None, q=None, page=1, size=50
        )
        assert page.total == 3
        for name in SAMPLES:
            sha = hashlib.sha256((folder / name).read_bytes()).hexdigest()
            assert len(c.plans.service.repo.plans_with_source(DataScope(), sha)) == 1, name


def test_a_sample_is_recognised_by_its_content_not_its_file_name(tmp_path: Path) -> None:
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    shutil.copy(CORPUS / SAMPLES[0], first / SAMPLES[0])
    shutil.copy(CORPUS / SAMPLES[0], later / "renamed_copy.docx")
    shutil.copy(CORPUS / SAMPLES[1], later / SAMPLES[1])
    with fixture_city_container(tmp_path) as c:
        assert len(load_demo_plans(c, first)["loaded"]) == 1
        result = load_demo_plans(c, later)
        assert result["present"] == 1
        assert [x["file"] for x in result["loaded"]] == [SAMPLES[1]]


def test_a_sample_uploaded_but_not_yet_published_is_published_not_uploaded_again(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(CORPUS / SAMPLES[0], folder / SAMPLES[0])
    with fixture_city_container(tmp_path) as c:
        service = c.plans.service

        def interrupted(*args: object) -> None:  # Ctrl-C after the upload, before the publish
            raise KeyboardInterrupt

        service.publish = interrupted  # type: ignore[method-assign]
        with pytest.raises(KeyboardInterrupt):
            load_demo_plans(c, folder)
        del service.publish  # the class's own publish again
        resumed = load_demo_plans(c, folder)
        assert resumed["present"] == 0 and len(resumed["loaded"]) == 1
        page = service.list_plans(
            DEV_PRINCIPAL, plan_type=None, town=None, status=None, q=None, page=1, size=5
        )
        assert page.total == 1 and page.items[0].status == "已启用"


def test_a_demo_plan_a_user_disabled_stays_disabled(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(CORPUS / SAMPLES[0], folder / SAMPLES[0])
    with fixture_city_container(tmp_path) as c:
        service = c.plans.service
        first = load_demo_plans(c, folder)["loaded"][0]
        plan = service.get(DEV_PRINCIPAL, first["plan_id"])
        service.disable(DEV_PRINCIPAL, plan.id, plan.enabled_version_id)
        again = load_demo_plans(c, folder)
        assert again["present"] == 1 and again["loaded"] == []
        assert service.get(DEV_PRINCIPAL, plan.id).status == "未启用"
