"""Times said in a sentence that are not the time of the events searched (ADR 0011, events-robust18): spans to
blank before the time grammar reads the sentence.

* A report time beside the event time: "昨天报上来的、前天晚上发生的火情" asks about the night before yesterday.
  A time phrase followed by a report verb and 的 (报上来的, 上报的, 汇报的, 登记的, 补录的, 补报的, 交班时说的,
  通报里提到的) says when someone told of the event; when another time phrase is said too, the report
  phrase and its verb are blanked (so 上报 is not read as the source 人工上报 either). Said alone, the report time
  stays the filter (昨天上报的火情: the rows before this round), and so it does when the other time is when the events
  were handled (前天报的那几条，今天处理了没有; 报过的 is ``background``'s).
* A window anchored on an event the search does not know (事发后一小时内, 报警后半小时, 处置完十分钟内, 停电后两小时之内):
  there is no anchor time to count from, so no time; the anchor verb is blanked with it (处置完 is no status). So is
  the day of such an event (事发当天, 出事那天, 案发当日: events38), which would otherwise read as today; a date said
  before it (11月3日事发当天) stays the time.
* Background periods of a follow-up (上周报过的…，今天又…): ``background.background_spans``.
* A future time with what will happen then (明天开会要用, 下周一领导要看): ``purpose_times.purpose_time_spans``.
"""

from __future__ import annotations

import re
from datetime import datetime

from agents.events.background import background_spans
from agents.events.purpose_times import purpose_time_spans
from agents.nlp.timeexpr import parse_time_range

_REPORT_CLAUSE = re.compile(
    r"\s*(?:才|刚|已经?)?(?:交接?班时?|开会时?)?"
    r"(?:说|报上来|报上去|上报|汇报|登记|补录|补报|通报|报告|报送)(?:里|中)?(?:提到|说|讲)?的"
)
# 前天报的那几条，今天处理了没有: the later time is when they were handled, so the report time stays the filter.
_HANDLING = re.compile(r"\s*(?:又|再|才|就|已经?)?(?:处理|处置|派发|派单|研判|核实|回复|反馈|整改|办结)")
_ANCHOR_VERBS = "事发|发生|出事|报警|告警|接警|起火|着火|失火|停电|断电|处置|处理|派发|派单|上报|泄漏|爆炸|到场|出警|事故|故障"
_DURATION = r"(?:\d+(?:\.\d+)?|[半一二两三四五六七八九十几]+)\s*个?\s*半?\s*(?:小时|钟头|分钟|分|天|日)|半天|半个?小时"
_ANCHORED_WINDOW = re.compile(
    rf"(?:{_ANCHOR_VERBS})(?:(?:完毕?|了)?(?:以后|之后|后)|完毕?)\s*(?:{_DURATION})\s*(?:内|之内|以内|里)?"
)
# 事发当天 / 出事那天: only words that name no event type (着火当天 keeps 着火 for 火焰; its 当天 is then today's).
_ANCHORED_DAY = re.compile(r"(?:事发|出事|案发|事故发生)(?:的)?(?:当天|当日|那天|那一天)")
_MAX_PHRASES = 4


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for s, e in spans:
        text = text[:s] + " " * (e - s) + text[e:]
    return text


def anchored_window_spans(text: str) -> list[tuple[int, int]]:
    """事发后一小时内, 处置完十分钟内, 事发当天: windows counted from an event the sentence does not date."""
    return [m.span() for pattern in (_ANCHORED_WINDOW, _ANCHORED_DAY) for m in pattern.finditer(text)]


def report_time_spans(text: str, now: datetime) -> list[tuple[int, int]]:
    """The report-time phrases with their verbs, when another time phrase is said as well; else nothing."""
    phrases: list[tuple[int, int]] = []
    masked = text
    while len(phrases) < _MAX_PHRASES:
        found = parse_time_range(masked, now)
        if found is None or found.span[1] <= found.span[0]:
            break
        phrases.append(found.span)
        masked = _blank(masked, [found.span])
    reports, events = [], []
    for s, e in phrases:
        clause = _REPORT_CLAUSE.match(text, e)
        if clause is not None:
            reports.append((s, clause.end()))
        elif _HANDLING.match(text, e) is None:
            events.append((s, e))
    return reports if reports and events else []


def other_time_spans(text: str, now: datetime) -> list[tuple[int, int]]:
    """Every span above, found in that order (each on the text with the earlier ones blanked)."""
    spans = [*purpose_time_spans(text), *anchored_window_spans(text)]
    text = _blank(text, spans)
    reports = report_time_spans(text, now)
    text = _blank(text, reports)
    return [*spans, *reports, *background_spans(text, now)]
