"""Plans translated from an English group template write labels in both languages ("组长 Leader",
"疏散引导组 Evacuation", "2 Emergency Organization / 应急组织机构"). The rules read the Chinese words; the
English gloss is dropped from labels (never from values such as a person's name)."""

from __future__ import annotations

import re

from plans.structure import Block

# A run of English words (with their spaces, '&', '/', brackets) before or after the Chinese label
# (set apart by a space or a slash: "ERT组长" is one word)
_ENGLISH_RUN = re.compile(
    r"^[A-Za-z][A-Za-z0-9 .,&/()'-]*?[\s/]+(?=[\u4e00-\u9fff])|[\s/]+[A-Za-z][A-Za-z0-9 .,&/()'-]*$"
)


def chinese_label(label: str) -> str:
    """``label`` without an English gloss before or after it; a label with no Chinese stays as it is."""
    if not re.search(r"[\u4e00-\u9fff]", label):
        return label
    return _ENGLISH_RUN.sub("", label.strip()).strip() or label.strip()


# "Incident Commander 事故总指挥：总经理": a post line whose title carries its English name before it
_GLOSSED_POST_LINE = re.compile(r"^[A-Za-z][A-Za-z .&/'-]*?[A-Za-z.)]\s+(?=[\u4e00-\u9fff]{2,12}\s*[:：])")


def drop_post_line_glosses(blocks: list[Block]) -> list[Block]:
    """Paragraphs "<English title> <中文职务>：<holder>" read as "<中文职务>：<holder>", the post line the org
    rules know; every other block is returned as it is (the review page still shows the author's text
    through the block's origin)."""
    return [
        b.model_copy(update={"text": _GLOSSED_POST_LINE.sub("", b.text.strip())})
        if b.kind in ("paragraph", "list_item") and _GLOSSED_POST_LINE.match(b.text.strip())
        else b
        for b in blocks
    ]
