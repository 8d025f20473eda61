"""Intent catalogue for duty-officer chat: parameterised, scoped Cypher templates.

Each ``Intent`` is one frequent question shape ("临港有哪些一级重大危险源企业？"). Its query takes
``$scope_town`` / ``$scope_enterprise`` (``DataScope.as_params``) and applies them in the ``WHERE``
clause, like ``graph.queries``; every declared slot is bound (``None`` when the question did not
fill it, which means "no filter"), plus ``$now`` (epoch ms) and ``$limit``.

Conventions:
* portable Cypher only (STACK.md): epoch-ms comparisons, no list indexing, one label per node;
* the first column named in ``key`` identifies the result rows (enterprise credit codes, hazard
  ids, …); ``key_kind`` says what it is, so a follow-up ("它的法人是谁") can refer to the rows;
* ``$enterprise_ids`` restricts enterprise-rooted templates to an earlier turn's result set
  ("那其中重大隐患呢？");
* rescue resources are city-wide (cross-town dispatch), as in ``graph.repository``; the
  ``nearest_resources`` intent therefore has no Cypher here and is answered by the repository.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.queries import ENTERPRISE_SCOPE

Shape = str  # "list" | "count" | "groups" | "record"

_ENT = (
    "($town IS NULL OR e.town = $town) AND ($enterprise_id IS NULL OR e.id = $enterprise_id) "
    "AND ($enterprise_ids IS NULL OR e.id IN $enterprise_ids) AND " + ENTERPRISE_SCOPE
)
_ENT_SLOTS = ("town", "enterprise_id", "enterprise_ids")
_ENT_FILTERS = (
    "($category IS NULL OR e.category = $category) "
    "AND ($category_group IS NULL OR e.category IN $category_group) "
    "AND ($key_domain IS NULL OR $key_domain IN e.key_domains) "
    "AND ($scale IS NULL OR e.scale = $scale) "
    "AND ($responsibility_class IS NULL OR e.responsibility_class = $responsibility_class) "
    "AND ($dishonest IS NULL OR e.serious_dishonesty = $dishonest)"
)
_ENT_FILTER_SLOTS = ("category", "category_group", "key_domain", "scale", "responsibility_class", "dishonest")
_OPEN = "['待整改', '整改中']"


@dataclass(frozen=True)
class Intent:
    id: str
    title: str  # Chinese description shown to users and to the LLM router
    slots: tuple[str, ...]
    columns: tuple[str, ...]
    cypher: str | None
    shape: Shape = "list"
    key: str = "id"
    key_kind: str = "enterprise"  # what the key column identifies
    item: str = "{name}"  # how one row reads in a templated answer
    subject: str = "企业"  # what is counted/listed, for templated answers
    examples: tuple[str, ...] = ()


INTENTS: tuple[Intent, ...] = (
    Intent(
        "enterprise_list",
        "按镇街、行业类别、重点领域、规模、监管等级、严重失信筛选企业清单",
        (*_ENT_SLOTS, *_ENT_FILTER_SLOTS),
        ("id", "name", "town", "category", "scale", "responsibility_class"),
        f"""MATCH (e:Enterprise) WHERE {_ENT} AND {_ENT_FILTERS}
RETURN e.id AS id, e.name AS name, e.town AS town, e.category AS category, e.scale AS scale,
  e.responsibility_class AS responsibility_class ORDER BY e.name, e.id LIMIT $limit""",
        item="{name}（{town}，{category}）",
        examples=("临港有哪些危化品生产企业？", "华士镇的A类企业有哪些", "粉尘涉爆企业名单"),
    ),
    Intent(
        "enterprise_count",
        "统计符合条件（镇街、行业、重点领域、规模、等级）的企业数量",
        (*_ENT_SLOTS, *_ENT_FILTER_SLOTS),
        ("n",),
        f"MATCH (e:Enterprise) WHERE {_ENT} AND {_ENT_FILTERS} RETURN count(e) AS n",
        shape="count",
        key="n",
        key_kind="count",
        examples=("周庄镇有多少家纺织企业？", "全市大型企业有几家"),
    ),
    Intent(
        "enterprise_count_by_town",
        "各镇街企业数量排名（可按行业、重点领域筛选）",
        (*_ENT_SLOTS, *_ENT_FILTER_SLOTS),
        ("town", "n"),
        f"""MATCH (e:Enterprise) WHERE {_ENT} AND {_ENT_FILTERS}
