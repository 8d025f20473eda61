"""One number per member, for figures over the spread of members (ADR 0018, round 9): 中位数, 最多的一家.

"全市企业职工人数的中位数是多少，职工最多的一家有多少人", "各镇街企业数量的中位数": a median needs every
member's own number, those with nothing included (a firm with no hazard is a 0 in the middle), so
each query returns one row per member: ``key`` (the firm's name, or the town) and ``n``. Built from the
fixed fragments of ``graph.derived_queries``; every value is a ``$param`` and each condition is off
when its parameter is null. Scope: ``$scope_town`` / ``$scope_enterprise`` on the firm.
"""

from __future__ import annotations

from graph.derived_queries import FIRM_CONDITIONS, linked_records
from graph.queries import ENTERPRISE_SCOPE

# what one firm adds: its employees, its firms (per town), or its linked records (counted, or 元 summed)
MEASURES = ("职工", "企业", "隐患", "传感器", "执法检查", "行政处罚", "罚款金额", "重大危险源")


def member_values_query(total: str, by_town: bool) -> str:
    """Rows (key, n): per firm (or per town with ``by_town``) the ``total`` of its records in the period."""
    if total not in MEASURES or (total == "企业" and not by_town):
        raise KeyError(total)
    where = f"WHERE {ENTERPRISE_SCOPE} AND ($towns IS NULL OR e.town IN $towns) AND {FIRM_CONDITIONS}"
    if total in ("职工", "企业"):
        each = "coalesce(e.employees, 0)" if total == "职工" else "1"
        firm_value = f"MATCH (e:Enterprise) {where}\nWITH e, {each} AS c\n"
    else:
        linked, linked_time, conditions = linked_records(total)
        if linked_time:
            conditions += f" AND ($from_ms IS NULL OR {linked_time} >= $from_ms)"
            conditions += f" AND ($to_ms IS NULL OR {linked_time} < $to_ms)"
        counted = "sum(coalesce(r.amount_yuan, 0))" if total == "罚款金额" else "count(r)"
        firm_value = f"MATCH (e:Enterprise) {where}\n{linked} WHERE {conditions}\nWITH e, {counted} AS c\n"
    if by_town:
        return firm_value + "RETURN e.town AS key, sum(c) AS n ORDER BY key"
    return firm_value + "RETURN e.name AS key, c AS n ORDER BY key"


__all__ = ["MEASURES", "member_values_query"]
