"""Per-group derived figures, run and answered (ADR 0018, round 3).

``derived_groups`` reads the figure; here its one grouped query (``graph.derived_queries``) runs in
the caller's scope, the figure is computed per group in Python (percents with one decimal and means
with two, halves rounded up, as rounds 1 and 2) and the answer cites the query with its rows. A
change needs this period and the one before: 环比 = the same calendar stretch just before (本月 →
the whole previous month), 同比 = the same stretch a year earlier, up to today's date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

from agents.chat.derived_groups import Grouped
from agents.chat.derived_per_head import per_thousand
from agents.chat.derived_rates import mean, percent, show
from agents.chat.models import MAX_CITED_ROWS, ChatAnswer, Citation
from agents.chat.timewords import CST, TimeParser, Window, time_window
from core.ports import GraphStore
from core.scope import Principal, ScopeLevel
from graph.derived_queries import (
    GROUPS_OF,
    PARAMS,
    RECORDS,
    average_query,
    growth_query,
    per_town_query,
    share_query,
)


class Sources(Protocol):
    """What the step reads: the graph, the clock and the time grammar (the chat service has them)."""

    @property
    def store(self) -> GraphStore: ...
    @property
    def clock(self) -> Callable[[], int]: ...
    @property
    def time_parser(self) -> TimeParser | None: ...


_GROUP_LABEL = {
    "town": "镇街",
    "category": "企业类别",
    "level": "等级",
    "event_type": "告警类型",
    "sensor_type": "传感器类型",
    "firm": "企业",
    "": "",
}
_ASCENDING = re.compile(r"从低到高|由低到高|从小到大|由小到大|升序")
_MEMBER_UNIT = {"企业": "家", "执法检查": "次", "行政处罚": "起", "镇街": "个", "职工": "人"}


def run(g: Grouped, text: str, principal: Principal, sources: Sources) -> ChatAnswer | None:
    """The figure's answer, or None when the query cannot be built (a group the records lack)."""
    scope = principal.scope
    if g.mode == "share" and g.city_whole and scope.level is not ScopeLevel.CITY:
        return ChatAnswer(
            answer="无权查看全市的数据（超出您的数据范围），无法计算占全市的比例；"
            "可以问本辖区内的占比，如“本镇各类企业占本镇企业的比例”。",
            path="refusal",
        )
    now = sources.clock()
    window = time_window(g.period_text, now, sources.time_parser)
    params: dict[str, Any] = {k: None for k in PARAMS} | {f"part_{k}": None for k in PARAMS}
    params |= scope.as_params() | {"now": now, "towns": list(g.towns) or None, "from_ms": None, "to_ms": None}
    params |= g.filters | {f"part_{k}": v for k, v in g.part.items()}
    try:
        if g.mode == "growth":
            if window is None or RECORDS[g.kind].time is None:
                return None  # no period said: round 2 asks back; records without a date have no change
            prev = previous(window, g.comparison, now)
            params |= {
                "from_ms": window.from_ms,
                "to_ms": min(window.to_ms, now),
                "prev_from_ms": prev[0],
                "prev_to_ms": prev[1],
            }
            query = growth_query(g.kind, g.group)
        elif g.mode == "average" and g.members == "镇街":
            query = per_town_query(g.kind, g.group)  # 各类企业每个镇平均几家 (round 4)
        elif g.mode == "average":
            query = average_query(g.members, g.kind, g.group)
        else:
            query = share_query(g.kind, g.group)
    except KeyError:
        if g.group and g.kind in GROUPS_OF and g.group not in GROUPS_OF[g.kind]:
            return _no_such_group(g)
        return None
    if window is not None and g.mode != "growth":
        params |= {"from_ms": window.from_ms, "to_ms": window.to_ms}
    rows = [dict(r) for r in sources.store.read(query, params)]
    body, shown, columns = _figure(g, rows, window, params, ascending=bool(_ASCENDING.search(text)))
    title = f"{_GROUP_LABEL[g.group]}分组统计" if g.group else "合计统计"
    cite = Citation(
        kind="template",
        ref=f"derived_{g.mode}",
        title=title,
        query=query.strip(),
        params=params,
        columns=["key", "n", "w"],
        rows=rows[:MAX_CITED_ROWS],
        row_count=len(rows),
    )
    source = "\n（由一条分组固定查询统计各组的两个数，再按公式计算；查询与原始行见引用）"
    return ChatAnswer(
        answer=body + source,
        path="derived",
        query=query.strip(),
        params=params,
        rows=shown,
        columns=columns,
        citations=[cite],
    )


def _no_such_group(g: Grouped) -> ChatAnswer:
    """A group the records do not carry (传感器按等级): said plainly rather than handed to a reader that
    would answer one total or nothing."""
    offered = "、".join(_GROUP_LABEL[k] for k in GROUPS_OF[g.kind] if k)
    return ChatAnswer(
        answer=f"{_noun(g)}记录没有“{_GROUP_LABEL[g.group]}”这一分组，无法按{_GROUP_LABEL[g.group]}统计；"
        f"{_noun(g)}可以按{offered}分组统计。",
        path="refusal",
    )