RETURN e.town AS town, count(e) AS n ORDER BY n DESC, town LIMIT $limit""",
        shape="groups",
        key="town",
        key_kind="town",
        item="{town} {n} 家",
        examples=("各镇街分别有多少家企业？", "哪个镇的危化企业最多"),
    ),
    Intent(
        "enterprise_profile",
        "企业基本信息：法定代表人、安全负责人、联系电话、地址、行业、规模、监管等级",
        ("enterprise_id", "enterprise_ids"),
        (
            "id",
            "name",
            "legal_rep",
            "safety_officer",
            "phone",
            "address",
            "town",
            "category",
            "scale",
            "responsibility_class",
            "employees",
        ),
        f"""MATCH (e:Enterprise) WHERE ($enterprise_id IS NULL OR e.id = $enterprise_id)
  AND ($enterprise_ids IS NULL OR e.id IN $enterprise_ids) AND {ENTERPRISE_SCOPE}
  AND ($enterprise_id IS NOT NULL OR $enterprise_ids IS NOT NULL)
RETURN e.id AS id, e.name AS name, e.legal_rep AS legal_rep, e.safety_officer AS safety_officer,
  e.phone AS phone, e.address AS address, e.town AS town, e.category AS category, e.scale AS scale,
  e.responsibility_class AS responsibility_class, e.employees AS employees
ORDER BY e.name LIMIT $limit""",
        shape="record",
        item="{name}：法定代表人 {legal_rep}，安全负责人 {safety_officer}，电话 {phone}，地址 {address}"
        "（{town}，{category}，{scale}，{responsibility_class}类）",
        examples=("澄星化工的法人是谁", "这家企业的安全负责人电话"),
    ),
    Intent(
        "hazard_source_list",
        "重大危险源清单（按一级至四级、镇街筛选）",
        (*_ENT_SLOTS, "mhs_level"),
        ("id", "name", "level", "enterprise_id", "enterprise", "town"),
        f"""MATCH (e:Enterprise)-[:HAS_HAZARD_SOURCE]->(m:MajorHazardSource)
WHERE {_ENT} AND ($mhs_level IS NULL OR m.level = $mhs_level)
RETURN m.id AS id, m.name AS name, m.level AS level, e.id AS enterprise_id, e.name AS enterprise,
  e.town AS town ORDER BY m.level, e.name, m.id LIMIT $limit""",
        key_kind="hazard_source",
        item="{enterprise}·{name}（{level}级）",
        subject="重大危险源",
        examples=("全市有哪些一级重大危险源？", "临港的重大危险源清单"),
    ),
    Intent(
        "hazard_source_enterprises",
        "有重大危险源的企业（按等级、镇街筛选）",
        (*_ENT_SLOTS, "mhs_level"),
        ("id", "name", "town", "sources"),
        f"""MATCH (e:Enterprise)-[:HAS_HAZARD_SOURCE]->(m:MajorHazardSource)
WHERE {_ENT} AND ($mhs_level IS NULL OR m.level = $mhs_level)
RETURN e.id AS id, e.name AS name, e.town AS town, count(m) AS sources ORDER BY e.name, e.id LIMIT $limit""",
        item="{name}（{town}，{sources} 处）",
        examples=("哪些企业有二级重大危险源", "临港有重大危险源的企业"),
    ),
    Intent(
        "hazard_source_count_by_level",
        "重大危险源按等级统计数量",
        (*_ENT_SLOTS,),
        ("level", "n"),
        f"""MATCH (e:Enterprise)-[:HAS_HAZARD_SOURCE]->(m:MajorHazardSource) WHERE {_ENT}
