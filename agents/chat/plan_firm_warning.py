"""A weather warning asked of a named firm: "台风要来了，澄泰新材料公司该发几级预警".

The firm's own plan sets its internal warning levels for weather (台风, 大风, 暴雨: a row of its 预警 table),
but its scope lists only the accidents of its works (火灾, 泄漏 …), so a query by accident type finds the
city's flood plan and not the firm's. When the question asks a warning and names the issuer of an enabled
firm plan (its 字号, with or without 公司), the answer is that firm's plans, whatever types they list; the
city's flood plan is the government's warning, not what the firm issues.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from agents.chat.plan_aspects import aspect
from agents.chat.plan_guide import is_public, names_issuer


def firm_warning_rows(
    rows: Sequence[Mapping[str, Any]],
    params: Mapping[str, Any],
    question: str,
    read: Callable[[dict[str, Any]], Sequence[Mapping[str, Any]]],
) -> list[dict[str, Any]] | None:
    """The named firm's plans for a warning question (``read`` runs the plan query with other params),
    or None when the question asks no warning or names no firm with an enabled plan."""
    if aspect(question) != "warning":
        return None
    named = [dict(r) for r in rows if not is_public(r) and names_issuer(r, question)]
    if not named and params.get("accident_types"):  # the firm's plan lists no weather: read every type
        wider = read({**params, "accident_types": None})
        named = [dict(r) for r in wider if not is_public(r) and names_issuer(r, question)]
    return named or None


__all__ = ["firm_warning_rows"]
