"""Merged cells of a table exported as text (a workbook saved as "|"-separated lines): the exporter writes a merged
cell's value on its first row only and leaves the cell empty on the rows below.

A DOCX table repeats a merged cell's text in every grid position it covers, and the table rules read that shape; so
when the text says merged cells are written on their first row only ("合并单元格只在首行填写"), an empty cell takes the
value above it where a merge is what the column holds: the first column (the row's group or level) and a column that
describes the group or level (职责, 任务, 指挥, 存放地点). A person's cells (姓名, 手机, 电话, 管理人) are never merged:
each person has their own, so an empty one is nothing. Without that sentence an empty cell stays empty.
"""

from __future__ import annotations

import re

# "合并单元格只在首行填写" / "合并的单元格仅在第一行填写内容" / "合并单元格的内容仅写在首行"
_MERGE_NOTE = re.compile(r"合并(?:的)?单元格.{0,8}?(?:只|仅)?(?:在|写在|填在|于)?(?:首行|第一行|首格|第一格)")
# a column whose merged cell spans the rows of one group or level
_SPANNING = re.compile(r"职责|任务|指挥|地点|位置|存放|储存")
# a person's own cell: never merged
_PERSONAL = re.compile(r"姓名|手机|电话|联系|管理人|负责人|人员|成员|保管")


def says_first_row_only(texts: list[str]) -> bool:
    """True when a paragraph of the document says merged cells are written on their first row only."""
    return any(_MERGE_NOTE.search(re.sub(r"\s+", "", t)) for t in texts)


def filled_down(cells: list[list[str]]) -> list[list[str]]:
    """The grid (header first) with each empty cell of a spanning column given the value above it."""
    header = cells[0]
    spanning = [
        col == 0 or (bool(_SPANNING.search(name)) and not _PERSONAL.search(name))
        for col, name in enumerate(header)
    ]
    out = [list(header)]
    for row in cells[1:]:
        above = out[-1] if len(out) > 1 else None
        out.append(
            [
                above[col] if above is not None and not cell and spanning[col] and col < len(above) else cell
                for col, cell in enumerate(row)
            ]
        )
    return out