def previous(window: Window, comparison: str, now: int) -> tuple[int, int]:
    """The period a change compares with: 同比 a year back up to today's date; 环比 the stretch before
    (a calendar month or months before a window starting on the 1st, else the same length before)."""
    lo, hi = window.from_ms, min(window.to_ms, now)
    if comparison == "同比":
        return _years_back(lo), _years_back(hi)
    start = datetime.fromtimestamp(lo / 1000, CST)
    end = datetime.fromtimestamp(window.to_ms / 1000, CST)
    if start.day == 1 and start.hour == 0 and start.minute == 0:
        months = (
            (end.year - start.year) * 12
            + end.month
            - start.month
            + (1 if end != end.replace(day=1, hour=0, minute=0, second=0, microsecond=0) else 0)
        )
        months = max(months, 1)
        y, m = divmod(start.year * 12 + start.month - 1 - months, 12)
        return int(start.replace(year=y, month=m + 1).timestamp() * 1000), lo
    span = window.to_ms - lo
    return lo - span, lo


def _years_back(ms: int) -> int:
    at = datetime.fromtimestamp(ms / 1000, CST)
    day = min(at.day, 28) if at.month == 2 else at.day  # 2月29日 a year back is the 28th
    return int(at.replace(year=at.year - 1, day=day).timestamp() * 1000)


def _key(g: Grouped, key: Any) -> str:
    if g.kind == "重大危险源" and g.group == "level":
        return f"{key}级"
    return str(key)


def _figure(
    g: Grouped,
    rows: list[dict[str, Any]],
    window: Window | None,
    params: dict[str, Any],
    ascending: bool = False,
) -> tuple[str, list[dict[str, Any]], list[str]]:
    unit = g.unit
    if g.mode == "share":
        whole = sum(float(r["w"]) for r in rows)
        listed = []
        for r in rows:
            n, w = float(r["n"]), (float(r["w"]) if g.own_whole else whole)
            listed.append(
                {
                    "group": r["key"],
                    "n": _whole(n),
                    "total": _whole(w),
                    "share": percent(n, w) if w else "—",
                }
            )
        listed.sort(key=lambda x: -float(x["n"]) / float(x["total"]) if x["total"] else 0.0)
        if ascending:  # 从低到高 (round 9): the lowest share first, groups with no records last
            listed.sort(key=lambda x: float(x["n"]) / float(x["total"]) if x["total"] else float("inf"))
        lines = "\n".join(
            f"{i}. {_key(g, x['group'])}：{show(x['n'])}/{show(x['total'])} {unit}，{x['share']}"
            for i, x in enumerate(listed, 1)
            if x["n"] or g.own_whole
        )
        state = _state(g)
        head = (
            f"各{_GROUP_LABEL[g.group]}{_noun(g)}中{state}的比例（= 该组{state}数 ÷ 该组{_noun(g)}总数 × 100%）"
            if g.own_whole and state
            else f"各{_GROUP_LABEL[g.group]}占本组{_noun(g)}的比例（占比 = 该组符合条件数 ÷ 该组总数 × 100%）"
            if g.own_whole
            else f"各{_GROUP_LABEL[g.group]}{_noun(g)}占比（合计 {show(whole)} {unit}；"
            "占比 = 该组数 ÷ 合计 × 100%）"
        )
        if not g.own_whole and not whole:
            return f"{_noun(g)}合计为 0，无法计算占比。", listed, ["group", "n", "total", "share"]
        if not g.group:  # one part over one whole
            r = rows[0] if rows else {"n": 0, "w": 0}
            n, w = float(r["n"] or 0), float(r["w"] or 0)
            label = "".join(str(v) for v in g.part.values() if not isinstance(v, bool | list)) + _noun(g)
            result = (
                f"{show(n)} ÷ {show(w)} × 100% ≈ {percent(n, w)}"
                if w
                else f"{_noun(g)}总数为 0，无法计算占比"
            )
            body = f"{label}：{show(n)} {unit}；{_noun(g)}总数：{show(w)} {unit}{_period_said(window)}。\n占比 = {result}。"
            return (
                body,
                [{"item": label, "n": _whole(n)}, {"item": f"{_noun(g)}总数", "n": _whole(w)}],
                ["item", "n"],
            )
        return (
            f"{head}{_period_said(window)}：\n{lines or '（各组均为 0）'}",
            listed,
            ["group", "n", "total", "share"],
        )
    if g.mode == "growth":
        listed = [
            {
                "group": r["key"],
                "n": _whole(float(r["n"])),
                "before": _whole(float(r["w"])),
                "change": _change(float(r["n"]), float(r["w"])),
            }
            for r in rows
            if r["n"] or r["w"]
        ]
        listed.sort(key=lambda x: -float(x["n"]))
        lines = "\n".join(
            f"{i}. {_key(g, x['group'])}：本期 {show(x['n'])} {unit}，上期 {show(x['before'])} {unit}，{x['change']}"
            for i, x in enumerate(listed, 1)
        )
        other = f"{_date(params['prev_from_ms'])} 至 {_date(params['prev_to_ms'])}"
        body = (
            f"各{_GROUP_LABEL[g.group]}{_noun(g)}{g.comparison}（本期{_period_said(window)}，上期 {other}；"
            f"增长率 = (本期 − 上期) ÷ 上期 × 100%）：\n{lines or '（两期均为 0）'}"
        )
        return body, listed, ["group", "n", "before", "change"]
    member = _MEMBER_UNIT[g.members]
    total_label = {"职工": "职工人数", "罚款金额": "罚款金额"}.get(g.kind, f"{g.kind}数")
    if not g.group:
        r = rows[0] if rows else {"n": 0, "w": 0}
        n, w = float(r["n"] or 0), float(r["w"] or 0)
        result = (
            f"{show(n)}{_scaled(g)} ÷ {show(w)} ≈ {mean(n * g.per, w)} {unit}"
            + (f"{thousand} {unit}" if (thousand := per_thousand(g.kind, g.members, n, w)) else "")
            if w
            else f"{g.members}为 0，无法计算平均数"
        )
        body = (
            f"{total_label}{_period_said(window)}：{show(n)} {unit}；{g.members}：{show(w)} {member}。\n"
            f"平均每{_scale_word(g)}{member}{_member_noun(g)} = {result}。"
        )
        return (
            body,
            [{"item": total_label, "n": _whole(n)}, {"item": g.members, "n": _whole(w)}],
            ["item", "n"],
        )
    listed = [
        {
            "group": r["key"],
            "n": _whole(float(r["n"])),
            "members": _whole(float(r["w"])),
            "mean": mean(float(r["n"]) * g.per, float(r["w"])) if r["w"] else "—",
        }
        for r in rows
    ]
    # by the exact mean: two decimals tie rare records per head (0.09 and 0.09) and misorder them
    listed.sort(key=lambda x: -float(x["n"]) / float(x["members"]) if x["members"] else 0.0)
    lines = "\n".join(
        f"{i}. {_key(g, x['group'])}：{show(x['n'])}{_scaled(g)} ÷ {show(x['members'])} ≈ {x['mean']} {unit}"
        + (
            f"{thousand} {unit}"
            if (thousand := per_thousand(g.kind, g.members, x["n"], x["members"]))
            else ""
        )
        for i, x in enumerate(listed, 1)
    )
    body = (
        f"各{_GROUP_LABEL[g.group]}平均每{_scale_word(g)}{member}{_member_noun(g)}的{total_label}"
        f"{_period_said(window)}（{total_label} ÷ {g.members}数，含为 0 的）：\n{lines}"
    )
    return body, listed, ["group", "n", "members", "mean"]


