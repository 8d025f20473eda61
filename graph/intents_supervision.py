"""Chat intents over enterprises, major hazard sources, hazards, inspections and penalties."""

from __future__ import annotations

from graph.intent_base import (
    _CHEMICAL,
    _ENT,
    _ENT_FILTER_SLOTS,
    _ENT_FILTERS,
    _ENT_SLOTS,
    _OPEN,
    _REGISTRATION,
    _REGISTRATION_SLOTS,
    _VILLAGE,
    ENTERPRISE_SCOPE,
    Intent,
)

# Hazard sources that store a named chemical ("储存液氯的重大危险源"); ``$chemical`` as in ``_CHEMICAL``.
_STORED = (
    "WITH e, m, [(m)-[:STORES]->(cs:ChemicalStock)-[:OF_CHEMICAL]->(ch:Chemical) | ch.id] AS stored_chemicals "
    "WHERE ($chemical IS NULL OR any(cid IN stored_chemicals WHERE cid IN $chemical))"
)

# One penalty's amount against the bounds said ("5万元以上", "不到1万元"; agents.chat.penalty_amounts).
_AMOUNT_SLOTS = ("amount_above", "amount_from", "amount_below", "amount_upto")
_AMOUNT = (
    "($amount_above IS NULL OR p.amount_yuan > $amount_above) AND ($amount_from IS NULL OR p.amount_yuan >= $amount_from)"
    " AND ($amount_below IS NULL OR p.amount_yuan < $amount_below) AND ($amount_upto IS NULL OR p.amount_yuan <= $amount_upto)"
)

# Inspections by kind (夜查), by the unit's level (市/镇) or one town's office ("华士镇安监办"), by date.
_INSPECTION_SLOTS = (
    *_ENT_SLOTS,
    "village",
    "inspection_kind",
    "inspecting_level",
    "inspecting_unit",
    "from_ms",
    "to_ms",
)

# The hazard list and count filter alike: status, grade, found-date window and deadline window.
_HAZARD_SLOTS = (
    *_ENT_SLOTS,
    "village",
    "hazard_status",
    "hazard_statuses",
    "hazard_level",
    "open_only",
    "from_ms",
    "to_ms",
    "due_within_ms",
    "due_from_ms",
    "open_for_ms",
)

