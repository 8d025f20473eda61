"""Ranking of search suggestions: the user's own history first, then what colleagues with the same
data scope search often, then a few example sentences. Pure; the graph supplies the candidates.

score = source weight × match (2 when the sentence starts with what is typed, 1 when it only
contains it) × (1 + ln(1 + times searched)) × recency (halves every 7 days since the last search).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from math import log
from typing import Any

from core.event_search import Suggestion
from core.scope import DataScope, ScopeLevel

DAY_MS = 86_400_000
HALF_LIFE_DAYS = 7.0
_WEIGHT = {"history": 1.5, "popular": 1.0, "template": 0.3}

# Shown when the user has no history yet; they also teach what the box understands. ``{town}`` is a
# place the caller may search: a town user is shown their own town (an example naming another town
# taught them a search that finds nothing and told them of places outside their scope), a firm
# user no town at all; city-wide users get the town written beside the template.
EXAMPLE_TEMPLATES: tuple[tuple[str, str | None], ...] = (
    ("昨天下午{town}的烟雾告警", "城东"),
    ("近三天未处理的红色告警", None),
    ("本周{town}的可燃气体泄漏", "临港"),
    ("今天没戴安全帽的", None),
    ("上周三{town}的火情", "华士镇"),
    ("近24小时消防通道占用", None),
    ("本月误报的视频算法告警", None),
    ("最近一周电瓶车进电梯", None),
)


def examples_for(scope: DataScope) -> tuple[str, ...]:
    """The example sentences for a caller of ``scope``, naming only places inside it."""
    out = []
    for template, city_town in EXAMPLE_TEMPLATES:
        if scope.level is ScopeLevel.TOWN:
            town = scope.town or ""
        elif scope.level is ScopeLevel.ENTERPRISE:
            town = ""
        else:
            town = city_town or ""
        out.append(template.format(town=town))
    return tuple(out)


EXAMPLES: tuple[str, ...] = examples_for(DataScope())


def rank_suggestions(
    prefix: str,
    history: Iterable[Mapping[str, Any]],
    popular: Iterable[Mapping[str, Any]],
    now_ms: int,
    *,
    limit: int = 10,
    examples: Iterable[str] = EXAMPLES,
) -> list[Suggestion]:
    """Candidates are rows ``{sentence, n, last_at}``; the best score per distinct sentence wins."""
    typed = prefix.strip()
    best: dict[str, Suggestion] = {}

    def offer(text: str, source: str, n: int, last_at: int | None) -> None:
        if not text or (typed and typed not in text) or text == typed:
            return
        match = 2.0 if text.startswith(typed) else 1.0
        recency = 1.0 if last_at is None else 0.5 ** (max(now_ms - last_at, 0) / DAY_MS / HALF_LIFE_DAYS)
        score = _WEIGHT[source] * match * (1 + log(1 + max(n, 0))) * recency
        if text not in best or best[text].score < score:
            best[text] = Suggestion.model_validate({"text": text, "source": source, "score": round(score, 4)})

    for row in history:
        offer(str(row["sentence"]), "history", int(row.get("n") or 1), row.get("last_at"))
    for row in popular:
        offer(str(row["sentence"]), "popular", int(row.get("n") or 1), row.get("last_at"))
    for text in examples:
        offer(text, "template", 0, None)
    return sorted(best.values(), key=lambda s: (-s.score, s.text))[:limit]
