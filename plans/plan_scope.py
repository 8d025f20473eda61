"""Which towns a plan applies to, read from its scope (适用范围). Pure: no I/O.

A plan is filed under one town (its title or issuing unit names it), but a zone's or a joint plan
covers several: "本预案适用于临港经济开发区范围内（含利港街道、申港街道、夏港街道和石利化工集中区）…".
Only the territory the scope says the plan applies to counts — town names standing right before
行政区域内 / 范围内 / 辖区内 / 区域内, and the towns of a "（含…）" or "（包括…）" list attached to it. A
town named any other way does not: a firm's address ("公司总部（南闸街道）", "位于…临港经济开发区滨江西路
88号）厂区范围内"), a fire station, an addressee, a shelter elsewhere in the text.

A scope may also hand accidents to other plans ("学校食物中毒事件按《…》处置", "道路交通、特种设备等事故的
应对，按照有关专项应急预案执行", "本预案不适用于…道路交通事故"): ``handed_types`` reads them in the plan
vocabulary, so the plan is not offered for those accidents even where its sector or town would fit.

Town names come from the caller (the graph's Town nodes: the project's gazetteer), matched as written
in full (利港街道, 临港经济开发区), so a street name such as 利港路 never counts as the town.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from core.plan_document import EmergencyPlan
from plans.review import is_verified
from plans.rules_meta import accident_type_spans

_AREA = r"(?:的)?(?:行政区域|管辖范围|范围|辖区|区域)"
_MEMBERS = r"[（(](?:含|包括|包含)([^）)]*)[）)]"
_JOIN = r"\s*(?:、|，|,|和|及|与|以及)\s*"
# "X按《Y》处置", "X的应对，按照有关专项应急预案执行": X goes to another plan; "不适用于X".
_HANDED = re.compile(
    r"([^。；;]*?)[，,]?\s*(?:按照?|依照|依据)\s*(?:《[^》]*》|有关[^。；;]*?预案)\s*(?:处置|执行|办理|应对)"
)
_NOT_FOR = re.compile(r"不适用于([^。；;]*)")


def _pattern(towns: Iterable[str]) -> re.Pattern[str] | None:
    names = sorted({t for t in towns if t}, key=len, reverse=True)
    if not names:
        return None
    town = "(?:" + "|".join(re.escape(n) for n in names) + ")"
    # "A、B和C行政区域内", "A范围内（含B、C）", "A辖区（包括B和C）内"
    return re.compile(rf"((?:{town}{_JOIN})*{town}){_AREA}(?:{_MEMBERS})?内(?:{_MEMBERS})?")


def scope_towns(scope: str, towns: Iterable[str]) -> list[str]:
    """The towns of ``towns`` the scope text says the plan applies to, in the order written."""
    names = [t for t in towns if t]
    pattern = _pattern(names)
    if pattern is None or not scope:
        return []
    by_length = sorted(names, key=len, reverse=True)
    found: list[str] = []
    for m in pattern.finditer(scope):
        for part in m.groups():
            if part:
                found += _named(part, by_length)
    return list(dict.fromkeys(found))


def _named(text: str, names_longest_first: list[str]) -> list[str]:
    """Town names written in ``text``, left to right, a longer name winning over a shorter inside it."""
    hits: list[tuple[int, str]] = []
    taken = [False] * len(text)
    for name in names_longest_first:
        start = text.find(name)
        while start >= 0:
            if not any(taken[start : start + len(name)]):
                taken[start : start + len(name)] = [True] * len(name)
                hits.append((start, name))
            start = text.find(name, start + 1)
    return [name for _, name in sorted(hits)]


def applies_towns(
    plan: EmergencyPlan, state: Mapping[str, str], filed_town: str | None, towns: Iterable[str]
) -> list[str]:
    """The plan's own town first, then the towns its scope names — only when a person accepted the
    scope (an unverified scope is no fact)."""
    named = scope_towns(plan.scope, towns) if is_verified(state, "/scope") else []
    return list(dict.fromkeys([t for t in (filed_town, *named) if t]))


def handed_types(plan: EmergencyPlan, state: Mapping[str, str]) -> list[str]:
    """Accident types (plan vocabulary) the verified scope hands to other plans."""
    if not is_verified(state, "/scope"):
        return []
    clauses = [m.group(1) for m in _HANDED.finditer(plan.scope)] + _NOT_FOR.findall(plan.scope)
    types = [value for clause in clauses for _, _, value in accident_type_spans(clause)]
    return list(dict.fromkeys(types))


__all__ = ["applies_towns", "handed_types", "scope_towns"]
