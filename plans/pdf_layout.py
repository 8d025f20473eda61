"""Laying out a PDF page's lines as blocks: the text layer's lines (``_layer_blocks``) and OCR'd
lines (``_ocr_blocks``). Reading the page and choosing between the two is ``plans.pdf_parser``.

Lines are grouped into paragraphs per PyMuPDF text block, split where a numbered line starts;
short lines set in a larger or bold font count as headings even without a number. Ruled tables
arrive as cell grids and are placed where they sit on the page; OCR rows whose boxes line up in
columns become tables too. A paragraph or table running over a page break joins the one above.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from plans.ocr import OcrLine
from plans.structure import Block, BlockKind, classify_line, classify_ocr_line

_SENTENCE_END = re.compile(r"[。；;！!？?：:]$")
_PARAGRAPH_END = re.compile(r"[。！!？?]$")  # a line that reaches the margin continues unless a sentence ends
_COLUMN_GAP = re.compile(r"\S[ \u3000\t]{2,}\S")
# "安监办主任　朱国平　13906168235": fields set apart by an ideographic space, a number last, are a typed contact row
# (no clause punctuation: a sentence listing "A　0510-…；B　0510-…" may wrap inside its last number)
_NUMBER_ROW = re.compile(r"^[^，,。；;：:、]+[\u3000\t]\s*\d[\d\-－ ]{4,}\d$")
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－_\s]*\d{1,4}[-—–－_\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$"
)


@dataclass
class _FontStats:
    """Running character count per font size (the mode is the body size), and whether the last text
    line of the page before reached the right margin: only such a line can run on over the break."""

    sizes: Counter[float] = field(default_factory=Counter)
    open_line: bool = False

    def body_size(self) -> float:
        return self.sizes.most_common(1)[0][0] if self.sizes else 10.5


@dataclass
class _Line:
    text: str
    size: float
    bold: bool
    block_no: int
    x1: float
    y0: float


_BULLET_START = re.compile(r"^[●•■◆▪◇□➢►▶√]")
# "3）调集…" on a line after one ending "（": the rest of an item number broken after its opening bracket
_CLOSED_NUMBER = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]")
# Full-width punctuation may hang past the right margin by one glyph ("…副总经理）；" at a line end)
_HANGING = re.compile(r"[，。、；：！？）》」』”’,.;:!?)]$")


def _sheet_rows(above: str, below: str) -> bool:
    """Two rows of a sheet exported as "|"-separated lines: as many bars on each (one for a two-column sheet). A
    row that wraps leaves fewer bars on its second line, so that one still runs on."""
    bars = above.count("|") + above.count("｜")
    return bars >= 1 and below.count("|") + below.count("｜") == bars


def _flush_x1(line: _Line) -> float:
    """Where the line's text column ends: a hanging punctuation mark does not widen the column."""
    return line.x1 - line.size if _HANGING.search(line.text) else line.x1


def _is_heading_by_font(line: _Line, body: float) -> bool:
    # Latin letters count half: "2 Emergency Organization / 应急组织机构" is a short bilingual heading
    return (
        sum(0.5 if ord(c) < 128 else 1 for c in line.text) <= 30
        and not _SENTENCE_END.search(line.text)
        and (line.size >= body * 1.15 or (line.bold and line.size >= body))
    )


