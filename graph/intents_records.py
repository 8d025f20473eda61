"""Chat intents over records the other families left out: lease agreements, rescue-team equipment, drills.

The whole-system run (issue #5) showed these questions answered by a narrower template — every
lessor for "未经先评后租审查的承租企业", the nearest teams for "临港的救援队伍有哪些装备" — so each
gets a template whose slots hold the condition. Scope as everywhere: ``$scope_town`` bounds the
town of the row's place (a tenant's, a team's, a drill holder's), ``$scope_enterprise`` the enterprise.
"""

from __future__ import annotations

from graph.intent_base import ENTERPRISE_SCOPE, Intent

# A tenant under a lease: the agreement's review and end, the landlord's type. A lease counts for the
# tenant's town (the works are where the tenant is, 厂中厂).
_LEASE_MATCH = f"""MATCH (l:Lessor)-[:SIGNED_LEASE]->(a:LeaseAgreement)-[:LEASED_BY]->(e:Enterprise)
WHERE ($town IS NULL OR e.town = $town) AND ($lessor_type IS NULL OR l.lessor_type = $lessor_type)
  AND ($lessor_grade IS NULL OR l.grade = $lessor_grade)
  AND ($lease_reviewed IS NULL OR a.reviewed = $lease_reviewed)
  AND ($lease_expired IS NULL OR ($lease_expired AND a.lease_end < $now) OR (NOT $lease_expired AND a.lease_end >= $now))
  AND {ENTERPRISE_SCOPE}"""
_LEASE_SLOTS = ("town", "lessor_type", "lessor_grade", "lease_reviewed", "lease_expired")

# Drills are held by an enterprise or by a 厂中厂 lessor (who may be a person); the holder's town places it.
_DRILL_MATCH = """MATCH (d:Drill)
OPTIONAL MATCH (e:Enterprise)-[:HELD_DRILL]->(d)
OPTIONAL MATCH (l:Lessor)-[:HELD_DRILL]->(d)
WITH d, e, l, coalesce(e.town, l.town) AS town
WHERE ($from_ms IS NULL OR d.held_at >= $from_ms) AND ($to_ms IS NULL OR d.held_at < $to_ms)
  AND ($town IS NULL OR town = $town) AND ($scope_town IS NULL OR town = $scope_town)
  AND ($scope_enterprise IS NULL OR e.id = $scope_enterprise)
  AND ($enterprise_id IS NULL OR e.id = $enterprise_id) AND ($enterprise_ids IS NULL OR e.id IN $enterprise_ids)
  AND ($drill_holder IS NULL OR ($drill_holder = 'enterprise' AND e IS NOT NULL)
       OR ($drill_holder = 'lessor' AND l IS NOT NULL))"""
_DRILL_SLOTS = ("town", "enterprise_id", "enterprise_ids", "drill_holder", "from_ms", "to_ms")

# A class change between two consecutive yearly assessments ("2025年从B类降到C类"): the later year is
# ``$class_year`` (any year when None); either end may be left open.
_CLASS_CHANGE_MATCH = f"""MATCH (e:Enterprise)-[:ASSESSED_AS]->(a:ClassAssessment)
MATCH (e)-[:ASSESSED_AS]->(b:ClassAssessment)
WHERE b.year = a.year + 1 AND ($class_year IS NULL OR b.year = $class_year)
  AND ($class_from IS NULL OR a.responsibility_class = $class_from)
  AND ($class_to IS NULL OR b.responsibility_class = $class_to)
  AND a.responsibility_class <> b.responsibility_class
  AND ($town IS NULL OR e.town = $town) AND {ENTERPRISE_SCOPE}"""
_CLASS_CHANGE_SLOTS = ("town", "class_year", "class_from", "class_to")