RETURN m.level AS level, count(m) AS n ORDER BY level""",
        shape="groups",
        key="level",
        key_kind="level",
        item="{level}级 {n} 处",
        subject="重大危险源",
        examples=("各级重大危险源分别有多少", "重大危险源数量按等级统计"),
    ),
    Intent(
        "hazard_list",
        "隐患清单（按状态 待整改/整改中/已整改/已验收、一般/重大、镇街、企业筛选；默认未整改）",
        (*_ENT_SLOTS, "hazard_status", "hazard_level", "open_only", "from_ms", "to_ms"),
        ("id", "description", "level", "status", "enterprise_id", "enterprise", "town", "deadline"),
        f"""MATCH (e:Enterprise)-[:HAS_HAZARD]->(h:Hazard)
WHERE {_ENT} AND ($hazard_status IS NULL OR h.status = $hazard_status)
  AND ($hazard_level IS NULL OR h.level = $hazard_level)
  AND ($open_only IS NULL OR h.status IN {_OPEN})
  AND ($from_ms IS NULL OR h.found_at >= $from_ms) AND ($to_ms IS NULL OR h.found_at < $to_ms)
RETURN h.id AS id, h.description AS description, h.level AS level, h.status AS status,
  e.id AS enterprise_id, e.name AS enterprise, e.town AS town, h.deadline AS deadline
ORDER BY h.deadline, h.id LIMIT $limit""",
        key_kind="hazard",
        item="{enterprise}：{description}（{level}，{status}）",
        subject="隐患",
        examples=("华士镇待整改的隐患", "重大隐患有哪些还没整改"),
    ),
    Intent(
        "overdue_hazards",
        "逾期未整改的隐患（已过整改期限仍为待整改/整改中）",
        (*_ENT_SLOTS, "hazard_level"),
        ("id", "description", "level", "status", "enterprise_id", "enterprise", "town", "deadline"),
        f"""MATCH (e:Enterprise)-[:HAS_HAZARD]->(h:Hazard)
WHERE {_ENT} AND h.status IN {_OPEN} AND h.deadline < $now
  AND ($hazard_level IS NULL OR h.level = $hazard_level)
RETURN h.id AS id, h.description AS description, h.level AS level, h.status AS status,
  e.id AS enterprise_id, e.name AS enterprise, e.town AS town, h.deadline AS deadline
ORDER BY h.deadline, h.id LIMIT $limit""",
        key_kind="hazard",
        item="{enterprise}：{description}（{level}，{status}）",
        subject="逾期未整改隐患",
        examples=("逾期未整改的重大隐患有哪些？", "超期没整改的隐患"),
    ),
    Intent(
        "hazard_count_by_town",
        "各镇街隐患数量统计（可按等级、状态、是否未整改筛选）",
        (*_ENT_SLOTS, "hazard_status", "hazard_level", "open_only"),
        ("town", "n"),
        f"""MATCH (e:Enterprise)-[:HAS_HAZARD]->(h:Hazard)
WHERE {_ENT} AND ($hazard_status IS NULL OR h.status = $hazard_status)
  AND ($hazard_level IS NULL OR h.level = $hazard_level) AND ($open_only IS NULL OR h.status IN {_OPEN})
RETURN e.town AS town, count(h) AS n ORDER BY n DESC, town LIMIT $limit""",
        shape="groups",
        key="town",
        key_kind="town",
        item="{town} {n} 条",
        subject="隐患",
        examples=("各镇隐患数量排名", "哪个街道未整改隐患最多"),
    ),
    Intent(
        "hazard_count",
        "隐患数量（按镇街、企业、等级、状态统计）",
        (*_ENT_SLOTS, "hazard_status", "hazard_level", "open_only", "from_ms", "to_ms"),
        ("n",),
        f"""MATCH (e:Enterprise)-[:HAS_HAZARD]->(h:Hazard)
WHERE {_ENT} AND ($hazard_status IS NULL OR h.status = $hazard_status)
  AND ($hazard_level IS NULL OR h.level = $hazard_level) AND ($open_only IS NULL OR h.status IN {_OPEN})
  AND ($from_ms IS NULL OR h.found_at >= $from_ms) AND ($to_ms IS NULL OR h.found_at < $to_ms)
RETURN count(h) AS n""",
        shape="count",
        key="n",
        key_kind="count",
        subject="隐患",
        examples=("云亭街道有多少条重大隐患", "待整改隐患一共几条"),
    ),
    Intent(
        "inspection_list",
        "执法检查记录（按镇街、企业、时间筛选）",
        (*_ENT_SLOTS, "from_ms", "to_ms"),
        ("id", "enterprise_id", "enterprise", "town", "kind", "inspected_at", "findings"),
        f"""MATCH (i:Inspection)-[:INSPECTED]->(e:Enterprise)
