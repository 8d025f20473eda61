"""Suggestion ranking: prefix match, frequency, recency, own history before colleagues'."""

from __future__ import annotations

from agents.events.suggestions import DAY_MS, EXAMPLE_TEMPLATES, examples_for, rank_suggestions
from core.scope import DataScope, ScopeLevel

NOW = 1_800_000_000_000


def row(sentence: str, n: int = 1, days_ago: float = 0) -> dict[str, object]:
    return {"sentence": sentence, "n": n, "last_at": NOW - int(days_ago * DAY_MS)}


def texts(prefix: str, history: list[dict[str, object]], popular: list[dict[str, object]]) -> list[str]:
    return [s.text for s in rank_suggestions(prefix, history, popular, NOW, examples=())]


def test_prefix_matches_rank_above_infix_matches() -> None:
    assert texts("城东", [row("昨天城东的火情"), row("城东的烟雾")], []) == ["城东的烟雾", "昨天城东的火情"]


def test_frequent_beats_rare_and_recent_beats_old() -> None:
    assert texts("", [], [row("甲", n=1), row("乙", n=20)]) == ["乙", "甲"]
    assert texts("", [row("旧", days_ago=30), row("新", days_ago=0)], []) == ["新", "旧"]


def test_own_history_beats_equally_popular_sentences() -> None:
    got = rank_suggestions("", [row("我的")], [row("大家的")], NOW, examples=())
    assert [(s.text, s.source) for s in got] == [("我的", "history"), ("大家的", "popular")]


def test_duplicates_keep_their_best_score_and_typed_text_is_not_suggested() -> None:
    got = rank_suggestions(
        "火情", [row("火情"), row("近三天火情")], [row("近三天火情", n=5)], NOW, examples=()
    )
    assert [s.text for s in got] == ["近三天火情"]


def test_examples_fill_in_for_new_users_and_respect_the_limit() -> None:
    got = rank_suggestions("", [], [], NOW, limit=3)
    assert len(got) == 3 and all(s.source == "template" for s in got)
    assert rank_suggestions("不存在的词", [], [], NOW) == []


def test_example_sentences_name_only_places_in_the_callers_scope() -> None:
    towns = {t for _, t in EXAMPLE_TEMPLATES if t}
    zhouzhuang = examples_for(DataScope(level=ScopeLevel.TOWN, town="周庄镇"))
    assert not any(t in text for t in towns for text in zhouzhuang)
    assert sum("周庄镇" in text for text in zhouzhuang) == len(towns)
    firm = examples_for(DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id="91320281MA1X00000X"))
    assert not any(t in text for t in towns for text in firm) and "上周三的火情" in firm
    city = examples_for(DataScope())
    assert all(any(t in text for text in city) for t in towns)  # city users see the whole city
    assert len(zhouzhuang) == len(firm) == len(city) and "{" not in "".join(city + firm)
