"""Source blocks as the review page shows them."""

from __future__ import annotations

from plans.service import _block
from tests.support.sample_plans import Block


def test_table_blocks_show_their_cells_and_kinds_are_plain_strings() -> None:
    table = Block(kind="table", text="", page=3, paragraph=9)
    table.cells = [["职务", "姓名", "电话"], ["总指挥", "李四", "13800000001"]]  # type: ignore[attr-defined]
    shown = _block(table)
    assert shown["text"] == "职务 | 姓名 | 电话\n总指挥 | 李四 | 13800000001"
    assert (shown["kind"], shown["page"], shown["paragraph"]) == ("table", 3, 9)
    assert _block({"kind": "heading", "text": "1 总则", "paragraph": 0})["text"] == "1 总则"
