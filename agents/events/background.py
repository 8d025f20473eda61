"""Two periods in one sentence where the first is only background (shift handovers, follow-ups).

"上周报过的那个厂，今天又冒烟了" asks about today: the first period tells what happened before, with
a verb in the experiential aspect (报过, 处置过, 出过). The time grammar takes the first phrase it
finds, so without this the search would run over last week. The rule (ADR 0011, events-robust8):
when a later time phrase follows whose clause says "again" (又/再), and such a 过-verb stands
between the two, the first phrase and those verbs are background: blanked before parsing, so the
later period is the filter and "已经处置过" does not become a status filter. Places and event words
around them stay (the same place, the same kind of event, again). Without 又/再 (昨天报过的今天处理了
没有) the first period stays the filter.
"""

from __future__ import annotations

import re
from datetime import datetime

from agents.nlp.timeexpr import parse_time_range

# A verb that already happened (…过), not 过去 (the past) nor 超过 (exceeding).
_EXPERIENCED = re.compile(
    r"(?:已经|已|之前|以前|也)?(?:报|上报|报警|告警|出|发生|有|处置|处理|查|来|闯|派|派发)过(?!去)"
)

# A contrast between the two periods (元旦放假厂里都停了，但是昨晚还有温度报警): the period before it is the
# situation, the one after it what is asked about (events-robust29).
_CONTRAST = re.compile(r"[，,。；;]\s*(?:但是|可是|不过|然而|但)")

# The later period's own clause says it happened again (今天又冒烟了, 这周再次报警).
_AGAIN = re.compile(r"[^，,。；;]*?(?:又|再次|再度|再)")


def background_spans(text: str, now: datetime) -> list[tuple[int, int]]:
    """Spans to blank: the first time phrase and the 过-verbs after it, when a second time phrase
    follows those verbs; the first time phrase alone when a contrast word stands between the two; else nothing."""
    first = parse_time_range(text, now)
    if first is None:
        return []
    s, e = first.span
    second = parse_time_range(text[:s] + " " * (e - s) + text[e:], now)
    if second is None or second.span[0] < e:
        return []
    if _CONTRAST.search(text, e, second.span[0]):
        return [first.span]
    if not _AGAIN.match(text, second.span[1]):  # 昨天报过的今天处理了没有 asks about yesterday's
        return []
    verbs = [(e + m.start(), e + m.end()) for m in _EXPERIENCED.finditer(text[e : second.span[0]])]
    return [first.span, *verbs] if verbs else []
