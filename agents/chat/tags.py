"""Enterprise tags said in a question (规上企业, 高新技术企业, 专精特新, 外资企业): ``Enterprise.tags``
holds them, and every enterprise-rooted template filters on one (``graph.intent_base``)."""

from __future__ import annotations

import re

# Longest first: "规模以上" before "规上"; 高新区 is a place (江阴高新区), not the 高新技术企业 tag.
TAG_SYNONYMS: dict[str, str] = {
    "规模以上": "规上企业", "规上": "规上企业", "高新技术企业": "高新技术企业", "高新技术": "高新技术企业",
    "高新企业": "高新技术企业", "专精特新": "专精特新", "外资企业": "外资企业", "外资": "外资企业",
    "外企": "外资企业",
}  # fmt: skip
_TAG = re.compile("|".join(sorted(TAG_SYNONYMS, key=len, reverse=True)))


def tag_of(text: str) -> str | None:
    m = _TAG.search(text)
    return TAG_SYNONYMS[m.group(0)] if m else None


__all__ = ["TAG_SYNONYMS", "tag_of"]
