"""Two towns compared: "华士镇和周庄镇哪个没整改的隐患多", "申港和利港今年各被检查了多少次".

No template counts two places at once, so the rules declined these ("多个镇街"). The question is asked
once per town — the pair replaced by that town, the comparison words (哪个/谁/各/分别 … 多/少)
taken out and a count asked — through the usual pipeline, and the two numbers are set side by side
with which one is larger, as ``agents.chat.versus`` does for two periods. When either town's question
gets no count, or the two get different intents, the usual handling answers (and declines).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from agents.chat.models import ChatAnswer, TurnState
from agents.chat.slots import Gazetteer
from agents.chat.spelling import loose_town_in
from agents.chat.versus import Answer, value
from core.scope import Principal

_JOIN = r"\s*(?:和|跟|与|同|、|还是)\s*"
_WHICH = re.compile(
    r"(?:这两个(?:镇|街道|镇街|地方)?|两个?(?:镇|街道|镇街|地方))?(?:相比|比较|对比|比一?比|比)?[，,\s]*"  # "A跟B比，哪边…"
    r"(?:到底|究竟)?(?:是)?(?:哪个|哪一个|哪边|谁)(?:镇|街道|镇街|地方)?(?:的)?"
)
_MORE = re.compile(r"(?:更|比较|最)?(?:多|少|高|低)(?:一些|一点|些)?(?:呢|啊|呀)?[？?。]*$")
_EACH = re.compile(r"各自|分别|各")
# "璜土跟利港现在哪个值班": who is on duty in each town, both rosters listed (chat round 34).
_ON_DUTY = re.compile(r"值班|带班|值守")
_LISTED = {"duty_now": "位值班人员"}  # intent → what its rows are, for the total said first


def _pair(text: str, gazetteer: Gazetteer) -> tuple[re.Match[str], str, str] | None:
    found = gazetteer.find(text)
    if len(found) == 1:  # "华士和周装": the other town typed one sound off (chat round 33)
        rest = text.replace(found[0][0], "\0" * len(found[0][0]))
        if (slip := loose_town_in(rest, gazetteer.names())) is not None:
            found = [*found, slip]
    if len({town for _, town in found}) != 2:
        return None
    (m1, t1), (m2, t2) = sorted(found, key=lambda f: text.find(f[0]))[:2]
    joined = re.search(re.escape(m1) + _JOIN + re.escape(m2), text)
    return (joined, t1, t2) if joined else None


def _for_town(text: str, joined: re.Match[str], town: str) -> str | None:
    rest = text[: joined.start()] + town + text[joined.end() :]
    if _ON_DUTY.search(rest):
        return _WHICH.sub("谁", rest, count=1) if _WHICH.search(rest) else rest
    if _WHICH.search(rest) and _MORE.search(rest):  # 哪个…多
        rest = _MORE.sub("", _WHICH.sub("", rest, count=1))
        return rest + ("有多少" if not re.search(r"多少|几", rest) else "")
    if _EACH.search(rest) and re.search(r"多少|几", rest):  # 各…多少
        return _EACH.sub("", rest, count=1)
    return None


def asker(ask: Answer, gazetteer: Callable[[], Gazetteer]) -> Answer:
    """``ask``, answering a question that compares two towns with both towns' numbers."""

    def answer(
        text: str, principal: Principal, previous: TurnState | None, use_llm: bool
    ) -> tuple[ChatAnswer, TurnState | None]:
        found = _pair(text, gazetteer()) if re.search(_JOIN, text) else None
        questions = [_for_town(text, found[0], t) for t in found[1:]] if found else []
        if not found or not all(questions):
            return ask(text, principal, previous, use_llm)
        (first, state), (second, _) = (ask(q or "", principal, None, use_llm) for q in questions)
        if first.intent is None or first.intent != second.intent:
            return ask(text, principal, previous, use_llm)
        if first.intent in _LISTED:  # no number to compare: one town's rows after the other's
            listed = [*first.rows, *second.rows]
            both = f"{found[1]}、{found[2]}共查到 {len(listed)} {_LISTED[first.intent]}。\n{first.answer}\n{second.answer}"
            return first.model_copy(update={"answer": both, "rows": listed}), state
        a, b = value(first, questions[0] or ""), value(second, questions[1] or "")
        t1, t2 = found[1], found[2]
        way = "持平" if a == b else f"{t1 if a > b else t2}多，多了 {abs(a - b):g}"
        reply = f"{t1}：{a:g}；{t2}：{b:g}。{way}。（{questions[0]}）"
        rows: list[dict[str, Any]] = [{"town": t1, "n": a}, {"town": t2, "n": b}]
        return first.model_copy(update={"answer": reply, "rows": rows, "columns": ["town", "n"]}), state

    return answer


__all__ = ["asker"]
