"""Running an aggregation plan (``agents.chat.aggregate``): the measure's template with the planner's
large bound, its rows grouped by enterprise, town, village or 行业 (the enterprises' own, read by
``graph.enterprise_groups``) in Python, cut by a threshold or top N (ties at
the N-th place shown), and the cited Chinese answer (ADR 0013).

Only the templates of ``graph/intents*.py`` are run, each with the caller's scope bound, so a town
officer's ranking holds only their town's enterprises. A restriction ("有重大危险源的企业里") is the
compound planner's enterprise set (ADR 0012); enterprise attributes alone are an enterprise_list step.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from agents.chat import registration
from agents.chat.aggregate import UNITS, AggregatePlan, counted_intent, plan
from agents.chat.answer import SHOWN, describe_filters
from agents.chat.compound import plan as compound_plan
from agents.chat.compound_run import CONDITION_LIMIT, IncompleteSet, Step, run_plan
from agents.chat.coverage import ENTERPRISES_ASKED, SUBJECTS
from agents.chat.execute import bind
from agents.chat.models import MAX_CITED_ROWS, ChatAnswer, Citation, TurnState
from agents.chat.slots import Gazetteer, Slots, extract_slots
from agents.chat.timewords import TimeParser, format_ms
from core.ports import GraphStore
from core.scope import DataScope
from graph.enterprise_groups import GROUP_FIELDS, enterprise_groups
from graph.intents import BY_ID

# What each group is called in the answer ("各村/社区按逾期隐患数从高到低").
_GROUP_WORDS = {"town": "镇街", "village": "村/社区", "category": "行业", "enterprise": "企业"}


@dataclass
class Grouped:
    rows: list[
        dict[str, Any]
    ]  # one per group shown: enterprise_id/name/town, or town/village/category, and n
    groups: int  # groups with at least one thing, before the cut
    steps: list[Step]  # restriction steps, then the measure step


def run(p: AggregatePlan, scope: DataScope, store: GraphStore, now_ms: int, restriction: list[Step],
        allowed: set[str] | None) -> Grouped:  # fmt: skip
    """Group the measure's rows; ``allowed``: the restricted enterprise ids (None: no restriction)."""
    m = p.measure
    values = dict(m.values) | {k: v for k, v in p.attributes.items() if k == "town"}
    if allowed is not None and "enterprise_ids" in BY_ID[m.intent].slots:
        values["enterprise_ids"] = sorted(allowed)
    step = _run(m.intent, values, scope, store, now_ms, "")
    step.label = _label(p, step.params)  # from the bound values: defaults (未整改, 今天) included
    key = "town" if p.group == "town" else "enterprise_id"
    owners = (
        enterprise_groups(store, (r.get("enterprise_id") for r in step.rows), p.group, scope)
        if p.group in GROUP_FIELDS
        else None
    )  # "各村": each row's enterprise's village ("按行业": its category)
    totals: dict[str, float] = defaultdict(float)
    names: dict[str, str] = {}
    firm_column = "id" if m.intent == "enterprise_list" else "enterprise_id"  # firms counted: their own id
    for row in step.rows:
        group = row.get(key) if owners is None else owners.get(str(row.get("enterprise_id")))
        if not group or (allowed is not None and str(row.get(firm_column)) not in allowed):
            continue  # a public camera or an event without an enterprise has no enterprise to rank
        value = float(row.get("amount_yuan") or 0) if m.amount else 1.0
        totals[str(group)] = (
            max(totals[str(group)], value) if m.amount == "max" else totals[str(group)] + value
        )
        names.setdefault(str(group), str(row.get("enterprise") or ""))
        names.setdefault(f"town:{group}", str(row.get("town") or ""))
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    if p.threshold is not None:
        op, bound = p.threshold
        ranked = [(g, n) for g, n in ranked if (n > bound if op == ">" else n >= bound)]
    elif p.top is not None and len(ranked) > p.top:
        cut = ranked[p.top - 1][1]
        ranked = [(g, n) for g, n in ranked if n >= cut]  # ties at the N-th place are shown
    if p.group != "enterprise":
        rows = [{p.group: g, "n": _whole(n)} for g, n in ranked]
    else:
        missing = [g for g, _ in ranked if not names.get(g)]
        if missing:  # cameras and events name no enterprise: read the names through enterprise_list
            listed = _run("enterprise_list", {"enterprise_ids": missing}, scope, store, now_ms, "")
            names |= {str(r["id"]): str(r["name"]) for r in listed.rows}
            names |= {f"town:{r['id']}": str(r["town"]) for r in listed.rows}
        rows = [{"enterprise_id": g, "name": names.get(g, g), "town": names.get(f"town:{g}", ""), "n": _whole(n)}
                for g, n in ranked]  # fmt: skip
    return Grouped(rows, len(totals), [*restriction, step])


