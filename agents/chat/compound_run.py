"""Running a compound plan (``agents.chat.compound``): one template per condition, the id sets
combined, the final enterprise template over them, and the cited Chinese answer (ADR 0012).

Only the templates of ``graph/intents*.py`` are run; the caller's scope is bound into each, as for a
single-template answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from agents.chat.answer import SHOWN, describe_filters, render_item
from agents.chat.compound import Condition, Plan, plan
from agents.chat.execute import bind
from agents.chat.inspecting_unit import with_town_office
from agents.chat.models import MAX_CITED_ROWS, ChatAnswer, Citation, TurnState
from agents.chat.slots import Gazetteer, Slots
from agents.chat.timewords import TimeParser, format_ms
from core.ports import GraphStore
from core.scope import DataScope
from graph.intents import BY_ID

# Condition sets must be complete: the templates end in LIMIT $limit, which ``bind`` caps at 1,000 for
# answers; an id set cut there would make the intersection silently wrong (all hazards of the demo
# city are ~3,700 rows). Condition steps bind $limit to this bound instead, and a step that still
# reaches it makes the planner give up rather than answer from a partial set.
CONDITION_LIMIT = 200_000


@dataclass
class Step:
    label: str  # how the answer names the step ("有行政处罚（今年）")
    intent: str
    query: str
    params: dict[str, Any]
    columns: tuple[str, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


@dataclass
class Composed:
    plan: Plan
    steps: list[Step]  # conditions (and the universe for a negation only), then the final step
    ids: list[str]  # the enterprises meeting every condition, sorted


class IncompleteSet(Exception):
    """A condition step reached CONDITION_LIMIT: its id set may be partial."""


def run_plan(p: Plan, scope: DataScope, store: GraphStore, now_ms: int) -> Composed:
    """Run each condition's template (the caller's scope bound into every one), combine the id sets,
    then the final enterprise template over them. Raises ``IncompleteSet`` (see CONDITION_LIMIT)."""
    steps: list[Step] = []
    town = {"town": p.attributes["town"]} if "town" in p.attributes else {}
    for c in p.conditions:
        step = _run(
            c.intent, with_town_office(c.values | town), scope, store, now_ms, ""
        )  # "X安监办查过几家"
        # from the bound values (defaults 未整改, 今天 included) and the chemical as said ("储存液氯")
        step.label = _label(c, step.params | _said_chemical(c.values))
        firms = (
            step.rows
            if c.intent != "lessor_list"
            else [r for r in step.rows if r.get("lessor_type") == "企业法人"]
        )
        step.ids = {str(r[c.id_column]) for r in firms if r.get(c.id_column)}  # not natural-person landlords
        steps.append(step)
    alternatives = set(p.either)  # conditions joined by 或: one set, the firms meeting any of them
    positive = [s.ids for i, (s, c) in enumerate(zip(steps, p.conditions, strict=True))
                if not c.negated and i not in alternatives]  # fmt: skip
    if alternatives:
        positive.append(set().union(*(steps[i].ids for i in sorted(alternatives))))
    if positive:
        chosen = set.intersection(*positive)
    else:  # only negations: start from every enterprise with the attributes said
        label = "符合所说类别、等级或镇街的全部企业" if p.attributes else "数据范围内的全部企业"
        universe = _run("enterprise_list", dict(p.attributes), scope, store, now_ms, label)
        universe.ids = {str(r["id"]) for r in universe.rows}
        steps.append(universe)
        chosen = set(universe.ids)  # a copy: the step keeps its own count for the answer
    for s, c in zip(steps, p.conditions, strict=False):
        if c.negated:
            chosen -= s.ids
    if p.attributes and positive:  # the kept ids must have the attributes too: a follow-up ("其中哪些在
        # 月城", "都是哪些") lists them, and they had included firms of every category (the final step
        # alone applied 纺织)
        kept = _run(
            "enterprise_list", p.attributes | {"enterprise_ids": sorted(chosen)}, scope, store, now_ms, ""
        )
        chosen &= {str(r["id"]) for r in kept.rows}
    ids = sorted(chosen)
    steps.append(
        _run(p.final, p.attributes | {"enterprise_ids": ids}, scope, store, now_ms, "同时满足以上条件的企业")
    )
    return Composed(p, steps, ids)


def _run(
    intent_id: str, values: dict[str, Any], scope: DataScope, store: GraphStore, now_ms: int, label: str
) -> Step:
    intent = BY_ID[intent_id]
    if intent.cypher is None:  # nearest_resources is answered by the repository: never a condition
        raise ValueError(f"{intent_id} has no Cypher template")
    params = bind(intent, values, scope, now_ms) | {"limit": CONDITION_LIMIT}
    rows = [
        dict(r) for r in store.read(intent.cypher, {k: v for k, v in params.items() if k != "window_label"})
    ]
    if len(rows) >= CONDITION_LIMIT:
        raise IncompleteSet(intent_id)
    return Step(label, intent_id, intent.cypher.strip(), params, intent.columns, rows)


def _said_chemical(values: dict[str, Any]) -> dict[str, Any]:
    """The chemical word as said: the bound ``$chemical`` holds only its names and CAS numbers."""
    return {"chemical_word": values["chemical_word"]} if values.get("chemical_word") else {}


def _label(c: Condition, params: dict[str, Any]) -> str:
    detail = describe_filters({k: v for k, v in params.items() if k != "town"})
    if params.get("from_ms") is not None and not params.get("window_label"):
        period = f"{format_ms(params['from_ms'])[:10]} 至 {format_ms(params['to_ms'])[:10]}"
        detail = "，".join(x for x in (period, detail) if x)
    if c.intent == "lessees_of_lessor":  # the landlord is the question's named party
        return "租用所问出租方厂房"
    if c.intent == "lease_tenants":  # no landlord named: every tenant, or those of a landlord grade
        grade = f"，出租方{params['lessor_grade']}色" if params.get("lessor_grade") else ""
        return f"租用他人厂房（厂中厂承租企业{grade}）"
    if c.intent == "lessor_list":  # the landlord firms (a corporate lessor's id is its enterprise's)
        return "出租厂房给他人（厂中厂出租方）"
    name = {"传感器": "离线传感器" if c.intent == "sensors_offline" else "报警传感器", "视频监控": "离线摄像头",
            "事件告警": "事件告警"}.get(c.kind, c.kind)  # fmt: skip
    return f"{'无' if c.negated else '有'}{name}{f'（{detail}）' if detail else ''}"


def reply(text: str, c: Composed) -> tuple[ChatAnswer, TurnState]:
    """A Chinese answer that shows every step (template id, parameters, rows) as its citations."""
    *conditions, final = c.steps
    either = "（与另一步满足其一即可）"  # the 或 conditions, named so the union is not read as "同时"
    lines = [f"{i}. {s.label}{either if i - 1 in c.plan.either else ''}：模板 {s.intent}，{len(s.ids)} 家企业"
             for i, s in enumerate(conditions, 1)]  # fmt: skip
    cond = describe_filters(final.params | _said_chemical(c.plan.attributes))
    where = f"（{cond}）" if cond else ""
    meets = "符合以上条件的企业" if c.plan.either else "同时满足以上条件的企业"  # 或: not all at once
    if final.intent == "enterprise_count":
        result = f"{meets}{where}共 {int((final.rows or [{}])[0].get('n') or 0)} 家。"
    elif not final.rows:
        result = f"没有查到{meets}{where}。"
    elif final.intent == "enterprise_count_by_town":
        result = f"{meets}{where}按镇街分布：" + "；".join(
            f"{r['town']} {r['n']} 家" for r in final.rows) + "。"  # fmt: skip
    else:
        shown = [f"{i}. {render_item(BY_ID[final.intent], r)}" for i, r in enumerate(final.rows[:SHOWN], 1)]
        more = f"\n（仅列出前 {SHOWN} 家，完整结果见引用中的数据行）" if len(final.rows) > SHOWN else ""
        result = f"共查到 {len(final.rows)} 家{meets}{where}：\n" + "\n".join(shown) + more
    answer = "按组合条件逐步查询（每步一个固定查询模板）：\n" + "\n".join(lines) + "\n" + result
    citations = [
        Citation(kind="template", ref=s.intent, title=f"第 {i} 步：{s.label}" if s is not final else f"结果：{s.label}",
                 query=s.query, params=_jsonable(s.params), columns=list(s.columns), rows=s.rows[:MAX_CITED_ROWS],
                 row_count=len(s.rows))
        for i, s in enumerate(c.steps, 1)
    ]  # fmt: skip
    result_ids = c.ids[:500]
    # No intent in the turn state: "华士镇呢" must not re-run one template without the other conditions;
    # "它们的法人", "其中…" still reach the enterprises through their ids.
    return ChatAnswer(
        answer=answer, path="compound", intent=_reported_intent(c), query=_formula(c), params=_jsonable(final.params),
        columns=list(final.columns), rows=final.rows, citations=citations,
        slots=dict(c.plan.attributes),
    ), TurnState(question=text, key_kind="enterprise", result_ids=result_ids, result_enterprises=result_ids,
                composed=True)  # fmt: skip


# Record families whose "几家企业" is a distinct-firm count of that family's own list (chat round 21's
# convention (1), round 22's (4)): with that one condition, the question is that list's, counted.
_RECORD_LISTS = frozenset(
    {"inspection_list", "penalty_list", "hazard_list", "overdue_hazards", "special_operations"}
)


def _reported_intent(c: Composed) -> str:
    """The intent the answer reports: the one record list a firm count rests on, else the final step's."""
    conditions = c.plan.conditions
    one_record = len(conditions) == 1 and not conditions[0].negated
    if c.plan.final in ("enterprise_count", "enterprise_list") and one_record:  # "哪几家企业有逾期隐患"
        return conditions[0].intent if conditions[0].intent in _RECORD_LISTS else c.plan.final
    return c.plan.final


