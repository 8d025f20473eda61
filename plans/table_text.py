"""Key-value tables read as text: a two-column 项目 | 内容 table becomes the paragraphs it stands for;
and the reverse, lines of text padded into columns read as the table they stand for.

Plans written "as tables" ("一案一册") put whole sections into two-column grids: 总则 as
编制目的 | … / 适用范围 | …, the 指挥部 as 总指挥 | … / 主要职责 | …, each response level as a table
titled 一级应急响应 with 启动条件 | … / 响应措施 | … rows. The rules read headings and paragraphs, so
such a table is replaced by the text it stands for, rows in order:

- a row whose key names a section (编制目的, 适用范围, 报告程序 …) → a heading with the key, then the value;
- any other row → one paragraph "key：value" (总指挥：镇长, 主要职责：a；b, 启动条件：…);
- a merged title row above the grid (一级应急响应（红色）) → a heading.

Only two kinds of table qualify: a generic header (项目 | 内容, 名称 | 内容, 事项 | 要求 …) or a titled
table without a header whose left column holds short labels. Tables with a meaningful header
(级别 | 启动条件, 单位 | 电话) keep their grid: the table rules read those by column. The expanded
blocks are renumbered, so ``Block.paragraph`` still indexes the returned list (source pointers point
at the generated paragraph, which holds the cell text verbatim).

A list typed without a table ("单　位　　　　姓　名　　职　务　　联系电话" and one line per person, the
columns lined up with runs of spaces) is a table too: ``aligned_tables`` turns a header line of
column names and the lines with as many fields below it into a grid, so the table rules read it. A workbook
exported to text writes each table as a run of "|"-separated lines, header first: the same grid, one cell per "|"
field (an empty field an empty cell), and merged cells filled down where the text says so (``plans.merged_cells``).
"""

from __future__ import annotations

import re

from plans.merged_cells import filled_down, says_first_row_only
from plans.rules_post_cards import named_card
from plans.sections import classify_heading
from plans.structure import (
    Block,
    caption_rows,
    heading_title,
    rewritten_heading,
    rewritten_text,
)

# header words of a key-value table: the left column names the item, the right one holds it
_KEY_HEADERS = frozenset({"项目", "名称", "事项", "类别", "类型", "要素", "内容项", "条目", "栏目", "要点"})
_VALUE_HEADERS = frozenset(
    {"内容", "具体内容", "主要内容", "要求", "具体要求", "说明", "描述", "情况", "措施"}
)
_MAX_KEY_CHARS = 12
_SENTENCE = re.compile(r"[。；;，,]")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _is_label(text: str) -> bool:
    """A short label cell: 总指挥, 启动条件, 办公室职责 (not a sentence, not a number)."""
    key = _squash(text)
    return (
        0 < len(key) <= _MAX_KEY_CHARS and not _SENTENCE.search(key) and not re.fullmatch(r"[\d.．\-—]+", key)
    )


def key_value_rows(cells: list[list[str]]) -> tuple[str | None, list[tuple[str, str]]] | None:
    """(title, rows) when the grid is a key-value table, else None. ``title`` is the merged title row."""
    skip = caption_rows(cells)
    grid = [row for row in cells[skip:] if any(c.strip() for c in row)]
    if not grid or any(len(row) != 2 for row in grid):
        return None
    title = next((c.strip() for c in cells[0] if c.strip()), None) if skip else None
    header = [_squash(c) for c in grid[0]]
    if header[0] in _KEY_HEADERS and header[1] in _VALUE_HEADERS:
        grid = grid[1:]
    elif title is None or len(grid) < 2:
        return None  # a two-column grid with a real header (级别 | 启动条件) is read by column
    rows = [(key.strip(), value.strip()) for key, value in grid]
    if not rows or not all(_is_label(key) for key, _ in rows):
        return None
    return title, rows


_FIELD_KEY = re.compile(r"职责|职务|指挥|成员|组长|主任|条件|情形|措施|行动|任务")


def _names_section(key: str, section: str | None) -> bool:
    """A key that titles a sub-section of the section the table is in (适用范围 in 总则), not a post,
    a field of a level or the section's own subject (报告程序 in 信息报告)."""
    skeleton = classify_heading(key)
    return skeleton is not None and skeleton != section and not _FIELD_KEY.search(key)


