"""Plans translated from an English group template write labels in both languages ("组长 Leader",
"疏散引导组 Evacuation", "2 Emergency Organization / 应急组织机构"). The rules read the Chinese words; the
English gloss is dropped from labels (never from values such as a person's name)."""

from __future__ import annotations

import re

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