def _run(
    intent_id: str, values: dict[str, Any], scope: DataScope, store: GraphStore, now_ms: int, label: str
) -> Step:
    intent = BY_ID[intent_id]
    assert intent.cypher is not None  # every measure and enterprise_list is a Cypher template
    params = bind(intent, values, scope, now_ms) | {"limit": CONDITION_LIMIT}
    rows = [
        dict(r) for r in store.read(intent.cypher, {k: v for k, v in params.items() if k != "window_label"})
    ]
    if len(rows) >= CONDITION_LIMIT:
        raise IncompleteSet(intent_id)
    return Step(label, intent_id, intent.cypher.strip(), params, intent.columns, rows)  # fmt: skip


def _whole(n: float) -> int | float:
    return int(n) if float(n).is_integer() else round(n, 2)


def _label(p: AggregatePlan, params: dict[str, Any]) -> str:
    m = p.measure
    detail = describe_filters({k: v for k, v in params.items() if k not in ("town", "enterprise_ids")})
    if params.get("from_ms") is not None and not params.get("window_label"):  # the grammar gave no name
        period = f"{format_ms(params['from_ms'])[:10]} 至 {format_ms(params['to_ms'])[:10]}"
        detail = "，".join(x for x in (period, detail) if x)
    name = {"传感器": ("传感器" if m.values.get("all_sensors") else "离线传感器") if m.intent == "sensors_offline" else "报警传感器", "视频监控": "摄像头" if m.values.get("all_cameras") else "离线摄像头",
            "事件告警": "告警事件"}.get(m.kind, m.kind)  # fmt: skip
    name = "逾期隐患" if m.intent == "overdue_hazards" else name
    what = {"sum": "罚款金额", "max": "单笔最高罚款"}.get(m.amount, f"{name}数")
    return f"{what}{f'（{detail}）' if detail else ''}"


def _restrict(
    p: AggregatePlan, slots: Slots, scope: DataScope, store: GraphStore, gazetteer: Gazetteer, now_ms: int,
    parser: TimeParser | None,
) -> tuple[list[Step], set[str] | None] | None:  # fmt: skip
    """The enterprise set the ranking is over: the compound planner's, or the attributes said."""
    if p.restriction:
        names = tuple(s.name for s in SUBJECTS if s.pattern.search(p.restriction))
        said = extract_slots(p.restriction, gazetteer)
        said.town = slots.town
        found = compound_plan(p.restriction, said, (*names, ENTERPRISES_ASKED), gazetteer, now_ms, parser)
        if found is None:
            return None
        composed = run_plan(found, scope, store, now_ms)
        return composed.steps[:-1], set(composed.ids)
    attributes = {k: v for k, v in p.attributes.items() if k != "town"}
    if ledger := registration.active():  # "法人姓王": applied by the enterprise_list step (its binding)
        attributes |= ledger.values
    if not attributes:
        return [], None
    label = "符合" + describe_filters(attributes) + "的企业"
    step = _run("enterprise_list", p.attributes, scope, store, now_ms, label)
    step.ids = {str(r["id"]) for r in step.rows}
    return [step], step.ids