WHERE {_ENT} AND ($from_ms IS NULL OR i.inspected_at >= $from_ms) AND ($to_ms IS NULL OR i.inspected_at < $to_ms)
RETURN i.id AS id, e.id AS enterprise_id, e.name AS enterprise, e.town AS town, i.kind AS kind,
  i.inspected_at AS inspected_at, i.findings AS findings ORDER BY i.inspected_at DESC, i.id LIMIT $limit""",
        key_kind="inspection",
        item="{enterprise}（{kind}，发现问题 {findings} 项）",
        subject="执法检查",
        examples=("本月城东街道的执法检查", "上周检查了哪些企业"),
    ),
    Intent(
        "inspection_count",
        "执法检查次数统计（按镇街、企业、时间）",
        (*_ENT_SLOTS, "from_ms", "to_ms"),
        ("n",),
        f"""MATCH (i:Inspection)-[:INSPECTED]->(e:Enterprise)
WHERE {_ENT} AND ($from_ms IS NULL OR i.inspected_at >= $from_ms) AND ($to_ms IS NULL OR i.inspected_at < $to_ms)
RETURN count(i) AS n""",
        shape="count",
        key="n",
        key_kind="count",
        subject="执法检查",
        examples=("今年华士镇检查了多少次", "本月执法检查次数"),
    ),
    Intent(
        "penalty_list",
        "行政处罚记录（按镇街、企业、时间筛选）",
        (*_ENT_SLOTS, "from_ms", "to_ms"),
        ("id", "enterprise_id", "enterprise", "town", "amount_yuan", "decided_at", "facts"),
        f"""MATCH (e:Enterprise)-[:RECEIVED_PENALTY]->(p:Penalty)
WHERE {_ENT} AND ($from_ms IS NULL OR p.decided_at >= $from_ms) AND ($to_ms IS NULL OR p.decided_at < $to_ms)
RETURN p.id AS id, e.id AS enterprise_id, e.name AS enterprise, e.town AS town, p.amount_yuan AS amount_yuan,
  p.decided_at AS decided_at, p.facts AS facts ORDER BY p.decided_at DESC, p.id LIMIT $limit""",
        key_kind="penalty",
        item="{enterprise}：罚款 {amount_yuan} 元（{facts}）",
        subject="行政处罚",
        examples=("今年有哪些企业被处罚", "临港的行政处罚记录"),
    ),
    Intent(
        "penalty_total",
        "行政处罚次数与罚款总额（按镇街、时间）",
        (*_ENT_SLOTS, "from_ms", "to_ms"),
        ("n", "amount_yuan"),
        f"""MATCH (e:Enterprise)-[:RECEIVED_PENALTY]->(p:Penalty)
WHERE {_ENT} AND ($from_ms IS NULL OR p.decided_at >= $from_ms) AND ($to_ms IS NULL OR p.decided_at < $to_ms)
RETURN count(p) AS n, sum(p.amount_yuan) AS amount_yuan""",
        shape="count",
        key="n",
        key_kind="count",
        subject="行政处罚",
        examples=("今年一共罚了多少钱", "处罚了几次"),
    ),
    Intent(
        "sensors_offline",
        "离线的物联传感器（按镇街、企业）",
        (*_ENT_SLOTS,),
        ("id", "name", "sensor_type", "enterprise_id", "enterprise", "town", "last_seen"),
        f"""MATCH (e:Enterprise)-[:MONITORED_BY]->(s:Sensor) WHERE {_ENT} AND s.online = false
RETURN s.id AS id, s.name AS name, s.sensor_type AS sensor_type, e.id AS enterprise_id, e.name AS enterprise,
  e.town AS town, s.last_seen AS last_seen ORDER BY e.name, s.id LIMIT $limit""",
        key_kind="sensor",
        item="{enterprise}·{name}（{sensor_type}）",
        subject="离线传感器",
        examples=("哪些传感器离线了", "华士镇离线的监测设备"),
    ),
    Intent(
        "sensors_alarming",
        "近期触发报警的传感器（默认近 24 小时）",
        (*_ENT_SLOTS, "from_ms", "to_ms"),
        ("id", "name", "sensor_type", "enterprise_id", "enterprise", "town", "alarms"),
        f"""MATCH (e:Enterprise)-[:MONITORED_BY]->(s:Sensor)-[:TRIGGERED]->(ev:Event)
