"""Tables whose header spans two rows: the rows folded into one header.

Plans often group columns under a merged heading: "分级 | 条件 | 响应" over "　 | 　 | 指挥 | 措施" (响应 merged
across 指挥 and 措施, 分级 and 条件 merged down), or "联系电话" over "办公电话 | 手机". The DOCX and PDF readers give a
merged cell's text in every grid cell it covers (a PDF may leave the covered cells empty instead), so the table
rules would take the first row as the header, name two columns "响应", and read the second header row as data.
Folding keeps one header: a column under a merged heading is named by its own sub-heading, a column merged down
keeps its one name. Only a second row that reads as headings is folded (short texts without digits, at least one
column merged down onto it and at least two sub-headings under one merged heading), so a data row never is.
"""

from __future__ import annotations

import re

from plans.structure import Block

# a heading is short and has no digits (a data row holds counts, phones, dates, or sentences)
_HEADING = re.compile(r"^[^\d0-9，。；;,]{1,10}$")


def _clean(cell: str) -> str:
    return re.sub(r"\s+", "", cell)


def _spans(row: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of cells that one merged heading covers: equal texts, or empties after a text."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(row):
        j = i + 1
        while j < len(row) and row[i] and (row[j] == row[i] or not row[j]):
            j += 1
        out.append((i, j))
        i = j
    return out


def _folds(top: list[str], sub: list[str]) -> bool:
    """True when ``sub`` is the second row of a header whose first row is ``top``."""
    if len(top) != len(sub) or len(top) < 3:
        return False
    merged_down = [i for i, (a, b) in enumerate(zip(top, sub, strict=True)) if a and (b == a or not b)]
    split_across = [
        (s, e)
        for s, e in _spans(top)
        if e - s >= 2 and len({sub[k] for k in range(s, e) if sub[k]}) == e - s and all(sub[s:e])
    ]
    headings = all(not c or _HEADING.match(c) for c in (*top, *sub))
    return bool(merged_down) and bool(split_across) and headings


def folded_rows(cells: list[list[str]]) -> list[list[str]]:
    """The grid with a two-row header folded into one row; the grid as is when its header is one row."""
    if len(cells) < 3:
        return cells
    top, sub = [_clean(c) for c in cells[0]], [_clean(c) for c in cells[1]]
    if not _folds(top, sub):
        return cells
    header = []
    for s, e in _spans(top):
        for k in range(s, e):
            header.append(sub[k] if e - s >= 2 and sub[k] else top[s])
    return [header, *cells[2:]]


def with_folded_header(block: Block) -> Block:
    """The table block with its two-row header folded (see ``folded_rows``); other blocks as is."""
    if block.kind != "table" or not block.cells:
        return block
    rows = folded_rows(block.cells)
    return block if rows is block.cells else block.model_copy(update={"cells": rows})
