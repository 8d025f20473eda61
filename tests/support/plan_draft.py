"""Lookups into a ``PlanDraft`` the layout-variant tests share (one response level, one unit, its roles)."""

from __future__ import annotations

from typing import Any

from plans.draft import PlanDraft
from plans.pipeline import extract_fields
from plans.sections import outline
from plans.structure import Block


def response_level(draft: PlanDraft, level: str) -> dict[str, Any]:
    return next(r for r in draft.data["response_levels"] if r["level"] == level)


def org_unit(draft: PlanDraft, name: str) -> dict[str, Any]:
    return next(u for u in draft.data["org_units"] if u["name"] == name)


def unit_roles(draft: PlanDraft, name: str) -> list[tuple[str, str | None]]:
    return [(r["title"], r["holder"]) for r in org_unit(draft, name)["roles"]]


def extracted(*blocks: tuple[str, str]) -> dict[str, Any]:
    """The fields the rules extract from (kind, text) pairs; "h1"/"h2" are headings, "p" paragraphs,
    the first block the title."""
    parsed = []
    for n, (kind, text) in enumerate(blocks):
        if kind.startswith("h"):
            parsed.append(Block(kind="heading", text=text, paragraph=n, heading_level=int(kind[1])))
        else:
            parsed.append(Block(kind="paragraph", text=text, paragraph=n))
    draft = PlanDraft(parsed)
    extract_fields(draft, outline(parsed, title_paragraph=0))
    return draft.data


def numbered_blocks(*items: tuple[str, Any]) -> list[Block]:
    """Blocks from (kind, value) pairs: "table" takes rows of cells, "h1"/"h2" headings carry the number
    their text starts with ("2.2 调度室" → 2.2), anything else is a paragraph."""
    out = []
    for n, (kind, value) in enumerate(items):
        if kind == "table":
            out.append(Block(kind="table", text="", cells=value, paragraph=n))
        elif kind.startswith("h"):
            number = value.split(" ")[0] if value[:1].isdigit() else None
            out.append(
                Block(kind="heading", text=value, paragraph=n, heading_level=int(kind[1]), number=number)
            )
        else:
            out.append(Block(kind="paragraph", text=value, paragraph=n))
    return out


def extract_blocks(blocks: list[Block]) -> dict[str, Any]:
    """The fields the rules extract from ready blocks, the first block the title."""
    draft = PlanDraft(blocks)
    extract_fields(draft, outline(blocks, title_paragraph=0))
    return draft.data