SUPERVISION_INTENTS: tuple[Intent, ...] = (
    Intent(
        "enterprise_list",
        "按镇街、行业类别、重点领域、规模、监管等级、严重失信、储存的危险化学品筛选企业清单",
        (*_ENT_SLOTS, *_ENT_FILTER_SLOTS, "chemical", "village", *_REGISTRATION_SLOTS),
        ("id", "name", "town", "category", "scale", "responsibility_class"),
        f"""MATCH (e:Enterprise) WHERE {_ENT} AND {_VILLAGE} AND {_ENT_FILTERS} AND {_REGISTRATION} {_CHEMICAL}
RETURN e.id AS id, e.name AS name, e.town AS town, e.category AS category, e.scale AS scale,
  e.responsibility_class AS responsibility_class ORDER BY e.name, e.id LIMIT $limit""",
        item="{name}（{town}，{category}）",
        examples=("临港有哪些危化品生产企业？", "华士镇的A类企业有哪些", "粉尘涉爆企业名单"),
    ),
    Intent(
        "enterprise_count",
        "统计符合条件（镇街、行业、重点领域、规模、等级）的企业数量",
        (*_ENT_SLOTS, *_ENT_FILTER_SLOTS, "chemical", "village", *_REGISTRATION_SLOTS),
        ("n",),
        f"MATCH (e:Enterprise) WHERE {_ENT} AND {_VILLAGE} AND {_ENT_FILTERS} AND {_REGISTRATION} {_CHEMICAL} RETURN count(e) AS n",
        shape="count",
        key="n",
        key_kind="count",
        examples=("周庄镇有多少家纺织企业？", "全市大型企业有几家"),
    ),
    Intent(
        "enterprise_count_by_town",
        "各镇街企业数量排名（可按行业、重点领域筛选）",
        (*_ENT_SLOTS, *_ENT_FILTER_SLOTS, "chemical", "village", *_REGISTRATION_SLOTS),
        ("town", "n"),
        f"""MATCH (e:Enterprise) WHERE {_ENT} AND {_VILLAGE} AND {_ENT_FILTERS} AND {_REGISTRATION} {_CHEMICAL}
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
            "safety_officer_phone",
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
  head([(p:Person)-[:WORKS_FOR]->(e) WHERE p.name = e.safety_officer | p.phone]) AS safety_officer_phone,
  e.phone AS phone, e.address AS address, e.town AS town, e.category AS category, e.scale AS scale,
  e.responsibility_class AS responsibility_class, e.employees AS employees
ORDER BY e.name LIMIT $limit""",
        shape="record",
        # the safety officer's own phone is the Person's who works there under that name (compound round 4)
        item="{name}：法定代表人 {legal_rep}，安全负责人 {safety_officer}（本人电话 {safety_officer_phone}），"
        "企业电话 {phone}，地址 {address}"
        "（{town}，{category}，{scale}，{responsibility_class}类）",
        examples=("澄星化工的法人是谁", "这家企业的安全负责人电话"),
    ),
    Intent(
        "hazard_source_list",
        "重大危险源清单（按一级至四级、镇街筛选）",
        (*_ENT_SLOTS, "village", "mhs_level", "mhs_levels", "chemical"),
        ("id", "name", "level", "enterprise_id", "enterprise", "town"),
        f"""MATCH (e:Enterprise)-[:HAS_HAZARD_SOURCE]->(m:MajorHazardSource)
WHERE {_ENT} AND {_VILLAGE} AND ($mhs_level IS NULL OR m.level = $mhs_level)
  AND ($mhs_levels IS NULL OR m.level IN $mhs_levels)
{_STORED}
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
        (*_ENT_SLOTS, "village", "mhs_level", "mhs_levels", "chemical"),
        ("id", "name", "town", "sources"),
        f"""MATCH (e:Enterprise)-[:HAS_HAZARD_SOURCE]->(m:MajorHazardSource)
WHERE {_ENT} AND {_VILLAGE} AND ($mhs_level IS NULL OR m.level = $mhs_level)
  AND ($mhs_levels IS NULL OR m.level IN $mhs_levels)
{_STORED}
RETURN e.id AS id, e.name AS name, e.town AS town, count(m) AS sources ORDER BY e.name, e.id LIMIT $limit""",
        item="{name}（{town}，{sources} 处）",
        examples=("哪些企业有二级重大危险源", "临港有重大危险源的企业"),
    ),
    Intent(
        "hazard_source_count_by_level",
        "重大危险源按等级统计数量",
        (*_ENT_SLOTS, "village"),
        ("level", "n"),
        f"""MATCH (e:Enterprise)-[:HAS_HAZARD_SOURCE]->(m:MajorHazardSource) WHERE {_ENT} AND {_VILLAGE}
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
        _HAZARD_SLOTS,
        ("id", "description", "level", "status", "enterprise_id", "enterprise", "town", "deadline"),
        f"""MATCH (e:Enterprise)-[:HAS_HAZARD]->(h:Hazard)
WHERE {_ENT} AND {_VILLAGE} AND ($hazard_status IS NULL OR h.status = $hazard_status)
  AND ($hazard_statuses IS NULL OR h.status IN $hazard_statuses)
  AND ($hazard_level IS NULL OR h.level = $hazard_level)
  AND ($open_only IS NULL OR h.status IN {_OPEN})
  AND ($from_ms IS NULL OR h.found_at >= $from_ms) AND ($to_ms IS NULL OR h.found_at < $to_ms)
  AND ($due_within_ms IS NULL OR (h.deadline >= coalesce($due_from_ms, $now) AND h.deadline < $now + $due_within_ms))
  AND ($open_for_ms IS NULL OR h.found_at < $now - $open_for_ms)
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
        "逾期未整改的隐患（已过整改期限仍为待整改/整改中；可按发现时间筛选）",
        (*_ENT_SLOTS, "village", "hazard_level", "from_ms", "to_ms", "open_for_ms"),
        ("id", "description", "level", "status", "enterprise_id", "enterprise", "town", "deadline"),
        f"""MATCH (e:Enterprise)-[:HAS_HAZARD]->(h:Hazard)
WHERE {_ENT} AND {_VILLAGE} AND h.status IN {_OPEN} AND h.deadline < $now
  AND ($hazard_level IS NULL OR h.level = $hazard_level)
  AND ($open_for_ms IS NULL OR h.found_at < $now - $open_for_ms)
  AND ($from_ms IS NULL OR h.found_at >= $from_ms) AND ($to_ms IS NULL OR h.found_at < $to_ms)
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
        "各镇街隐患数量统计（可按等级、状态、是否未整改、是否逾期、发现时间筛选）",
        (
            *_ENT_SLOTS,
            "village",
            "hazard_status",
            "hazard_statuses",
            "hazard_level",
            "open_only",
            "overdue",
            "from_ms",
            "to_ms",
            "open_for_ms",
        ),
        ("town", "n"),
        f"""MATCH (e:Enterprise)-[:HAS_HAZARD]->(h:Hazard)
WHERE {_ENT} AND {_VILLAGE} AND ($hazard_status IS NULL OR h.status = $hazard_status)
  AND ($hazard_statuses IS NULL OR h.status IN $hazard_statuses)
  AND ($hazard_level IS NULL OR h.level = $hazard_level) AND ($open_only IS NULL OR h.status IN {_OPEN})
  AND ($overdue IS NULL OR (h.status IN {_OPEN} AND h.deadline < $now))
  AND ($open_for_ms IS NULL OR h.found_at < $now - $open_for_ms)
  AND ($from_ms IS NULL OR h.found_at >= $from_ms) AND ($to_ms IS NULL OR h.found_at < $to_ms)
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
        _HAZARD_SLOTS,
        ("n",),
        f"""MATCH (e:Enterprise)-[:HAS_HAZARD]->(h:Hazard)
WHERE {_ENT} AND {_VILLAGE} AND ($hazard_status IS NULL OR h.status = $hazard_status)
  AND ($hazard_statuses IS NULL OR h.status IN $hazard_statuses)
  AND ($hazard_level IS NULL OR h.level = $hazard_level) AND ($open_only IS NULL OR h.status IN {_OPEN})
  AND ($from_ms IS NULL OR h.found_at >= $from_ms) AND ($to_ms IS NULL OR h.found_at < $to_ms)
  AND ($due_within_ms IS NULL OR (h.deadline >= coalesce($due_from_ms, $now) AND h.deadline < $now + $due_within_ms))
  AND ($open_for_ms IS NULL OR h.found_at < $now - $open_for_ms)
RETURN count(h) AS n""",
        shape="count",
        key="n",
        key_kind="count",
        subject="隐患",
        examples=("云亭街道有多少条重大隐患", "待整改隐患一共几条"),
    ),
    Intent(
        "inspection_list",
        "执法检查记录（按镇街、企业、时间、检查类别如夜查筛选）",
        _INSPECTION_SLOTS,
        ("id", "enterprise_id", "enterprise", "town", "kind", "inspected_at", "findings"),
        f"""MATCH (i:Inspection)-[:INSPECTED]->(e:Enterprise)
WHERE {_ENT} AND {_VILLAGE} AND ($from_ms IS NULL OR i.inspected_at >= $from_ms) AND ($to_ms IS NULL OR i.inspected_at < $to_ms)
  AND ($inspection_kind IS NULL OR i.kind = $inspection_kind)
  AND ($inspecting_level IS NULL OR (i)<-[:CONDUCTED]-(:Department {{level: $inspecting_level}}))
  AND ($inspecting_unit IS NULL OR (i)<-[:CONDUCTED]-(:Department {{name: $inspecting_unit}}))
RETURN i.id AS id, e.id AS enterprise_id, e.name AS enterprise, e.town AS town, i.kind AS kind,
  i.inspected_at AS inspected_at, i.findings AS findings ORDER BY i.inspected_at DESC, i.id LIMIT $limit""",
        key_kind="inspection",
        item="{enterprise}（{inspected_at}，{kind}，发现问题 {findings} 项）",
        subject="执法检查",
        examples=("本月城东街道的执法检查", "上周检查了哪些企业"),
    ),
    Intent(
        "inspection_count",
        "执法检查次数统计（按镇街、企业、时间、检查类别如夜查）",
        (*_INSPECTION_SLOTS, "count_firms"),
        ("n",),
        # "查了几家企业" counts the firms inspected, "查了几次" the inspections ($count_firms)
        f"""MATCH (i:Inspection)-[:INSPECTED]->(e:Enterprise)
WHERE {_ENT} AND {_VILLAGE} AND ($from_ms IS NULL OR i.inspected_at >= $from_ms) AND ($to_ms IS NULL OR i.inspected_at < $to_ms)
  AND ($inspection_kind IS NULL OR i.kind = $inspection_kind)
  AND ($inspecting_level IS NULL OR (i)<-[:CONDUCTED]-(:Department {{level: $inspecting_level}}))
  AND ($inspecting_unit IS NULL OR (i)<-[:CONDUCTED]-(:Department {{name: $inspecting_unit}}))
WITH count(i) AS visits, count(DISTINCT e) AS firms
RETURN CASE WHEN coalesce($count_firms, false) THEN firms ELSE visits END AS n""",
        shape="count",
        key="n",
        key_kind="count",
        subject="执法检查",
        examples=("今年华士镇检查了多少次", "本月执法检查次数"),
    ),
    Intent(
        "penalty_list",
        "行政处罚记录（按镇街、企业、时间、单笔罚款金额筛选）",
        (*_ENT_SLOTS, "village", "from_ms", "to_ms", *_AMOUNT_SLOTS),
        ("id", "enterprise_id", "enterprise", "town", "amount_yuan", "decided_at", "facts"),
        f"""MATCH (e:Enterprise)-[:RECEIVED_PENALTY]->(p:Penalty)
WHERE {_ENT} AND {_VILLAGE} AND ($from_ms IS NULL OR p.decided_at >= $from_ms) AND ($to_ms IS NULL OR p.decided_at < $to_ms)
  AND {_AMOUNT}
RETURN p.id AS id, e.id AS enterprise_id, e.name AS enterprise, e.town AS town, p.amount_yuan AS amount_yuan,
  p.decided_at AS decided_at, p.facts AS facts ORDER BY p.decided_at DESC, p.id LIMIT $limit""",
        key_kind="penalty",
        item="{enterprise}：{decided_at} 罚款 {amount_yuan} 元（{facts}）",
        subject="行政处罚",
        examples=("今年有哪些企业被处罚", "临港的行政处罚记录"),
    ),
    Intent(
        "penalty_total",
        "行政处罚次数与罚款总额（按镇街、时间、单笔罚款金额）",
        (*_ENT_SLOTS, "village", "from_ms", "to_ms", *_AMOUNT_SLOTS),
        ("n", "amount_yuan"),
        f"""MATCH (e:Enterprise)-[:RECEIVED_PENALTY]->(p:Penalty)
WHERE {_ENT} AND {_VILLAGE} AND ($from_ms IS NULL OR p.decided_at >= $from_ms) AND ($to_ms IS NULL OR p.decided_at < $to_ms)
  AND {_AMOUNT}
RETURN count(p) AS n, sum(p.amount_yuan) AS amount_yuan""",
        shape="count",
        key="n",
        key_kind="count",
        subject="行政处罚",
        examples=("今年一共罚了多少钱", "处罚了几次"),
    ),
)
