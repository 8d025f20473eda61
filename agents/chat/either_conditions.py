"""或 between two conditions of a compound question: the firms meeting either (compound round 5).

"被处罚过或者有重大隐患没整改的企业有几家", "璜土镇今年被处罚过或者有逾期隐患的企业" ask for a union.
The planner (ADR 0012) refused every 或 but the one between two categories (``agents.chat.either``),
and the router then answered one of the two conditions alone. Here a 或 said in the gap between two
conditions' subject words — nowhere else — is read as a clause boundary and the two conditions as
alternatives; a 或 inside one condition ("液氨或者液氯", "二级或三级") is no such gap and stays refused.
Pure text work on the planner's subject-word hits.
"""

from __future__ import annotations

import itertools
import re

_OR = re.compile(r"或者|或是|或")

Hit = tuple[int, int, str]


def or_between(text: str, hits: list[Hit]) -> list[tuple[int, int]]:
    """The spans of every 或 that lies between two consecutive conditions; none unless all of them do."""
    spans = [(m.start(), m.end()) for m in _OR.finditer(text)]
    if not spans:
        return []
    gaps = [(a[1], b[0]) for a, b in itertools.pairwise(hits)]
    if all(any(lo <= start and end <= hi for lo, hi in gaps) for start, end in spans):
        return spans
    return []


def blank_ors(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each 或 turned into a clause separator of the same length (positions kept)."""
    for start, end in spans:
        text = text[:start] + "、" * (end - start) + text[end:]
    return text


def either_group(hits: list[Hit], spans: list[tuple[int, int]]) -> tuple[int, ...] | None:
    """The indices of the conditions joined by 或 (one run of neighbours: A或B或C), None when the
    或s join two separate pairs."""
    gaps: set[int] = set()  # gap i lies between conditions i and i + 1
    for start, _ in spans:
        i = next((i for i in range(len(hits) - 1) if hits[i][1] <= start < hits[i + 1][0]), None)
        if i is None:
            return None
        gaps.add(i)
    ordered = sorted(gaps)
    if ordered != list(range(ordered[0], ordered[-1] + 1)):
        return None  # "A或B、C或D": two unions side by side
    ordered.append(ordered[-1] + 1)
    return tuple(ordered)


__all__ = ["blank_ors", "either_group", "or_between"]
