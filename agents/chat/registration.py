"""Conditions on an enterprise's registration: who heads it, when it was founded, how many it employs.

"今年罚款超过1万元、法人代表姓王的企业名单", "安全负责人姓李的危化品生产企业", "2015年以后成立的有重大危险源的
企业", "员工100人以上的企业": each names a filter on the Enterprise node's own properties (``legal_rep``,
``safety_officer``, ``founded_at``, ``employees``). The template, compound and aggregate planners
read only categories, grades and towns; before this module such a condition was silently dropped
and the answer listed firms by the other condition alone.

The rule here is general: a condition read off the question must be *applied* by some step, or the
service declines and names it. ``read`` turns the words into enterprise-set filter slots (the three
enterprise-set templates take them, ``graph.intent_base._REGISTRATION``) and blanks them out of the
question, so the planners see the rest; ``guarded`` wraps the service's answer step: it makes the
filters available to every template binding of that one question (``agents.chat.execute.bind``
merges them into a template that takes them and marks them applied), and when no step applied them
— the answer came from a template of hazards, penalties or a portrait — it replaces the answer with
a Chinese decline naming the conditions. A condition of this family said in a form ``read`` does not
parse ("法人是女的", "成立十几年的") is declined the same way, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from agents.chat.models import ChatAnswer
from agents.llm.vocab import cn_to_int

CST = ZoneInfo("Asia/Shanghai")
REGISTRATION_SLOTS = (
    "legal_rep_surname", "safety_officer_surname", "founded_from_ms", "founded_before_ms", "employees_min",
    "employees_max",
)  # fmt: skip

_SAFETY_ROLE = r"安全负责人|安全总监|安全主管|安全员|安全管理员"
_HEAD_ROLE = r"法定代表人|法人代表|法人|主要负责人|负责人|老板|董事长|总经理"
_DOUBLE_SURNAMES = "欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|令狐|司徒|夏侯|长孙|宇文"
_NAME_END = r"(?=的|、|，|,|；|且|并|又|而且|同时|企业|公司|单位|厂|加油站|$|\s)"
_SURNAME = re.compile(
    rf"(?P<role>{_SAFETY_ROLE}|{_HEAD_ROLE})(?:是|为|都|也|又|还|均)?姓(?P<name>{_DOUBLE_SURNAMES}|(?!名|什么|啥)[\u4e00-\u9fff]){_NAME_END}"
)
_FULL_NAME = re.compile(  # "法人是张伟的企业": a name said in full, matched as said
    rf"(?P<role>{_SAFETY_ROLE}|{_HEAD_ROLE})(?:是|为|叫)(?P<name>(?!谁|什么|哪)[\u4e00-\u9fff]{{2,3}})(?=的)"
)
_NUM = r"[0-9]+|[一二两三四五六七八九十百千]+"
_FOUNDED_WORD = r"(?:新)?(?:成立|注册|设立|开办|开业)"
_YEAR_THEN_FOUNDED = re.compile(
    rf"(?P<year>(?:19|20)[0-9]{{2}})年(?P<side>及以后|以后|之后|以来|后|起|及以前|以前|之前|前)?{_FOUNDED_WORD}"
)
_FOUNDED_THEN_YEAR = re.compile(
    rf"{_FOUNDED_WORD}(?:时间)?(?:于|在|是)?(?P<year>(?:19|20)[0-9]{{2}})年(?P<side>及以后|以后|之后|以来|后|及以前|以前|之前|前)?"
)
_FOUNDED_AGE = re.compile(
    rf"{_FOUNDED_WORD}(?:时间)?(?:还)?(?P<cmp>不到|不满|不足|少于|未满|没满|没有?超过|超过|满|已满|多于|已经超过|已超过)"
    rf"(?P<n>{_NUM})年"
)
_STAFF = r"(?:员工|职工|从业人员|工人|人数|员工人数|职工人数)(?:数|人数)?(?:在|有)?"
_STAFF_BOUND = re.compile(
    rf"{_STAFF}(?P<pre>超过|多于|大于|不少于|至少|达到|不到|不足|少于|低于)?(?P<n>{_NUM})(?:个)?人"
    rf"(?P<post>及以上|以上|及以下|以下|以内)?"
    rf"|(?P<n2>{_NUM})(?:个)?人(?P<post2>及以上|以上|及以下|以下|以内)的(?:企业|公司|单位|工厂|厂)"
)
# The same family said in a form not parsed above: declined by name, never dropped.
_UNREAD = re.compile(
    rf"(?:{_SAFETY_ROLE}|{_HEAD_ROLE})[^，,。？?；;的]{{0,3}}(?:姓(?!什么|啥|名)|女|男)"  # not "姓什么", "姓名"
    rf"|(?:{_SAFETY_ROLE}|{_HEAD_ROLE})(?:是|为|叫)(?!谁|什么|哪)[\u4e00-\u9fff]{{1,4}}的(?:企业|公司|单位|厂|加油站)"
    rf"|{_FOUNDED_WORD}[^，,。？?；;]{{0,6}}(?:{_NUM}|几|多)年|(?:{_NUM}|几|多)年[^，,。？?；;]{{0,4}}{_FOUNDED_WORD}"
    rf"|{_STAFF}[^，,。？?；;]{{0,4}}(?:{_NUM}|几)"
)
_YEAR_MS = 365 * 86_400_000


@dataclass(frozen=True)
class Registration:
    text: str  # the question with the conditions blanked out, for the planners
    values: dict[str, Any]  # enterprise-set filter slots (REGISTRATION_SLOTS)
    labels: tuple[str, ...]  # the conditions as said, for the answer and the decline
    unread: tuple[str, ...] = ()  # conditions of this family said in a form not parsed


def read(text: str, now_ms: int) -> Registration:
    """The registration conditions ``text`` says, as filter slots, and the text without them."""
    values: dict[str, Any] = {}
    spans: list[tuple[int, int]] = []
    for rx in (_SURNAME, _FULL_NAME):
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in spans):
                continue
            slot = "safety_officer_surname" if re.fullmatch(_SAFETY_ROLE, m["role"]) else "legal_rep_surname"
            values[slot] = m["name"]
            spans.append(m.span())
    for rx in (_YEAR_THEN_FOUNDED, _FOUNDED_THEN_YEAR):
        for m in rx.finditer(text):
            values |= _founded_year(int(m["year"]), m["side"] or "")
            spans.append(m.span())
    for m in _FOUNDED_AGE.finditer(text):
        if (n := _count(m["n"])) is not None:
            cut = _years_before(now_ms, n)
            younger = m["cmp"] in ("不到", "不满", "不足", "少于", "未满", "没满", "没超过", "没有超过")
            values |= {"founded_from_ms": cut + 1} if younger else {"founded_before_ms": cut + 1}
            spans.append(m.span())
    for m in _STAFF_BOUND.finditer(text):
        if (n := _count(m["n"] or m["n2"])) is not None:
            values |= _staff_bound(n, m["pre"] or "", m["post"] or m["post2"] or "")
            spans.append(m.span())
    labels = tuple(text[s:e] for s, e in sorted(spans))
    blanked = text
    for s, e in sorted(spans, reverse=True):
        blanked = blanked[:s] + blanked[e:]
    # "法人姓张的加油站" → "加油站"; "超过1万元、法人姓王的企业" → "超过1万元的企业"
    blanked = re.sub(r"^[、，,；;\s]*的?|[、，,；;]+(?=的|[、，,；;])", "", blanked)
    unread = tuple(m[0] for m in _UNREAD.finditer(blanked))
    return Registration(blanked, values, labels, unread)


def _count(digits: str) -> int | None:
    return int(digits) if digits.isdigit() else cn_to_int(digits)


def _years_before(now_ms: int, years: int) -> int:
    now = datetime.fromtimestamp(now_ms / 1000, tz=CST)
    try:
        then = now.replace(year=now.year - years)
    except ValueError:  # 29 February
        then = now.replace(year=now.year - years, day=28)
    return int(then.timestamp() * 1000)


def _founded_year(year: int, side: str) -> dict[str, int]:
    start = int(datetime(year, 1, 1, tzinfo=CST).timestamp() * 1000)
    end = int(datetime(year + 1, 1, 1, tzinfo=CST).timestamp() * 1000)
    if side in ("及以后", "以后", "之后", "以来", "后", "起"):  # the year itself included (evals README)
        return {"founded_from_ms": start}
    if side in ("以前", "之前", "前"):
        return {"founded_before_ms": start}
    if side == "及以前":
        return {"founded_before_ms": end}
    return {"founded_from_ms": start, "founded_before_ms": end}  # "2018年成立的"


def _staff_bound(n: int, pre: str, post: str) -> dict[str, int]:
    if pre in ("超过", "多于", "大于"):
        return {"employees_min": n + 1}
    if pre in ("不少于", "至少", "达到") or post in ("及以上", "以上"):
        return {"employees_min": n}
    if pre in ("不到", "不足", "少于", "低于"):
        return {"employees_max": n - 1}
    if post in ("及以下", "以下", "以内"):
        return {"employees_max": n}
    return {"employees_min": n, "employees_max": n}


@dataclass
class Ledger:
    """The registration filters of the question being answered, and whether a step applied them."""

    values: dict[str, Any]
    applied: bool = False
    intents: list[str] = field(default_factory=list)


_ACTIVE: ContextVar[Ledger | None] = ContextVar("registration_ledger", default=None)


def active() -> Ledger | None:
    """The filters of the question now being answered (None outside ``guarded`` or when none are said)."""
    return _ACTIVE.get()


def apply_to(intent_id: str, slots: tuple[str, ...], params: dict[str, Any]) -> dict[str, Any]:
    """``params`` with the active filters merged in when the template takes them (and marked applied)."""
    ledger = _ACTIVE.get()
    if ledger is None or not set(ledger.values) <= set(slots):
        return params
    ledger.applied = True
    ledger.intents.append(intent_id)
    return params | ledger.values


@contextmanager
def _activated(values: dict[str, Any]) -> Iterator[Ledger]:
    ledger = Ledger(dict(values))
    token = _ACTIVE.set(ledger)
    try:
        yield ledger
    finally:
        _ACTIVE.reset(token)


def registration_labels(params: dict[str, Any] | Any) -> list[str]:
    """The registration filters of bound template parameters, in words, for the answer's head."""
    parts = [f"法人姓{params['legal_rep_surname']}"] if params.get("legal_rep_surname") else []
    if params.get("safety_officer_surname"):
        parts.append(f"安全负责人姓{params['safety_officer_surname']}")
    if params.get("founded_from_ms") is not None:
        parts.append(f"{_day(params['founded_from_ms'])}起成立")
    if params.get("founded_before_ms") is not None:
        parts.append(f"{_day(params['founded_before_ms'])}前成立")
    if params.get("employees_min") is not None:
        parts.append(f"员工{params['employees_min']}人及以上")
    if params.get("employees_max") is not None:
        parts.append(f"员工{params['employees_max']}人及以下")
    return parts


