"""Groups each opened by a sentence of their own: "成立灭火行动组，组长由工程部经理担任，组员为…。其职责是：①…".

The organisation rules read a group introduced by its name ("灭火行动组：组长由…担任…", "X组：由A任组长，负责…"):
the name leads the item, its posts and duties follow. A plan that opens each group with "成立X组，" (or 组建 /
设立) says the same thing without a subject, so ``group_sentence_blocks`` rewrites such a paragraph to lead with
the name: "灭火行动组：组长由…". Without that, each "成立…" sentence reads as set up by the group before it, and
the posts that follow go to that earlier group. Only paragraphs that open with the verb are rewritten, and only where two or more do (a body
named before the verb, "公司成立应急指挥部，…", is the subject that sets the group up and stays as written).
Blocks keep their indices.
"""

from __future__ import annotations

import re

from plans.structure import Block, rewritten_text

_NUMBER = r"(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十\d]+\s*[、.．)）])?"
# the group named right after the verb, then a comma and its posts or duties
_OPENS_GROUP = re.compile(
    rf"^(\s*{_NUMBER}\s*)(?:成立|组建|设立)([\u4e00-\u9fff]{{2,12}}?(?:组|队|班))\s*[，,]\s*"
    r"(?=(?:组长|队长|班长|由|负责|主要负责))"
)


def _opening(block: Block) -> re.Match[str] | None:
    m = _OPENS_GROUP.match(block.text) if block.kind in ("paragraph", "list_item") else None
    return m if m and not re.search(r"[的以为]", m.group(2)) else None  # "成立以总经理为组长的处置组"


def group_sentence_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks with each group-opening "成立X组，…" paragraph led by the group's name instead, where the plan
    opens two groups or more that way (a single one is the plan's one unit, and the text below it is its own)."""
    openings = {b.paragraph: m for b in blocks if (m := _opening(b))}
    if len(openings) < 2:
        return blocks
    out: list[Block] = []
    for block in blocks:
        m = openings.get(block.paragraph)
        if m:
            text = f"{m.group(1)}{m.group(2)}：{block.text[m.end() :]}"
            out.append(rewritten_text(block, text, block.paragraph, block.kind))
        else:
            out.append(block)
    return out
