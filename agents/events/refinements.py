"""Sentences in two clauses where the second narrows the first, and verdicts said as "verified as".

* "A，只看B" (只看/只要/只查/仅看/仅限/限定在/缩小到/其中 …): A and B are parsed on their own; every
  field B names replaces A's (今天澄江和城东的冒烟，只看城东的 = 城东 only; 本周华士的事件 其中红色的
  adds the level), the fields B leaves out keep A's, and the time is A's unless only B says one.
  Towns and places are one field, as in an exclusion.
* 已核实为误报, 确认是误报, 认定为正报: the verdict after 为/是 is the status; the verifying verb
  before it (核实 alone is 正报) is not another one.
"""

from __future__ import annotations

import re

from core.event_search import EventFilter

_NARROWING = re.compile(
    r"[\s，,。；;]*(?:再|然后|但|并且?|而且)?(?:只看|只要|只查|只留|只显示|只保留|只筛|仅看|仅查|仅限|只限|限定在|限定于|限于|"
    r"范围缩小到|缩小范围到|缩小到|其中)"
)
# 为/是 may be left out (确认误报的, 确认过是误报: events36); not after 待/未/没 (待研判误报 asks for two statuses).
_VERDICT = re.compile(
    r"(?<![待未没])(?:已经?|经)?(?:核实|核查|确认|认定|判定|研判|证实)(?:过|了)?(?:为|是|成)?(?=误报|正报|真警|假警)"
)
# The fields a narrowing clause can replace; towns and places together are "where".
_FIELDS = (("towns", "places"), ("event_types",), ("levels",), ("statuses",), ("sources",))


def split_narrowing(text: str) -> tuple[str, str] | None:
    """(A, B) around the first narrowing word, when both sides have words; else None."""
    for m in _NARROWING.finditer(text):
        head, tail = text[: m.start()], text[m.end() :]
        if head.strip(" ，,。；;") and tail.strip(" ，,。；;的"):
            return head, tail
    return None


def narrowed(head: EventFilter, tail: EventFilter) -> EventFilter:
    """``head`` with every field that ``tail`` names replaced by ``tail``'s values."""
    values = head.model_dump()
    for names in _FIELDS:
        if any(getattr(tail, n) for n in names):
            for n in names:
                values[n] = getattr(tail, n)
    if head.time_from is None and head.time_to is None:
        values.update(time_from=tail.time_from, time_to=tail.time_to, time_text=tail.time_text)
    values["keywords"] = list(dict.fromkeys([*head.keywords, *tail.keywords]))[:5]
    values["leftovers"] = list(dict.fromkeys([*head.leftovers, *tail.leftovers]))[:50]
    return EventFilter.model_validate(values)


def verdict_verbs(text: str) -> list[tuple[int, int]]:
    """Spans of the verifying verbs in 已核实为误报, 确认是正报 (to be blanked before tokenising)."""
    return [m.span() for m in _VERDICT.finditer(text)]