def _layer_blocks(
    lines: list[_Line],
    tables: list[tuple[Any, list[list[str]]]],
    page_no: int,
    fonts: _FontStats,
    out: list[Block],
) -> None:
    for line in lines:
        fonts.sizes[line.size] += len(line.text)
    body = fonts.body_size()
    current: list[str] = []
    current_kind: BlockKind = "paragraph"
    current_number: str | None = None

    first_on_page = True

    def flush() -> None:
        nonlocal current, current_kind, current_number, first_on_page
        if current:
            text = "".join(current)
            previous = out[-1] if out else None
            continues = (
                first_on_page
                and previous is not None
                and previous.page != page_no
                and current_kind == "paragraph"
                and current_number is None
                and previous.kind in ("paragraph", "list_item")
                and not _SENTENCE_END.search(previous.text)
                and fonts.open_line  # a short last line ended its paragraph ("…印发" on a cover)
            )
            if continues and previous is not None:  # a paragraph running over the page break
                previous.text += text
            else:
                out.append(
                    Block(
                        kind=current_kind, text=text, paragraph=len(out), page=page_no, number=current_number
                    )
                )
            first_on_page = False
        current, current_kind, current_number = [], "paragraph", None

    pending_tables = sorted(tables, key=lambda t: t[0][1])
    right = max((_flush_x1(ln) for ln in lines), default=0.0)  # the text column's right margin
    # a ruled table spans the text column: on a page of short headings over tables the headings do not
    # make the margin (else every one of them "runs to the margin" and reads as a list item)
    right = max([right, *(float(t[0][2]) for t in tables)])
    last_line: _Line | None = None
    last_heading: _Line | None = None

    def emit_tables(before_y: float) -> None:
        while pending_tables and pending_tables[0][0][1] <= before_y:
            nonlocal first_on_page
            _bbox, grid = pending_tables.pop(0)
            text = "\n".join(" | ".join(row) for row in grid)
            previous = out[-1] if out else None
            if (
                first_on_page
                and previous is not None
                and previous.kind == "table"
                and previous.page != page_no
                and previous.cells
                and len(previous.cells[0]) == len(grid[0])
            ):  # a table running over the page break: its rows continue the table above
                previous.cells.extend(grid)
                previous.text += "\n" + text
            else:
                out.append(Block(kind="table", text=text, paragraph=len(out), page=page_no, cells=grid))
            first_on_page = False

    for line in lines:
        if pending_tables and pending_tables[0][0][1] <= line.y0:
            flush()
            emit_tables(line.y0)
        kind, number = classify_line(line.text)
        if last_line is not None and last_line.text.endswith(("（", "(")) and _CLOSED_NUMBER.match(line.text):
            kind, number = "paragraph", None  # "…；（" then "3）…": the item number broke after its bracket
        if kind == "paragraph" and _is_heading_by_font(line, body):
            kind = "heading"
        elif kind == "list_item" and _is_heading_by_font(line, body) and line.size >= body * 1.15:
            kind = "heading"  # "六、附件：应急联系表" set larger: the font decides, not the colon
        elif kind == "heading" and line.x1 >= right - 18 and len(lines) > 1 and line.size <= body * 1.05:
            kind = "list_item"  # a numbered line running to the margin is the first line of a list item
        if kind == "heading":
            flush()
            previous = out[-1] if out else None
            if (
                number is None
                and last_heading is not None
                and previous is not None
                and previous.kind == "heading"
                and previous.page == page_no
                and line.size == last_heading.size
                and last_heading.x1 >= right - 18
                and not line.text.startswith(("（", "("))  # "（2024年修订版）" under a title is its own line
            ):  # a long title wrapped onto a second line ("…专项应急预" / "案") is one heading
                previous.text += line.text
            else:
                out.append(
                    Block(kind="heading", text=line.text, paragraph=len(out), page=page_no, number=number)
                )
            last_line, last_heading = None, line
            first_on_page = False
            continue
        wrapped = (
            last_line is not None
            # CJK text wraps up to a glyph early (a digit run or a punctuation mark would overhang): allow <2 glyphs
            and last_line.x1 >= right - max(18.0, 1.9 * last_line.size)
            and not _PARAGRAPH_END.search(last_line.text)
            # fields padded apart ("刘刚　　　副局长　　　135…") make a row of a typed list, not running
            # text, unless the row breaks inside a list ("成员：党政办公室、" runs on)
            and (not _COLUMN_GAP.search(last_line.text) or last_line.text.endswith(("、", "，", ",", "：")))
            and not _sheet_rows(last_line.text, line.text)
            # on a page of short contact rows the longest row makes the margin: it runs on to nothing
            and not _NUMBER_ROW.search(last_line.text)
        )
        # CJK text is set flush: a line that stops short of the margin ends its paragraph, even when
        # PyMuPDF groups the next line into the same text block (a bold group name above its text)
        starts_new = (
            number is not None
            or not current
            or not wrapped
            or _BULLET_START.match(line.text)
            is not None  # "● Ⅰ级响应：…" after a line ending "：" at the margin
        )
        if starts_new:
            flush()
            current_kind, current_number = kind, number
        current.append(line.text)
        last_line = line
    fonts.open_line = last_line is not None and last_line.x1 >= right - max(18.0, 1.9 * last_line.size)
    flush()
    emit_tables(float("inf"))


