"""Derived figures, asked and computed: a share, a growth rate or difference, a whole and its part (ADR 0018).

``derived_figures`` writes the two count questions a figure needs; here each is asked through the
usual pipeline (same caller, same scope, the same slot rules as any question), the figure is computed
in Python and the answer states both counts, the formula and the result, citing both queries. It
answers only when both counts come from templates that tell them apart: when either question is
declined, or both are answered by the same template with the same parameters (there is no template
for all sensors, so "全市传感器" gets the offline ones again), the question goes on to the usual
handling, which declines a share or a rate rather than half-answer it (``coverage``). A town
officer's share of the city is refused: the whole lies outside his scope.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from agents.chat.counted_lists import as_count
from agents.chat.derived_default_period import noted, this_month_by_default
from agents.chat.derived_every_status import every_status
from agents.chat.derived_figures import Figure, figure
from agents.chat.derived_group_rates import grouped_rate, said_plainly, towns_average
from agents.chat.derived_group_run import Sources
from agents.chat.derived_group_run import run as run_grouped
from agents.chat.derived_groups import grouped
from agents.chat.derived_median import run_median
from agents.chat.derived_monthly import run_monthly
from agents.chat.derived_own_city import own_part, rank_refused, with_scope_note
from agents.chat.derived_per_day import run_per_unit
from agents.chat.derived_per_head import per_employee
from agents.chat.derived_ranked import fastest, pair, ranked, run_fastest, run_pair, run_ranked
from agents.chat.derived_rate_change import rate_change, run_rate_change
from agents.chat.derived_rates import ask_back, asks_which_periods, average, rate, run_average, run_rate
from agents.chat.models import ChatAnswer, TurnState
from agents.chat.slots import Gazetteer
from agents.chat.versus import Answer, money_asked, value
from core.scope import Principal, ScopeLevel

_COUNTED_PATHS = ("template", "llm_template", "compound", "aggregate")
_BREAKDOWN = re.compile(r"各(?:类型?|级|种|个?镇|街道|镇街)|每个镇|分镇街")
_OWN_TOWN = re.compile(r"全镇|全街道|全区|本镇|本街道|各镇街?|各街道")


def asker(ask: Answer, gazetteer: Callable[[], Gazetteer], sources: Sources | None = None) -> Answer:
    """``ask``, answering a derived figure from two of its own answers, or per group from one grouped
    query (round 3; ``sources`` gives the graph and clock)."""

    def answer(
        text: str, principal: Principal, previous: TurnState | None, use_llm: bool
    ) -> tuple[ChatAnswer, TurnState | None]:
        month = this_month_by_default(text, sources.clock(), sources.time_parser) if sources else None
        if month is not None:  # "整改率环比": this month against last (round 6), said in the answer;
            # not derived: the pipeline gets the question as said, once (round 7)
            got_m, state_m = figured(month, principal, previous, use_llm, said_as=text)
            return noted(got_m), state_m
        if (refused := rank_refused(text, principal)) is not None:
            return refused, None  # 我们镇在全市排第几: the other towns are outside his scope (round 8)
        if (own := own_part(text, principal)) is not None:  # 我镇平均…跟全市平均比 (round 7)
            got_o, state_o = figured(own, principal, previous, use_llm)
            return with_scope_note(got_o), state_o
        return figured(text, principal, previous, use_llm)

    def figured(
        text: str, principal: Principal, previous: TurnState | None, use_llm: bool, said_as: str | None = None
    ) -> tuple[ChatAnswer, TurnState | None]:
        if asks_which_periods(text):  # "告警比以前多了吗": which periods? (round 2)
            return ask_back()
        if sources is not None and (
            got_m := run_monthly(ask, text, principal, use_llm, sources.clock(), gazetteer())
        ):
            return got_m, None  # 最近三个月每个月…走势 (round 8)
        if sources is not None and (got_md := run_median(text, gazetteer(), principal, sources)):
            return got_md, None  # 职工人数的中位数, 最多的一家 (round 9)
        said = said_plainly(text)  # 平均下来每起 = 平均每起 (round 4)
        if (
            sources is not None
            and (p := pair(said, gazetteer()))
            and (got_p := run_pair(p, principal, sources))
        ):
            return got_p, None  # 华士镇和周庄镇的整改率谁高 (round 7)
        if (
            sources is not None
            and (fast := fastest(said, gazetteer())) is not None
            and (got_f := run_fastest(fast, principal, sources))
        ):
            return got_f, None  # 增长最快的镇街 (round 9)
        if (
            sources is not None
            and (k := ranked(said, gazetteer())) is not None
            and (got_k := run_ranked(k, principal, sources))
        ):
            return got_k, None  # 占比最高的三个镇街, 处置率最低的镇 (round 7)
        if sources is not None and (
            got_d := run_per_unit(ask, said, principal, use_llm, sources.clock(), sources.time_parser)
        ):
            return got_d  # 上个月平均每天多少条告警, 近四周周均 (round 7)
        changed = rate_change(said, gazetteer()) if sources is not None else None
        if (
            changed is not None
            and sources is not None
            and (got_c := run_rate_change(changed, principal, sources))
        ):
            return got_c, None  # 整改率环比, 处置率比上月提高了多少 (round 5)
        per = (
            grouped_rate(said, gazetteer())
            or towns_average(said, gazetteer())
            or per_employee(said, gazetteer())
            if sources is not None
            else None
        )
        if per is not None and sources is not None and (got_r := run_grouped(per, said, principal, sources)):
            return got_r, None  # 各镇整改率, 各类企业每个镇平均几家 (round 4)
        if (r := rate(text)) is not None and (got := run_rate(ask, r, principal, use_llm)) is not None:
            return got  # 整改率, 处置率, 在线率
        g = grouped(said, gazetteer()) if sources is not None else None

        def by_group() -> ChatAnswer | None:
            return run_grouped(g, text, principal, sources) if g is not None and sources is not None else None

        if g is not None and g.mode == "average" and (got_g := by_group()) is not None:
            return got_g, None  # 户均, 平均每次检查查出几条隐患, 各类企业平均每家 (round 3)
        if (a := average(text)) is not None and (got := run_average(ask, a, principal, use_llm, _towns)):
            return got  # 平均每家企业几条隐患
        found = figure(text, gazetteer())
        if found is not None:  # a bare 隐患 is every record, in the part and the whole alike (round 8)
            whole = every_status(found.second, gazetteer())
            # a part inside a whole with a status ("重大隐患占本镇未整改隐患") keeps the whole's status
            alike = found.kind == "change" or whole != found.second
            found = replace(found, first=every_status(found.first, gazetteer()) if alike else found.first,
                            second=whole)  # fmt: skip
        by_kind = g is not None and g.group not in (
            "",
            "town",
        )  # 重大和一般各占: levels, not one part (round 4)
        if found is None or by_kind or (_BREAKDOWN.search(text) and not found.per_town):
            return (
                (got_g, None)
                if (got_g := by_group()) is not None
                else ask(said_as or text, principal, previous, use_llm)
            )  # 各类型告警占比, 各镇…环比: one grouped query
        if found.kind != "change" and "全市" in found.second and principal.scope.level is not ScopeLevel.CITY:
            return ChatAnswer(answer="无权查看全市的数据（超出您的数据范围），无法计算占全市的比例；"
                              "可以问本辖区内的占比，如“本镇危化企业占本镇企业的比例”。", path="refusal"), None  # fmt: skip
        got = (_per_town if found.per_town else _two)(ask, found, principal, use_llm)
        if got is None and (got_g := by_group()) is not None:
            return got_g, None  # 华士和周庄危化企业占比: two towns, each over its own whole
        return got or ask(said_as or text, principal, previous, use_llm)

    return answer


def percent(part: float, whole: float) -> str:
    """part / whole as a percent, one decimal, halves rounded up (12.25 → 12.3%)."""
    value_ = Decimal(str(part)) * 100 / Decimal(str(whole))
    return f"{value_.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def show(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:.2f}"


def _counted(result: ChatAnswer) -> bool:
    return result.path in _COUNTED_PATHS and result.intent is not None


def _number(result: ChatAnswer, question: str) -> float:
    """The count an answer gives; a breakdown with no records ("2级 3 处；3级 12 处") is summed."""
    rows = result.rows
    if len(rows) > 1 and not money_asked(question) and all("id" not in r and _num(r.get("n")) for r in rows):
        return float(sum(r["n"] for r in rows))
    return float(value(result, question))


def _num(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _two(
    ask: Answer, f: Figure, principal: Principal, use_llm: bool
) -> tuple[ChatAnswer, TurnState | None] | None:
    first, state = ask(as_count(f.first), principal, None, use_llm)
    second, _ = ask(as_count(f.second), principal, None, use_llm)
    if not (_counted(first) and _counted(second)):
        return None
    if (first.intent, first.params, first.query) == (second.intent, second.params, second.query):
        return None  # one template for both: it cannot tell the part from the whole, or one period from the other
    a, b = _number(first, f.first), _number(second, f.second)
    unit = "元" if money_asked(f.first) else f.unit
    if f.kind != "change" and a > b:
        return None  # a part larger than its whole: the two questions were not read as one thing
    body = _change_text(f, a, b, unit) if f.kind == "change" else _share_text(f, a, b, unit)
    rows: list[dict[str, Any]] = [{"item": f.first_label, "n": a}, {"item": f.second_label, "n": b}]
    return _answer(body, first, second, rows, ["item", "n"]), state


def _share_text(f: Figure, a: float, b: float, unit: str) -> str:
    share = f"{show(a)} ÷ {show(b)} × 100% ≈ {percent(a, b)}" if b else f"{f.second_label}为 0，无法计算占比"
    if f.kind == "whole_part":
        return f"{f.second_label}：共 {show(b)} {unit}；其中{f.first_label}：{show(a)} {unit}，占比 {share}。"
    return f"{f.first_label}：{show(a)} {unit}；{f.second_label}：{show(b)} {unit}。\n占比 = {share}。"


def _change_text(f: Figure, a: float, b: float, unit: str) -> str:
    said = f"{f.first}：{show(a)} {unit}；{f.second}：{show(b)} {unit}。\n"
    this, other = f.first_label, f.second_label
    if a == b:
        return said + f"{this}与{other}持平（增长率 0.0%）。"
    way = f"{this}比{other}{'多' if a > b else '少'} {show(abs(a - b))} {unit}"
    if not b:
        return said + f"{way}；{other}为 0，无法计算增长率。"
    rate = f"{'增长' if a > b else '下降'} {percent(abs(a - b), b)}"
    return said + f"{way}，{rate}（增长率 = ({show(a)} − {show(b)}) ÷ {show(b)} × 100%）。"


def _answer(
    body: str, first: ChatAnswer, second: ChatAnswer, rows: list[dict[str, Any]], columns: list[str]
) -> ChatAnswer:
    steps = [c.model_copy(update={"title": f"第 {i} 项：{c.title}".rstrip("：")})
             for i, result in enumerate((first, second), 1) for c in result.citations]  # fmt: skip
    source = f"\n（两项分别由固定查询 {first.intent} 与 {second.intent} 统计，再按公式计算）"
    return first.model_copy(update={"answer": body + source, "path": "derived", "rows": rows, "columns": columns,
                                    "citations": steps, "query": f"{first.intent} ÷ {second.intent}"})  # fmt: skip


def _towns(result: ChatAnswer) -> dict[str, float] | None:
    """(town → number) of a per-town answer, or None when its rows are not per town."""
    if not result.rows or any("town" not in r or not _num(r.get("n")) for r in result.rows):
        return None
    return {str(r["town"]): float(r["n"]) for r in result.rows}


def _per_town(
    ask: Answer, f: Figure, principal: Principal, use_llm: bool
) -> tuple[ChatAnswer, TurnState | None] | None:
    part = _OWN_TOWN.sub("", f.first.replace("全市", ""))  # each town's own part, whatever the whole
    part_q = "各镇街" + part + "分别有多少"
    first, _ = ask(part_q, principal, None, use_llm)
    parts = _towns(first)
    wholes: dict[str, float] | None
    if "全市" in f.second:  # "各镇…占全市的比例": one city total for every town
        second, _ = ask(as_count(f.second), principal, None, use_llm)
        city = _number(second, f.second)
        wholes = {t: city for t in parts or {}}
    else:
        second, _ = ask("各镇街" + _OWN_TOWN.sub("", f.second) + "分别有多少", principal, None, use_llm)
        wholes = _towns(second)
    if not (_counted(first) and _counted(second)) or parts is None or not wholes or parts == wholes:
        return None
    if any(n > wholes.get(t, 0) for t, n in parts.items()):
        return None
    shares = sorted(
        ((t, parts.get(t, 0.0), w) for t, w in wholes.items()), key=lambda x: -(x[1] / x[2]) if x[2] else 0.0
    )
    rows: list[dict[str, Any]] = [
        {"town": t, "n": n, "total": w, "share": percent(n, w) if w else "—"} for t, n, w in shares
    ]
    lines = "\n".join(
        f"{i}. {t}：{show(n)}/{show(w)} {f.unit}，{percent(n, w) if w else '—'}"
        for i, (t, n, w) in enumerate(shares, 1)
    )
    body = (
        f"各镇街{part}占{_OWN_TOWN.sub('', f.second)}的比例（占比 = 前者 ÷ 后者 × 100%，从高到低）：\n{lines}"
    )
    return _answer(body, first, second, rows, ["town", "n", "total", "share"]), None


__all__ = ["asker", "percent", "show"]
