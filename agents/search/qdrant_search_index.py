"""``SearchIndex`` over Qdrant: a Qdrant server in production, embedded local mode by default.

Each collection holds two named vectors per point:

* ``dense``  — the embedder's passage vector, cosine distance;
* ``sparse`` — hashed keyword terms with BM25 document weights (``agents.search.tokenize``);
  Qdrant applies IDF itself (``Modifier.IDF``), so scores follow the live collection.

``search`` is hybrid: one query embeds the text (e5 ``query:``) and tokenises it, runs both as
prefetches under the same payload filter and fuses the two rankings with Reciprocal Rank
Fusion in Qdrant's query API. Point ids are uuid5 of the document id (re-upserting replaces);
the payload keeps the original id under ``_id``. A ``KeywordDoc``'s ``keywords`` join ``text``
in the keyword vector only (not embedded, not stored).

Filters are plain mappings (``agents.search.qdrant_filters``); the client, a server or embedded
local mode with its one-process folder lock, comes from ``agents.search.qdrant_connection``.

Local mode (``QdrantClient(path=...)``) is exact brute-force search held entirely in memory. It
ignores payload indexes, so they are created only on a server. Local mode costs (qdrant-client
1.20, measured by ``benchmarks/search_bench.py``): keyword (sparse) scoring and payload filters are
Python loops over every point (time grows with points × stored terms, hence ``TermProfile``),
and each upserted point is its own SQLite commit (~3–4 ms). Fine for the demo city; use a
server for large chunk collections.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from typing import Any, Literal

from qdrant_client import QdrantClient, models

from agents.search.docs import KeywordDoc
from agents.search.errors import SearchError
from agents.search.noise import keyword_query
from agents.search.qdrant_connection import is_local_client, qdrant_client_factory
from agents.search.qdrant_filters import build_filter, schema_for
from agents.search.tokenize import NAMES, TEXT, SparseTerms, TermProfile, Tokenizer
from core.ai import SearchDoc, SearchHit
from core.errors import SafeCloudError
from core.ports import Embedder

__all__ = ["DEFAULT_FILTER_KEYS", "QdrantSearchIndex", "build_filter", "point_id", "qdrant_client_factory"]

log = logging.getLogger(__name__)

DENSE = "dense"
SPARSE = "sparse"
ID_KEY = "_id"
_POINT_NAMESPACE = uuid.UUID("6f1d3c1e-5a0b-4c54-9d49-53414645434c")  # fixed: ids must be stable

# Payload keys that get a server-side payload index when a collection is created.
DEFAULT_FILTER_KEYS: dict[str, tuple[str, ...]] = {
    "enterprises": ("uscc", "town", "category", "category_group"),
    "chunks": ("kind", "source_id", "town", "enterprise_uscc", "category", "type", "time", "scope"),
}

# Keyword terms per collection (others: ``TEXT``, words + bigrams).
DEFAULT_PROFILES: dict[str, TermProfile] = {"enterprises": NAMES}

Mode = Literal["hybrid", "dense", "sparse"]


def point_id(doc_id: str) -> str:
    """Deterministic Qdrant point id (a UUID) for a string document id."""
    return str(uuid.uuid5(_POINT_NAMESPACE, doc_id))


class QdrantSearchIndex:
    """Hybrid dense + keyword search. Constructing it does no I/O; the client opens on first use."""

    def __init__(
        self,
        client_factory: Callable[[], QdrantClient],
        embedder: Embedder,
        *,
        tokenizer: Tokenizer | None = None,
        batch_size: int = 128,
        prefetch_limit: int = 50,
        filter_keys: Mapping[str, Sequence[str]] | None = None,
        profiles: Mapping[str, TermProfile] | None = None,
    ) -> None:
        self._factory = client_factory
        self.embedder = embedder
        self.tokenizer = tokenizer or Tokenizer()
        self.batch_size = max(1, batch_size)
        self.prefetch_limit = prefetch_limit
        self.filter_keys = dict(DEFAULT_FILTER_KEYS if filter_keys is None else filter_keys)
        self.profiles = dict(DEFAULT_PROFILES if profiles is None else profiles)
        self._client: QdrantClient | None = None
        self._lock = threading.Lock()
        self._local_lock = threading.RLock()  # local mode is not safe for concurrent use
        self._known: set[str] = set()

    # ---- connection ----------------------------------------------------------------------
    @property
    def client(self) -> QdrantClient:
        if self._client is None:
            with self._lock:
                if self._client is None:
                    self._client = self._factory()
        return self._client

    @property
    def is_local(self) -> bool:
        return is_local_client(self.client)

    @contextmanager
    def _op(self, action: str) -> Iterator[QdrantClient]:
        """One engine operation: errors become ``SearchError``; local mode is serialised (it is
        pure Python under the GIL, so nothing is lost)."""
        with _errors(action):
            client = self.client
            with self._local_lock if is_local_client(client) else nullcontext():
                yield client

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None
                self._known.clear()

    # ---- SearchIndex port ----------------------------------------------------------------
    def upsert(self, collection: str, docs: Sequence[SearchDoc]) -> int:
        written = 0
        for start in range(0, len(docs), self.batch_size):
            batch = docs[start : start + self.batch_size]
            with _errors("文本向量化"):
                dense = self.embedder.embed_passages([d.text for d in batch])
            profile = self.profiles.get(collection, TEXT)
            points = [
                models.PointStruct(
                    id=point_id(doc.id),
                    vector=_vectors(vec, self.tokenizer.document_vector(_keyword_text(doc), profile)),
                    payload={**doc.payload, ID_KEY: doc.id},
                )
                for doc, vec in zip(batch, dense, strict=True)
            ]
            with self._op("写入检索索引") as client:
                self._ensure(collection, batch[0].payload)
                client.upsert(collection, points=points, wait=True)
            written += len(points)
        return written

    def search(
        self,
        collection: str,
        query: str,
        *,
        limit: int = 10,
        filters: Mapping[str, Any] | None = None,
        mode: Mode = "hybrid",
        dense_limit: int | None = None,
    ) -> list[SearchHit]:
        """Top ``limit`` documents for ``query``. ``mode`` picks one leg alone (benchmarks, tests);
        ``dense_limit`` caps the dense leg's candidates (default: as many as the keyword leg)."""
        query = query.strip()
        if not query or limit < 1:
            return []
        flt = build_filter(filters)
        prefetch: list[models.Prefetch] = []
        per_leg = max(self.prefetch_limit, limit)
        if mode in ("hybrid", "dense"):
            with _errors("查询向量化"):
                dense = self.embedder.embed_queries([query])[0]
            dense_n = per_leg if dense_limit is None else max(1, min(dense_limit, per_leg))
            prefetch.append(models.Prefetch(query=dense, using=DENSE, filter=flt, limit=dense_n))
        if mode in ("hybrid", "sparse"):
            terms = self.tokenizer.query_vector(query, self.profiles.get(collection, TEXT))
            if terms:
                sparse = models.SparseVector(indices=terms.indices, values=terms.values)
                # Keyword leg first: RRF ties (dense says A>B, keywords say B>A) keep its order.
                prefetch.insert(0, models.Prefetch(query=sparse, using=SPARSE, filter=flt, limit=per_leg))
        if not prefetch:
            return []
        with self._op("检索") as client:
            if not self._exists(collection):
                return []
            if len(prefetch) == 1:  # one leg: rank by it directly
                leg = prefetch[0]
                response = client.query_points(
                    collection,
                    query=leg.query,
                    using=leg.using,
                    query_filter=flt,
                    limit=min(limit, leg.limit or limit),
                )
            else:
                response = client.query_points(
                    collection,
                    prefetch=prefetch,
                    query=models.FusionQuery(fusion=models.Fusion.RRF),
                    query_filter=flt,
                    limit=limit,
                    with_payload=True,
                )
        return [_hit(p) for p in response.points]

    def evidence(
        self, collection: str, query: str, *, filters: Mapping[str, Any] | None = None, candidates: int = 50
    ) -> tuple[bool, list[SearchHit]]:
        """Whether the keyword leg finds any document for ``query`` and, when it finds none, the dense
        leg's top ``candidates`` (their scores describe the query's own noise, ``agents.search.noise``)."""
        said = keyword_query(query)
        if said and self.search(collection, said, limit=1, filters=filters, mode="sparse"):
            return True, []
        return False, self.search(collection, query, limit=candidates, filters=filters, mode="dense")

    def delete(self, collection: str, ids: Sequence[str]) -> int:
        if not ids:
            return 0
        pids = [point_id(i) for i in dict.fromkeys(ids)]
        with self._op("删除索引文档") as client:
            if not self._exists(collection):
                return 0
            present = client.retrieve(collection, ids=pids, with_payload=False, with_vectors=False)
            if present:
                client.delete(
                    collection, points_selector=models.PointIdsList(points=[p.id for p in present]), wait=True
                )
        return len(present)

    def count(self, collection: str) -> int:
        with self._op("统计索引文档") as client:
            if not self._exists(collection):
                return 0
            return client.count(collection, exact=True).count

    # ---- housekeeping (beyond the port) --------------------------------------------------
    def ids(self, collection: str, page_size: int = 1000) -> Iterator[str]:
        """Every document id in ``collection`` (scroll; constant memory)."""
        with self._op("遍历索引文档"):
            if not self._exists(collection):
                return
        offset: Any = None
        while True:
            with self._op("遍历索引文档") as client:  # held per page, never across a yield
                records, offset = client.scroll(
                    collection, limit=page_size, offset=offset, with_payload=[ID_KEY], with_vectors=False
                )
            for rec in records:
                yield str((rec.payload or {}).get(ID_KEY, rec.id))
            if offset is None:
                return

    def drop(self, collection: str) -> None:
        with self._op("删除索引集合") as client:
            if self._exists(collection):
                client.delete_collection(collection)
            self._known.discard(collection)

    def collections(self) -> dict[str, int]:
        with self._op("读取索引集合") as client:
            names = [c.name for c in client.get_collections().collections]
        return {name: self.count(name) for name in sorted(names)}

    def info(self) -> dict[str, Any]:
        options = self.client.init_options
        location = options.get("url") or options.get("path") or options.get("location") or "?"
        describe = getattr(self.embedder, "info", None)
        return {
            "kind": "qdrant",
            "mode": "local" if self.is_local else "server",
            "location": str(location),
            "collections": self.collections(),
            "embedder": describe() if callable(describe) else {"dimension": str(self.embedder.dimension)},
        }

    # ---- internals -----------------------------------------------------------------------
    def _exists(self, collection: str) -> bool:
        if collection in self._known:
            return True
        if self.client.collection_exists(collection):
            self._known.add(collection)
            return True
        return False

    def _ensure(self, collection: str, sample: Mapping[str, Any]) -> None:
        if self._exists(collection):
            return
        with self._lock:
            if collection in self._known:
                return
            self.client.create_collection(
                collection,
                vectors_config={
                    DENSE: models.VectorParams(size=self.embedder.dimension, distance=models.Distance.COSINE)
                },
                sparse_vectors_config={SPARSE: models.SparseVectorParams(modifier=models.Modifier.IDF)},
            )
            self._known.add(collection)
        if self.is_local:
            return  # local mode ignores payload indexes (and warns)
        for key in (ID_KEY, *self.filter_keys.get(collection, ())):
            schema = schema_for(sample.get(key, "")) if key != ID_KEY else models.PayloadSchemaType.KEYWORD
            self.client.create_payload_index(collection, field_name=key, field_schema=schema, wait=True)


def _keyword_text(doc: SearchDoc) -> str:
    extra = doc.keywords if isinstance(doc, KeywordDoc) else ""
    return f"{doc.text}\n{extra}" if extra else doc.text


def _vectors(dense: Sequence[float], sparse: SparseTerms) -> dict[str, Any]:
    vectors: dict[str, Any] = {DENSE: list(dense)}
    if sparse:  # a text without keyword tokens simply has no sparse vector
        vectors[SPARSE] = models.SparseVector(indices=sparse.indices, values=sparse.values)
    return vectors


def _hit(point: models.ScoredPoint) -> SearchHit:
    payload = dict(point.payload or {})
    doc_id = str(payload.pop(ID_KEY, point.id))
    return SearchHit(id=doc_id, score=float(point.score), payload=payload)


@contextmanager
def _errors(action: str) -> Iterator[None]:
    """Engine failures become ``SearchError`` with a Chinese message; ours pass through."""
    try:
        yield
    except SafeCloudError:
        raise
    except Exception as exc:
        raise SearchError(f"{action}失败：{exc}", details={"error": type(exc).__name__}) from exc
