"""CLI commands run per scope: ``--town`` gives its own user id, so conversations and search history
kept for one town are not another town's (found by using ``safecloud ask --town`` twice)."""

from __future__ import annotations

from api.cli_scope import cli_principal
from core.scope import DEV_PRINCIPAL, ScopeLevel


def test_each_town_gets_its_own_user_id_and_scope() -> None:
    huashi, chengjiang = cli_principal("cli", "华士镇"), cli_principal("cli", "澄江街道")
    assert huashi.user_id != chengjiang.user_id
    assert huashi.scope.level is ScopeLevel.TOWN and huashi.scope.town == "华士镇"
    assert huashi.user_id not in {"cli", DEV_PRINCIPAL.user_id}


def test_the_same_town_keeps_one_id_across_runs() -> None:
    assert cli_principal("cli", "华士镇").user_id == cli_principal("cli", " 华士镇 ").user_id


def test_without_a_town_the_user_is_city_wide_under_the_given_name() -> None:
    city = cli_principal("duty-1", None)
    assert city.user_id == "duty-1" and city.scope == DEV_PRINCIPAL.scope
    assert cli_principal("duty-1", "华士镇").user_id.startswith("duty-1:")
