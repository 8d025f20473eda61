"""Long messages whose request comes last: "今天下午开完例会，领导说…上个月月城出过事，让我把华士镇本周的
红色火焰告警拉出来看看".

The clauses before the request tell a story (a meeting, what a colleague heard, a rumour in the group
chat) and name times, towns and statuses that are not the search. The rule (ADR 0011, events-robust13):
when a later clause makes the request (让我/帮我/麻烦/请你 …) and that clause alone names a time and a
place or an event type, it is the whole filter and the clauses before it are background. A bare request
(交接班时夜班说昨晚临港有可燃气体报警，帮我调出来) names no time of its own, so the whole sentence stays
the filter, as before.
"""

from __future__ import annotations

import re

from core.event_search import EventFilter

_CLAUSE_BREAK = re.compile(r"[，,。；;！!？?\n]")
# Asking someone to look something up; 给我 alone is not enough (给我们厂…).
_REQUEST = re.compile(r"让我|叫我|要我|帮我|帮忙|麻烦|请你|你帮|替我")


def request_clause(text: str) -> int | None:
    """Where the last clause holding a request starts, when words come before it; else None."""
    starts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text))]
    for start in reversed(starts[1:]):
        end = next((s for s in starts if s > start), len(text) + 1) - 1
        if _REQUEST.search(text, start, end) and text[:start].strip(" ，,。；;！!？?\n"):
            return start
    return None


def stands_alone(flt: EventFilter) -> bool:
    """A request clause that names its own time and a place or event type is a whole search."""
    has_time = flt.time_from is not None or flt.time_to is not None
    return has_time and bool(flt.towns or flt.places or flt.event_types)
