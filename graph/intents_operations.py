"""Chat intents over monitoring, special operations, 厂中厂, duty, resources, events and plans."""

from __future__ import annotations

from graph.intent_base import (
    _ENT,
    _ENT_SLOTS,
    _VILLAGE,
    ENTERPRISE_SCOPE,
    Intent,
)

OPERATIONS_INTENTS: tuple[Intent, ...] = (
    Intent(
        "sensors_offline",
        "离线的物联传感器（按镇街、企业、类型如温度/液位或可燃气体探测器）",
        (*_ENT_SLOTS, "village", "sensor_type", "sensor_label", "all_sensors", "offline_for_ms"),
        ("id", "name", "sensor_type", "enterprise_id", "enterprise", "town", "last_seen"),
        # all_sensors: every sensor, online or not, counted per town ("各镇街传感器分别有多少", ADR 0018);
        # offline_for_ms: silent longer than that ("离线超过36个小时", agents.chat.offline_age)
        f"""MATCH (e:Enterprise)-[:MONITORED_BY]->(s:Sensor) WHERE {_ENT} AND {_VILLAGE}
  AND (s.online = false OR $all_sensors = true)
  AND ($offline_for_ms IS NULL OR (s.online = false AND s.last_seen < $now - $offline_for_ms))
  AND ($sensor_type IS NULL OR s.sensor_type = $sensor_type) AND ($sensor_label IS NULL OR s.name CONTAINS $sensor_label)
RETURN s.id AS id, s.name AS name, s.sensor_type AS sensor_type, e.id AS enterprise_id, e.name AS enterprise,
  e.town AS town, s.last_seen AS last_seen ORDER BY e.name, s.id LIMIT $limit""",
        key_kind="sensor",
        item="{enterprise}·{name}（{sensor_type}）",
        subject="离线传感器",
        examples=("哪些传感器离线了", "华士镇离线的监测设备"),
    ),
    Intent(
        "sensor_count",
        "物联传感器数量与在线数（按镇街、企业、类型如温度/液位/压力/视频；可只数在线或离线的）",
        (*_ENT_SLOTS, "village", "sensor_type", "sensor_label", "sensor_online"),
        ("n", "online", "offline"),
        # every sensor, not only the offline ones: the whole of a share (离线传感器占传感器总数, 在线率)
        f"""MATCH (e:Enterprise)-[:MONITORED_BY]->(s:Sensor) WHERE {_ENT} AND {_VILLAGE}
  AND ($sensor_type IS NULL OR s.sensor_type = $sensor_type) AND ($sensor_label IS NULL OR s.name CONTAINS $sensor_label)
  AND ($sensor_online IS NULL OR s.online = $sensor_online)
RETURN count(s) AS n, sum(CASE WHEN s.online THEN 1 ELSE 0 END) AS online,
  sum(CASE WHEN s.online THEN 0 ELSE 1 END) AS offline""",
        shape="count",
        key="n",
        key_kind="count",
        subject="传感器",
        examples=("全市传感器一共多少个", "华士镇在线的压力传感器有几个"),
    ),
    Intent(
        "sensors_alarming",
        "近期触发报警的传感器（默认近 24 小时；可按类型如温度/液位或可燃气体探测器）",
        (*_ENT_SLOTS, "from_ms", "to_ms", "sensor_type", "sensor_label"),
        ("id", "name", "sensor_type", "enterprise_id", "enterprise", "town", "alarms"),
        f"""MATCH (e:Enterprise)-[:MONITORED_BY]->(s:Sensor)-[:TRIGGERED]->(ev:Event)
WHERE {_ENT} AND ev.occurred_at >= $from_ms AND ev.occurred_at < $to_ms
  AND ($sensor_type IS NULL OR s.sensor_type = $sensor_type) AND ($sensor_label IS NULL OR s.name CONTAINS $sensor_label)
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
        ("town", "enterprise_id", "all_cameras"),
        ("id", "name", "town", "enterprise_id"),
        # all_cameras: every point, online or not, for the per-town count ("各镇街分别有多少个摄像头")
        """MATCH (c:Camera) WHERE (c.online = false OR $all_cameras = true) AND ($town IS NULL OR c.town = $town)
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
        (*_ENT_SLOTS, "village", "op_type", "from_ms", "to_ms"),
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
WHERE {_ENT} AND {_VILLAGE} AND ($op_type IS NULL OR o.op_type = $op_type)
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
        "厂中厂出租方清单（按镇街、红黄蓝分级、出租方类型 自然人/企业法人/个体工商户/集体资产）",
        ("town", "lessor_grade", "lessor_type"),
        ("id", "name", "lessor_type", "grade", "town", "lessees"),
        """MATCH (l:Lessor) WHERE ($town IS NULL OR l.town = $town) AND ($lessor_grade IS NULL OR l.grade = $lessor_grade)
  AND ($lessor_type IS NULL OR l.lessor_type = $lessor_type)
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
        "谁值班（市级或某镇街的带班领导、值班员及电话、职务、所属单位；默认现在，可问明天、周六等某天的班）",
        ("town", "duty_city", "duty_role", "from_ms", "to_ms"),
        ("id", "name", "role", "phone", "town", "level", "title", "department"),
        # An enterprise user sees the city's shifts and those of its own enterprise's town (whom to call).
        """OPTIONAL MATCH (own:Enterprise {id: $scope_enterprise})
WITH own
MATCH (p:Person)-[:ON_DUTY]->(d:DutyShift)
WHERE (($from_ms IS NULL AND d.starts_at <= $at_ms AND d.ends_at > $at_ms)
    OR ($from_ms IS NOT NULL AND d.starts_at >= $from_ms AND d.starts_at < $to_ms))
  AND ($town IS NULL OR d.town = $town) AND ($duty_city IS NULL OR d.town IS NULL)
  AND ($duty_role IS NULL OR d.role = $duty_role)
  AND ($scope_town IS NULL OR d.town IS NULL OR d.town = $scope_town)
  AND ($scope_enterprise IS NULL OR d.town IS NULL OR d.town = own.town)
OPTIONAL MATCH (p)-[:MEMBER_OF]->(dep:Department)
RETURN p.id AS id, p.name AS name, d.role AS role, p.phone AS phone, d.town AS town, d.level AS level,
  p.title AS title, dep.name AS department
ORDER BY d.level, d.town, d.role, p.name LIMIT $limit""",
        key_kind="person",
        item="{role} {name}（{department}{title}，{phone}）",
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
            "camera_point",
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
OPTIONAL MATCH (c:Camera)-[:DETECTED]->(ev)
WITH ev, c WHERE $camera_point IS NULL OR c.name CONTAINS $camera_point
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
        (*_ENT_SLOTS, "village", "risk_level", "risk_levels"),
        ("id", "name", "risk_level", "enterprise_id", "enterprise", "town"),
        f"""MATCH (e:Enterprise)-[:HAS_RISK_POINT]->(r:RiskPoint)
WHERE {_ENT} AND {_VILLAGE} AND ($risk_level IS NULL OR r.risk_level = $risk_level)
  AND ($risk_levels IS NULL OR r.risk_level IN $risk_levels)
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
    # A warehouse's stock is its town's own reserve, not a city-wide dispatch resource as the nearest
    # teams are (ADR 0007): scoped to the officer's town like team_equipment; enterprise users see none.
    Intent(
        "materials_low_stock",
        "库存低于最低储备的应急物资（按镇街、物资名称）",
        ("town", "material"),
        ("id", "name", "quantity", "min_stock", "unit", "warehouse"),
        """MATCH (w:Warehouse)-[:STOCKS]->(m:Material)
WHERE m.quantity < m.min_stock AND ($town IS NULL OR w.town = $town)
  AND ($material IS NULL OR m.name CONTAINS $material)
  AND ($scope_town IS NULL OR w.town = $scope_town) AND $scope_enterprise IS NULL
RETURN m.id AS id, m.name AS name, m.quantity AS quantity, m.min_stock AS min_stock, m.unit AS unit,
  w.name AS warehouse ORDER BY w.name, m.id LIMIT $limit""",
        key_kind="material",
        item="{warehouse}·{name} {quantity}{unit}（最低 {min_stock}）",
        subject="库存不足的物资",
        examples=("哪些应急物资库存不足", "需要补充的物资"),
    ),
)
