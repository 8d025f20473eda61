"""Turning extracted mentions into graph ids, inside the principal's scope.

Enterprise names go through the graph's scoped substring search first, then (for names that
look like full enterprise names) the fuzzy search index, whose hits are re-read through the
scoped graph — so an enterprise outside the scope is simply "not found". Landlords (厂中厂
出租方) may be people or village collectives that are no enterprise: they are matched against the
scoped ``Lessor`` names.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from agents.chat.slots import Slots
from agents.events.typos import confusable
from core.scope import DataScope, ScopeLevel
from graph.repository import SafetyGraphRepository

log = logging.getLogger(__name__)

# Words every collective or workshop name shares: a landlord is named by what is left.
_LESSOR_GENERIC = re.compile(r"股份|经济|合作社|有限|公司|加工厂|加工|制品|五金|设备|社区|村|镇|街道")
MAX_CANDIDATES = 100  # enterprises read per two-character run when a name is not found as said
_LEGAL_WORDS = re.compile(r"^江阴市?|^江苏|(股份)?有限(责任)?公司$|集团$|公司$")


class FuzzyEnterpriseSearch(Protocol):
    def enterprise_ids(self, query: str, *, limit: int = 200, dense_limit: int = 10) -> list[str] | None: ...


@dataclass(frozen=True)
class ResolvedEnterprise:
    id: str
    name: str
    town: str
    lat: float
    lon: float


def core_name(name: str) -> str:
    """ "江阴市澄星化工有限公司" → "澄星化工": the part people say."""
    previous = None
    while previous != name:
        previous, name = name, _LEGAL_WORDS.sub("", name)
    return name


def _overlap(a: str, b: str) -> float:
    a_chars = set(core_name(a))
    return len(a_chars & set(b)) / max(len(a_chars), 1)


def resolve_enterprise(
    mention: str,
    scope: DataScope,
    repository: SafetyGraphRepository,
    search: FuzzyEnterpriseSearch | None,
    *,
    fuzzy: bool,
    town: str | None = None,
) -> ResolvedEnterprise | None:
    """``town``: the town said with the name ("新桥那个特种气体厂"): a firm there wins over one elsewhere."""

    def pick(items: list[Any]) -> ResolvedEnterprise | None:
        items = [e for e in items if e.town == town] or items
        if not items:
            return None
        exact = [e for e in items if e.name == mention]
        best = exact[0] if exact else min(items, key=lambda e: (len(e.name), e.uscc))
        return ResolvedEnterprise(best.uscc, best.name, best.town, best.lat, best.lon)

    short = re.sub(r"(厂|工厂|公司)$", "", core_name(mention))
    for text in dict.fromkeys((mention, core_name(mention), short)):
        if len(text) < 2:
            continue
        in_town = repository.search_enterprises(scope, q_text=text, town=town, size=20).items if town else []
        found = pick(in_town or repository.search_enterprises(scope, q_text=text, size=20).items)
        if found is not None:
            return found
    if (near := _near_miss(short, scope, repository)) is not None:
        return near
    if not fuzzy or search is None:
        return None
    ids = search.enterprise_ids(mention, limit=10, dense_limit=5)
    if not ids:
        return None
    for e in repository.enterprises_by_ids(scope, ids[:10]):
        if _overlap(mention, e.name) >= 0.75:  # the index always answers; keep only a real match
            return ResolvedEnterprise(e.uscc, e.name, e.town, e.lat, e.lon)
    return None


def named_outside(
    mention: str,
    scope: DataScope,
    repository: SafetyGraphRepository,
    search: FuzzyEnterpriseSearch | None,
    *,
    fuzzy: bool,
) -> bool:
    """Whether a name the caller's scope does not hold is another enterprise of the city.

    A short name ("豪佳化学") is only a weak mention, dropped when the scope finds no such firm; for
    a town officer or an enterprise user that would answer about their own patch instead ("帮我看下
    豪佳化学有哪些隐患" → their own hazards), which is wrong. Only a firm whose name starts as said
    counts: a short name leads with the 字号, while "氯碱化工企业" or "气体公司" describe a kind of firm
    that many names merely contain. Said by a city-level caller, nothing is outside.
    """
    if scope.level is ScopeLevel.CITY:
        return False
    found = resolve_enterprise(mention, DataScope(), repository, search, fuzzy=fuzzy)
    return (
        found is not None and found.id != scope.enterprise_id and core_name(found.name).startswith(mention[0])
    )


def unfound_name(
    slots: Slots, scope: DataScope, repository: SafetyGraphRepository, search: FuzzyEnterpriseSearch | None
) -> bool:
    """Whether the name a question says, which the caller's scope did not resolve, is reported as not
    found rather than dropped: it looks like a full name, or it names a firm outside the scope."""
    if not slots.enterprise_mention:
        return False
    return slots.enterprise_mention_strong or named_outside(
        slots.enterprise_mention, scope, repository, search, fuzzy=False
    )


def near_name(said: str, name: str) -> bool:
    """Whether ``said`` is ``name`` as people shorten or mistype it: the name's characters in order
    with a word left out ("腾亚储运" for 腾亚港口储运), or one character wrong ("远铖高份子" for
    远铖高分子). Four characters at least, so a two-character brand alone never matches loosely."""
    core = core_name(name)
    if len(said) < 4:
        return False
    brand = core.find(said[:2])
    if said in core or (brand >= 0 and _in_order(said, core[brand:])):
        return True
    return any(
        sum(a != b for a, b in zip(said, core[i : i + len(said)], strict=True)) == 1
        for i in range(len(core) - len(said) + 1)
    )


def _in_order(said: str, name: str) -> bool:
    rest = iter(name)
    return all(ch in rest for ch in said)


def _near_miss(said: str, scope: DataScope, repository: SafetyGraphRepository) -> ResolvedEnterprise | None:
    """The one enterprise whose name ``said`` shortens or mistypes (``near_name``), or None.

    Candidates share a two-character run with what was said (a mistyped character breaks at most two
    runs). Several matches are told apart by how close each is (``_closeness``): "捷明化工" is one
    character off both 捷铭化工 and 祥明化工, but only 明/铭 sound alike, so it is 捷铭化工. Two
    matches equally close are ambiguous, and guessing one would answer about the wrong firm.
    """
    if len(said) < 4:
        return None
    found: dict[str, Any] = {}
    for i in range(len(said) - 1):
        for e in repository.search_enterprises(scope, q_text=said[i : i + 2], size=MAX_CANDIDATES).items:
            if near_name(said, e.name):
                found[e.uscc] = e
    if not found:
        return None
    ranked = sorted(found.values(), key=lambda e: _closeness(said, e.name))
    if len(ranked) > 1 and _closeness(said, ranked[1].name) == _closeness(said, ranked[0].name):
        return None
    e = ranked[0]
    return ResolvedEnterprise(e.uscc, e.name, e.town, e.lat, e.lon)


def _closeness(said: str, name: str) -> int:
    """0: ``name`` holds what was said, whole or with a word left out; 1: one character is wrong but
    looks or sounds like the right one (a typing slip); 2: one character is simply different."""
    core = core_name(name)
    brand = core.find(said[:2])
    if said in core or (brand >= 0 and _in_order(said, core[brand:])):
        return 0
    for i in range(len(core) - len(said) + 1):
        diffs = [(a, b) for a, b in zip(said, core[i : i + len(said)], strict=True) if a != b]
        if len(diffs) == 1 and confusable(*diffs[0]):
            return 1
    return 2


@dataclass(frozen=True)
class ResolvedLessor:
    id: str
    name: str
    is_enterprise: bool


def _common_run(text: str, name: str) -> str:
    """The longest run of ``name`` that appears in ``text``."""
    best = ""
    for i in range(len(name)):
        j = i + len(best) + 1
        while j <= len(name) and name[i:j] in text:
            best, j = name[i:j], j + 1
    return best


def lessor_in(
    text: str, lessors: list[dict[str, Any]], *, places: Iterable[str] = ()
) -> ResolvedLessor | None:
    """The landlord a question names, among ``lessors`` rows (id, name, enterprise_id), or None.

    A person ("夏丽洁") is named in full; an organisation by four or more characters of its name
    that are not generic ("兴利机电" for 江阴市兴利机电设备有限公司). Two equally good candidates: None.
    ``places`` (the town names the question says) do not count as distinctive: a village collective's
    name starts with its town ("城东街道长山社区…"), so "城东街道的出租方" names the town, not that landlord.
    """
    place_words = (
        re.compile("|".join(map(re.escape, sorted(places, key=len, reverse=True)))) if places else None
    )
    scored: dict[str, tuple[int, ResolvedLessor]] = {}
    for row in lessors:
        name = str(row["name"])
        core = core_name(name)
        if len(core) <= 3:
            score = len(core) if len(core) >= 2 and core in text else 0
        else:
            run = _common_run(text, core)
            distinct = _LESSOR_GENERIC.sub("", place_words.sub("", run) if place_words else run)
            score = len(run) if len(run) >= 4 and len(distinct) >= 2 else 0
        if score:
            found = ResolvedLessor(str(row["id"]), name, row.get("enterprise_id") is not None)
            scored[found.id] = (score, found)
    if not scored:
        return None
    ranked = sorted(scored.values(), key=lambda s: -s[0])
    if len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
        log.info("chat: %d landlords match equally, none chosen", len(ranked))
        return None
    return ranked[0][1]
