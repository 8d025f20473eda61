"""A city-wide question from a town or enterprise user is answered within their scope: the answer
says so instead of passing the scope's count off as the city's (found probing the running app)."""

from __future__ import annotations

import pytest

from agents.chat.scope_notice import narrower_scope_notice
from core.scope import DataScope, ScopeLevel

TOWN = DataScope(level=ScopeLevel.TOWN, town="周庄镇")
FIRM = DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id="E-1")


@pytest.mark.parametrize(
    "question",
    [
        "我市一共有几处重大危险源",
        "本市今天有多少条告警",
        "整个江阴的加油站有哪些",
        "江阴一共有多少家危化企业",
    ],
)
def test_a_town_officer_asking_city_wide_is_told_the_answer_is_their_towns(question: str) -> None:
    notice = narrower_scope_notice(question, TOWN, "template")
    assert "周庄镇" in notice and "不是全市" in notice


def test_an_enterprise_user_is_told_it_is_their_enterprise() -> None:
    assert "本企业" in narrower_scope_notice("全市有几个特殊作业", FIRM, "cypher")


@pytest.mark.parametrize(
    ("question", "scope", "path"),
    [
        ("全市有多少家企业", DataScope(), "template"),  # a city user sees the city
        ("江阴市豪佳化学有限公司有几处隐患", TOWN, "template"),  # an enterprise name, not the city
        ("周庄镇有多少家企业", TOWN, "template"),
        ("全市有多少家企业", TOWN, "refusal"),  # no data shown
        ("全市呃那个", TOWN, "clarify"),
    ],
)
def test_no_notice_where_nothing_was_narrowed(question: str, scope: DataScope, path: str) -> None:
    assert narrower_scope_notice(question, scope, path) == ""
