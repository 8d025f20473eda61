"""Averages per day or per week over a period (ADR 0018, round 7): "上个月平均每天多少条告警", "上周日均告警",
"近四周平均每周新发现几条隐患", "最近8周每周平均新增多少条隐患".

A count template answers the period's total, so the question was answered with the total alone. The
mean is that total over the period's calendar days (or weeks): a closed period (上个月, 上周) by its
length; a period running up to now (本月, 今年以来) by the days from its first through today, today
counted (evals/README.md (32), (40)). The total is asked through the usual pipeline with the per-day
words taken out, so the same slot and scope rules count it; with no period said nothing is divided.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from agents.chat.counted_lists import as_count
from agents.chat.derived_groups import Grouped, record_kind
from agents.chat.derived_rates import mean, show
from agents.chat.models import ChatAnswer, TurnState
from agents.chat.timewords import CST, TimeParser, Window, time_window
from agents.chat.versus import value
from core.scope import Principal

_DAY_MS = 86_400_000
_PER_DAY = re.compile(r"平均每(?:一)?(?:天|日)|日均|每(?:一)?(?:天|日)平均|平均(?:一天|一日)")
_PER_WEEK = re.compile(
    r"平均每(?:一)?(?:周|星期|礼拜)|周均|每(?:一)?(?:周|星期|礼拜)平均|平均(?:一周|一个?星期|一个?礼拜)"
)
_COUNTED_PATHS = ("template", "llm_template", "compound", "aggregate")

Ask = Callable[[str, Principal, TurnState | None, bool], tuple[ChatAnswer, TurnState | None]]


def per_unit(text: str) -> tuple[str, str] | None:
    """(the question without its per-day words, "天"/"周") when a per-day or per-week mean is asked."""
    for words, unit in ((_PER_DAY, "天"), (_PER_WEEK, "周")):
        if (m := words.search(text)) is not None:
            return (text[: m.start()] + text[m.end() :]).replace("有有", "有"), unit
    return None


def units_in(window: Window, now_ms: int, unit: str) -> float:
    """The calendar days (or weeks) of ``window``: a calendar period reaching today (本月, 今年以来) = its
    first day through today, today counted; a rolling one (近四周 = now − 28 days) or a closed one its length."""
    today = datetime.fromtimestamp(now_ms / 1000, CST).replace(hour=0, minute=0, second=0, microsecond=0)
    today_ms = int(today.timestamp() * 1000)
    start = datetime.fromtimestamp(window.from_ms / 1000, CST)
    if window.to_ms > today_ms and (start.hour, start.minute, start.second) == (0, 0, 0):
        days = float((today_ms - window.from_ms) // _DAY_MS + 1)
    else:
        days = round((window.to_ms - window.from_ms) / _DAY_MS, 2)
    return days if unit == "天" else round(days / 7, 2)


def run_per_unit(
    ask: Ask, text: str, principal: Principal, use_llm: bool, now_ms: int, parser: TimeParser | None
) -> tuple[ChatAnswer, TurnState | None] | None:
    """The mean per day/week, or None (not asked, no period said, or the total not counted)."""
    said = per_unit(text)
    if said is None:
        return None
    question, unit = said
    window = time_window(question, now_ms, parser)
    if window is None or window.from_ms >= now_ms:
        return None  # "平均每天多少条告警": over which days? the usual handling says what it can
    got, state = ask(as_count(question), principal, None, use_llm)
    if (
        got.path not in _COUNTED_PATHS
        or got.intent is None
        or (len(got.rows) > 1 and "id" not in got.rows[0])
    ):
        return None  # a breakdown is no one total to divide (a counted list is: all its rows come back)
    total, units = float(value(got, question)), units_in(window, now_ms, unit)
    period = window.label or "所问时段"
    noun = Grouped("average", record_kind(question) or "", "").unit
    label = "天数" if unit == "天" else "周数"
    body = (
        f"{period}合计：{show(total)} {noun}；{label}：{show(units)} {unit}（{_span(window, now_ms)}）。\n"
        f"平均每{unit} = {show(total)} ÷ {show(units)} ≈ {mean(total, units)} {noun}。"
    )
    rows = [{"item": "合计", "n": _whole(total)}, {"item": label, "n": _whole(units)}]
    source = f"\n（合计由固定查询 {got.intent} 统计，再除以{label}）"
    update = {"answer": body + source, "path": "derived", "rows": rows, "columns": ["item", "n"]}
    answer = got.model_copy(update=update | {"query": f"{got.intent} ÷ {label}"})
    return answer, state


def _span(window: Window, now_ms: int) -> str:
    end = min(window.to_ms, now_ms) - 1
    return f"{_day(window.from_ms)} 至 {_day(end)}"


def _day(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, CST).strftime("%Y-%m-%d")


def _whole(n: float) -> int | float:
    return int(n) if float(n).is_integer() else n


__all__ = ["per_unit", "run_per_unit", "units_in"]
