"""人均 per employee (ADR 0018, round 5): "各镇人均罚款多少", "各类企业人均隐患几条".

户均 divides by the firms; 人均 by the people who work there, so a town of a few large firms is not
made to look lax beside one of many workshops. The records are the firms' (penalty sums in 元,
hazards, …) and the members are the firms' employees (``Enterprise.employees``), every firm of the
group counted, those with no record too (round 2's (11)). Pure text work; the query is
``graph.derived_queries.average_query`` with members 职工, the answer ``derived_group_run``'s.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from agents.chat.derived_groups import MONEY_SAID, Grouped, conditions_of, read_group, record_kind
from agents.chat.slots import Gazetteer, extract_slots

_PER_HEAD = re.compile(
    r"人均|平均每(?:个|名|位)?(?:职工|员工|从业人员|工人)|每(?:个|名|位)?(?:职工|员工|从业人员|工人)平均"
)
# "按职工人数算": says how to divide, names nothing counted
_HOW = re.compile(r"按(?:照)?(?:企业)?(?:的)?(?:职工|员工|从业人员)?人数(?:来)?(?:算|计算|平均)?[，,、]?")
_FINED = re.compile(r"罚款|被罚|罚了")
# the records a firm has that can be weighed by its people
_TOTALS = ("隐患", "传感器", "执法检查", "行政处罚", "罚款金额", "重大危险源")


def per_employee(text: str, gazetteer: Gazetteer) -> Grouped | None:
    """The 人均 figure ``text`` asks (per group or for the scope), or None."""
    m = _PER_HEAD.search(text)
    if m is None:
        return None
    said = _HOW.sub("", text[: m.start()] + text[m.end() :])
    total = "罚款金额" if MONEY_SAID.search(said) or _FINED.search(said) else record_kind(said)
    if total not in _TOTALS:
        return None  # 人均职工, 人均企业: nothing to weigh
    towns = tuple(dict.fromkeys(t for _, t in sorted(gazetteer.find(text), key=lambda f: text.find(f[0]))))
    group, towns = read_group(said, towns)
    if group not in ("", "town", "category") or (not group and len(towns) > 1):
        return None
    slots = extract_slots(said, gazetteer)
    filters = conditions_of(slots, "企业", group) | {
        k: v
        for k, v in conditions_of(slots, total, group, said).items()
        if k not in ("categories", "key_domain")
    }
    return Grouped("average", total, group, filters, members="职工", period_text=text, towns=towns)


def per_thousand(kind: str, members: str, total: float, employees: float) -> str:
    """Counted records per 1,000 employees (每千名职工 2.35 条), or "" for money and other averages.

    A per-head count of rare records (a firm of 200 people with one hazard) rounds to 0.00 or 0.01 in
    two decimals and ranks nothing; per 1,000 employees is how such rates are briefed (千人隐患数)
    (evals/README.md (38)). Money per head stays in 元 with two decimals."""
    if members != "职工" or kind == "罚款金额" or not employees:
        return ""
    value = (Decimal(str(total)) * 1000 / Decimal(str(employees))).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return f"，每千名职工 {value}"


__all__ = ["per_employee", "per_thousand"]
