"""Grouped counts behind per-group derived figures (ADR 0018, round 3): one query per figure.

"各类企业分别占多大比重", "本月各镇执法检查次数环比上月增长了多少", "本镇各类企业平均每家装了几个传感器":
a share, a change or an average per group. Round 1 and 2 asked two count templates and divided;
per group that would be two template runs per group joined in Python, and several of these groups
(category, hazard level, event type) have no per-group count template at all. Each figure here is
one read query returning ``key`` (the group), ``n`` and ``w``:

* ``share``: n = the records meeting the part's conditions, w = all records of the group (the caller
  divides n by w for a share of the group's own whole, or by the sum of w for one whole);
* ``growth``: n = the records of this period, w = those of the period before;
* ``average``: n = the total (records linked to each member, or the members' employees), w = the
  members (every member, also those with nothing: OPTIONAL MATCH).

The queries are built from the fixed fragments below (never from the question's words); every
value is a ``$param``, and each condition is off when its parameter is null. Scope as everywhere:
``$scope_town`` / ``$scope_enterprise`` on the records' enterprise (or an event's own town).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.queries import ENTERPRISE_SCOPE


@dataclass(frozen=True)
class Records:
    """What one record kind is matched by, where its town and date sit, and which conditions it takes."""

    match: str
    node: str  # the variable counted
    town: str
    scope: str
    time: str | None  # property of its date; None = no date (enterprises, sensors, hazard sources)
    conditions: str  # record conditions, each off when its $param is null


FIRM_CONDITIONS = "($categories IS NULL OR e.category IN $categories) AND ($key_domain IS NULL OR $key_domain IN e.key_domains)"
_OPEN = "['待整改', '整改中']"
_HAZARD_CONDITIONS = (
    f"($statuses IS NULL OR r.status IN $statuses) AND ($level IS NULL OR r.level = $level) "
    f"AND ($overdue IS NULL OR (r.status IN {_OPEN} AND r.deadline < $now))"
)

RECORDS: dict[str, Records] = {
    "企业": Records("MATCH (e:Enterprise)", "e", "e.town", ENTERPRISE_SCOPE, None, FIRM_CONDITIONS),
    "隐患": Records(
        "MATCH (e:Enterprise)-[:HAS_HAZARD]->(r:Hazard)",
        "r",
        "e.town",
        ENTERPRISE_SCOPE,
        "r.found_at",
        f"{FIRM_CONDITIONS} AND {_HAZARD_CONDITIONS}",
    ),
    "告警": Records(
        "MATCH (r:Event)",
        "r",
        "r.town",
        "($scope_town IS NULL OR r.town = $scope_town) AND ($scope_enterprise IS NULL OR r.enterprise_id = $scope_enterprise)",
        "r.occurred_at",
        "($event_type IS NULL OR r.event_type = $event_type) AND ($statuses IS NULL OR r.status IN $statuses) "
        "AND ($level IS NULL OR r.level = $level)",
    ),
    "执法检查": Records(
        "MATCH (r:Inspection)-[:INSPECTED]->(e:Enterprise)",
        "r",
        "e.town",
        ENTERPRISE_SCOPE,
        "r.inspected_at",
        FIRM_CONDITIONS,
    ),
    "传感器": Records(
        "MATCH (e:Enterprise)-[:MONITORED_BY]->(r:Sensor)",
        "r",
        "e.town",
        ENTERPRISE_SCOPE,
        None,
        f"{FIRM_CONDITIONS} AND ($online IS NULL OR r.online = $online) "
        "AND ($sensor_type IS NULL OR r.sensor_type = $sensor_type)",
    ),
    "重大危险源": Records(
        "MATCH (e:Enterprise)-[:HAS_HAZARD_SOURCE]->(r:MajorHazardSource)",
        "r",
        "e.town",
        ENTERPRISE_SCOPE,
        None,
        f"{FIRM_CONDITIONS} AND ($level IS NULL OR r.level = $level)",
    ),
    "行政处罚": Records(
        "MATCH (e:Enterprise)-[:RECEIVED_PENALTY]->(r:Penalty)",
        "r",
        "e.town",
        ENTERPRISE_SCOPE,
        "r.decided_at",
        FIRM_CONDITIONS,
    ),
}
# 罚款金额 (round 5): the penalties again, their amounts summed instead of counted (各镇罚款金额环比)
RECORDS["罚款金额"] = RECORDS["行政处罚"]

# group → its expression per record kind; a group a kind lacks is not offered (KeyError → not asked)
_GROUP_EXPR = {
    "town": None,  # the kind's own town
    "category": "e.category",
    "level": "r.level",
    "event_type": "r.event_type",
    "sensor_type": "r.sensor_type",
    "firm": "e.name",  # 前五家企业各占全市的百分之几 (round 9): the records' own firm
    "": "'合计'",  # no group: one row
}
GROUPS_OF: dict[str, tuple[str, ...]] = {
    "企业": ("town", "category", ""),
    "隐患": ("town", "category", "level", "firm", ""),
    # category, firm: of the firm it occurred at (rounds 4, 9)
    "告警": ("town", "event_type", "level", "category", "firm", ""),
    "执法检查": ("town", "category", "firm", ""),
    "传感器": ("town", "category", "sensor_type", "firm", ""),
    "重大危险源": ("town", "category", "level", "firm", ""),
    "行政处罚": ("town", "category", "firm", ""),
    "罚款金额": ("town", "category", "firm", ""),
}

PARAMS = ("categories", "key_domain", "statuses", "level", "overdue", "event_type", "online", "sensor_type")


def _group(kind: str, group: str) -> str:
    if group not in GROUPS_OF[kind]:
        raise KeyError(group)
    return _GROUP_EXPR[group] or RECORDS[kind].town


def _records(kind: str, group: str) -> Records:
    """The kind's records; an alarm carries no firm category, so by category it is matched with the firm
    it occurred at (alarms at no firm have no category and are left out of whole and parts alike)."""
    r = RECORDS[kind]
    if kind == "告警" and group in ("category", "firm"):
        return Records(
            "MATCH (r:Event)-[:OCCURRED_AT]->(e:Enterprise)", r.node, r.town, r.scope, r.time, r.conditions
        )
    return r


def _each(kind: str) -> str:
    """What one record adds to n and w: 1, or its amount in 元 for money (round 5)."""
    return "coalesce(r.amount_yuan, 0)" if kind == "罚款金额" else "1"


def _where(r: Records) -> str:
    return f"WHERE {r.scope} AND ($towns IS NULL OR {r.town} IN $towns) AND {r.conditions}"


def _period(expr: str, lo: str = "$from_ms", hi: str = "$to_ms") -> str:
    return f"({lo} IS NULL OR {expr} >= {lo}) AND ({hi} IS NULL OR {expr} < {hi})"


def share_query(kind: str, group: str) -> str:
    """n: the records also meeting the part's conditions (``$part_*``), w: all the group's records."""
    r = _records(kind, group)
    part = re.sub(r"\$(?!now\b)", "$part_", r.conditions)  # the part's own conditions; the clock is shared
    period = f" AND {_period(r.time)}" if r.time else ""
    return (
        f"{r.match} {_where(r)}{period}\n"
        f"RETURN {_group(kind, group)} AS key, sum(CASE WHEN {part} THEN {_each(kind)} ELSE 0 END) AS n, "
        f"sum({_each(kind)}) AS w "
        "ORDER BY key"
    )


def growth_query(kind: str, group: str) -> str:
    """n: the records of [$from_ms, $to_ms), w: those of [$prev_from_ms, $prev_to_ms); kinds without a date have none."""
    r = _records(kind, group)
    if r.time is None:
        raise KeyError(kind)
    this = f"{r.time} >= $from_ms AND {r.time} < $to_ms"
    before = f"{r.time} >= $prev_from_ms AND {r.time} < $prev_to_ms"
    return (
        f"{r.match} {_where(r)}\n"
        f"RETURN {_group(kind, group)} AS key, sum(CASE WHEN {this} THEN {_each(kind)} ELSE 0 END) AS n, "
        f"sum(CASE WHEN {before} THEN {_each(kind)} ELSE 0 END) AS w ORDER BY key"
    )


def rate_change_query(kind: str, group: str) -> str:
    """A rate in two periods (整改率环比, round 5): n/w = the part (``$part_*``) and all records of
    [$from_ms, $to_ms), n0/w0 the same of [$prev_from_ms, $prev_to_ms)."""
    r = _records(kind, group)
    if r.time is None:
        raise KeyError(kind)
    part = re.sub(r"\$(?!now\b)", "$part_", r.conditions)
    this = f"{r.time} >= $from_ms AND {r.time} < $to_ms"
    before = f"{r.time} >= $prev_from_ms AND {r.time} < $prev_to_ms"
    return (
        f"{r.match} {_where(r)}\n"
        f"RETURN {_group(kind, group)} AS key, sum(CASE WHEN {this} AND {part} THEN 1 ELSE 0 END) AS n, "
        f"sum(CASE WHEN {this} THEN 1 ELSE 0 END) AS w, "
        f"sum(CASE WHEN {before} AND {part} THEN 1 ELSE 0 END) AS n0, "
        f"sum(CASE WHEN {before} THEN 1 ELSE 0 END) AS w0 ORDER BY key"
    )


# averages: members → (members' match, the totals each member links to); 职工 = the firms' employees
_MEMBERS = {
    "企业": ("MATCH (e:Enterprise)", "e", None),
    "执法检查": ("MATCH (m:Inspection)-[:INSPECTED]->(e:Enterprise)", "m", "m.inspected_at"),
    "行政处罚": ("MATCH (e:Enterprise)-[:RECEIVED_PENALTY]->(m:Penalty)", "m", "m.decided_at"),
    "职工": ("MATCH (e:Enterprise)", "e", None),  # 人均: the firms, weighed by their employees
}
_TOTALS = {
    ("企业", "隐患"): ("OPTIONAL MATCH (e)-[:HAS_HAZARD]->(r:Hazard)", "r.found_at", _HAZARD_CONDITIONS),
    ("企业", "传感器"): (
        "OPTIONAL MATCH (e)-[:MONITORED_BY]->(r:Sensor)",
        None,
        "($online IS NULL OR r.online = $online) AND ($sensor_type IS NULL OR r.sensor_type = $sensor_type)",
    ),
    ("企业", "执法检查"): ("OPTIONAL MATCH (r:Inspection)-[:INSPECTED]->(e)", "r.inspected_at", "true"),
    ("企业", "行政处罚"): ("OPTIONAL MATCH (e)-[:RECEIVED_PENALTY]->(r:Penalty)", "r.decided_at", "true"),
    ("企业", "罚款金额"): ("OPTIONAL MATCH (e)-[:RECEIVED_PENALTY]->(r:Penalty)", "r.decided_at", "true"),
    ("企业", "重大危险源"): (
        "OPTIONAL MATCH (e)-[:HAS_HAZARD_SOURCE]->(r:MajorHazardSource)",
        None,
        "($level IS NULL OR r.level = $level)",
    ),
    ("执法检查", "隐患"): ("OPTIONAL MATCH (m)-[:FOUND]->(r:Hazard)", None, _HAZARD_CONDITIONS),
    ("执法检查", "行政处罚"): ("OPTIONAL MATCH (m)-[:RESULTED_IN]->(r:Penalty)", None, "true"),
}


def linked_records(total: str) -> tuple[str, str | None, str]:
    """(the OPTIONAL MATCH from a firm ``e`` to its ``total`` records ``r``, their date, their conditions)."""
    return _TOTALS[("企业", total)]


def average_query(members: str, total: str, group: str) -> str:
    """n: the total per group (linked records, or 职工 = employees), w: every member of the group.

    The period bounds the members when they have a date (inspections), else the linked records."""
    match, node, member_time = _MEMBERS[members]
    if group not in ("town", "category", ""):
        raise KeyError(group)
    key = _GROUP_EXPR[group] or "e.town"
    where = f"WHERE {ENTERPRISE_SCOPE} AND ($towns IS NULL OR e.town IN $towns) AND {FIRM_CONDITIONS}"
    if member_time:
        where += f" AND {_period(member_time)}"
    if members == "职工":  # 人均 (round 5): the firms' records over the firms' employees, each firm once
        linked, linked_time, conditions = _TOTALS[("企业", total)]
        if linked_time:
            conditions += f" AND {_period(linked_time)}"
        counted = "sum(coalesce(r.amount_yuan, 0))" if total == "罚款金额" else "count(r)"
        return (
            f"MATCH (e:Enterprise) {where}\n{linked} WHERE {conditions}\n"
            f"WITH e, {counted} AS c RETURN {key} AS key, sum(c) AS n, sum(e.employees) AS w ORDER BY key"
        )
    if total == "职工":
        if members != "企业":
            raise KeyError(total)
        return f"{match} {where}\nRETURN {key} AS key, sum(e.employees) AS n, count(e) AS w ORDER BY key"
    if members == "行政处罚":  # 平均每起罚款多少: the penalties are the members and carry the amount
        if total != "罚款金额":
            raise KeyError(total)
        return f"{match} {where}\nRETURN {key} AS key, sum(m.amount_yuan) AS n, count(m) AS w ORDER BY key"
    linked, linked_time, conditions = _TOTALS[(members, total)]
    if linked_time and not member_time:
        conditions += f" AND {_period(linked_time)}"
    counted = "sum(coalesce(r.amount_yuan, 0))" if total == "罚款金额" else "count(r)"  # money: the amounts
    return (
        f"{match} {where}\n{linked} WHERE {conditions}\n"
        f"RETURN {key} AS key, {counted} AS n, count(DISTINCT {node}) AS w ORDER BY key"
    )


def per_town_query(kind: str, group: str) -> str:
    """每个镇平均 per group (各类企业每个镇平均几家): n = the group's records, w = the towns that have
    enterprises in scope, one denominator for every group (round 2's 每个镇平均)."""
    if group in ("town", ""):
        raise KeyError(group)
    r = _records(kind, group)
    period = f" AND {_period(r.time)}" if r.time else ""
    return (
        f"MATCH (t:Enterprise) WHERE {ENTERPRISE_SCOPE.replace('e.', 't.')} WITH count(DISTINCT t.town) AS towns\n"
        f"{r.match} {_where(r)}{period}\n"
        f"RETURN {_group(kind, group)} AS key, count({r.node}) AS n, towns AS w ORDER BY key"
    )


__all__ = [
    "FIRM_CONDITIONS",
    "GROUPS_OF",
    "PARAMS",
    "RECORDS",
    "average_query",
    "growth_query",
    "linked_records",
    "per_town_query",
    "rate_change_query",
    "share_query",
]
