"""The parsed document as an ordered list of blocks, and heading numbering (第一章 / 1.1 / 一、 / （一）).

Both parsers (``docx_parser``, ``pdf_parser``) emit ``Block``s; everything after them (section
classifier, extractors, the review page's source text) reads only this structure. ``Block.paragraph``
is the block's index in document order and is what ``SourceRef.paragraph`` points at.

Heading levels come from the document when it says so (Word heading styles / outline levels) and
otherwise from the numbering: each numbering family (第一章, 一、, （一）, 1.1 at depth n, 1., （1）…)
gets the level of its first appearance, so "一、 → （一） → 1." and "1 → 1.1 → 1.1.1" both nest right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field

BlockKind = Literal["heading", "paragraph", "table", "list_item"]

_CN = "一二三四五六七八九十百零〇两"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


class Block(BaseModel):
    kind: BlockKind
    text: str
    paragraph: int = Field(ge=0, description="index in document order; SourceRef.paragraph")
    page: int | None = Field(None, ge=1, description="1-based page (PDF); None for DOCX")
    heading_level: int | None = Field(None, ge=1)
    number: str | None = Field(None, description="numbering as written: 第一章, 1.2, （三）")
    cells: list[list[str]] | None = Field(None, description="table grid; merged cells repeat their text")
    style: str | None = None
    ocr: bool = False
    # Set when a rewrite pass (plans.table_text, plans.outline_text, plans.qa_text) made this block from
    # the document's own: the reviewer must see the author's words, not the rewritten ones
    origin_paragraph: int | None = Field(None, ge=0, description="index of the parsed block it came from")
    origin_text: str | None = Field(None, description="that block's text as the author wrote it")


def stamp_origins(blocks: list[Block]) -> list[Block]:
    """The parsed blocks, each marked with its own index; rewrite passes copy the mark into every
    block they make from it (``model_copy`` keeps it), so it survives any number of passes."""
    return [b.model_copy(update={"origin_paragraph": b.paragraph}) for b in blocks]


def settle_origins(blocks: list[Block], parsed: list[Block]) -> list[Block]:
    """Keep the origin only where a pass changed the block: its kind or its text differs from the
    parsed block it came from (a block a pass already gave an ``origin_text`` keeps it)."""
    out = []
    for block in blocks:
        at = block.origin_paragraph
        source = parsed[at] if at is not None and at < len(parsed) else None
        if source is None or (
            block.origin_text is None and (block.kind, block.text) == (source.kind, source.text)
        ):
            out.append(block.model_copy(update={"origin_paragraph": None, "origin_text": None}))
        elif block.origin_text is None:
            out.append(block.model_copy(update={"origin_text": source.text}))
        else:
            out.append(block)
    return out


class DocumentStructure(BaseModel):
    blocks: list[Block]
    pages: int
    ocr_pages: int = 0
    warnings: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class Numbering:
    number: str  # as written, without trailing punctuation: "1.2", "第三章", "（一）"
    family: str  # numbering family; with ``depth`` the key for level assignment
    depth: int
    rest: str  # the text after the number


_BULLETS = r"——|[—－–‐\-·•●○◦▪▫■□◆◇▶►➢➤√✓※]"
# Order matters: the first pattern that matches wins.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "第一部分 总则" / "第二篇": the parts of a long department plan, above its 一、 sections
    ("part", re.compile(rf"^(第[{_CN}\d]+(?:部分|篇))\s*(.*)$", re.S)),
    ("chapter", re.compile(rf"^(第[{_CN}\d]+章)\s*(.*)$", re.S)),
    ("section", re.compile(rf"^(第[{_CN}\d]+节)\s*(.*)$", re.S)),
    ("article", re.compile(rf"^(第[{_CN}\d]+条)\s*(.*)$", re.S)),
    # 1.1 / 1.1.1 / 1.1. — followed by a space or a CJK character, not by a unit ("1.5万吨" is no heading)
    (
        "decimal",
        re.compile(
            r"^(\d{1,2}(?:[.．]\d{1,2})+)[.．]?(?:\s+|(?=[\u4e00-\u9fff]))(?![万千百亿吨元米])(.*)$", re.S
        ),
    ),
    ("decimal", re.compile(r"^(\d{1,2})\s+(?=[\u4e00-\u9fff])(.*)$", re.S)),  # "1 总则" (GB/T 1.1 style)
    ("cn_enum", re.compile(rf"^([{_CN}]+)[、．.]\s*(.*)$", re.S)),
    ("cn_paren", re.compile(rf"^([（(][{_CN}]+[）)])\s*(.*)$", re.S)),
    ("arabic_dot", re.compile(r"^(\d{1,2})[、．.](?!\d)\s*(.*)$", re.S)),
    ("arabic_paren", re.compile(r"^([（(]\d{1,2}[）)])\s*(.*)$", re.S)),
    ("arabic_half", re.compile(r"^(\d{1,2}[)）])\s*(.*)$", re.S)),
    # "a）…；" / "b. …" — GB/T 1.1 list items in enterprise plans (a Chinese text follows)
    ("latin_half", re.compile(r"^([a-z](?:[)）]|[.．](?!\w)))\s*(?=[\u4e00-\u9fff])(.*)$", re.S)),
    ("circled", re.compile(rf"^([{_CIRCLED}])\s*(.*)$", re.S)),
    # a bullet glyph, any of the common ones: "—贯彻落实…；", "－…", "- …", "· …", "● …"; not "-20℃"
    ("bullet", re.compile(rf"^({_BULLETS})\s*(?![\d.．])(.*)$", re.S)),
)


def split_number(text: str) -> Numbering | None:
    """The leading numbering of a line, if any."""
    stripped = text.strip()
    for family, pattern in _PATTERNS:
        m = pattern.match(stripped)
        if m and m.group(2).strip():
            number = m.group(1)
            depth = number.count(".") + number.count("．") + 1 if family == "decimal" else 1
            return Numbering(number=number.rstrip(".．"), family=family, depth=depth, rest=m.group(2).strip())
    return None


# Rewrite passes (table_text, outline_text, qa_text, card_text) turn a source block into the headings
# and paragraphs it stands for; the copy keeps page, style and origin, and ``paragraph`` is the index
# in the pass's output list.
def rewritten_heading(block: Block, text: str, paragraph: int, level: int) -> Block:
    numbering = split_number(text)
    return block.model_copy(
        update={"kind": "heading", "text": text, "paragraph": paragraph, "heading_level": level,
                "number": numbering.number if numbering else None, "cells": None}
    )  # fmt: skip


def rewritten_text(block: Block, text: str, paragraph: int, kind: BlockKind = "paragraph") -> Block:
    return block.model_copy(
        update={"kind": kind, "text": text, "paragraph": paragraph, "number": None, "cells": None}
    )


_SENTENCE_END = re.compile(r"[。；;！!？?]\s*$")
_MAX_HEADING_CHARS = 40


def looks_like_heading(numbering: Numbering) -> bool:
    """A numbered line is a heading when it is short and not a sentence; else a list item."""
    rest = numbering.rest
    if numbering.family in ("article", "circled", "arabic_half", "latin_half", "bullet"):
        return False
    if len(rest) > _MAX_HEADING_CHARS or _SENTENCE_END.search(rest):
        return False
    # "1. 总指挥：市长" is a list entry with a value, not a heading
    return not re.search(r"[：:]\s*\S", rest)


def assign_heading_levels(blocks: list[Block]) -> None:
    """Give every heading without a level one from its numbering family (first appearance order).

    Headings that carry a level (from Word styles) anchor their family to that level, so a document
    that mixes styled and plain-numbered headings stays consistent.
    """
    ranks: dict[tuple[str, int], int] = {}
    for block in blocks:
        if block.kind != "heading" or not block.number:
            continue
        numbering = split_number(block.text)
        if numbering is None:
            continue
        key = (numbering.family, numbering.depth)
        if block.heading_level is not None:
            ranks.setdefault(key, block.heading_level)
    next_rank = max(ranks.values(), default=0) + 1
    enclosing = 0  # level of the last numbered heading: an unnumbered one inside it sits one deeper
    for block in blocks:
        if block.kind != "heading":
            continue
        if block.heading_level is not None:
            enclosing = block.heading_level if block.number else enclosing
            continue
        numbering = split_number(block.text) if block.number else None
        if numbering is None:
            # a cover title is level 1; a bold unnumbered line in the body ("镇防汛指挥部") is a
            # sub-heading of the numbered section it sits in, not a new chapter
            block.heading_level = enclosing + 1
            continue
        key = (numbering.family, numbering.depth)
        if key not in ranks:
            # decimals nest under their shallower selves: 1.1 is one deeper than 1
            parent = ranks.get((numbering.family, numbering.depth - 1))
            ranks[key] = parent + 1 if parent is not None else next_rank
            next_rank = max(next_rank, ranks[key] + 1)
        block.heading_level = ranks[key]
        enclosing = block.heading_level


def classify_line(text: str) -> tuple[BlockKind, str | None]:
    """Kind and number of a plain line of text (no style information)."""
    numbering = split_number(text)
    if numbering is None:
        return "paragraph", None
    if looks_like_heading(numbering):
        return "heading", numbering.number
    if numbering.family == "article":
        return "paragraph", numbering.number
    return "list_item", numbering.number


def heading_title(block: Block) -> str:
    """A heading's text without its number."""
    numbering = split_number(block.text)
    if numbering and block.number and numbering.number == block.number:
        return numbering.rest
    return block.text.strip()