def reply(text: str, p: AggregatePlan, g: Grouped) -> tuple[ChatAnswer, TurnState]:
    *restriction, measure = g.steps
    unit = "元" if p.measure.amount else UNITS[p.measure.kind]
    whom = _GROUP_WORDS[p.group]
    scope_words = "".join(f"（限{s.label}，{len(s.ids)} 家）" for s in restriction)
    if p.threshold is not None:
        op = "超过" if p.threshold[0] == ">" else "不少于"
        head = f"{measure.label}{op} {_whole(p.threshold[1])} {unit}的{whom}{scope_words}"
        if p.counted:
            body = f"{head}共 {len(g.rows)} 家。"
        elif not g.rows:
            body = f"没有{head}。"
        else:
            body = f"{head}共查到 {len(g.rows)} 家：\n" + _lines(g.rows, unit)
    else:
        order = "按" + measure.label + "从高到低"
        if not g.rows:
            body = f"没有查到{measure.label.split('（')[0]}{scope_words}，无从排名。"
        elif p.top is None:
            body = f"各{whom}{order}{scope_words}（共 {len(g.rows)} 个有记录的{whom}）：\n" + _lines(
                g.rows, unit
            )
        else:
            ties = f"（含并列共 {len(g.rows)} 个）" if len(g.rows) > p.top else ""
            body = f"{order}，前 {p.top} 名{whom}{ties}{scope_words}：\n" + _lines(g.rows, unit)
    answer = body + f"\n（由固定查询模板 {measure.intent} 的 {len(measure.rows)} 行数据按{whom}汇总得出）"
    citations = [
        Citation(kind="template", ref=s.intent, title=f"第 {i} 步：{s.label}", query=s.query,
                 params=_jsonable(s.params), columns=list(s.columns), rows=s.rows[:MAX_CITED_ROWS],
                 row_count=len(s.rows))
        for i, s in enumerate(g.steps, 1)
    ]  # fmt: skip
    columns = (
        ["n"]
        if p.counted
        else ([p.group, "n"] if p.group != "enterprise" else ["enterprise_id", "name", "town", "n"])
    )
    rows = [{"n": len(g.rows)}] if p.counted else g.rows
    shown = [] if p.group != "enterprise" else [str(r["enterprise_id"]) for r in g.rows[:500]]
    return ChatAnswer(
        answer=answer, path="aggregate", intent=counted_intent(p), query=_formula(p, g), params=_jsonable(measure.params),
        columns=columns, rows=rows, citations=citations,
    ), TurnState(question=text, key_kind="enterprise" if shown else "", result_ids=shown, result_enterprises=shown,
                composed=True)  # fmt: skip


def _lines(rows: list[dict[str, Any]], unit: str) -> str:
    def one(i: int, r: dict[str, Any]) -> str:
        where = f"（{r['town']}）" if r.get("town") and "name" in r else ""
        group = r.get("name") or next(str(v) for k, v in r.items() if k != "n")  # the town, village or 行业
        return f"{i}. {group}{where} {r['n']} {unit}"

    shown = len(rows) if "name" not in rows[0] else SHOWN  # every town (at most a few dozen)
    text = "\n".join(one(i, r) for i, r in enumerate(rows[:shown], 1))
    return text + (f"\n（仅列出前 {shown} 个，完整结果见引用中的数据行）" if len(rows) > shown else "")


def _formula(p: AggregatePlan, g: Grouped) -> str:
    """The step in one line: "hazard_list → 按企业计数 → 前 3（含并列）"."""
    steps = " ∩ ".join(s.intent for s in g.steps[:-1])
    how = (
        "按"
        + _GROUP_WORDS[p.group]
        + {
            "sum": "合计 amount_yuan",
            "max": "取最大 amount_yuan",
        }.get(p.measure.amount, "计数")
    )
    cut = (f" → {p.threshold[0]} {_whole(p.threshold[1])}" if p.threshold else
           f" → 前 {p.top}（含并列）" if p.top else " → 全部分组")  # fmt: skip
    return f"{steps + ' → ' if steps else ''}{p.measure.intent} → {how}{cut}{' → 计数' if p.counted else ''}"


def _jsonable(params: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in params.items() if not k.startswith("_")}


def answer(
    text: str, slots: Slots, scope: DataScope, store: GraphStore, gazetteer: Gazetteer, now_ms: int,
    time_parser: TimeParser | None = None,
) -> tuple[ChatAnswer, TurnState] | None:  # fmt: skip
    """The aggregated answer, or None: the caller falls back to text-to-Cypher or the decline."""
    found = plan(text, slots, gazetteer, now_ms, time_parser)
    if found is None:
        return None
    try:
        restricted = _restrict(found, slots, scope, store, gazetteer, now_ms, time_parser)
        if restricted is None:
            return None
        return reply(text, found, run(found, scope, store, now_ms, *restricted))
    except IncompleteSet:  # a set may be partial: not confident
        return None


__all__ = ["Grouped", "answer", "reply", "run"]
