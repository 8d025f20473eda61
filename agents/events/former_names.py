"""Former names of enterprises (曾用名) in an event-search sentence (ADR 0011, events-robust12).

The gazetteer holds only current registered names, so a former name said beside the current one
(豪佳化学（原豪佳化工厂）周边1公里) or instead of it (以前叫宏达化工厂的那家) can name nothing; read as words
it would stay a leftover, or be matched one character off to another enterprise by the leftover pass.
It is blanked before the words are read (the current name beside it still counts), with a note when
the sentence said it instead of a current name.
"""

from __future__ import annotations

import re

# （原豪佳化工厂）, (原名: 宏达化工), （曾用名宏达化工有限公司）: brackets NFKC has not made ASCII are matched too.
_BRACKETED = re.compile(
    r"[(（]\s*(?:原(?!因)名?|曾用名|旧名|前身|以前叫|原来叫)\s*[:：是为]?\s*[^()（）]{1,30}[)）]"
)
# 以前叫宏达化工厂的那家, 原来叫江阴宏达化工的企业: the name said instead of the current one, up to the noun it describes.
_SPOKEN = re.compile(
    r"(?:以前|原来|原先|之前|过去)(?:名字)?叫(?:做)?\s*[^\s，,。；;的]{2,30}的\s*(?:那家|那个|那一家)?\s*(?:厂|公司|企业|单位)?"
)


def blank_former_names(text: str, notes: list[str]) -> str:
    """``text`` with every former name blanked (same length, so spans stay valid); a note is added
    when a former name was said instead of a current one."""
    for m in _BRACKETED.finditer(text):
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    for m in _SPOKEN.finditer(text):
        notes.append(f"暂不支持按企业曾用名查找，已忽略“{m.group().strip()}”")
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return text
