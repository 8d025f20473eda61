"""Datasets, timed runs and the markdown report shared by every eval suite."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from evals.metrics import percentile
from ingestion.demo.clock import CST

_ROOT = Path(__file__).resolve().parents[1]

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


@contextlib.contextmanager
def served_model(size: str, **llm_overrides: Any) -> Iterator[Any]:
    """A ChatModel on the bundled model ``size``: the embedded llama.cpp server is started for the run
    and stopped afterwards, unless SAFECLOUD_LLM__BASE_URL points at an endpoint to use as is."""
    from agents.llm import build_chat_model
    from api.settings import Settings

    settings = Settings()
    llm = settings.llm.model_copy(update={"size": size, **llm_overrides})
    settings = settings.model_copy(update={"llm": llm})
    managed = settings.llm.base_url is None
    cli = [sys.executable, "-m", "api.cli", "llm"]
    if managed:
        subprocess.run([*cli, "serve", "--size", size], check=True, cwd=_ROOT)
    model = build_chat_model(settings)
    try:
        yield model
    finally:
        model.close()
        if managed:
            subprocess.run([*cli, "stop"], check=False, cwd=_ROOT)


def time_params(now_ms: int) -> dict[str, int]:
    """Calendar bounds (Asia/Shanghai) the hand-written gold queries of the chat sets may use."""
    today = (
        datetime.fromtimestamp(now_ms / 1000, tz=UTC)
        .astimezone(CST)
        .replace(hour=0, minute=0, second=0, microsecond=0)
    )
    month = today.replace(day=1)
    prev_month = (month - timedelta(days=1)).replace(day=1)
    prev2_month = (prev_month - timedelta(days=1)).replace(day=1)  # 最近三个月每个月 (stats_holdout8)
    year = today.replace(month=1, day=1)
    return {
        "now": now_ms,
        "now_ms": now_ms,  # the text-to-Cypher lines (chat_text2cypher.jsonl) name it so
        "today_start": _ms(today),
        "week_start": _ms(today - timedelta(days=today.weekday())),  # weeks start on Monday (ADR 0010)
        "month_start": _ms(month),
        "prev_month_start": _ms(prev_month),
        "prev2_month_start": _ms(prev2_month),
        "year_start": _ms(year),
        "prev_year_start": _ms(year.replace(year=year.year - 1)),
    }


def _ms(dt: datetime) -> int:
    return int(dt.timestamp() * 1000)
