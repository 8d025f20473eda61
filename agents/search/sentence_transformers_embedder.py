"""Production embedder: ``sentence-transformers`` over a model directory the deployment supplies.

Install with the ``gpu`` extra (torch + sentence-transformers). Nothing is imported or read until
the first call; the model loads from ``model_dir`` only (``local_files_only``), never from a hub.
e5-family models want ``query: ``/``passage: `` prefixes (the defaults); pass empty prefixes for
models trained without them (MiniLM, bge-m3 …).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from core.errors import ConfigError

log = logging.getLogger(__name__)


class SentenceTransformersEmbedder:
    def __init__(
        self,
        model_dir: Path,
        *,
        device: str | None = None,
        batch_size: int = 32,
        query_prefix: str = "query: ",
        passage_prefix: str = "passage: ",
        normalize: bool = True,
    ) -> None:
        self.model_dir = Path(model_dir)
        self.device = device
        self.batch_size = max(1, batch_size)
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self.normalize = normalize
        self._model: Any = None
        self._dimension: int | None = None
        self._lock = threading.Lock()

    @property
    def dimension(self) -> int:
        if self._dimension is None:
            self._load()
        assert self._dimension is not None
        return self._dimension

    @dimension.setter
    def dimension(self, value: int) -> None:  # the Embedder port declares a plain attribute
        self._dimension = value

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        return self._encode([self.query_prefix + t for t in texts])

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        return self._encode([self.passage_prefix + t for t in texts])

    def _encode(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        model = self._load()
        vectors = model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=self.normalize,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return [[float(x) for x in row] for row in vectors]

    def _load(self) -> Any:
        if self._model is not None:
            return self._model
        with self._lock:
            if self._model is None:
                if not self.model_dir.is_dir():
                    raise ConfigError(
                        f"向量模型目录不存在：{self.model_dir}（请设置 SAFECLOUD_EMBEDDING__MODEL_DIR）",
                        code="embedding_model_missing",
                    )
                try:
                    from sentence_transformers import SentenceTransformer
                except ImportError as exc:
                    raise ConfigError(
                        "未安装 sentence-transformers：请安装可选依赖 pip install 'safecloud[gpu]'",
                        code="embedding_backend_missing",
                    ) from exc
                model = SentenceTransformer(str(self.model_dir), device=self.device, local_files_only=True)
                # sentence-transformers 6 renamed the accessor; production model dirs may pin older ones.
                get_dim = (
                    getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
                )
                dim = get_dim()
                if dim is None:
                    raise ConfigError(f"向量模型未声明向量维度：{self.model_dir}", code="embedding_dimension")
                if self._dimension is not None and dim != self._dimension:
                    raise ConfigError(
                        f"向量模型维度为 {dim}，与配置的 {self._dimension} 不一致", code="embedding_dimension"
                    )
                self._dimension = int(dim)
                self._model = model
                log.info("sentence-transformers model %s loaded on %s", self.model_dir, model.device)
        return self._model

    def info(self) -> dict[str, str]:
        return {
            "kind": "sentence_transformers",
            "model_dir": str(self.model_dir),
            "device": self.device or "auto",
            "loaded": str(self._model is not None).lower(),
        }
