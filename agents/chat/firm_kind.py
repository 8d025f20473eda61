"""A yes/no question about one firm's kind or class ("信力树脂是不是危化企业", "X算不算A类企业").

The category words alone (危化企业, A类) would route to the enterprise list, which answers a different
question (every such firm). With a firm named, the question asks about that firm: it is answered from its
profile row with 是/否 and the fact the verdict rests on (chat round 28).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from agents.chat.slots import CATEGORY_SYNONYMS, GROUP_SYNONYMS, HAZCHEM_CATEGORIES, INDUSTRY_TRADE_CATEGORIES

_CUE = r"(?:是不是|是否(?:属于|为|是)?|算不算|属不属于|属于|是)"
_CLASS = re.compile(_CUE + r"(?:一家|个)?([A-Da-d])类(?:企业|单位)?")
_WORDS = "|".join(sorted({*CATEGORY_SYNONYMS, *GROUP_SYNONYMS, "危化", "工贸企业"}, key=len, reverse=True))
_KIND = re.compile(_CUE + r"(?:一家|个)?(" + _WORDS + r")")
# "是…吗" counts as a question only with 吗 at the end; 是不是/是否/算不算/属不属于 ask by themselves.
_ASKING = re.compile(r"是不是|是否|算不算|属不属于|吗[？?]?$")


def kind_asked(text: str) -> str | None:
    """``class:A`` or ``kind:<word>`` when the question asks whether a firm is of that kind, else None."""
    if not _ASKING.search(text):
        return None
    if m := _CLASS.search(text):
        return f"class:{m.group(1).upper()}"
    if m := _KIND.search(text):
        return f"kind:{m.group(1)}"
    return None


def _categories(word: str) -> tuple[str, ...]:
    if (
        word in ("危化", *GROUP_SYNONYMS)
        and GROUP_SYNONYMS.get(word, HAZCHEM_CATEGORIES) is HAZCHEM_CATEGORIES
    ):
        return HAZCHEM_CATEGORIES
    if word.startswith("工贸"):
        return INDUSTRY_TRADE_CATEGORIES
    return (CATEGORY_SYNONYMS[word],) if word in CATEGORY_SYNONYMS else ()


def verdict(asked: str, row: Mapping[str, Any]) -> str | None:
    """是/否 with the profile fact it rests on; None when the row lacks the fact."""
    name = row.get("name") or "该企业"
    what, _, value = asked.partition(":")
    if what == "class":
        held = row.get("responsibility_class")
        if not held:
            return None
        yes = str(held).upper() == value
        return f"{'是' if yes else '否'}。{name}的监管等级为{held}类，{'' if yes else '不'}是{value}类企业。"
    category = row.get("category")
    allowed = _categories(value)
    if not category or not allowed:
        return None
    yes = category in allowed
    label = (
        value if value.endswith(("企业", "类", "单位", "厂", "行业")) or value == "加油站" else value + "企业"
    )
    return f"{'是' if yes else '否'}。{name}的行业类别为{category}，{'属于' if yes else '不属于'}{label}。"