def expand_key_value_tables(blocks: list[Block]) -> list[Block]:
    """The blocks with every key-value table replaced by its text (see the module docstring)."""
    out: list[Block] = []
    level = 0  # level of the last heading: a generated heading sits one deeper
    section: str | None = None  # skeleton of the section the table is in
    for block in blocks:
        if block.kind == "heading":
            level = block.heading_level or level
            section = classify_heading(heading_title(block)) or section
        card = named_card(block.cells) if block.kind == "table" and block.cells else None
        if card is not None:  # a post card is read by column (rules_post_cards); its title heads it
            if card.title:
                out.append(rewritten_heading(block, card.title, len(out), level + 1))
            out.append(block.model_copy(update={"paragraph": len(out)}))
            continue
        parsed = key_value_rows(block.cells) if block.kind == "table" and block.cells else None
        if parsed is None:
            out.append(block.model_copy(update={"paragraph": len(out)}))
            continue
        title, rows = parsed
        inner = level + 1
        if title:
            out.append(rewritten_heading(block, title, len(out), inner))
            inner += 1
        for key, value in rows:
            if not value or value in ("—", "-", "/", "无"):
                continue
            if _names_section(key, section):
                out.append(rewritten_heading(block, key, len(out), inner))
                out.append(rewritten_text(block, value, len(out)))
            else:
                out.append(rewritten_text(block, f"{key}：{value}", len(out)))
    return out


# Columns typed with spaces: a run of two or more (full-width) spaces or a tab separates two fields;
# a PDF renders a tab as one space, so a header of column names split at single spaces counts too
_COLUMN_GAP = re.compile(r"[ \u3000]*\t[ \u3000\t]*|[ \u3000]{2,}")
_SINGLE_GAP = re.compile(r"[ \u3000\t]+")
_COLUMN_NAME = re.compile(r"姓名|职务|岗位|单位|部门|科室|电话|手机|联系|名称|数量|地点|负责人")


# A line of a sheet exported to text: fields between "|" bars, the first one a word (a bullet glyph before the
# first field marks an outline line, "● 灭火组｜组长：X", which ``outline_text`` reads)
_BAR = re.compile(r"[|｜]")
_SHEET_LINE = re.compile(r"^[|｜]?[\u4e00-\u9fffA-Za-z0-9（(]")


def _bar_fields(block: Block) -> list[str] | None:
    """The "|"-separated fields of a sheet line, empty ones kept (a merged or blank cell); None for other text."""
    text = block.text.strip()
    if block.kind != "paragraph" or len(_BAR.findall(text)) < 2 or not _SHEET_LINE.match(text):
        return None
    return [f.strip() for f in _BAR.split(text)]


# A two-column sheet line: exactly one bar between two fields ("项目|内容", "总指挥|钱立峰"); the left field a word
_PAIR_LINE = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9（(][^|｜]*[|｜][^|｜]*$")


def _pair_fields(block: Block) -> list[str] | None:
    text = block.text.strip()
    if block.kind != "paragraph" or not _PAIR_LINE.match(text):
        return None
    return [f.strip() for f in _BAR.split(text)]


def two_column_sheets(blocks: list[Block]) -> list[Block]:
    """A workbook's two-column sheet exported as "|"-separated lines (a header line of two column names, or none,
    then one "key|value" line per row; three lines at least) becomes the table it stands for, before key-value
    tables are expanded: a 项目 | 内容 sheet is then read as the paragraphs it stands for and a 职务 | 姓名 or
    单位 | 电话 sheet by column, as the same grid typed in Word would be (the table rules decide whether the first
    row is a header). Three or more columns are ``aligned_tables``' (it keeps its own path)."""
    out: list[Block] = []
    at = 0
    first_row_only = says_first_row_only([b.text for b in blocks if b.kind == "paragraph"])
    while at < len(blocks):
        header = _pair_fields(blocks[at])
        rows: list[list[str]] = []
        # the first line is the header or, in a sheet exported without one, the first row: a label either way
        if header is not None and _is_label(header[0]) and header[1]:
            while at + 1 + len(rows) < len(blocks):
                fields = _pair_fields(blocks[at + 1 + len(rows)])
                if fields is None or (not fields[0] and not first_row_only):
                    break
                rows.append(fields)
        if len(rows) < 2:  # one "a|b" line under another is too little to call a sheet
            out.append(blocks[at].model_copy(update={"paragraph": len(out)}))
            at += 1
            continue
        cells = [[_squash(f) for f in header or []], *rows]
        if not _names_columns(cells[0]) and all(_is_label(key) for key, _ in cells):
            # no header line: a list of labels and values ("总指挥|朱建华") reads as the "label：value" lines it lists
            out += [
                rewritten_text(blocks[at + i], f"{key}：{value}", len(out) + i)
                for i, (key, value) in enumerate(cells)
            ]
        else:
            out.append(
                _table_block(blocks, at, len(rows), filled_down(cells) if first_row_only else cells, len(out))
            )
        at += 1 + len(rows)
    return out