_GLUED_NUMBER = re.compile(
    r"^(\d{1,2}(?:[.．]\d{1,2})*)(?=[\u4e00-\u9fff])(?![号个人名级年月日层楼吨米次天时分条项])(.+)$"
)


def classify_ocr_line(text: str) -> tuple[BlockKind, str | None, str]:
    """Like ``classify_line`` for OCR output, which drops the space in "2 组织机构": a short line
    glued to a leading number is a heading; the space is put back so the number splits again."""
    kind, number = classify_line(text)
    if kind == "paragraph" and number is None:
        m = _GLUED_NUMBER.match(text.strip())
        if m and len(m.group(2)) <= 20 and not _SENTENCE_END.search(m.group(2)):
            return "heading", m.group(1), f"{m.group(1)} {m.group(2)}"
    return kind, number, text


def table_cell(row: list[str], index: int | None) -> str:
    """The stripped cell ``index`` of a table row; "" for a missing column or a short row."""
    return row[index].strip() if index is not None and index < len(row) else ""


def caption_rows(cells: list[list[str]]) -> int:
    """How many leading rows of a table are a caption: a row merged across the full width (every
    cell repeats one text, or only the first cell is filled), e.g. "镇指挥部成员单位通讯录" above the
    header. A caption is never the whole table: at least a header and one row stay."""
    count = 0
    while len(cells) - count > 2:
        row = [re.sub(r"\s+", "", c) for c in cells[count]]
        filled = [c for c in row if c]
        if len(row) < 2 or not filled or len(set(filled)) != 1 or (len(filled) < len(row) and not row[0]):
            break
        count += 1
    return count


def without_caption(block: Block) -> Block:
    """The block with a table caption (see ``caption_rows``) taken off its grid; other blocks as is."""
    if block.kind != "table" or not block.cells:
        return block
    skip = caption_rows(block.cells)
    return block.model_copy(update={"cells": block.cells[skip:]}) if skip else block
