"""A rate's change between two periods (ADR 0018, round 5): "本月隐患整改率比上月提高了多少",
"告警处置率环比上个月是升了还是降了", "各镇整改率环比".

Round 2 answers one rate and round 3 a change of counts; a change of a rate is neither: each
period's rate (its closed records over its records, round 2's (10)) is computed and the two are
compared in percentage points — a growth rate of a rate ("提高了 12%") is easily misread. One query
returns both periods' parts and wholes (``graph.derived_queries.rate_change_query``); the periods
are round 3's (``derived_group_run.previous``: 环比 = the stretch before, 同比 = a year back).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from agents.chat.derived_group_rates import COMPARED, RATES
from agents.chat.derived_group_run import Sources, previous
from agents.chat.derived_groups import conditions_of, grouped, read_group
from agents.chat.derived_rates import percent
from agents.chat.models import MAX_CITED_ROWS, ChatAnswer, Citation
from agents.chat.slots import Gazetteer, extract_slots
from agents.chat.timewords import CST, time_window
from core.scope import Principal
from graph.derived_queries import PARAMS, rate_change_query


@dataclass(frozen=True)
class RateChange:
    kind: str
    group: str
    part: dict[str, Any]
    filters: dict[str, Any] = field(default_factory=dict)
    comparison: str = "环比"
    period_text: str = ""
    towns: tuple[str, ...] = ()
    share_of: str = ""  # a share's change (round 9): the part's name; "" = a rate of closed records


def rate_change(text: str, gazetteer: Gazetteer) -> RateChange | None:
    """The rate and the periods compared, or None (no rate, or no comparison said)."""
    compared = COMPARED.search(text)
    if compared is None:
        return None
    for words, kind, part in RATES:
        m = re.search(words, text)
        if m is None:
            continue
        said = text[: m.start()] + text[m.end() :]
        towns = tuple(
            dict.fromkeys(t for _, t in sorted(gazetteer.find(text), key=lambda f: text.find(f[0])))
        )
        group, towns = read_group(said, towns)
        filters = conditions_of(extract_slots(said, gazetteer), kind, group, said)
        filters = {k: v for k, v in filters.items() if k not in part}  # the rate's own state is the part
        comparison = "同比" if re.search(r"同比|去年|上年", compared.group(0)) else "环比"
        return RateChange(kind, group, dict(part), filters, comparison, text[: compared.start()], towns)
    return share_change(text, compared, gazetteer)


# a share said before the comparison: 占比, 比重, 比例, 所占 (not 增长比例, a growth rate)
_SHARE_SAID = re.compile(r"占比|比重|(?<!增长)(?<!增加)比例|所占|占[^，,。？?]{0,8}?的?(?:百分比|比例)")


def share_change(text: str, compared: re.Match[str], gazetteer: Gazetteer) -> RateChange | None:
    """A share's change between two periods (round 9): "本月火焰告警的占比比上月高了几个百分点" = each
    period's part over its own whole, compared in points, as a rate's change; one part, no group."""
    before = text[: compared.start()]
    if not _SHARE_SAID.search(before):
        return None
    g = grouped(before, gazetteer)
    if (
        g is None
        or g.mode != "share"
        or g.group
        or not g.part
        or g.kind not in ("隐患", "告警", "执法检查", "行政处罚")
    ):
        return None  # records with a date only: a share of firms or sensors has no earlier period
    comparison = "同比" if re.search(r"同比|去年|上年", compared.group(0)) else "环比"
    label = "".join(str(v) for v in g.part.values() if isinstance(v, str)) + g.kind
    return RateChange(g.kind, "", dict(g.part), g.filters, comparison, before, g.towns, share_of=label)


def run_rate_change(c: RateChange, principal: Principal, sources: Sources) -> ChatAnswer | None:
    """Both periods' rates and their difference in points, or None (no period said, or no date)."""
    now = sources.clock()
    window = time_window(c.period_text, now, sources.time_parser)
    if window is None:
        return None  # "整改率环比" with no period: the earlier steps ask back or decline
    prev = previous(window, c.comparison, now)
    params: dict[str, Any] = {k: None for k in PARAMS} | {f"part_{k}": None for k in PARAMS}
    params |= principal.scope.as_params() | {"now": now, "towns": list(c.towns) or None}
    params |= {
        "from_ms": window.from_ms,
        "to_ms": min(window.to_ms, now),
        "prev_from_ms": prev[0],
        "prev_to_ms": prev[1],
    }
    params |= c.filters | {f"part_{k}": v for k, v in c.part.items()}
    try:
        query = rate_change_query(c.kind, c.group)
    except KeyError:
        return None
    rows = [dict(r) for r in sources.store.read(query, params)]
    name = (
        "占比"
        if c.share_of
        else {"隐患": "整改率", "告警": "处置率"}.get(c.kind, "在线率" if c.part.get("online") else "离线率")
    )
    lines = [_line(c, r, name) for r in rows if r["w"] or r["w0"]] or [
        f"两期都没有{c.kind}记录，无法计算{name}。"
    ]
    head = (
        f"{c.kind}{name}{c.comparison}（本期 {_date(params['from_ms'])} 至 {_date(params['to_ms'])}，"
        f"上期 {_date(prev[0])} 至 {_date(prev[1])}；{name} = {_state(c)}数 ÷ 该期{c.kind}数，变化以百分点计）："
    )
    cite = Citation(kind="template", ref="derived_rate_change", title=f"{name}两期对比", query=query.strip(),
                    params=params, columns=["key", "n", "w", "n0", "w0"], rows=rows[:MAX_CITED_ROWS], row_count=len(rows))  # fmt: skip
    return ChatAnswer(
        answer=head
        + "\n"
        + "\n".join(lines)
        + f"\n（由一条固定查询统计两期的{'部分数' if c.share_of else '办结数'}与总数，再按公式计算；查询与原始行见引用）",
        path="derived",
        query=query.strip(),
        params=params,
        rows=rows,
        columns=["key", "n", "w", "n0", "w0"],
        citations=[cite],
    )


def _line(c: RateChange, r: dict[str, Any], name: str) -> str:
    n, w, n0, w0 = (float(r[k] or 0) for k in ("n", "w", "n0", "w0"))
    who = f"{r['key']}：" if c.group else ""
    this = f"本期 {_show(n)}/{_show(w)}，{percent(n, w)}" if w else "本期没有记录，无法计算本期" + name
    last = f"上期 {_show(n0)}/{_show(w0)}，{percent(n0, w0)}" if w0 else "上期没有记录，无法计算上期" + name
    if not (w and w0):
        return f"{who}{this}；{last}；无法计算变化。"
    diff = Decimal(str(n)) * 100 / Decimal(str(w)) - Decimal(str(n0)) * 100 / Decimal(str(w0))
    points = abs(diff).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    change = "持平（0.0个百分点）" if points == 0 else f"{'上升' if diff > 0 else '下降'} {points}个百分点"
    return f"{who}{this}；{last}；{change}。"


def _state(c: RateChange) -> str:
    """The part the rate counts, named (已整改或已验收, 已处置, 在线; a share's own part)."""
    if c.share_of:
        return c.share_of
    if isinstance(statuses := c.part.get("statuses"), list):
        return "或".join(statuses)
    return "在线" if c.part.get("online") else "离线"


def _show(v: float) -> str:
    return str(int(v)) if v.is_integer() else f"{v:.2f}"


def _date(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, CST).strftime("%Y-%m-%d")


__all__ = ["RateChange", "rate_change", "run_rate_change", "share_change"]