RECORD_INTENTS: tuple[Intent, ...] = (
    Intent(
        "class_changes",
        "监管等级变化的企业（某年由某类升/降为另一类，按镇街）",
        _CLASS_CHANGE_SLOTS,
        ("id", "name", "town", "year", "class_from", "class_to"),
        f"""{_CLASS_CHANGE_MATCH}
RETURN e.id AS id, e.name AS name, e.town AS town, b.year AS year, a.responsibility_class AS class_from,
  b.responsibility_class AS class_to ORDER BY e.name, b.year LIMIT $limit""",
        item="{name}（{town}，{year}年 {class_from}类→{class_to}类）",
        examples=("2025年由B类升为A类的企业", "去年从A类降下来的企业"),
    ),
    Intent(
        "class_change_count",
        "监管等级变化的企业数量（某年由某类升/降为另一类，按镇街）",
        _CLASS_CHANGE_SLOTS,
        ("n",),
        f"{_CLASS_CHANGE_MATCH}\nRETURN count(DISTINCT e) AS n",
        shape="count",
        key="n",
        key_kind="count",
        examples=("2025年监管等级由B类升为A类的企业有多少家",),
    ),
    Intent(
        "lessor_count",
        "厂中厂出租方数量（按镇街、出租方类型 自然人/企业法人/个体工商户/集体资产、红黄蓝分级）",
        ("town", "lessor_grade", "lessor_type"),
        ("n",),
        """MATCH (l:Lessor) WHERE ($town IS NULL OR l.town = $town) AND ($lessor_grade IS NULL OR l.grade = $lessor_grade)
  AND ($lessor_type IS NULL OR l.lessor_type = $lessor_type)
  AND ($scope_town IS NULL OR l.town = $scope_town) AND ($scope_enterprise IS NULL OR l.id = $scope_enterprise)
RETURN count(l) AS n""",
        shape="count",
        key="n",
        key_kind="count",
        subject="厂中厂出租方",
        examples=("自然人出租方有几个", "临港有多少个红色出租方"),
    ),
    Intent(
        "lease_tenants",
        "厂中厂承租企业与租赁协议（按出租方类型、出租方分级、是否经过先评后租审查、是否到期、镇街筛选）",
        _LEASE_SLOTS,
        ("id", "name", "town", "lessor", "lessor_type", "reviewed", "lease_end", "agreement_id"),
        f"""{_LEASE_MATCH}
RETURN e.id AS id, e.name AS name, e.town AS town, l.name AS lessor, l.lessor_type AS lessor_type,
  a.reviewed AS reviewed, a.lease_end AS lease_end, a.id AS agreement_id
ORDER BY e.name, a.id LIMIT $limit""",
        item="{name}（{town}，出租方 {lessor}，{lessor_type}）",
        subject="承租企业",
        examples=("哪些承租企业的租赁协议没有经过先评后租审查", "向自然人租厂房的企业有哪些"),
    ),
    Intent(
        "lease_tenant_count",
        "厂中厂承租企业数量（按出租方类型、出租方分级、是否经过先评后租审查、是否到期、镇街）",
        _LEASE_SLOTS,
        ("n",),
        f"{_LEASE_MATCH}\nRETURN count(DISTINCT e) AS n",
        shape="count",
        key="n",
        key_kind="count",
        subject="承租企业",
        examples=("出租方是自然人的承租企业有多少家", "没做先评后租的承租企业有几家"),
    ),
    Intent(
        "team_equipment",
        "救援队伍配备的装备（按镇街、队伍类型 危化/消防/水上救援/医疗/综合、装备名称）",
        ("town", "team_type", "equipment", "equipment_also"),
        ("id", "name", "equipment_type", "quantity", "team_id", "team", "team_type", "town"),
        """MATCH (r:RescueTeam)-[:EQUIPPED_WITH]->(q:Equipment)
WHERE ($town IS NULL OR r.town = $town) AND ($team_type IS NULL OR r.team_type = $team_type)
  AND ($equipment IS NULL OR q.name CONTAINS $equipment)
  AND ($scope_town IS NULL OR r.town = $scope_town) AND $scope_enterprise IS NULL
OPTIONAL MATCH (r)-[:EQUIPPED_WITH]->(x:Equipment) WHERE x.name CONTAINS $equipment_also
WITH r, q, count(x) AS also WHERE $equipment_also IS NULL OR also > 0
RETURN q.id AS id, q.name AS name, q.equipment_type AS equipment_type, q.quantity AS quantity, r.id AS team_id,
  r.name AS team, r.team_type AS team_type, r.town AS town ORDER BY r.name, q.name, q.id LIMIT $limit""",
        key_kind="equipment",
        item="{team}·{name} {quantity}（{equipment_type}）",
        subject="救援装备",
        examples=("顾山镇的救援队伍配备了哪些装备", "哪支队伍有冲锋舟"),
    ),
    Intent(
        "drill_list",
        "应急演练记录（企业或厂中厂出租方组织的；按镇街、企业、时间筛选）",
        _DRILL_SLOTS,
        ("id", "scenario", "held_at", "participants", "holder_id", "name", "town"),
        f"""{_DRILL_MATCH}
RETURN d.id AS id, d.scenario AS scenario, d.held_at AS held_at, d.participants AS participants,
  coalesce(e.id, l.id) AS holder_id, coalesce(e.name, l.name) AS name, town
ORDER BY d.held_at DESC, d.id LIMIT $limit""",
        key_kind="drill",
        item="{held_at} {name}·{scenario}（{participants} 人）",
        subject="应急演练",
        examples=("华士镇今年搞过应急演练的企业", "出租方组织过哪些演练"),
    ),
    Intent(
        "drill_count",
        "应急演练次数（按镇街、企业、时间）",
        _DRILL_SLOTS,
        ("n",),
        f"{_DRILL_MATCH}\nRETURN count(d) AS n",
        shape="count",
        key="n",
        key_kind="count",
        subject="应急演练",
        examples=("这个月全市组织了几次应急演练", "临港今年开展过多少次演练"),
    ),
)

__all__ = ["RECORD_INTENTS"]
