"""Warning levels written inline, one colour per clause of a paragraph: "红色预警：…；橙色预警：…" and
"红色预警为…；橙色预警为…" / "发布红色预警的情形为…" (rules_levels reads every sentence through
``inline_warning``)."""

from __future__ import annotations

import re

from plans.rules_meta import strip_number

# "…，红色预警：罐区…" anywhere in the sentence: the colour label and its criteria after the colon
_COLON_FORM = re.compile(
    r"(红色|橙色|黄色|蓝色)\s*预警(?:信号)?\s*(?:[（(][^）)]{1,8}[)）])?\s*[:：]\s*(.+)$"
)
# "红色预警为…" / "发布橙色预警的情形为…" / "黄色预警的条件是…" opening the sentence
_COPULA_FORM = re.compile(
    r"^(?:发布|启动|出现)?\s*(红色|橙色|黄色|蓝色)\s*预警(?:信号)?\s*(?:[（(][^）)]{1,8}[)）])?\s*"
    r"(?:的)?(?:情形|情况|条件|标准|启动条件|发布条件)?\s*(?:为|是)\s*(.+)$"
)
# "红色预警为一级预警" / "红色预警为最高级别": the sentence grades the colour, it states no criteria
_ONLY_A_GRADE = re.compile(r"^(?:[一二三四ⅠⅡⅢⅣ1-4]\s*级|最高|最低|较高|较低)[^，,]{0,6}$")


def inline_warning(sentence: str) -> tuple[str, str] | None:
    """(colour, criteria) of a sentence that states one warning colour's criteria, else None."""
    m = _COLON_FORM.search(sentence)
    if m:
        return m.group(1), m.group(2)
    m = _COPULA_FORM.match(strip_number(sentence.strip()))
    criteria = m.group(2).strip().rstrip("。；;") if m else ""
    if not m or not criteria or _ONLY_A_GRADE.match(criteria):
        return None
    return m.group(1), criteria


# "分为蓝色、黄色、橙色和红色四级，分别对应瞬时游客量达到最大承载量的70%、80%、90%和100%": one figure per colour
_MATCHED = re.compile(r"^[^。；;]{0,12}?(?:分别|依次)(?:对应|为|是)\s*([^。；;]+)")
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|[^\d\s、，,。；;和及]{1,3})?$")


def colour_criteria(text: str, listed: re.Match[str]) -> list[tuple[str, str]]:
    """(colour, criteria) for each colour of a colour list ``listed`` found in ``text``."""
    colours = [c + "色" for c in re.findall(r"(红|橙|黄|蓝)", listed.group(0))]
    return list(zip(colours, _thresholds(text, listed.end(), len(colours)), strict=True))


def _thresholds(text: str, after: int, count: int) -> list[str]:
    """The figures a "分别对应…" clause right after a colour list gives the colours, in order, each as written
    (the shared stem before the first figure is written once and belongs to none); "" each when there are none."""
    m = _MATCHED.match(text[after:].lstrip("，,、 "))
    items = re.split(r"[、]|和|及", m.group(1).strip()) if m else []
    if len(items) != count or not all(_FIGURE.fullmatch(i.strip()) for i in items[1:]):
        return [""] * count
    first = _FIGURE.search(items[0].strip())
    return [first.group(0), *(i.strip() for i in items[1:])] if first else [""] * count