WHERE {_ENT} AND ev.occurred_at >= $from_ms AND ev.occurred_at < $to_ms
RETURN s.id AS id, s.name AS name, s.sensor_type AS sensor_type, e.id AS enterprise_id, e.name AS enterprise,
  e.town AS town, count(ev) AS alarms ORDER BY alarms DESC, s.id LIMIT $limit""",
        key_kind="sensor",
        item="{enterprise}·{name}（报警 {alarms} 次）",
        subject="报警传感器",
        examples=("今天哪些传感器在报警", "最近一周超限报警的传感器"),
    ),
    Intent(
        "cameras_offline",
        "离线的视频监控点（按镇街、企业；含公共点位）",
        ("town", "enterprise_id"),
        ("id", "name", "town", "enterprise_id"),
        """MATCH (c:Camera) WHERE c.online = false AND ($town IS NULL OR c.town = $town)
  AND ($enterprise_id IS NULL OR c.enterprise_id = $enterprise_id)
  AND ($scope_town IS NULL OR c.town = $scope_town)
  AND ($scope_enterprise IS NULL OR c.enterprise_id = $scope_enterprise)
RETURN c.id AS id, c.name AS name, c.town AS town, c.enterprise_id AS enterprise_id
ORDER BY c.town, c.id LIMIT $limit""",
        key_kind="camera",
        item="{name}（{town}）",
        subject="离线摄像头",
        examples=("哪些摄像头掉线了", "城东离线的监控"),
    ),
    Intent(
        "camera_count",
        "视频监控点数量与在线数（按镇街、企业）",
        ("town", "enterprise_id"),
        ("n", "online"),
        """MATCH (c:Camera) WHERE ($town IS NULL OR c.town = $town)
  AND ($enterprise_id IS NULL OR c.enterprise_id = $enterprise_id)
  AND ($scope_town IS NULL OR c.town = $scope_town)
  AND ($scope_enterprise IS NULL OR c.enterprise_id = $scope_enterprise)
RETURN count(c) AS n, sum(CASE WHEN c.online THEN 1 ELSE 0 END) AS online""",
        shape="count",
        key="n",
        key_kind="count",
        subject="视频监控点",
        examples=("华士镇有多少个摄像头", "全市监控点位数量"),
    ),
    Intent(
        "special_operations",
        "特殊作业（动火、受限空间、高处、吊装、临时用电、盲板抽堵、断路、动土），默认今天进行中的",
        (*_ENT_SLOTS, "op_type", "from_ms", "to_ms"),
        (
            "id",
            "op_type",
            "enterprise_id",
            "enterprise",
            "town",
            "location",
            "starts_at",
            "ends_at",
            "supervisor",
        ),
        f"""MATCH (e:Enterprise)-[:PERFORMS]->(o:SpecialOperation)
WHERE {_ENT} AND ($op_type IS NULL OR o.op_type = $op_type)
  AND o.starts_at < $to_ms AND o.ends_at > $from_ms
RETURN o.id AS id, o.op_type AS op_type, e.id AS enterprise_id, e.name AS enterprise, e.town AS town,
  o.location AS location, o.starts_at AS starts_at, o.ends_at AS ends_at, o.supervisor AS supervisor
ORDER BY o.starts_at, o.id LIMIT $limit""",
        key_kind="special_operation",
        item="{enterprise}·{op_type}作业（{location}，监护人 {supervisor}）",
        subject="特殊作业",
        examples=("今天有哪些动火作业", "临港今天的受限空间作业"),
    ),
    Intent(
        "lessees_of_lessor",
        "厂中厂：某出租方（企业）名下的承租企业",
        ("enterprise_id", "enterprise_ids"),
        ("id", "name", "category", "town", "lessor_id", "lessor"),
        """MATCH (l:Lessor)<-[:LEASES_FROM]-(t:Enterprise)
