"""A weather warning asked of a named firm: "台风要来了，澄泰新材料公司该发几级预警".

The firm's own plan sets its internal warning levels for weather (台风, 大风, 暴雨: a row of its 预警 table),
but its scope lists only the accidents of its works (火灾, 泄漏 …), so a query by accident type finds the
city's flood plan and not the firm's. When the question asks a warning and names the issuer of an enabled
firm plan (its 字号, with or without 公司), the answer is that firm's plans, whatever types they list; the
city's flood plan is the government's warning, not what the firm issues. A warning asked of a firm on
an accident of its works (盐酸储罐渗漏了，黄色预警谁来发) keeps the public plans that cover that accident
(the city 危化 plan for the leak) after the firm's: only a weather warning is the firm's alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from agents.chat.plan_aspects import aspect
from agents.chat.plan_guide import is_public, names_issuer

# Weather a firm issues its own warning for; the public plans on it are the government's warnings.
_WEATHER = re.compile(r"台风|大风|暴雨|强降雨|雷电|雷暴|寒潮|高温天|大雾|冰冻|暴雪|强对流|汛")


def _covers(row: Mapping[str, Any], types: Sequence[str]) -> bool:
    return any(w in t or t in w for t in row.get("accident_types") or [] for w in types)


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
    if not named:
        return None
    types = list(params.get("accident_types") or [])
    kept = [] if _WEATHER.search(question) else [dict(r) for r in rows if is_public(r) and _covers(r, types)]
    return named + kept


__all__ = ["firm_warning_rows"]
