"""The median of the members' numbers, and the member with the most (ADR 0018, round 9).

"全市企业职工人数的中位数是多少，职工最多的一家有多少人", "每家企业隐患数的中位数", "各镇街企业数量的中位数，
最多的是哪个镇": a mean hides how the numbers spread (one firm of 3,000 workers lifts the city's mean far
above a typical firm), so officers ask the middle value. Every member counts, those with nothing
included (a firm with no hazard is a 0), as the averages do (evals/README.md (11), (52)). Members are
the firms, or the towns when the question groups by town; the number per member is its employees,
its firms (per town) or its linked records of the period. The values come from one read query
(``graph.derived_member_values``); the median and the largest member are computed here.
"""

from __future__ import annotations

import re
from typing import Any

from agents.chat.derived_group_run import Sources
from agents.chat.derived_groups import MONEY_SAID, conditions_of, record_kind
from agents.chat.derived_rates import show
from agents.chat.models import MAX_CITED_ROWS, ChatAnswer, Citation
from agents.chat.slots import Gazetteer, extract_slots
from agents.chat.timewords import time_window
from core.scope import Principal
from graph.derived_member_values import MEASURES, member_values_query
from graph.derived_queries import PARAMS

_MEDIAN = re.compile(r"中位数|中位值|中间值")
_BY_TOWN = re.compile(
    r"各个?(?:镇街道|镇街|镇|街道)|每个(?:镇街|镇|街道)|分镇街?|按镇街?|(?:镇街|镇|街道)(?:的)?(?:企业)?(?:数量|数)"
)
_PEOPLE = re.compile(r"职工|员工|从业人员|工人|人数")
_MOST = re.compile(r"最多|最大|最高")
_LEAST = re.compile(r"最少|最小|最低")
_UNIT = {"职工": "人", "企业": "家", "隐患": "条", "传感器": "个", "执法检查": "次", "行政处罚": "起"}
_UNIT |= {"罚款金额": "元", "重大危险源": "处"}


def median_asked(text: str, gazetteer: Gazetteer) -> tuple[str, bool, dict[str, Any], tuple[str, ...]] | None:
    """(the number per member, members are towns, its conditions, towns named), or None."""
    m = _MEDIAN.search(text)
    if m is None:
        return None
    measure = text[: m.start()]  # what is counted is said before 中位数
    if _PEOPLE.search(measure):
        total = "职工"
    elif MONEY_SAID.search(measure) or re.search(r"罚款", measure):
        total = "罚款金额"
    else:
        total = record_kind(measure) or ""
    by_town = bool(_BY_TOWN.search(measure))
    if total not in MEASURES or (total == "企业" and not by_town):
        return None  # 告警 per firm, 企业 per firm: no member value the query holds
    slots = extract_slots(measure, gazetteer)
    filters = conditions_of(slots, "企业", "") | {
        k: v
        for k, v in conditions_of(slots, total, "", measure).items()
        if k not in ("categories", "key_domain")
    }
    towns = tuple(dict.fromkeys(t for _, t in gazetteer.find(measure)))
    return total, by_town, filters, towns


def run_median(text: str, gazetteer: Gazetteer, principal: Principal, sources: Sources) -> ChatAnswer | None:
    asked = median_asked(text, gazetteer)
    if asked is None:
        return None
    total, by_town, filters, towns = asked
    now = sources.clock()
    window = time_window(text, now, sources.time_parser) if total not in ("职工", "企业") else None
    params: dict[str, Any] = {k: None for k in PARAMS} | principal.scope.as_params() | filters
    params |= {"now": now, "towns": list(towns) or None, "from_ms": None, "to_ms": None}
    if window is not None:
        params |= {"from_ms": window.from_ms, "to_ms": min(window.to_ms, now)}
    query = member_values_query(total, by_town)
    rows = [dict(r) for r in sources.store.read(query, params)]
    after = text[m.end() :] if (m := _MEDIAN.search(text)) else ""  # 最多的一家 is asked after the median
    body, shown = _figure(after, total, by_town, rows, window.label if window else "")
    cite = Citation(kind="template", ref="derived_median", title="逐个统计", query=query.strip(), params=params,
                    columns=["key", "n"], rows=rows[:MAX_CITED_ROWS], row_count=len(rows))  # fmt: skip
    source = "\n（由一条固定查询逐个统计每个对象的数，再排序取中间值；查询与原始行见引用）"
    return ChatAnswer(answer=body + source, path="derived", query=query.strip(), params=params, rows=shown,
                      columns=["item", "name", "n"], citations=[cite])  # fmt: skip


def median(values: list[float]) -> float:
    """The middle value; the mean of the two middle ones for an even count."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _figure(
    after: str, total: str, by_town: bool, rows: list[dict[str, Any]], period: str
) -> tuple[str, list[dict[str, Any]]]:
    member, unit = ("镇街", "个") if by_town else ("企业", "家")
    what = {"职工": "职工人数", "罚款金额": "罚款金额"}.get(total, f"{total}数")
    head = f"{member}{what}{f'（{period}）' if period else ''}"
    if not rows:
        return f"所问范围内没有{member}，无法计算中位数。", []
    values = [float(r["n"] or 0) for r in rows]
    middle = median(values)
    n = len(values)
    how = f"第 {(n + 1) // 2} 个" if n % 2 else f"第 {n // 2}、{n // 2 + 1} 个的平均"
    lines = [
        f"{head}：共 {n} {unit}{member}（含为 0 的），中位数 = {show(middle)} {_UNIT[total]}（从小到大排序取{how}）。"
    ]
    shown: list[dict[str, Any]] = [{"item": "中位数", "name": "", "n": _whole(middle)}]
    for words, pick, label in ((_MOST, max, "最多"), (_LEAST, min, "最少")):
        if words.search(after):
            value = pick(values)
            holders = [str(r["key"]) for r in rows if float(r["n"] or 0) == value]
            more = f"等 {len(holders)} {unit}" if len(holders) > 1 else ""
            lines.append(
                f"{what}{label}的{member}：{'、'.join(holders[:5])}{more}，{show(value)} {_UNIT[total]}。"
            )
            shown.append({"item": label, "name": holders[0], "n": _whole(value)})
            break  # at most two rows: the median and one extreme
    return "\n".join(lines), shown


def _whole(n: float) -> int | float:
    return int(n) if float(n).is_integer() else round(n, 2)


__all__ = ["median", "median_asked", "run_median"]