def _scale_word(g: Grouped) -> str:
    """千 of 每千家企业 (round 9): the mean is said per that many members."""
    return {10: "十", 100: "百", 1000: "千", 10000: "万"}.get(g.per, "")


def _scaled(g: Grouped) -> str:
    return f" × {g.per}" if g.per != 1 else ""


def _state(g: Grouped) -> str:
    """The part of a rate per group (整改率: 已整改或已验收; 在线率: 在线), named in the answer's head."""
    if isinstance(statuses := g.part.get("statuses"), list):
        return "或".join(statuses)
    online = g.part.get("online")
    return ("在线" if online else "离线") if isinstance(online, bool) else ""


def _member_noun(g: Grouped) -> str:
    return {"企业": "企业", "行政处罚": "处罚", "镇街": "镇街"}.get(g.members, "")


def _noun(g: Grouped) -> str:
    return {"告警": "告警", "执法检查": "执法检查次数"}.get(g.kind, g.kind)


def _change(n: float, w: float) -> str:
    if n == w:
        return "持平，0.0%"
    way = "增长" if n > w else "下降"
    diff = f"{'多' if n > w else '少'} {show(abs(n - w))}"
    return f"{diff}，上期为 0，无法计算增长率" if not w else f"{diff}，{way} {percent(abs(n - w), w)}"


def _period_said(window: Window | None) -> str:
    if window is None:
        return ""
    return (
        f"（{window.label}）"
        if window.label and not re.search(r"\d{4}-", window.label)
        else (f"（{_date(window.from_ms)} 至 {_date(window.to_ms)}）")
    )


def _date(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, CST).strftime("%Y-%m-%d")


def _whole(n: float) -> int | float:
    return int(n) if float(n).is_integer() else round(n, 2)


__all__ = ["Sources", "previous", "run"]