def _day(ms: int) -> str:
    return datetime.fromtimestamp(int(ms) / 1000, tz=CST).strftime("%Y-%m-%d")


def declined(labels: tuple[str, ...]) -> str:
    said = "、".join(f"“{label}”" for label in labels)
    return (
        f"问题中的条件{said}是企业登记信息（法定代表人、安全负责人、成立时间、员工人数），"
        "目前只能用于筛选企业名单或企业数量，无法与所问的其他内容一起应用；为避免给出漏掉条件的结果，没有直接作答。"
        f"可以先查询{said}的企业名单，再逐家查看。"
    )


Answer = Callable[..., tuple[Any, Any]]


def guarded(answer: Answer, clock: Callable[[], int]) -> Answer:
    """``answer`` (text, principal, previous, use_llm) that applies or declines every registration
    condition said: never a list or a number that ignores one."""

    def run(text: str, *args: Any, **kwargs: Any) -> tuple[Any, Any]:
        said = read(text, clock())
        if said.unread:
            return ChatAnswer(answer=declined(said.unread), path="clarify"), None
        if not said.values:
            return answer(text, *args, **kwargs)
        with _activated(said.values) as ledger:
            result, state = answer(said.text, *args, **kwargs)
        if ledger.applied or getattr(result, "path", "") == "refusal":
            return result, state
        if getattr(result, "path", "") == "cypher":  # an LLM wrote the query: it reads the whole question
            with _activated(said.values) as again:
                result, state = answer(text, *args, **kwargs)
            if again.applied or getattr(result, "path", "") == "cypher":
                return result, state
        return ChatAnswer(answer=declined(said.labels), path="clarify"), None

    return run


__all__ = [
    "REGISTRATION_SLOTS",
    "Ledger",
    "Registration",
    "active",
    "apply_to",
    "declined",
    "guarded",
    "read",
]
