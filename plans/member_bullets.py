"""Member lists written as bullets: "成员单位：" alone on its line, then "· 局办公室", "· 仓储与安全科", …

The organisation rules read a member listing as one "成员单位：A、B和C" clause (one 成员单位 role whose
holder is the listing). A plan that puts each member on a bullet line of its own says the same thing, so
``member_bullet_blocks`` joins such a run back into that clause: the label line takes the names, joined
by "、", and the bullet lines go. Only bare names are joined (a bullet with a colon or a sentence, "▪ 市公安局：
负责…", is a member unit with duties of its own and stays). Blocks are renumbered like ``plans.qa_text``.
"""

from __future__ import annotations

import re

from plans.structure import Block, rewritten_text

_MEMBER_LABEL = re.compile(r"^\s*(成员单位|成员|组员|队员)\s*(?:包括|为|有)?\s*[:：]\s*$")
_GLYPH = r"[·•●○■□▪▫◆◇◎➢►▶\-－—]"
_BARE_NAME = re.compile(rf"^\s*(?:{_GLYPH}\s*)?([\u4e00-\u9fff（）()]{{2,24}})\s*[；;，,。]?\s*$")


def _bullet_name(block: Block) -> str | None:
    if block.kind not in ("paragraph", "list_item"):
        return None
    if block.kind == "paragraph" and not re.match(rf"^\s*{_GLYPH}", block.text):
        return None  # a plain paragraph after the label is the next part of the text, not a member
    m = _BARE_NAME.match(block.text)
    return m.group(1) if m else None


def member_bullet_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks with each bulleted member run joined into its label line (see the module docstring)."""
    out: list[Block] = []
    at = 0
    while at < len(blocks):
        block = blocks[at]
        label = _MEMBER_LABEL.match(block.text) if block.kind in ("paragraph", "list_item") else None
        names: list[str] = []
        while label and at + 1 + len(names) < len(blocks):
            name = _bullet_name(blocks[at + 1 + len(names)])
            if name is None:
                break
            names.append(name)
        if label and len(names) >= 2:
            out.append(rewritten_text(block, f"{label.group(1)}：{'、'.join(names)}", len(out)))
            at += 1 + len(names)
            continue
        out.append(block.model_copy(update={"paragraph": len(out)}))
        at += 1
    return out
