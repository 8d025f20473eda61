"""Metrics over predictions and ground truth. Pure functions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PRF:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def set_prf(predicted: Iterable[Any], expected: Iterable[Any]) -> PRF:
    """Micro counts treating each field as a set of normalised values."""
    p, e = {_norm(x) for x in predicted}, {_norm(x) for x in expected}
    return PRF(len(p & e), len(p - e), len(e - p))


def field_prf(
    predictions: Sequence[Mapping[str, Any]], truths: Sequence[Mapping[str, Any]], fields: Sequence[str]
) -> dict[str, PRF]:
    """Per-field micro P/R/F1 over a dataset; scalar fields count as one-element sets."""
    out = {f: PRF(0, 0, 0) for f in fields}
    for pred, truth in zip(predictions, truths, strict=True):
        for f in fields:
            out[f] = out[f] + set_prf(_as_list(pred.get(f)), _as_list(truth.get(f)))
    return out


def exact_match(
    predictions: Sequence[Mapping[str, Any]], truths: Sequence[Mapping[str, Any]], fields: Sequence[str]
) -> float:
    """Share of cases whose every field matches exactly (as sets)."""
    if not truths:
        return 0.0
    hits = sum(
        all(
            set_prf(_as_list(p.get(f)), _as_list(t.get(f))) == PRF(len(_as_list(t.get(f))), 0, 0)
            for f in fields
        )
        for p, t in zip(predictions, truths, strict=True)
    )
    return hits / len(truths)


def hit_at_k(ranked: Sequence[Sequence[str]], expected: Sequence[str], k: int) -> float:
    if not expected:
        return 0.0
    return sum(e in r[:k] for r, e in zip(ranked, expected, strict=True)) / len(expected)


def mrr(ranked: Sequence[Sequence[str]], expected: Sequence[str]) -> float:
    if not expected:
        return 0.0
    total = 0.0
    for r, e in zip(ranked, expected, strict=True):
        total += 1.0 / (list(r).index(e) + 1) if e in r else 0.0
    return total / len(expected)


def percentile(values: Sequence[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple, set)) else [value]


def _norm(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value
