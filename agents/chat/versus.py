"""多了还是少了: a quantity compared with another period (chat-robust18).

"本周全市报警和上周比多了还是少了", or after "本镇这个月新发现了多少条隐患" just "和上个月比多了还是少了":
the caller wants both numbers and which way it went. No template compares periods, and the rules
got the clarification (or this period's list only). The question is split into the quantity asked
(the sentence without the comparison, or the previous question when only the comparison is said) and
the other period; the quantity is asked twice, once as said and once with its period replaced by the
other one (or the other period put in front when none was said), each through the usual pipeline,
and the two numbers are set side by side. A count answer gives its number (the penalty sum when
money is asked), a list its row count. When either question gets no template answer, the
comparison is left to the usual handling (which declines it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from agents.chat import trend_words, two_periods
from agents.chat.composed_followup import PERIOD
from agents.chat.counted_lists import as_count
from agents.chat.derived_group_rates import names_rate_change
from agents.chat.models import ChatAnswer, TurnState
from core.scope import Principal

Answer = Callable[[str, Principal, TurnState | None, bool], tuple[ChatAnswer, TurnState | None]]

# 去年全年 / 去年一整年: the whole earlier period, against this one so far (round 8, evals/README.md (47))
_WHOLE = re.compile(r"全年|一整年|整年|全月|一整个月|整月")
_SO_FAR = re.compile(r"^(?:以来|到现在|到目前|至今|截至目前|截至现在)")
_ASKED = re.compile(
    rf"(?:环比|同比|和|跟|与|同|比|较)(?P<other>(?:{PERIOD.pattern})(?:{_WHOLE.pattern})?)(?:的)?(?:相比|比较|对比|比)?"
    r"(?:呢)?[，,\s]*"
    r"(?:是|到底|究竟)?(?:多了还是少了|多还是少|增加了?还是减少了?|涨了还是降了|升了还是降了|是升是降|有什么变化|变化大吗|怎么样|如何|(?:多|少)了?吗)"
)
_MONEY = re.compile(r"钱|金额|罚款额|罚款总额|罚了多少")
# 罚款 compared with no count word (次, 张, 起, 家) compares the amounts (chat round 22, as chat-1418)
_FINES = re.compile(r"罚款|罚金")
_COUNTED = re.compile(r"次|张|起|家|几")
_EDGES = re.compile(r"^[，,\s呢]+|[，,\s呢？?。]+$")


def comparison(text: str) -> tuple[str, str] | None:
    """(the question without the comparison, the other period) or None when nothing is compared."""
    m = _ASKED.search(text)
    if m is None:
        return None
    return _EDGES.sub("", text[: m.start()] + text[m.end() :]), m.group("other")


def _with_period(question: str, other: str) -> tuple[str, str] | None:
    """(this period as said, the question for the other period)."""
    said = list(PERIOD.finditer(question))
    if len(said) > 1:
        return None  # two periods and no word which one is compared
    if not said:
        return "现在", other + question
    this = said[0]
    head, tail = question[: this.start()], question[this.end() :]
    if _WHOLE.search(other):  # 今年以来累计 vs 去年全年: the other period whole, without 以来
        tail = _SO_FAR.sub("", tail)
        other = _WHOLE.sub("", other)
    if head.endswith(("上", "下")) and other.startswith(("上", "下")):
        head += " "  # "镇上" + "上个月" is no "上上个月" (chat round 32)
    return question[this.start() : len(question) - len(tail)], head + other + tail


def value(result: ChatAnswer, question: str) -> float | int:
    """The number an answer gives: a count row's count (its sum when money is asked), else its rows."""
    rows = result.rows
    money = money_asked(question)
    if (
        money
        and rows
        and "id" in rows[0]
        and all(isinstance(r.get("amount_yuan"), int | float) for r in rows)
    ):
        return sum(float(r["amount_yuan"]) for r in rows)  # a list of penalties: their sum
    if len(rows) == 1 and "id" not in rows[0]:
        numbers = {k: v for k, v in rows[0].items() if isinstance(v, int | float) and not isinstance(v, bool)}
        if money and "amount_yuan" in numbers:
            return numbers["amount_yuan"]
        if numbers:
            return numbers.get("n", next(iter(numbers.values())))
    return len(rows)


def money_asked(question: str) -> bool:
    return bool(_MONEY.search(question) or (_FINES.search(question) and not _COUNTED.search(question)))


def _show(n: float | int) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:.2f}"


def answer(
    ask: Answer, text: str, principal: Principal, previous: TurnState | None, use_llm: bool, asked: str = ""
) -> tuple[ChatAnswer, TurnState | None]:
    """``ask``'s answer, or both periods' numbers when ``text`` compares a quantity with another period.
    ``asked``: the question as typed; when ``text`` restates it (a composed follow-up) it stands alone."""
    previous = previous if not asked or text == asked else None
    # "这周和上周各多少次", "这个月报警是不是越来越多了": the same comparison
    text = two_periods.as_comparison(text) or trend_words.as_comparison(text) or text
    found = comparison(text)
    if found is None or names_rate_change(text):  # 整改率比上月: two rates, not two counts (ADR 0018 round 5)
        return ask(text, principal, previous, use_llm)
    rest, other = found
    base = rest if len(rest) > 4 else (previous.question if previous is not None else "")
    if base and money_asked(text) and not _MONEY.search(base):  # "罚款比上个月多还是少": the amounts
        base += "总额" if base.endswith(("罚款", "罚金")) else "罚款总额"
    pair = _with_period(base, other) if base else None
    if pair is None:
        return ask(text, principal, previous, use_llm)
    this, other_question = pair
    first, state = ask(as_count(base), principal, None, use_llm)  # numbers compared: every row counted
    state = state.model_copy(update={"question": base}) if state is not None else None  # follow-ups: as said
    second, _ = ask(as_count(other_question), principal, None, use_llm)
    if first.intent is None or second.intent is None or first.intent != second.intent:
        return ask(text, principal, previous, use_llm)
    a, b = value(first, base), value(second, other_question)
    way = "持平" if a == b else (f"多了 {_show(a - b)}" if a > b else f"少了 {_show(b - a)}")
    reply = f"{this}：{_show(a)}；{other}：{_show(b)}。{this}比{other}{way}。（{base}）"
    rows: list[dict[str, Any]] = [{"period": this, "n": a}, {"period": other, "n": b}]
    return first.model_copy(update={"answer": reply, "rows": rows, "columns": ["period", "n"]}), state


__all__ = ["answer", "comparison", "value"]
