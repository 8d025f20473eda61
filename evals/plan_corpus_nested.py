"""Nested tables in sample-plan sources: a table cell that holds a small table of its own.

Word users lay a plan out with one big table and put a second table inside a cell (the posts and
phones of each body, or internal and external contacts side by side). In a source a cell may be a
mapping ``{text: optional line above, table: {rows: [...]}}``. The DOCX gets a real nested table
(``w:tbl`` inside ``w:tc``); the PDF shows the inner rows as lines in the outer cell, fields apart
by a full-width space, which is what a text layer of a nested grid reads like.
"""

from __future__ import annotations

from typing import Any

_FIELD_GAP = "　"


def is_nested(cell: Any) -> bool:
    return isinstance(cell, dict) and "table" in cell


def inner_rows(cell: dict[str, Any]) -> list[list[str]]:
    return [[str(c) for c in row] for row in cell["table"]["rows"]]


def flat_text(cell: Any) -> str:
    """The cell as plain text: its line above, then one line per inner row (the PDF's cell text)."""
    if not is_nested(cell):
        return str(cell)
    lines = [str(cell["text"])] if cell.get("text") else []
    lines += [_FIELD_GAP.join(field for field in row if field) for row in inner_rows(cell)]
    return "\n".join(lines)


def cell_texts(cell: Any) -> list[str]:
    """Every text of the cell (line above and inner fields): what ground truth is checked against."""
    if not is_nested(cell):
        return [str(cell)]
    head = [str(cell["text"])] if cell.get("text") else []
    return head + [field for row in inner_rows(cell) for field in row]


def fill_docx_cell(docx_cell: Any, cell: dict[str, Any]) -> None:
    """Write the line above (if any) into the cell's paragraph and add the inner table after it."""
    docx_cell.text = str(cell.get("text") or "")
    rows = inner_rows(cell)
    inner = docx_cell.add_table(rows=len(rows), cols=len(rows[0]))
    inner.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            inner.cell(r, c).text = text
