"""Chat intent over the digital plans: which enabled plan applies, and what its response level says.

It reads the verified facts a published plan projected into the graph (``graph.plan_queries``):
``(Plan)-[:APPLIES_TO]->(AccidentType|Town|Enterprise)`` for what the plan covers and
``(Plan)-[:HAS_RESPONSE_LEVEL]->(ResponseLevel)-[:REQUIRES_ACTION]->(Action)`` for who commands and
what comes first. Only enabled plans count (``status = '已启用'``), under the same plan scope as the
plan pages (``PLAN_SCOPE``: a town user sees its town's and city-level plans), where a public plan whose
scope names the user's town (a zone's plan over its streets, ``plans.plan_scope``) is its town's too.

Which of the matching plans comes first (the named enterprise's own, then the town's, then the
city's) is decided after the query, in ``agents.chat.plan_guide``: it depends on who issued each
plan, which the graph holds only as the issuing unit's name.
"""

from __future__ import annotations

from graph.intent_base import Intent
from graph.plan_queries import PLAN_SCOPE

# Accident words match both ways ("泄漏" finds a plan typed "危险化学品泄漏", and the reverse).
# A plan whose scope hands the accident to another plan (``Plan.scope_excludes``) is not offered for it.
# ``sector_fallback`` (a sector was named) also reads the city-level plans whatever types they list: a
# sector's general plan may stand in for an accident its scope does not list (``agents.chat.plan_guide``).
# A 突发事件总体应急预案 covers every emergency of its place (突发事件应对法: natural disasters, accidents,
# public health and social safety events), whatever accident types were read from its scope.
# The named enterprise's town stands in for an unnamed town: its town's plans apply to it.
# An enterprise user also reads the plans filed under its firm's town (``seat``): the town's plans are the
# ones its own plan hands over to, and which plans are listed is decided in ``agents.chat.plan_guide``
# (another firm's plan filed there is never listed).
_PLAN_FOR = f"""OPTIONAL MATCH (asked:Enterprise {{id: $enterprise_id}})
OPTIONAL MATCH (caller:Enterprise {{id: $scope_enterprise}})
WITH coalesce($town, asked.town) AS place, caller.town AS seat
MATCH (p:Plan {{status: '已启用'}})
WITH place, seat, p, [(p)-[:APPLIES_TO]->(a:AccidentType) | a.name] AS types,
  [(p)-[:APPLIES_TO]->(t:Town) | t.id] AS towns,
  [(p)-[:APPLIES_TO]->(x:Enterprise) | x.id] AS enterprises
WHERE ({PLAN_SCOPE}
    OR (p.enterprise_id IS NULL AND $scope_enterprise IS NULL AND $scope_town IN towns)
    OR (p.enterprise_id IS NULL AND seat IS NOT NULL AND (p.town = seat OR seat IN towns)))
  AND ($accident_types IS NULL
    OR any(a IN types WHERE any(w IN $accident_types WHERE a CONTAINS w OR w CONTAINS a))
    OR (coalesce($sector_fallback, false) AND p.town IS NULL AND p.enterprise_id IS NULL)
    OR (p.plan_type = '总体' AND p.title CONTAINS '突发事件'))
  AND NOT any(w IN coalesce($accident_types, []) WHERE w IN coalesce(p.scope_excludes, []))
  AND (place IS NULL OR p.town IS NULL OR p.town = place OR place IN towns)
  AND ($enterprise_id IS NULL OR p.enterprise_id IS NULL OR p.enterprise_id = $enterprise_id
    OR $enterprise_id IN enterprises)
OPTIONAL MATCH (p)-[:HAS_RESPONSE_LEVEL]->(l:ResponseLevel)
WHERE $response_level IS NULL OR l.level = $response_level
OPTIONAL MATCH (l)-[:REQUIRES_ACTION]->(act:Action)
WITH place, p, types, towns, enterprises, l, act ORDER BY act.seq
WITH place, p, types, towns, enterprises, l, collect(act.text) AS actions
ORDER BY l.rank
WITH place, p, types, towns, enterprises,
  collect(CASE WHEN l IS NULL THEN NULL ELSE
    {{level: l.level, name: l.name, trigger: l.trigger, commander: l.commander, actions: actions}} END) AS levels
RETURN p.id AS id, p.title AS title, p.plan_type AS plan_type, p.issuing_unit AS issuing_unit,
  p.town AS town, p.enterprise_id AS enterprise_id, p.enabled_version_no AS version_no,
  types AS accident_types, towns, enterprises, levels, place AS asked_town,
  [(p)-[:REQUIRES_RESOURCE]->(r:PlanResource) | {{name: r.name, quantity: r.quantity, unit: r.unit, holder: r.holder}}] AS resources
ORDER BY p.title, p.id LIMIT $limit"""

PLAN_INTENTS: tuple[Intent, ...] = (
    Intent(
        "plan_for",
        "适用的应急预案与响应级别：按事故类型、镇街、企业找已启用的预案，给出该级响应的指挥和首要措施",
        ("enterprise_id", "town", "accident_types", "response_level", "sector_fallback"),
        (
            "id",
            "title",
            "plan_type",
            "issuing_unit",
            "town",
            "enterprise_id",
            "version_no",
            "accident_types",
            "towns",
            "enterprises",
            "levels",
            "asked_town",
            "resources",
        ),
        _PLAN_FOR,
        key_kind="plan",
        item="{title}（{plan_type}）",
        subject="应急预案",
        examples=("危化品泄漏应该启动哪个预案", "临港发生二级危化品泄漏，谁指挥，先做什么"),
    ),
)

__all__ = ["PLAN_INTENTS"]
