"""The whole chat system on the questions no single template answers (``chat_text2cypher.jsonl``):
rules, then the compound planner (ADR 0012) and the aggregation step (ADR 0013), then text-to-Cypher
with one bundled model.

    python -m evals.chat_system 1.5b /tmp/system.jsonl

Writes one JSON line per question (path taken, execution result, latency) and prints execution
accuracy per split and latency per path. The text-to-Cypher suite (``evals.text2cypher``) measures
the LLM alone on the same questions; this measures what a duty officer gets.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from agents.cypher import answer_with_cypher
from evals import chat
from evals.harness import served_model


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def main(size: str, out: Path) -> None:
    items = [c for c in chat.cases() if c["path"] == "cypher"]
    now_ms = int(time.time() * 1000)
    with served_model(size) as model, tempfile.TemporaryDirectory(prefix="eval-chat-") as tmp:
        store = chat.demo_store(Path(tmp), now_ms)
        try:
            run = chat.run_system(
                "system", store, now_ms, items, chat_model=model, cypher_answerer=answer_with_cypher
            )
        finally:
            store.close()
    splits: dict[str, list[bool]] = defaultdict(list)
    paths: dict[str, list[float]] = defaultdict(list)
    with out.open("w", encoding="utf-8") as f:
        for c in run.cases:
            f.write(json.dumps(c.__dict__, ensure_ascii=False, default=str) + "\n")
            splits[c.part].append(c.exec_ok)
            paths[str(c.got_path)].append(c.latency_ms)
    total = [ok for oks in splits.values() for ok in oks]
    lines = [f"all: {sum(total)}/{len(total)}"] + [
        f"{part}: {sum(oks)}/{len(oks)}" for part, oks in splits.items()
    ]
    lines += [f"path {path}: n={len(ms)} p50={_p(ms, 0.5) / 1000:.2f}s p95={_p(ms, 0.95) / 1000:.2f}s"
              for path, ms in paths.items()]  # fmt: skip
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
