"""A ruled table that starts at the foot of a PDF page with only its header row there.

PyMuPDF finds no table in a lone header row (one row of ruled cells), so its cells come back as short
text lines side by side ("级别", "启动条件", "指挥") and the table's body on the next page loses its
header: the level rules cannot tell which column is the trigger. Read such a row as a one-row table
so that the layout joins the next page's rows to it, as it joins any table running over a page break.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

_FOOT = 0.75  # the row sits in the last quarter of the page
_MIN_CELLS = 3  # two short lines side by side are as often a signature line as a header
_CELL = re.compile(r"^[^，。；;：:,.]{1,12}$")


class _Placed(Protocol):
    text: str
    block_no: int
    y0: float


def foot_header_row(lines: list[Any], page_height: float) -> tuple[list[Any], list[str] | None]:
    """(lines without the row, its cells) when the page ends in a row of short cells, else (lines, None)."""
    if len(lines) < _MIN_CELLS:
        return lines, None
    last: _Placed = lines[-1]
    row = [ln for ln in lines if ln.block_no == last.block_no and abs(ln.y0 - last.y0) < 1.0]
    if (
        len(row) < _MIN_CELLS
        or lines[-len(row) :] != row
        or last.y0 < page_height * _FOOT
        or not all(_CELL.match(ln.text) for ln in row)
    ):
        return lines, None
    return lines[: -len(row)], [ln.text for ln in row]
