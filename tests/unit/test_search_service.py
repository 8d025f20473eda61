"""SearchService: lazy, and ``None`` (→ graph fallback) whenever the index cannot answer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from agents.search.errors import SearchError, SearchIndexLockedError
from agents.search.service import SearchService
from core.ai import SearchDoc, SearchHit


class FakeIndex:
    def __init__(
        self, docs: int = 2, fail: Exception | None = None, dense: list[float] | None = None
    ) -> None:
        self.docs, self.fail, self.closed = docs, fail, False
        self.calls: list[dict[str, Any]] = []
        self.dense = dense  # None: the keyword leg matches; else the dense leg's scores (no keyword)

    def upsert(self, collection: str, docs: Sequence[SearchDoc]) -> int:
        return len(docs)

    def search(
        self,
        collection: str,
        query: str,
        *,
        limit: int = 10,
        filters: Mapping[str, Any] | None = None,
        mode: str = "hybrid",
        dense_limit: int | None = None,
    ) -> list[SearchHit]:
        if self.fail:
            raise self.fail
        if mode == "sparse":  # the keyword leg alone: matches unless only dense scores were given
            return [SearchHit(id="B", score=1.0)] if self.dense is None else []
        if mode == "dense":
            return [SearchHit(id=f"D{i}", score=s) for i, s in enumerate((self.dense or [])[:limit])]
        self.calls.append({"collection": collection, "filters": filters, "dense_limit": dense_limit})
        return [SearchHit(id="B", score=0.9), SearchHit(id="A", score=0.5), SearchHit(id="B", score=0.1)]

    def delete(self, collection: str, ids: Sequence[str]) -> int:
        return 0

    def count(self, collection: str) -> int:
        return self.docs

    def info(self) -> dict[str, Any]:
        if self.fail:
            raise self.fail
        return {"kind": "fake"}

    def close(self) -> None:
        self.closed = True

    embedder: Any = None


def test_nothing_is_built_until_first_use() -> None:
    built: list[FakeIndex] = []

    def build() -> FakeIndex:
        built.append(FakeIndex())
        return built[-1]

    service = SearchService(build)
    assert built == []
    assert service.enterprise_ids("澄星", filters={"town": "华士镇"}) == ["B", "A"]  # ranked, deduplicated
    assert len(built) == 1 and built[0].calls[0]["filters"] == {"town": "华士镇"}
    assert built[0].calls[0]["collection"] == "enterprises" and built[0].calls[0]["dense_limit"] == 10
    service.close()
    assert built[0].closed


def test_empty_or_failing_index_means_graph_fallback() -> None:
    assert SearchService(lambda: FakeIndex(docs=0)).enterprise_ids("澄星") is None
    assert SearchService(lambda: FakeIndex(fail=SearchError("检索失败"))).enterprise_ids("澄星") is None

    def locked() -> FakeIndex:
        raise SearchIndexLockedError("检索索引目录正被另一个进程占用")

    service = SearchService(locked)
    assert service.enterprise_ids("澄星") is None
    info = service.info()
    assert info["answers"] is False and info["code"] == "search_index_locked"


def test_a_query_no_keyword_matches_finds_nothing_when_its_nearest_are_noise() -> None:
    flat = [0.41 - i * 0.001 for i in range(50)]  # "zzxxcc": every firm about as far
    assert SearchService(lambda: FakeIndex(dense=flat)).enterprise_ids("zzxxcc") == []


def test_a_query_no_keyword_matches_keeps_a_nearest_firm_that_stands_out() -> None:
    standout = [0.93] + [0.41 - i * 0.001 for i in range(49)]
    service = SearchService(lambda: FakeIndex(dense=standout))
    assert service.enterprise_ids("chengxinghuagong", dense_limit=3) == ["D0", "D1", "D2"]
