"""A monthly series (ADR 0018, round 8): "最近三个月每个月新发现的隐患数量走势", "近三个月告警按月统计看趋势".

A count template answers the whole window at once (最近三个月 as one number), or a breakdown by
another group, so the months were never told apart. Here the window is read as calendar months —
this month so far and the whole months before it, oldest first (evals/README.md (46)) — and the
count question is asked once per month, each named as "2026年9月", through the usual pipeline (same
slots and scope); the answer lists the months in order with their counts and says which way the
last month moved against the one before. Questions whose months are answered by different
templates, or not counted, are left to the usual handling.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from agents.chat.counted_lists import as_count
from agents.chat.derived_every_status import every_status
from agents.chat.models import ChatAnswer, TurnState
from agents.chat.slots import Gazetteer
from agents.chat.timewords import CST
from agents.chat.versus import value
from core.scope import Principal

_N = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十二": 12}
_WINDOW = re.compile(
    r"(?:最近|近|过去|前)(?P<n>[2-9]|1[0-2]|十二|[两二三四五六七八九十])个月(?:以来|来|内|里)?(?:的)?"
)
_EACH_MONTH = re.compile(
    r"(?:的)?(?:每个?月|逐月|分月|按月(?:份)?(?:统计|分|算|列)?(?:一下)?)(?:的)?(?:分别)?"
)
_TREND = re.compile(r"[，,]?[^，,]*(?:走势|趋势|变化|怎么走)[^，,]*$")
_COUNTED_PATHS = ("template", "llm_template", "compound", "aggregate")

Ask = Callable[[str, Principal, TurnState | None, bool], tuple[ChatAnswer, TurnState | None]]


def monthly(text: str) -> tuple[str, int] | None:
    """(the count question without its window and per-month words, the number of months) or None."""
    window, each = _WINDOW.search(text), _EACH_MONTH.search(text)
    if window is None or each is None:
        return None
    said = window["n"]
    months = int(said) if said.isdigit() else _N[said]
    rest = _EACH_MONTH.sub("", _WINDOW.sub("", text, count=1), count=1)
    rest = _TREND.sub("", rest).strip("，,。？? ")
    return (rest, months) if rest else None


def month_names(now_ms: int, months: int) -> list[str]:
    """The calendar months ending with this one, oldest first, as "2026年9月"."""
    now = datetime.fromtimestamp(now_ms / 1000, tz=CST)
    index = now.year * 12 + now.month - 1
    return [f"{i // 12}年{i % 12 + 1}月" for i in range(index - months + 1, index + 1)]


def run_monthly(
    ask: Ask, text: str, principal: Principal, use_llm: bool, now_ms: int, gazetteer: Gazetteer
) -> ChatAnswer | None:
    found = monthly(text)
    if found is None:
        return None
    question, months = found
    rows: list[dict[str, Any]] = []
    answers: list[ChatAnswer] = []
    for month in month_names(now_ms, months):
        asked = as_count(every_status(month + question, gazetteer))  # a bare 隐患: every record (45)
        got, _ = ask(asked, principal, None, use_llm)
        if got.path not in _COUNTED_PATHS or got.intent is None:
            return None
        answers.append(got)
        rows.append({"month": month, "n": value(got, asked)})
    if len({a.intent for a in answers}) != 1:
        return None  # the months were read as different questions
    lines = "\n".join(f"{i}. {r['month']}：{_show(r['n'])}" for i, r in enumerate(rows, 1))
    last, before = float(rows[-1]["n"]), float(rows[-2]["n"]) if len(rows) > 1 else float(rows[-1]["n"])
    way = "持平" if last == before else ("上升" if last > before else "下降")
    body = (
        f"最近{months}个月逐月统计（{question}；本月截至目前，其余为整月）：\n{lines}\n"
        f"{rows[-1]['month']}比{rows[-2]['month'] if len(rows) > 1 else '上月'}{way}。"
        f"\n（每个月分别由固定查询 {answers[0].intent} 统计）"
    )
    steps = [c for a in answers for c in a.citations]
    return answers[-1].model_copy(update={"answer": body, "path": "derived", "rows": rows,
                                          "columns": ["month", "n"], "citations": steps})  # fmt: skip


def _show(n: Any) -> str:
    return str(int(n)) if float(n).is_integer() else f"{float(n):.2f}"


__all__ = ["month_names", "monthly", "run_monthly"]
