"""Tables without a header row: a header read from what the cells say.

Wiki exports and hand-made tables often start straight with data ("二级响应 | 初起火灾… | 当班值班长",
"干粉灭火器 | 60具 | 各楼层走廊 | 后勤部", "院长 | 顾春华 | 139…"). The table rules take the first row as the
header, so such a table would lose its first row and be read with the wrong columns. A first row is data when a
cell of it holds a phone number, a count with its unit, a self-labelled value ("组长：后勤部部长") or a level name
beside a sentence; then each column is named by its cells and that header is put on top, so every table rule reads
the rows as it reads a headed table. A two-column 项目 | 内容 card (label | text rows) is left as it is.
"""

from __future__ import annotations

import re

from agents.llm.vocab import normalise_level
from plans.structure import Block

_PHONE = re.compile(r"^\s*(?:\d{3,4}-)?\d{7,8}\s*$|^\s*1[3-9]\d{9}\s*$")
_COUNT = re.compile(r"^\s*\d+(?:\.\d+)?\s*[\u4e00-\u9fffA-Za-z]{1,2}\s*$")
_LABELLED = re.compile(r"^\s*([\u4e00-\u9fff]{2,4})\s*[:：]\s*(\S.*)$", re.S)
_LEVEL_NAME = re.compile(r"^\s*\S{1,4}级(?:应急)?(?:响应)?(?:[（(][^）)]{1,8}[)）])?\s*$")
# A post as a person is known by: ends in a job word ("院长", "后勤部部长", "护理部主任")
_POST = re.compile(r"(?:长|主任|经理|书记|员|指挥|负责人|主管|干事)$")
_KEEPER = re.compile(
    r"(?:部|科|处|办|队|中心|公司|站|所)$"
)  # a department keeps stock; a room or floor is a place


def _column(cells: list[str]) -> str:
    """The kind of one data column, "" when its cells say nothing clear."""
    cells = [c for c in cells if c.strip()]
    if not cells:
        return ""
    if all(_PHONE.match(c) for c in cells):
        return "电话"
    if all(_COUNT.match(c) for c in cells):
        return "数量"
    labels = {m.group(1) for m in (_LABELLED.match(c) for c in cells) if m}
    if len(labels) == 1 and all(_LABELLED.match(c) for c in cells):
        return labels.pop()
    if all(_LEVEL_NAME.match(c) and _level(c) for c in cells):
        return "级别"
    return ""


def _named(kinds: list[str], rows: list[list[str]]) -> list[str]:
    """Names for the columns the cells did not name, from the ones they did."""
    texts = [i for i, k in enumerate(kinds) if not k]
    column = [[r[i] if i < len(r) else "" for r in rows] for i in range(len(kinds))]
    if "级别" in kinds:  # 级别 | 情形 | 指挥: the longer text is the condition, a short one who commands
        longest = max(texts, key=lambda i: sum(len(c) for c in column[i]), default=None)
        for i in texts:
            kinds[i] = "情形" if i == longest else "指挥"
    elif "数量" in kinds:  # 名称 | 数量 | 存放地点 | 管理部门
        at = kinds.index("数量")
        for i in texts:
            if i < at:
                kinds[i] = "名称"
            elif all(_KEEPER.search(c.strip()) for c in column[i] if c.strip()) and i == texts[-1]:
                kinds[i] = "管理部门"
            else:
                kinds[i] = "存放地点"
    elif "电话" in kinds:  # 职务 | 姓名 | 电话, or 单位 | 电话
        posts = {i: sum(bool(_POST.search(c.strip())) for c in column[i]) for i in texts}
        for i in texts:
            kinds[i] = "职务" if len(texts) > 1 and posts[i] == max(posts.values()) else "姓名"
        if len(texts) == 1:
            kinds[texts[0]] = "单位"
    elif any(kinds):  # "灭火组 | 组长：… | 职责：…": the unlabelled first cell names the group
        for i in texts:
            kinds[i] = "组别" if i == 0 else ""
    return kinds


def with_header(block: Block) -> Block:
    """The table with a header read from its cells when its first row is data; other blocks as is."""
    if block.kind != "table" or not block.cells or len(block.cells) < 2:
        return block
    rows = block.cells
    width = max(len(r) for r in rows)
    if width < 3:  # label | value pairs: a card or a cover table, read by its own rules
        return block
    kinds = [_column([r[i] if i < len(r) else "" for r in rows]) for i in range(width)]
    first = rows[0]
    data_first = any(kinds) and any(
        _PHONE.match(c) or _COUNT.match(c) or _LABELLED.match(c) or (k == "级别" and _level(c))
        for c, k in zip(first, kinds, strict=False)
    )
    if not data_first or any(kinds.count(k) > 1 for k in kinds if k):
        return block
    kinds = _named(kinds, rows)
    if not all(kinds):
        return block
    # a self-labelled cell gives its value under the label the header now carries
    body = [[_value(c) if _LABELLED.match(c) and kinds[i] not in ("级别",) else c for i, c in enumerate(r)]
            for r in rows]  # fmt: skip
    return block.model_copy(update={"cells": [kinds, *body]})


def _value(cell: str) -> str:
    m = _LABELLED.match(cell)
    return m.group(2).strip() if m else cell


def _level(cell: str) -> bool:
    return normalise_level(re.sub(r"[（(][^）)]*[)）]|(?:应急)?响应", "", cell).strip()) is not None