def _formula(c: Composed) -> str:
    """The composition in one line: "hazard_source_enterprises ∩ penalty_list − inspection_list → enterprise_list"."""
    union = " ∪ ".join(c.plan.conditions[i].intent for i in c.plan.either)
    kept = (
        " ∩ ".join(
            [x.intent for i, x in enumerate(c.plan.conditions) if not x.negated and i not in c.plan.either]
            + ([f"({union})"] if union else [])
        )
        or "enterprise_list"
    )
    dropped = "".join(f" − {x.intent}" for x in c.plan.conditions if x.negated)
    return f"{kept}{dropped} → {c.plan.final}"


def _jsonable(params: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in params.items() if not k.startswith("_")}


def landlord(intent_id: str, named: str | None) -> str | None:
    """The named party when the question asks for a landlord's tenants: their set is a condition."""
    return named if intent_id == "lessees_of_lessor" else None


def answer(
    text: str, slots: Slots, missing: tuple[str, ...], scope: DataScope, store: GraphStore,
    gazetteer: Gazetteer, now_ms: int, time_parser: TimeParser | None = None, *, landlord: str | None = None,
) -> tuple[ChatAnswer, TurnState] | None:  # fmt: skip
    """The composed answer, or None: the caller falls back to text-to-Cypher or the decline.
    ``landlord``: the lessor named with a lease word, whose tenants are one of the conditions."""
    found = plan(text, slots, missing, gazetteer, now_ms, time_parser, landlord=landlord)
    if found is None:
        return None
    try:
        return reply(text, run_plan(found, scope, store, now_ms))
    except IncompleteSet:  # a condition set may be partial: not confident
        return None


__all__ = ["CONDITION_LIMIT", "Composed", "IncompleteSet", "Step", "answer", "landlord", "reply", "run_plan"]
