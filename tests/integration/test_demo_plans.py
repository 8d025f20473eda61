"""`safecloud demo plans`: sample plan files become enabled plans with graph facts; a non-plan is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from api.demo_plans import load_demo_plans
from core.scope import DEV_PRINCIPAL
from tests.support.plan_api import fixture_city_container

CORPUS = Path(__file__).resolve().parents[2] / "evals" / "datasets" / "plans" / "files"


def test_sample_plans_are_published_and_the_notice_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("city_hazchem.docx", "notice_meeting.docx", "city_hazchem.pdf"):
        shutil.copy(CORPUS / name, folder / name)
    with fixture_city_container(tmp_path) as c:
        result = load_demo_plans(c, folder)
        assert [x["file"] for x in result["loaded"]] == ["city_hazchem.docx"]  # one format per plan
        assert [x["file"] for x in result["failed"]] == ["notice_meeting.docx"]
        facts = result["loaded"][0]["facts"]
        assert facts["response_levels"] == 4 and facts["org_units"] >= 5
        page = c.plans.service.list_plans(
            DEV_PRINCIPAL, plan_type=None, town=None, status=None, q=None, page=1, size=10
        )
        assert page.total == 1
        again = load_demo_plans(c, folder)  # idempotent: the plan's file is found, nothing added
        assert again["loaded"] == [] and again["present"] == 1
        assert again["summary"].startswith("图中已有 1 个示例预案，本次新增 0 个")


TOWNS = ["周庄镇", "华士镇", "顾山镇", "徐霞客镇", "城东街道"]


@pytest.mark.parametrize(
    "title,issuer,expected",
    [
        ("周庄镇防汛防台应急预案", "周庄镇人民政府", "周庄镇"),
        ("江阴市预案", "江阴市人民政府办公室", None),
        # a firm carries its town's short name after the city: the gazetteer's aliases know it
        ("生产安全事故综合应急预案", "江阴顾山宏远五金有限公司", "顾山镇"),
        ("叉车伤害现场处置方案", "江阴霞客纺机配件厂", "徐霞客镇"),  # 徐霞客 clipped to 霞客
        ("华士镇化纤企业火灾专项预案", "江阴华士某化纤有限公司", "华士镇"),
        ("锅炉爆炸现场处置方案", "江阴澄锋机械有限公司", None),  # no town in the name: city-level
        ("周庄顾山两镇联防预案", "江阴联防物流有限公司", None),  # two towns: not guessed
        # a body that is not a firm keeps the full-name rule: 城东 in a 管委会's name is not read
        ("城东片区防汛预案", "江阴市水利局", None),
    ],
)
def test_town_is_read_from_the_title_or_a_firms_name(title: str, issuer: str, expected: str | None) -> None:
    from api.demo_plans import _town_of

    assert _town_of(title, issuer, TOWNS) == expected
