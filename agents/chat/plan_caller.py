"""A plan question that names no accident, no sector and no plan is about the caller's own patch.

``plan_guide.rank`` orders the plans that fit an accident. Without an accident every enabled plan in the
caller's scope "fits", and the first of them was an arbitrary one: an enterprise user's "我们公司的应急
预案" and a town officer's "一级响应谁指挥？" were both answered with the city's 体育中心 crowd-crush
plan. Who asks decides what such a question means:

* an enterprise user (their scope is one firm) asks for their own firm's plans. None enabled: the
  answer says so and offers the city's public plans that apply to the firm's sector (read from its
  name, category and key domains) and the plans for every emergency (突发事件总体);
* a town officer or a city user asking a response level with no accident asks what their own
  jurisdiction's general plan says: the town's (or, for the city, the city's) public plans written for
  no one sector, the 总体 plan first. None: the answer asks which accident it is, never guesses.

A plan named in the question (its title or its issuer's 字号) is no unspecific question: rank's order stands.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from agents.chat.plan_guide import covers_all, is_public, names_issuer, names_title
from agents.chat.plan_sectors import asked_sectors, title_sectors
from core.ports import GraphStore
from core.scope import DataScope, ScopeLevel
from graph.plan_place_queries import enterprise_profile
from plans.rules_meta import accident_type_spans

_TYPE_ORDER = {"总体": 0, "专项": 1, "部门": 2, "现场处置方案": 3}
# A title for the whole class of a place's emergencies (华士镇生产安全事故应急预案, 云亭街道突发事件总体
# 应急预案), not for one kind (大型活动拥挤踩踏, 地质灾害防治, 防汛防台) nor one sector (工贸企业…).
_WHOLE_CLASS = re.compile(r"生产安全事故|安全生产事故|突发事件")


def is_general(row: Mapping[str, Any]) -> bool:
    """A plan for every accident of its place: a 总体 plan, or a title naming only the whole class."""
    title = str(row.get("title") or "")
    if title_sectors(title) or accident_type_spans(title):
        return False
    return row.get("plan_type") == "总体" or bool(_WHOLE_CLASS.search(title))


def unspecific(params: Mapping[str, Any], question: str, rows: Sequence[Mapping[str, Any]]) -> bool:
    """No accident, no sector and no plan said: nothing in the question picks a plan."""
    if params.get("accident_types") or asked_sectors(question):
        return False
    return not any(names_issuer(r, question) or names_title(r, question) for r in rows)


def for_caller(
    store: GraphStore,
    rows: Sequence[Mapping[str, Any]],
    ranked: list[dict[str, Any]],
    params: dict[str, Any],
    question: str,
    scope: DataScope,
) -> list[dict[str, Any]]:
    """The plans to list for ``question`` (``ranked`` unchanged when the question picks its plans).
    Sets ``params["caller_note"]`` when the answer must say why it lists what it lists (or nothing)."""
    if not unspecific(params, question, rows):
        return ranked
    own_firm = scope.enterprise_id if scope.level is ScopeLevel.ENTERPRISE else None
    if own_firm and params.get("enterprise_id") in (None, own_firm):
        return _own_firm(store, rows, params, own_firm)
    if params.get("response_level"):
        return _own_jurisdiction(rows, params, params.get("town") or scope.town)
    return ranked


def _owned_by(row: Mapping[str, Any], firm: str) -> bool:
    return row.get("enterprise_id") == firm or firm in (row.get("enterprises") or [])


def _own_firm(
    store: GraphStore, rows: Sequence[Mapping[str, Any]], params: dict[str, Any], firm: str
) -> list[dict[str, Any]]:
    own = [dict(r) for r in rows if _owned_by(r, firm)]
    if own:
        return sorted(own, key=_order)
    profile = enterprise_profile(store, firm) or {}
    name = str(profile.get("name") or "本企业")
    words = " ".join(
        [name, str(profile.get("category") or ""), *[str(d) for d in profile.get("key_domains") or []]]
    )
    sectors = asked_sectors(words)
    # A plan for one sector applies when the firm is of that sector; one for every emergency always does.
    offered = [
        dict(r) for r in rows
        if is_public(r) and not r.get("enterprise_id")
        and (covers_all(r) or title_sectors(str(r.get("title") or "")) & sectors)
    ]  # fmt: skip
    town = str(profile.get("town") or "")
    where = f"所在镇街（{town}）或本行业" if town else "本行业"
    params["caller_note"] = f"{name}暂无已启用的本单位应急预案（请在“预案管理”中上传并发布）。" + (
        f"以下为适用于{where}的预案，供参考：" if offered else ""
    )
    return sorted(offered, key=_order)


def _own_jurisdiction(
    rows: Sequence[Mapping[str, Any]], params: dict[str, Any], town: str | None
) -> list[dict[str, Any]]:
    """The caller's own jurisdiction's general plans: public, for every accident of the place."""

    def ours(row: Mapping[str, Any]) -> bool:
        if town:
            return row.get("town") == town or town in (row.get("towns") or [])
        return not row.get("town") and not row.get("towns")

    general = [
        dict(r) for r in rows if is_public(r) and not r.get("enterprise_id") and ours(r) and is_general(r)
    ]
    if not general:
        where = town or "全市"
        params["caller_note"] = (
            f"{where}没有适用于所有事故的已启用总体预案。请说明是哪类事故（如危化品泄漏、火灾、有限空间中毒），"
            f"以便查找{params.get('response_level')}响应由谁指挥。"
        )
        return []
    return sorted(general, key=_order)


def _order(row: Mapping[str, Any]) -> tuple[int, int, str]:
    return (0 if covers_all(row) else 1, _TYPE_ORDER.get(str(row.get("plan_type")), 9), str(row.get("title")))


__all__ = ["for_caller", "is_general", "unspecific"]