def _table_runs(lines: list[OcrLine], page_width: float) -> dict[int, int]:
    """Start index → end index (exclusive) of runs of rows whose boxes line up in columns.

    A row may have fewer boxes than the first row when a merged cell left a gap, as long as every
    box sits on a column; a single row of three or more boxes (a header at the foot of a page) is a
    run of its own, so it can join the table's rows on the next page."""
    tolerance = 0.03 * page_width

    def fits(row: OcrLine, columns: list[float]) -> bool:
        return len(row.parts) >= 2 and all(
            any(abs(x - c) <= tolerance for c in columns) for x, _ in row.parts
        )

    runs: dict[int, int] = {}
    i = 0
    while i < len(lines):
        columns = [x for x, _ in lines[i].parts]
        j = i
        while len(columns) >= 2 and j + 1 < len(lines) and fits(lines[j + 1], columns):
            j += 1
        if j > i or len(columns) >= 3:
            runs[i] = j + 1
            i = j + 1
        else:
            i += 1
    return runs


def _grid(rows: list[OcrLine], page_width: float) -> list[list[str]]:
    """Rows of boxes → cells by column; a gap (merged cell) repeats the value above it."""
    columns = [x for x, _ in rows[0].parts]
    tolerance = 0.03 * page_width
    grid: list[list[str]] = []
    for row in rows:
        cells = [""] * len(columns)
        for x, text in row.parts:
            col = min(range(len(columns)), key=lambda c: abs(columns[c] - x))
            cells[col] = (
                f"{cells[col]} {text}".strip() if abs(columns[col] - x) <= tolerance * 4 else cells[col]
            )
        if grid:
            cells = [cell or grid[-1][c] for c, cell in enumerate(cells)]
        grid.append(cells)
    return grid


def _ocr_blocks(lines: list[OcrLine], page_width: float, *, page_no: int, out: list[Block]) -> None:
    """OCR lines → blocks: rows aligned in columns become a table; a line that reaches the right
    margin continues into the next one."""
    lines = [ln for ln in lines if not _PAGE_NUMBER.match(ln.text.replace(" ", ""))]
    if not lines:
        return
    right = max(ln.x1 for ln in lines)
    runs = _table_runs(lines, page_width)
    pending: Block | None = None
    skip_until = 0
    for n, line in enumerate(lines):
        if n < skip_until:
            continue
        if n in runs:
            if pending is not None:
                out.append(pending)
                pending = None
            grid = _grid(lines[n : runs[n]], page_width)
            text = "\n".join(" | ".join(row) for row in grid)
            previous = out[-1] if out else None
            if (
                previous is not None
                and previous.kind == "table"
                and previous.page != page_no
                and previous.cells
                and len(previous.cells[0]) == len(grid[0])
            ):  # the table continues from the previous page
                previous.cells.extend(grid)
                previous.text += "\n" + text
            else:
                out.append(
                    Block(kind="table", text=text, paragraph=len(out), page=page_no, cells=grid, ocr=True)
                )
            skip_until = runs[n]
            continue
        kind, number, text = classify_ocr_line(line.text)
        if pending is not None and kind in ("paragraph",) and pending.kind != "heading":
            pending.text += text
        else:
            if pending is not None:
                out.append(pending)
            pending = Block(kind=kind, text=text, paragraph=len(out), page=page_no, number=number, ocr=True)
        wraps = line.x1 >= right - 0.04 * page_width and not _SENTENCE_END.search(line.text)
        if not wraps or pending.kind == "heading":
            out.append(pending)
            pending = None
    if pending is not None:
        out.append(pending)
