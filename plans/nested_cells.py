"""Tables nested in table cells: fold them into the outer table's records or give them their own.

Word users lay a plan out with one big table and put a small table inside a cell: the posts and
phones of each body in its 人员组成 cell (机构 | 人员组成 | 主要职责), or internal and external
contacts side by side in a two-cell layout table. python-docx's ``cell.text`` skips a nested table,
and a PDF's text layer shows the inner rows as lines inside one cell ("职务　姓名　手机" first).
Both parsers hand the inner grids to ``splice_nested``, so the rest of the importer sees ordinary
table records (the shape of a roster with its 机构 merged over its people) and reads them with the
rules it already has.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Grid = list[list[str]]

_FIELD_GAP = re.compile(r"[\s\u3000]+")
# A header line names columns, e.g. 职务 姓名 手机 / 岗位 姓名 电话 / 单位 电话: short labels, no digits.
_HEADER_WORD = re.compile(r"姓名|电话|手机|职务|岗位|单位|联系人|部门")
_MAX_LABEL_CHARS = 6
_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_PHONE = re.compile(r"^(?:0\d{2,3}-?)?\d{7,8}$|^1\d{10}$")
_POST_HEADER = ("职务", "姓名", "手机")  # what a header-less post table's columns are


def cell_lines_table(lines: list[str]) -> Grid | None:
    """The small table a cell's lines spell out (fields apart by spaces: a header line of column labels
    then one line per row, maybe under a line of text; or "职务　姓名　手机" lines alone), or None when
    the lines are ordinary text."""
    rows = [_FIELD_GAP.split(line.strip()) for line in lines if line.strip()]
    if len(rows) >= 3 and not _is_header(rows[0]) and _is_header(rows[1]):
        rows = rows[1:]  # a line of text above the inner table ("指挥部成员如下：")
    return with_header(rows, min_rows=2)


def with_header(rows: Grid, min_rows: int = 1) -> Grid | None:
    """An inner table with a header row first: its own, or 职务 | 姓名 | 手机 for rows that are all a
    post, a person and a number (a nested table typed without a header row); None for anything else."""
    rows = [row for row in rows if any(row)]
    if len(rows) >= 2 and _is_header(rows[0]):
        width = len(rows[0])
        body: Grid = []
        for fields in rows[1:]:
            if len(fields) > width:  # extra gaps inside the last field (a spaced mobile number)
                fields = [*fields[: width - 1], "".join(fields[width - 1 :])]
            body.append(fields + [""] * (width - len(fields)))
        return [rows[0], *body]
    posts = all(
        len(row) == 3 and not re.search(r"\d", row[0]) and _NAME.match(row[1]) and _PHONE.match(row[2])
        for row in rows
    )
    return [list(_POST_HEADER), *rows] if len(rows) >= min_rows and rows and posts else None


def _is_header(fields: list[str]) -> bool:
    labels = all(0 < len(f) <= _MAX_LABEL_CHARS and not re.search(r"\d", f) for f in fields)
    return len(fields) >= 2 and labels and any(_HEADER_WORD.search(f) for f in fields)


def splice_nested(grid: Grid, inner: dict[tuple[int, int], Grid]) -> list[Grid]:
    """The outer grid with its nested cells resolved, as one or more plain grids.

    A layout table (every data row made only of nested tables) gives each inner table as its own
    grid, in reading order. Otherwise each nested column is widened into the inner table's columns
    (its header replaces the outer header cell) and each outer row into one row per inner row, the
    other cells repeated as a merged cell's text is.
    """
    inner = {key: g for key, g in inner.items() if len(g) >= 2}  # a header row and at least one row
    if not inner:
        return [grid]
    data_rows = range(1, len(grid))
    layout = all(
        all((r, c) in inner or not text for c, text in enumerate(grid[r])) for r in data_rows
    ) and not any(r == 0 for r, _c in inner)
    headers: dict[int, list[str]] = {}
    for (r, c), g in sorted(inner.items()):
        if r == 0 or headers.setdefault(c, g[0]) != g[0]:
            layout = True  # a nested header row or columns whose inner tables disagree: no splice
    if layout:
        return [inner[key] for key in sorted(inner)]
    for (r, c), g in list(inner.items()):
        inner[(r, c)] = [g[0], *appointed_rows(grid[r][c], g), *g[1:]]
    out: Grid = [_widen(grid[0], headers, lambda c: headers[c])]
    for r in data_rows:
        nested = [inner[(r, c)][1:] for c in headers if (r, c) in inner]
        count = max([len(rows) for rows in nested] + [1])
        for i in range(count):

            def part(c: int, r: int = r, i: int = i) -> list[str]:
                rows = inner[(r, c)][1:] if (r, c) in inner else []
                row = rows[i] if i < len(rows) else []
                return row + [""] * (len(headers[c]) - len(row))

            out.append(_widen(grid[r], headers, part))
    return [out]


def _widen(row: list[str], headers: dict[int, list[str]], part: Callable[[int], list[str]]) -> list[str]:
    cells: list[str] = []
    for c, text in enumerate(row):
        cells += part(c) if c in headers else [text]
    return cells


# "由储运部经理任组长，组员如下：" / "组长由车间主任担任" on the line above a post table: a post the rows do not list
_POST = r"(?:副?组长|副?队长|副?总指挥|副?班长)"
_APPOINTED = (
    re.compile(
        rf"(?:^|[，,；;])\s*由?(?P<who>[^，,。；;：:\s]{{2,12}}?)(?:担任|兼任|任)(?P<post>{_POST})(?=$|[，,。；;：:])"
    ),
    re.compile(rf"(?:^|[，,；;])\s*(?P<post>{_POST})由(?P<who>[^，,。；;：:\s]{{2,12}}?)(?:担任|兼任)"),
)


def appointed_rows(text: str, inner: Grid) -> Grid:
    """Rows for the posts the cell's line of text above its inner post table appoints (post, holder as
    written), before the inner rows; none where the inner table is no 职务 / 岗位 | 姓名 table."""
    header = inner[0]
    if len(header) < 2 or header[0] not in ("职务", "岗位") or header[1] != "姓名":
        return []
    listed = {row[0] for row in inner[1:]}
    line = text.strip().split("\n")[0]
    rows: Grid = []
    for pattern in _APPOINTED:
        for m in pattern.finditer(line):
            if m.group("post") not in listed:
                listed.add(m.group("post"))
                rows.append([m.group("post"), m.group("who"), *[""] * (len(header) - 2)])
    return rows