WHERE ($enterprise_id IS NULL OR l.id = $enterprise_id) AND ($enterprise_ids IS NULL OR l.id IN $enterprise_ids)
  AND ($enterprise_id IS NOT NULL OR $enterprise_ids IS NOT NULL)
  AND ($scope_town IS NULL OR (l.town = $scope_town AND t.town = $scope_town))
  AND ($scope_enterprise IS NULL OR l.id = $scope_enterprise)
RETURN t.id AS id, t.name AS name, t.category AS category, t.town AS town, l.id AS lessor_id, l.name AS lessor
ORDER BY t.name, t.id LIMIT $limit""",
        item="{name}（{category}）",
        subject="承租企业",
        examples=("澄星化工厂里有哪些厂中厂", "这家出租了给哪些企业"),
    ),
    Intent(
        "lessors_of_enterprise",
        "厂中厂：某企业向谁租用厂房（出租方）",
        ("enterprise_id", "enterprise_ids"),
        ("id", "name", "lessor_type", "grade", "town", "tenant"),
        f"""MATCH (e:Enterprise)-[:LEASES_FROM]->(l:Lessor)
WHERE ($enterprise_id IS NULL OR e.id = $enterprise_id) AND ($enterprise_ids IS NULL OR e.id IN $enterprise_ids)
  AND ($enterprise_id IS NOT NULL OR $enterprise_ids IS NOT NULL) AND {ENTERPRISE_SCOPE}
RETURN l.id AS id, l.name AS name, l.lessor_type AS lessor_type, l.grade AS grade, l.town AS town,
  e.name AS tenant ORDER BY l.name, l.id LIMIT $limit""",
        key_kind="lessor",
        item="{name}（{lessor_type}，{grade}色）",
        subject="出租方",
        examples=("这家企业的厂房是租谁的", "它的出租方是谁"),
    ),
    Intent(
        "lessor_list",
        "厂中厂出租方清单（按镇街、红黄蓝分级）",
        ("town", "lessor_grade"),
        ("id", "name", "lessor_type", "grade", "town", "lessees"),
        """MATCH (l:Lessor) WHERE ($town IS NULL OR l.town = $town) AND ($lessor_grade IS NULL OR l.grade = $lessor_grade)
  AND ($scope_town IS NULL OR l.town = $scope_town) AND ($scope_enterprise IS NULL OR l.id = $scope_enterprise)
RETURN l.id AS id, l.name AS name, l.lessor_type AS lessor_type, l.grade AS grade, l.town AS town,
  size([(l)<-[:LEASES_FROM]-(x1:Enterprise) | x1]) AS lessees ORDER BY l.name, l.id LIMIT $limit""",
        key_kind="lessor",
        item="{name}（{town}，{grade}色，承租 {lessees} 家）",
        subject="厂中厂出租方",
        examples=("红色等级的厂中厂出租方", "周庄镇有哪些出租方"),
    ),
    Intent(
        "duty_now",
        "现在谁值班（市级或某镇街的带班领导、值班员及电话）",
        ("town", "duty_city"),
        ("id", "name", "role", "phone", "town", "level"),
        """MATCH (p:Person)-[:ON_DUTY]->(d:DutyShift)
WHERE d.starts_at <= $now AND d.ends_at > $now
  AND ($town IS NULL OR d.town = $town) AND ($duty_city IS NULL OR d.town IS NULL)
  AND ($scope_town IS NULL OR d.town IS NULL OR d.town = $scope_town) AND $scope_enterprise IS NULL
