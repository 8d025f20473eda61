"""A follow-up that asks only for another cut of the ranking just shown (chat round 37).

After "镇上哪几家企业逾期没整改的隐患最多" (the top firm, ties shown) an officer types "前十个" or "给我看前5家":
the same ranking with the first N. Said alone, 前十个 named nothing the rules could route, and the turn was
not understood. Here the earlier question is restated with its own cut replaced by the one said, so the
ranking step (ADR 0013) or the per-town template reads it again with every condition it had. Only a turn
that says nothing but the cut, after a question that ranked (最多/最高/排名/排前/前N), is restated.
Pure text work: no graph access here.
"""

from __future__ import annotations

import re

from agents.chat.models import TurnState

_N = r"[0-9]+|[一二两三四五六七八九十]+"
_CUT_ONLY = re.compile(
    rf"^(?:那|那么|好的?|嗯)?(?:就|再)?(?:给我|帮我)?(?:看|列|要|查|显示)?(?:一下|下)?(?:前|top\s*)(?P<n>{_N})"
    r"\s*(?P<unit>个|家|名|位|条|处)?(?:吧|呢|看看|就行|就好)?[?？。.!！]?$",
    re.IGNORECASE,
)
_RANKED = re.compile(
    r"最多|最高|最大|排名|排行|排前|靠前|前\s*(?:[0-9]+|[一二两三四五六七八九十]+)|top", re.IGNORECASE
)
# The earlier question's own cut: "前三家", "最多的两个镇", "排前五" (the cut said goes in its place).
_EARLIER_CUT = re.compile(
    rf"(?:排(?:名|在)?)?前\s*(?:{_N})\s*(?:个|家|名|位|强)?|(?<=的)(?:{_N})\s*(?:个|家|名|位)(?=企业|公司|单位|镇|街道|厂)"
)


def restate(text: str, previous: TurnState | None) -> str | None:
    """The earlier ranking question with the cut ``text`` asks for, or None when ``text`` is more than a cut."""
    said = _CUT_ONLY.match(text.strip())
    if said is None or previous is None or not previous.question or not _RANKED.search(previous.question):
        return None
    earlier = _EARLIER_CUT.sub("", previous.question).rstrip("？?。.!！，, ")
    return f"{earlier}，前{said.group('n')}{said.group('unit') or '个'}"


__all__ = ["restate"]
