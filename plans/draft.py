"""``PlanDraft``: the plan being assembled by the extractors, with one ``SourceRef`` per field.

Extractors append values through ``add``/``set`` and say which block (and span) each came from;
``to_plan`` validates the result into an ``EmergencyPlan`` once, at the end. Keeping values and
provenance in one place is what guarantees every field has a source pointer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from core.plan_document import ExtractionMethod, SourceRef
from plans.header_rows import with_folded_header
from plans.structure import Block, without_caption
from plans.table_headers import with_header


def sentences(text: str) -> list[tuple[int, int, str]]:
    """Sentences of a block with their spans (split after 。；！？ and newlines)."""
    out = []
    for m in re.finditer(r"[^。；;！!？?\n]+[。；;！!？?]?", text):
        if m.group().strip():
            out.append((m.start(), m.end(), m.group()))
    return out


def flow_steps(text: str) -> list[tuple[int, int, str]]:
    """``sentences``, also split at the arrows of a flow chart written out as text ("…启动Ⅲ级响应，由A指挥
    →…启动Ⅱ级响应，由B指挥"): each step is read on its own, as a sentence would be."""
    out = []
    for start, _end, sentence in sentences(text):
        for m in re.finditer(r"[^→⇒➔➝]+", sentence):
            if m.group().strip():
                out.append((start + m.start(), start + m.end(), m.group()))
    return out


class PlanDraft:
    def __init__(self, blocks: list[Block]) -> None:
        # the rules read table grids without their caption rows (a merged title row above the header)
        # and with a two-row header folded into one
        self.blocks = [with_header(with_folded_header(without_caption(b))) for b in blocks]
        self.data: dict[str, Any] = {
            "title": "", "plan_type": None, "issuing_unit": "", "version": "", "issued_at": None,
            "scope": "", "purpose": "", "basis": [], "accident_types": [], "warning_levels": [],
            "response_levels": [], "org_units": [], "reporting": [], "resources": [], "contacts": [],
            "sections": [],
        }  # fmt: skip
        self.sources: list[SourceRef] = []

    def cite(
        self,
        pointer: str,
        paragraph: int,
        start: int = 0,
        end: int | None = None,
        *,
        confidence: float = 0.9,
        method: ExtractionMethod = "rule",
    ) -> None:
        block = self.blocks[paragraph]
        length = len(block.text)
        end = length if end is None else min(end, length)
        self.sources.append(
            SourceRef(
                field=pointer,
                page=block.page,
                paragraph=paragraph,
                start=max(0, min(start, end)),
                end=end,
                confidence=confidence,
                method=method,
            )
        )

    def set(
        self, key: str, value: Any, paragraph: int, start: int = 0, end: int | None = None, **kw: Any
    ) -> None:
        self.data[key] = value
        self.cite(f"/{key}", paragraph, start, end, **kw)

    def add(self, key: str, value: dict[str, Any] | str, paragraph: int, start: int = 0, end: int | None = None,
            **kw: Any) -> int:  # fmt: skip
        """Append to a list field; returns the new index (for sub-field citations)."""
        self.data[key].append(value)
        index = len(self.data[key]) - 1
        self.cite(f"/{key}/{index}", paragraph, start, end, **kw)
        return index

    def span(self, paragraph: int, needle: str) -> tuple[int, int]:
        start = self.blocks[paragraph].text.find(needle)
        return (start, start + len(needle)) if start >= 0 else (0, len(self.blocks[paragraph].text))

    def units_set_up_at(self) -> dict[int, int]:
        """Org unit index → the paragraph that set the unit up (its first citation)."""
        return {
            int(ref.field.split("/")[2]): ref.paragraph
            for ref in reversed(self.sources)
            if re.fullmatch(r"/org_units/\d+", ref.field)
        }

    def sort_list(self, key: str, sort_key: Callable[[Any], Any]) -> None:
        """Sort a list field and move its items' source pointers along with them."""
        items = self.data[key]
        order = sorted(range(len(items)), key=lambda i: sort_key(items[i]))
        new_index = {old: new for new, old in enumerate(order)}
        self.data[key] = [items[i] for i in order]
        prefix = f"/{key}/"
        for n, ref in enumerate(self.sources):
            if ref.field.startswith(prefix):
                head, _, rest = ref.field[len(prefix) :].partition("/")
                moved = f"{prefix}{new_index[int(head)]}" + (f"/{rest}" if rest else "")
                self.sources[n] = ref.model_copy(update={"field": moved})