# header words of a two-column sheet besides the key-value pair and the column names of typed lists
_HEADER_WORD = re.compile(r"级别|等级|条件|情形|职责|任务|措施|时限|方式|对象|类别|备注|内容|事项|岗位|人员")


def _names_columns(first: list[str]) -> bool:
    """The first line of a two-column sheet is a header line: both fields name columns."""
    return all(
        f in _KEY_HEADERS or f in _VALUE_HEADERS or _COLUMN_NAME.search(f) or _HEADER_WORD.search(f)
        for f in first
    )


def _table_block(blocks: list[Block], at: int, n_rows: int, cells: list[list[str]], paragraph: int) -> Block:
    """The lines blocks[at : at + 1 + n_rows] as one table block (their text, first to last, its origin)."""
    merged = blocks[at : at + 1 + n_rows]
    origin = (
        None if blocks[at].origin_paragraph is None else "\n".join(b.origin_text or b.text for b in merged)
    )
    return blocks[at].model_copy(
        update={
            "kind": "table",
            "text": "\n".join(" | ".join(row) for row in cells),
            "paragraph": paragraph,
            "cells": cells,
            "origin_text": origin,
        }
    )


def _fields(block: Block, gap: re.Pattern[str] | None = _COLUMN_GAP) -> list[str]:
    if block.kind != "paragraph":
        return []
    if gap is None:
        return _bar_fields(block) or []
    return [f.strip() for f in gap.split(block.text.strip()) if f.strip()]


def _is_header(fields: list[str], barred: bool = False) -> bool:
    """Column names: short, no digits, at least three; typed with spaces two of them must be known column words,
    between "|" bars the bars already say they are columns."""
    names = [_squash(f) for f in fields]
    return (
        len(names) >= 3
        and all(0 < len(n) <= 8 and not re.search(r"\d", n) for n in names)
        and (barred or sum(bool(_COLUMN_NAME.search(n)) for n in names) >= 2)
    )


def _gap_of(block: Block) -> re.Pattern[str] | None:
    """How the block's fields are separated, if it can head a table: "|" bars (None), wide gaps or single spaces."""
    bars = _bar_fields(block)
    if bars is not None and _is_header(bars, barred=True):
        return None
    return _COLUMN_GAP if _is_header(_fields(block)) else _SINGLE_GAP


def aligned_tables(blocks: list[Block]) -> list[Block]:
    """The blocks with each run of space-aligned lines under a header line replaced by one table
    (see the module docstring); other blocks as they are, renumbered."""
    out: list[Block] = []
    at = 0
    first_row_only = says_first_row_only([b.text for b in blocks if b.kind == "paragraph"])
    while at < len(blocks):
        gap = _gap_of(blocks[at])
        header = _fields(blocks[at], gap)
        rows: list[list[str]] = []
        if _is_header(header, barred=gap is None):
            while at + 1 + len(rows) < len(blocks):
                fields = _fields(blocks[at + 1 + len(rows)], gap)
                if len(fields) != len(header):
                    break
                rows.append(fields)
        if not rows:
            out.append(blocks[at].model_copy(update={"paragraph": len(out)}))
            at += 1
            continue
        cells = [[_squash(f) for f in header], *rows]
        if gap is None and first_row_only:
            cells = filled_down(cells)
        # the lines it was typed as, first to last, are its origin (None outside the import pipeline)
        out.append(_table_block(blocks, at, len(rows), cells, len(out)))
        at += 1 + len(rows)
    return out