RETURN p.id AS id, p.name AS name, d.role AS role, p.phone AS phone, d.town AS town, d.level AS level
ORDER BY d.level, d.town, d.role, p.name LIMIT $limit""",
        key_kind="person",
        item="{role} {name}（{phone}）",
        subject="值班人员",
        examples=("澄江街道现在谁值班？", "今天市里的带班领导是谁"),
    ),
    Intent(
        "nearest_resources",
        "离某企业或镇街最近的救援队伍、危化救援队、专家、医疗机构、物资仓库、避难场所",
        ("enterprise_id", "town", "resource_kind", "team_type", "speciality"),
        ("id", "name", "type", "distance_m", "detail"),
        None,
        key_kind="resource",
        item="{name}（{detail}，约 {distance_km} 公里）",
        subject="救援资源",
        examples=("离华士镇最近的危化救援队", "澄星化工附近的专家"),
    ),
    Intent(
        "events_recent",
        "近期事件/告警（按类型、镇街、企业、状态、时间筛选；默认近 7 天）",
        (
            "town",
            "enterprise_id",
            "enterprise_ids",
            "event_type",
            "event_status",
            "event_level",
            "from_ms",
            "to_ms",
        ),
        ("id", "event_type", "level", "status", "town", "enterprise_id", "occurred_at", "description"),
        """MATCH (ev:Event)
WHERE ev.occurred_at >= $from_ms AND ev.occurred_at < $to_ms
  AND ($town IS NULL OR ev.town = $town) AND ($enterprise_id IS NULL OR ev.enterprise_id = $enterprise_id)
  AND ($enterprise_ids IS NULL OR ev.enterprise_id IN $enterprise_ids)
  AND ($event_type IS NULL OR ev.event_type = $event_type) AND ($event_status IS NULL OR ev.status = $event_status)
  AND ($event_level IS NULL OR ev.level = $event_level)
  AND ($scope_town IS NULL OR ev.town = $scope_town) AND ($scope_enterprise IS NULL OR ev.enterprise_id = $scope_enterprise)
RETURN ev.id AS id, ev.event_type AS event_type, ev.level AS level, ev.status AS status, ev.town AS town,
  ev.enterprise_id AS enterprise_id, ev.occurred_at AS occurred_at, ev.description AS description
ORDER BY ev.occurred_at DESC, ev.id LIMIT $limit""",
        key_kind="event",
        item="{when} {town} {event_type}（{level}，{status}）",
        subject="事件",
        examples=("昨天下午城东的烟雾告警", "最近三天的火情报告"),
    ),
    Intent(
        "event_count_by_type",
        "事件/告警按类型统计（按镇街、时间；默认近 7 天）",
        ("town", "enterprise_id", "event_status", "from_ms", "to_ms"),
        ("event_type", "n"),
        """MATCH (ev:Event)
WHERE ev.occurred_at >= $from_ms AND ev.occurred_at < $to_ms
  AND ($town IS NULL OR ev.town = $town) AND ($enterprise_id IS NULL OR ev.enterprise_id = $enterprise_id)
  AND ($event_status IS NULL OR ev.status = $event_status)
  AND ($scope_town IS NULL OR ev.town = $scope_town) AND ($scope_enterprise IS NULL OR ev.enterprise_id = $scope_enterprise)
RETURN ev.event_type AS event_type, count(ev) AS n ORDER BY n DESC, event_type""",
        shape="groups",
        key="event_type",
        key_kind="event_type",
        item="{event_type} {n} 起",
        subject="事件",
        examples=("本周各类告警分别有多少", "这个月华士镇告警按类型统计"),
    ),
    Intent(
        "town_overview",
        "各镇街概况：企业数、未整改隐患、重大危险源、离线传感器",
        ("town",),
        ("town", "enterprises", "open_hazards", "hazard_sources", "offline_sensors"),
        """MATCH (t:Town) WHERE ($town IS NULL OR t.id = $town) AND ($scope_town IS NULL OR t.id = $scope_town)
  AND $scope_enterprise IS NULL
RETURN t.id AS town,
  size([(t)<-[:LOCATED_IN]-(x1:Enterprise) | x1]) AS enterprises,
  size([(t)<-[:LOCATED_IN]-(x2:Enterprise)-[:HAS_HAZARD]->(h2:Hazard) WHERE h2.status IN ['待整改', '整改中'] | h2])
    AS open_hazards,
  size([(t)<-[:LOCATED_IN]-(x3:Enterprise)-[:HAS_HAZARD_SOURCE]->(m3:MajorHazardSource) | m3]) AS hazard_sources,
  size([(t)<-[:LOCATED_IN]-(x4:Enterprise)-[:MONITORED_BY]->(s4:Sensor) WHERE s4.online = false | s4])
    AS offline_sensors
