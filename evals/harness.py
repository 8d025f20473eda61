"""Datasets, timed runs and the markdown report shared by every eval suite."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evals.metrics import percentile

DATASETS = Path(__file__).parent / "datasets"


def load_jsonl(name: str) -> list[dict[str, Any]]:
    path = DATASETS / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class RunResult:
    """Predictions of one system on one dataset, with per-case latency and failures."""

    system: str
    dataset: str
    predictions: list[Any] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def p50(self) -> float:
        return percentile(self.latencies_ms, 50)

    @property
    def p95(self) -> float:
        return percentile(self.latencies_ms, 95)


def run_cases(
    system: str, dataset: str, inputs: Iterable[Any], predict: Callable[[Any], Any], fallback: Any
) -> RunResult:
    """Call ``predict`` on every input; a failure counts as ``fallback`` and is recorded, not raised."""
    result = RunResult(system, dataset)
    for item in inputs:
        started = time.perf_counter()
        try:
            result.predictions.append(predict(item))
        except Exception as exc:  # noqa: BLE001 - an eval reports failures, it does not stop on them
            result.predictions.append(fallback)
            result.errors.append(f"{type(exc).__name__}: {exc}"[:200])
        result.latencies_ms.append((time.perf_counter() - started) * 1000)
    return result


def table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    def cell(v: Any) -> str:
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)
