"""What the event-search parser has found so far in one sentence, and the small functions that
turn it into filter values (split out of ``agents.events.query_parser`` to keep it readable)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from agents.events.vocab import FILLER_WORDS
from core.event_search import PlaceFilter

CJK_OR_WORD = re.compile(r"[\u4e00-\u9fff]|[A-Za-z0-9]{2,}")


@dataclass
class Found:
    towns: list[str] = field(default_factory=list)
    places: list[PlaceFilter] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    status_groups: list[list[str]] = field(default_factory=list)  # 未处理 … : several statuses at once
    sources: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    excluded: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)  # 除了误报: (field, values)
    gas_either: int = 0  # how often a gas word that names neither kind (漏气, 气体报警) added both


_DISTANCE_OR_NUMBER = re.compile(
    r"[\d.零一二两三四五六七八九十百千几多]*(?:米|公里|千米|km|m|起|条|次|件|宗|个|号)?(?:内|以内|之内|范围内?)?",
    re.I,
)


def meaningful(chunk: str) -> list[str]:
    words = [w for w in re.split(r"[\s，,。！!？?、；;：:的了吗呢啊吧]+", chunk) if w]
    return [
        w[:20]  # gibberish can be one long "word"
        for w in words
        if w not in FILLER_WORDS and CJK_OR_WORD.search(w) and not _DISTANCE_OR_NUMBER.fullmatch(w)
    ]


def statuses(found: Found) -> list[str]:
    """Named statuses, narrowed by group words when both occur ("已派发还没处置的" = 已派发);
    when they share nothing ("误报和未处理的") both count."""
    groups = [s for g in found.status_groups for s in g]
    if found.statuses and groups:
        both = [s for s in found.statuses if s in groups]
        return unique(both or [*found.statuses, *groups])
    return unique(found.statuses or groups)


GAS_KINDS = ("可燃气体泄漏", "有毒气体超标")


def event_types(found: Found) -> list[str]:
    """The types found, a gas word that names neither kind (漏气, 气体泄漏) yielding to the one kind a named gas
    gives in the same sentence: 天然气管子漏气 is the combustible leak only, 氯气 漏气了 the toxic one
    (events-robust19). Said alone, or beside both kinds, it stays both."""
    types = found.types
    if found.gas_either:
        named = [kind for kind in GAS_KINDS if types.count(kind) > found.gas_either]
        if len(named) == 1:
            unnamed = next(kind for kind in GAS_KINDS if kind not in named)
            types = [t for t in types if t != unnamed]
    return unique(types)


def kindless_gas_phrases(phrases: Iterable[tuple[int, int, Any]]) -> int:
    """How many composed phrases (气体报警, 浓度超标) gave both gas kinds for one span: like a kind-less gas word,
    they yield to a gas named elsewhere in the sentence (events-robust20)."""
    kinds_by_span: dict[tuple[int, int], set[str]] = {}
    for start, end, event_type in phrases:
        kinds_by_span.setdefault((start, end), set()).add(getattr(event_type, "value", event_type))
    return sum(1 for kinds in kinds_by_span.values() if kinds == set(GAS_KINDS))


def unique(values: Iterable[str]) -> list[Any]:
    return list(dict.fromkeys(values))


def unique_places(places: Iterable[PlaceFilter]) -> list[PlaceFilter]:
    seen: dict[tuple[str, str], PlaceFilter] = {}
    for p in places:
        key = (p.kind, p.id)
        if key not in seen or (p.radius_m and not seen[key].radius_m):
            seen[key] = p
    return list(seen.values())


def take_back_town(found: Found, town: str | None, word: str, notes: list[str]) -> None:
    """A town negated after a list that holds it (申港、利港和夏港，除了夏港以外的) leaves the list, and the others are
    the filter (events42). Any other negated place (除了城东, 不包括临港) is dropped with a note: there is no
    "not in" filter (ADR 0011)."""
    if town is not None and town in found.towns and len(set(found.towns)) > 1:
        found.towns[:] = [t for t in found.towns if t != town]
        return
    notes.append(f"暂不支持排除地点，已忽略“{word}”")