ORDER BY town""",
        shape="groups",
        key="town",
        key_kind="town",
        item="{town}：企业 {enterprises} 家，未整改隐患 {open_hazards} 条，重大危险源 {hazard_sources} 处，"
        "离线传感器 {offline_sensors} 个",
        subject="镇街",
        examples=("各镇街安全概况", "华士镇整体情况怎么样"),
    ),
    Intent(
        "risk_points",
        "风险点（按 重大/较大/一般/低 四色等级、镇街、企业）",
        (*_ENT_SLOTS, "risk_level"),
        ("id", "name", "risk_level", "enterprise_id", "enterprise", "town"),
        f"""MATCH (e:Enterprise)-[:HAS_RISK_POINT]->(r:RiskPoint)
WHERE {_ENT} AND ($risk_level IS NULL OR r.risk_level = $risk_level)
RETURN r.id AS id, r.name AS name, r.risk_level AS risk_level, e.id AS enterprise_id, e.name AS enterprise,
  e.town AS town ORDER BY e.name, r.id LIMIT $limit""",
        key_kind="risk_point",
        item="{enterprise}·{name}（{risk_level}风险）",
        subject="风险点",
        examples=("重大风险点有哪些", "红色风险点清单"),
    ),
    Intent(
        "enterprise_chemicals",
        "企业储存的危险化学品及数量",
        (*_ENT_SLOTS,),
        ("id", "chemical", "quantity_t", "enterprise_id", "enterprise"),
        f"""MATCH (e:Enterprise)-[:HOLDS]->(s:ChemicalStock)-[:OF_CHEMICAL]->(c:Chemical)
WHERE {_ENT} AND ($enterprise_id IS NOT NULL OR $enterprise_ids IS NOT NULL OR $town IS NOT NULL)
RETURN s.id AS id, c.name AS chemical, s.quantity_t AS quantity_t, e.id AS enterprise_id, e.name AS enterprise
ORDER BY e.name, c.name, s.id LIMIT $limit""",
        key_kind="chemical_stock",
        item="{enterprise}·{chemical} {quantity_t} 吨",
        subject="危化品储存",
        examples=("澄星化工存了哪些危化品", "这家企业有什么化学品"),
    ),
    Intent(
        "materials_low_stock",
        "库存低于最低储备的应急物资",
        ("town",),
        ("id", "name", "quantity", "min_stock", "unit", "warehouse"),
        """MATCH (w:Warehouse)-[:STOCKS]->(m:Material)
WHERE m.quantity < m.min_stock AND ($town IS NULL OR w.town = $town)
RETURN m.id AS id, m.name AS name, m.quantity AS quantity, m.min_stock AS min_stock, m.unit AS unit,
  w.name AS warehouse ORDER BY w.name, m.id LIMIT $limit""",
        key_kind="material",
        item="{warehouse}·{name} {quantity}{unit}（最低 {min_stock}）",
        subject="库存不足的物资",
        examples=("哪些应急物资库存不足", "需要补充的物资"),
    ),
    Intent(
        "plan_for",
        "适用的应急预案与响应级别（按事故类型、企业；预案库未导入时如实说明）",
        ("enterprise_id", "accident_type"),
        ("id", "title", "plan_type", "levels"),
        """MATCH (p:Plan)
WHERE ($accident_type IS NULL OR $accident_type IN p.accident_types)
  AND ($enterprise_id IS NULL OR p.enterprise_id IS NULL OR p.enterprise_id = $enterprise_id)
  AND ($scope_town IS NULL OR p.town IS NULL OR p.town = $scope_town)
  AND ($scope_enterprise IS NULL OR p.enterprise_id IS NULL OR p.enterprise_id = $scope_enterprise)
RETURN p.id AS id, p.title AS title, p.plan_type AS plan_type, p.response_levels AS levels
ORDER BY p.title LIMIT $limit""",
        key_kind="plan",
        item="{title}（{plan_type}）",
        subject="应急预案",
        examples=("危化品泄漏应该启动哪个预案", "火灾事故响应级别怎么定"),
    ),
)

BY_ID: dict[str, Intent] = {i.id: i for i in INTENTS}
INTENT_IDS: tuple[str, ...] = tuple(BY_ID)
