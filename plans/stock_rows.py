"""Stock rows of a 要素 | 内容 table, read back as "名称：4辆（保管：运行部）", rewritten as the stock sentence they
stand for: "抢险工程车4辆，由运行部保管。".

The table expansion turns each row into a labelled line; the resource rules read stock from sentences
("…N台，由X负责管理"), not from a label whose value is a bare count. Only a line whose whole value is a count with
its unit, optionally followed by a bracketed keeper, is rewritten (a label followed by prose stays as written).
Blocks keep their indices.
"""

from __future__ import annotations

import re

from plans.structure import Block, rewritten_text

_ROW = re.compile(
    r"^\s*([\u4e00-\u9fffA-Za-z]{2,16})\s*[:：]\s*(\d+(?:\.\d+)?)\s*([\u4e00-\u9fff]{1,2})\s*"
    r"[（(]\s*(?:保管|保管人|保管单位|管理|管理单位|负责|负责人|责任人)\s*[:：]\s*([^（）()]{2,20})\s*[)）]\s*[。；;]?\s*$"
)


def stock_row_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks with count-valued stock lines rewritten (see the module docstring)."""
    out: list[Block] = []
    for block in blocks:
        m = _ROW.match(block.text) if block.kind in ("paragraph", "list_item") else None
        if m:
            text = f"{m.group(1)}{m.group(2)}{m.group(3)}，由{m.group(4).strip()}保管。"
            block = rewritten_text(block, text, block.paragraph, block.kind)
        out.append(block)
    return out
