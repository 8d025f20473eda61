"""OCR port and its RapidOCR adapter (PP-OCR ONNX models shipped inside the ``rapidocr`` wheel).

``OcrEngine.recognise(png)`` returns text lines with their boxes in reading order; the PDF parser
turns them into blocks. The adapter loads its models on first use (constructors do no I/O), and
``default_ocr_engine()`` is ``None`` where rapidocr is not installed, so callers can say so.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Protocol

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OcrLine:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    score: float
    parts: tuple[tuple[float, str], ...] = ()  # (left x, text) of the boxes merged into this row


class OcrEngine(Protocol):
    name: str

    def recognise(self, image_png: bytes) -> list[OcrLine]:
        """Text lines of one page image, top to bottom, left to right."""
        ...


class RapidOcrEngine:
    """rapidocr 3.x on onnxruntime; models come from the wheel, nothing is downloaded."""

    name = "rapidocr"

    def __init__(self, *, min_score: float = 0.5) -> None:
        self.min_score = min_score
        self._engine: Any = None

    def _load(self) -> Any:
        if self._engine is None:
            from rapidocr import RapidOCR  # heavy import (onnxruntime, OpenCV): only when a page needs it

            # rapidocr logs every model path at INFO on its own handler; keep our logs readable.
            logging.getLogger("RapidOCR").setLevel(logging.WARNING)
            self._engine = RapidOCR()
            logging.getLogger("RapidOCR").setLevel(logging.WARNING)  # it resets its level on start
        return self._engine

    def recognise(self, image_png: bytes) -> list[OcrLine]:
        result = self._load()(image_png)
        if result is None or result.txts is None or result.boxes is None:
            return []
        lines = []
        for text, score, box in zip(result.txts, result.scores, result.boxes, strict=False):
            if not text.strip() or score < self.min_score:
                continue
            xs = [float(p[0]) for p in box]
            ys = [float(p[1]) for p in box]
            lines.append(OcrLine(text.strip(), min(xs), min(ys), max(xs), max(ys), float(score)))
        return order_lines(lines)


def order_lines(lines: list[OcrLine]) -> list[OcrLine]:
    """Reading order: rows by vertical overlap, then left to right; a row's boxes become one line."""
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda ln: (ln.y0 + ln.y1) / 2):
        centre = (line.y0 + line.y1) / 2
        if rows:
            last = rows[-1]
            top, bottom = min(ln.y0 for ln in last), max(ln.y1 for ln in last)
            if top <= centre <= bottom:
                last.append(line)
                continue
        rows.append([line])
    merged = []
    for row in rows:
        row.sort(key=lambda ln: ln.x0)
        merged.append(
            OcrLine(
                text=" ".join(ln.text for ln in row),
                x0=min(ln.x0 for ln in row),
                y0=min(ln.y0 for ln in row),
                x1=max(ln.x1 for ln in row),
                y1=max(ln.y1 for ln in row),
                score=min(ln.score for ln in row),
                parts=tuple((ln.x0, ln.text) for ln in row),
            )
        )
    return merged


def default_ocr_engine() -> OcrEngine | None:
    """The bundled engine, or ``None`` when rapidocr is not installed."""
    try:
        import rapidocr  # noqa: F401
    except ImportError:
        return None
    return RapidOcrEngine()
