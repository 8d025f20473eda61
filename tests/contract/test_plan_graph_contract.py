"""Plan graph writes and reads, identical on every GraphStore adapter.

Expected facts are written out by hand from tests/support/sample_plans.py and fixture_city.py.
"""

from __future__ import annotations

import pytest

from core.errors import ConflictError, GraphError
from core.ports import GraphStore
from core.scope import DataScope, ScopeLevel
from graph.loader import GraphLoader
from graph.plan_repository import PlanGraphRepository
from plans.graph_mapping import (
    Links,
    PlanFacts,
    ProjectionContext,
    department_probe_names,
    holder_names,
    map_plan,
    resolve_links,
    resource_names_by_label,
)
from plans.review import initial_state
from tests.support.fixture_city import A, entities
from tests.support.sample_plans import chemical_plan

LINGANG = "临港经济开发区"


@pytest.fixture
def repo(graph_store: GraphStore) -> PlanGraphRepository:
    GraphLoader(graph_store).load(entities())
    repo = PlanGraphRepository(graph_store)
    repo.create_plan({"id": "PLN-1", "title": "液氨泄漏专项预案", "plan_type": "专项", "status": "未启用",
                      "town": LINGANG, "enterprise_id": A, "created_at": 1, "chunk_count": 0})  # fmt: skip
    for seq, vid in ((1, "PV-1"), (2, "PV-2")):
        repo.create_version("PLN-1", {"id": vid, "plan_id": "PLN-1", "seq": seq, "version_no": f"{seq}.0",
                                      "issue_status": "待审核", "enabled": False, "created_at": seq,
                                      "created_by": "t", "document": "{}", "review": "{}"})  # fmt: skip
    return repo


def _project(
    repo: PlanGraphRepository, version_id: str, fact_set: str, state: dict[str, str] | None = None
) -> Links:
    plan = chemical_plan()
    ctx = ProjectionContext(
        "PLN-1", version_id, fact_set, issuing_unit=plan.issuing_unit, town=LINGANG, enterprise_id=A
    )
    facts = map_plan(plan, state if state is not None else initial_state(plan, manual=True), ctx)
    cands = repo.link_candidates(
        holder_names(facts), department_probe_names(facts), resource_names_by_label(facts)
    )
    links = resolve_links(facts, cands, ctx)
    repo.project(
        plan_id="PLN-1", version_id=version_id, issue_status="已发布", fact_set=fact_set, facts=facts, links=links,
        applies_towns=[LINGANG], applies_enterprise=A, hazard_sources=repo.hazard_sources_of(A),
        plan_props={"status": "已启用", "enabled_version_id": version_id},
    )  # fmt: skip
    return links


def test_projection_links_verified_facts_to_real_nodes(repo: PlanGraphRepository) -> None:
    links = _project(repo, "PV-1", "F1")
    facts = repo.facts("PLN-1")
    assert [(lv["level"], lv["trigger"], lv["actions"]) for lv in facts["levels"]] == [
        (
            "一级",
            "液氨大量泄漏并扩散至厂外",
            ["立即启动厂区警报", "疏散下风向人员", "请求临港危化救援队增援"],
        ),
        ("二级", "泄漏控制在罐区内", ["关闭紧急切断阀"]),
    ]
    roles = {r["title"]: (r["persons"], r["departments"]) for r in facts["roles"]}
    assert roles == {
        "总指挥": (["PER-1"], []),
        "副总指挥": ([], ["D-CITY"]),
        "联络员": ([], []),
        "组长": ([], []),
    }
    assert [(u["name"], u["parent"]) for u in facts["units"]] == [
        ("应急指挥部", []),
        ("抢险救援组", ["应急指挥部"]),
    ]
    linked = {r["name"]: r["linked"] for r in facts["resources"]}
    assert linked == {
        "临港危化救援队": ["T-1"],
        "正压式空气呼吸器": ["EQ-1"],
        "王工": ["X-1"],
        "吸附棉": [],
        "应急专项资金": [],
    }
    assert facts["accident_types"] == ["危险化学品泄漏"]
    assert (
        facts["towns"] == [LINGANG] and facts["enterprises"] == [A] and facts["hazard_sources"] == ["MHS-1"]
    )
    assert sorted(u.text for u in links.unmatched) == ["吸附棉", "孙八", "钱七"]
    versions = {v["id"]: (v["enabled"], v["issue_status"]) for v in repo.versions("PLN-1")}
    assert versions == {"PV-1": (True, "已发布"), "PV-2": (False, "待审核")}


def test_reprojection_replaces_facts_and_keeps_one_enabled_version(
    repo: PlanGraphRepository, graph_store: GraphStore
) -> None:
    _project(repo, "PV-1", "F1")
    _project(repo, "PV-2", "F2")
    counts = graph_store.read(
        "MATCH (l:ResponseLevel {plan_id: 'PLN-1'}) RETURN l.fact_set AS fs, count(l) AS n"
    )
    assert counts == [{"fs": "F2", "n": 2}]
    assert graph_store.read("MATCH (:Plan {id: 'PLN-1'})-[r:APPLIES_TO]->(:Town) RETURN count(r) AS n") == [
        {"n": 1}
    ]
    assert [v["id"] for v in repo.versions("PLN-1") if v["enabled"]] == ["PV-2"]


def test_only_verified_fields_become_facts(repo: PlanGraphRepository) -> None:
    state = initial_state(chemical_plan(), manual=True)
    state["/response_levels/1/level"] = "rejected"  # the whole level goes, with its action
    state["/response_levels/0/actions/1"] = "pending"
    state["/org_units/0/roles/0/holder"] = "rejected"  # the role stays, unlinked
    state["/resources/0/name"] = "pending"
    _project(repo, "PV-1", "F1", state)
    facts = repo.facts("PLN-1")
    assert [(lv["level"], lv["actions"]) for lv in facts["levels"]] == [
        ("一级", ["立即启动厂区警报", "请求临港危化救援队增援"])
    ]
    chief = next(r for r in facts["roles"] if r["title"] == "总指挥")
    assert chief["holder"] is None and chief["persons"] == []
    assert "临港危化救援队" not in {r["name"] for r in facts["resources"]}


def test_failed_projection_leaves_previous_facts_intact(
    repo: PlanGraphRepository, graph_store: GraphStore
) -> None:
    _project(repo, "PV-1", "F1")
    # A node already holding an id the next projection will create: the unique constraint fails mid-query.
    graph_store.write("CREATE (:Action {id: 'PV-2/F2/rl0/a2', plan_id: 'other'})")
    with pytest.raises(GraphError):
        _project(repo, "PV-2", "F2")
    facts = repo.facts("PLN-1")  # traversals still work and still show version 1's facts
    assert [lv["level"] for lv in facts["levels"]] == ["一级", "二级"]
    assert {r["title"]: r["persons"] for r in facts["roles"]}["总指挥"] == ["PER-1"]
    assert [v["id"] for v in repo.versions("PLN-1") if v["enabled"]] == ["PV-1"]
    assert graph_store.read("MATCH (x:ResponseLevel) WHERE x.fact_set = 'F2' RETURN count(x) AS n") == [
        {"n": 0}
    ]


def test_disable_withdraws_facts(repo: PlanGraphRepository, graph_store: GraphStore) -> None:
    _project(repo, "PV-1", "F1")
    repo.project(plan_id="PLN-1", version_id=None, issue_status=None, fact_set="F0", facts=PlanFacts(), links=Links(),
                 applies_towns=[], applies_enterprise=None, hazard_sources=[], plan_props={"status": "未启用"})  # fmt: skip
    assert graph_store.read("MATCH (x:Role {plan_id: 'PLN-1'}) RETURN count(x) AS n") == [{"n": 0}]
    assert graph_store.read(
        "MATCH (:Plan {id: 'PLN-1'})-[r]->() WHERE type(r) <> 'HAS_VERSION' RETURN count(r) AS n"
    ) == [{"n": 0}]
    assert [v for v in repo.versions("PLN-1") if v["enabled"]] == []


def test_statistics_find_uncovered_enterprises_and_vanished_resources(
    repo: PlanGraphRepository, graph_store: GraphStore
) -> None:
    city = DataScope()
    assert [r["uscc"] for r in repo.stats_rows(city)["uncovered"]] == [A]
    _project(repo, "PV-1", "F1")
    repo.update_plan("PLN-1", {"status": "已启用"})
    rows = repo.stats_rows(city)
    assert rows["uncovered"] == [] and rows["missing"] == []
    assert rows["by_level"] == [{"level": "一级", "n": 1}, {"level": "二级", "n": 1}]
    graph_store.write("MATCH (t:RescueTeam {id: 'T-1'}) DETACH DELETE t")
    missing = repo.stats_rows(city)["missing"]
    assert [(m["plan_id"], m["resource"], m["matched_id"]) for m in missing] == [
        ("PLN-1", "临港危化救援队", "T-1")
    ]


def test_plan_scope_hides_other_towns_but_shows_city_plans(repo: PlanGraphRepository) -> None:
    repo.create_plan({"id": "PLN-CITY", "title": "江阴市生产安全事故总体应急预案", "plan_type": "总体",
                      "status": "未启用", "created_at": 2})  # fmt: skip
    huashi = DataScope(level=ScopeLevel.TOWN, town="华士镇")
    lingang = DataScope(level=ScopeLevel.TOWN, town=LINGANG)
    assert repo.get_plan("PLN-1", huashi) is None
    assert repo.get_plan("PLN-1", lingang) is not None
    assert [r["id"] for r in repo.system(huashi)] == ["PLN-CITY"]
    assert sorted(r["id"] for r in repo.system(lingang)) == ["PLN-1", "PLN-CITY"]
    repo.set_parent("PLN-1", "PLN-CITY")
    assert repo.ancestors("PLN-1") == ["PLN-CITY"]
    assert repo.get_plan("PLN-CITY", lingang)["children"] == ["PLN-1"]  # type: ignore[index]


def test_a_plan_without_versions_can_be_retired(repo: PlanGraphRepository) -> None:
    repo.create_plan(
        {"id": "PLN-NODE", "title": "部门预案节点", "plan_type": "部门", "status": "未启用", "created_at": 3}
    )
    repo.project(plan_id="PLN-NODE", version_id=None, issue_status=None, fact_set="F0", facts=PlanFacts(), links=Links(),
                 applies_towns=[], applies_enterprise=None, hazard_sources=[], plan_props={"status": "已废止"})  # fmt: skip
    assert repo.get_plan("PLN-NODE", DataScope())["status"] == "已废止"  # type: ignore[index]


def test_list_filters_templates_and_lookup_by_ids(repo: PlanGraphRepository) -> None:
    repo.create_plan(
        {"id": "PLN-CITY", "title": "江阴市防汛防台专项应急预案", "plan_type": "专项", "issuing_unit": "江阴市防汛办",
         "status": "已启用", "created_at": 5},
        version={"id": "PV-C1", "plan_id": "PLN-CITY", "seq": 1, "version_no": "2026", "issue_status": "已发布",
                 "enabled": True, "created_at": 5, "created_by": "t", "document": "{}", "review": "{}"},
    )  # fmt: skip
    city = DataScope()
    total, rows = repo.list_plans(
        city, plan_type="专项", town=None, status=None, q_text="防汛", skip=0, limit=10
    )
    assert (total, [r["id"] for r in rows]) == (1, ["PLN-CITY"])
    total, rows = repo.list_plans(city, plan_type=None, town=None, status=None, q_text=None, skip=0, limit=10)
    assert [r["id"] for r in rows] == ["PLN-CITY", "PLN-1"]  # newest first
    assert [v["version_no"] for v in repo.versions("PLN-CITY")] == ["2026"]
    huashi = DataScope(level=ScopeLevel.TOWN, town="华士镇")
    assert sorted(repo.plans_by_ids(huashi, ["PLN-1", "PLN-CITY", "nope"])) == ["PLN-CITY"]

    tid = repo.create_template(
        {"id": "TPL-1", "name": "防汛模板", "modules": "[]", "created_at": 1, "updated_at": 1}
    )
    repo.update_template(tid, {"name": "防汛防台模板", "updated_at": 2})
    assert [t["name"] for t in repo.list_templates()] == ["防汛防台模板"]
    assert repo.delete_template(tid) and repo.get_template(tid) is None


def test_response_level_plans_filter_by_level_town_and_accident_type(repo: PlanGraphRepository) -> None:
    _project(repo, "PV-1", "F1")
    city = DataScope()
    hits = repo.response_level_plans(city, level="二级", town=LINGANG, accident_type="泄漏")
    assert [(h["plan_id"], h["level_id"]) for h in hits] == [("PLN-1", "PV-1/F1/rl1")]
    assert repo.response_level_plans(city, level="三级", town=LINGANG, accident_type=None) == []
    assert repo.response_level_plans(city, level="一级", town="华士镇", accident_type=None) == []
    assert repo.response_level_plans(city, level="一级", town=None, accident_type="洪涝") == []


def test_the_chat_plan_template_reads_the_projected_facts(
    repo: PlanGraphRepository, graph_store: GraphStore
) -> None:
    """``plan_for`` (graph.intents_plans) on every engine: the enabled plan found by accident word,
    town or enterprise, with the asked level's facts and actions in order."""
    from graph.intents import BY_ID

    _project(repo, "PV-1", "F1")
    base = {"enterprise_id": None, "town": None, "accident_types": None, "response_level": None,
            "sector_fallback": None, "scope_town": None, "scope_enterprise": None, "now": 0, "limit": 50}  # fmt: skip
    cypher = BY_ID["plan_for"].cypher or ""
    rows = graph_store.read(
        cypher, base | {"accident_types": ["泄漏"], "response_level": "一级", "town": LINGANG}
    )
    assert [(r["id"], r["asked_town"], r["towns"], r["enterprises"]) for r in rows] == [
        ("PLN-1", LINGANG, [LINGANG], [A])
    ]
    assert [(lv["level"], lv["trigger"], lv["actions"]) for lv in rows[0]["levels"]] == [
        ("一级", "液氨大量泄漏并扩散至厂外", ["立即启动厂区警报", "疏散下风向人员", "请求临港危化救援队增援"])
    ]
    every_level = graph_store.read(cypher, base | {"enterprise_id": A})
    assert [lv["level"] for lv in every_level[0]["levels"]] == ["一级", "二级"]
    assert every_level[0]["asked_town"] == LINGANG  # the enterprise's town stands in for the town
    assert graph_store.read(cypher, base | {"accident_types": ["台风"]}) == []
    assert graph_store.read(cypher, base | {"town": "华士镇"}) == []  # the plan belongs to 临港
    other_town = base | {"scope_town": "华士镇"}
    assert graph_store.read(cypher, other_town) == []


def test_a_zone_plan_applies_to_every_town_its_scope_names(
    repo: PlanGraphRepository, graph_store: GraphStore
) -> None:
    """``applies_towns`` (plans.plan_scope) becomes one APPLIES_TO per known town; the chat template
    finds the plan from each of them, and a town officer of a named town sees it (not the firm's plan)."""
    from graph.intents import BY_ID

    assert {LINGANG, "华士镇"} <= set(repo.town_names())
    _project(repo, "PV-1", "F1")
    repo.create_plan({"id": "PLN-ZONE", "title": "开发区危险化学品事故专项应急预案", "plan_type": "专项",
                      "status": "未启用", "town": LINGANG, "created_at": 5})  # fmt: skip
    repo.create_version("PLN-ZONE", {"id": "PV-Z", "plan_id": "PLN-ZONE", "seq": 1, "version_no": "1.0",
                                     "issue_status": "已发布", "enabled": False, "created_at": 5,
                                     "created_by": "t", "document": "{}", "review": "{}"})  # fmt: skip
    facts = PlanFacts(accident_types=["泄漏"])
    repo.project(plan_id="PLN-ZONE", version_id="PV-Z", issue_status="已发布", fact_set="FZ", facts=facts,
                 links=Links(), applies_towns=[LINGANG, "华士镇", "无此镇"], applies_enterprise=None,
                 hazard_sources=[], plan_props={"status": "已启用", "town": LINGANG})  # fmt: skip
    base = {"enterprise_id": None, "town": None, "accident_types": ["泄漏"], "response_level": None,
            "sector_fallback": None, "scope_town": None, "scope_enterprise": None, "now": 0, "limit": 50}  # fmt: skip
    cypher = BY_ID["plan_for"].cypher or ""
    from_huashi = graph_store.read(cypher, base | {"town": "华士镇"})
    assert [(r["id"], sorted(r["towns"])) for r in from_huashi] == [("PLN-ZONE", sorted([LINGANG, "华士镇"]))]
    officer = graph_store.read(cypher, base | {"scope_town": "华士镇"})
    assert [r["id"] for r in officer] == ["PLN-ZONE"]  # PLN-1 is the firm's own plan: not his
    repo.project(plan_id="PLN-ZONE", version_id=None, issue_status=None, fact_set="FZ0", facts=PlanFacts(),
                 links=Links(), applies_towns=[LINGANG, "华士镇"], applies_enterprise=None, hazard_sources=[],
                 plan_props={"status": "未启用"})  # fmt: skip
    towns = graph_store.read("MATCH (:Plan {id: 'PLN-ZONE'})-[:APPLIES_TO]->(t:Town) RETURN t.id AS id", {})
    assert towns == []  # withdrawn: no town links left


def test_a_sector_question_also_reads_city_plans_of_other_types(
    repo: PlanGraphRepository, graph_store: GraphStore
) -> None:
    from graph.intents import BY_ID

    repo.create_plan({"id": "PLN-TRADE", "title": "江阴市工贸行业生产安全事故应急预案", "plan_type": "专项",
                      "status": "未启用", "created_at": 6})  # fmt: skip
    repo.create_version("PLN-TRADE", {"id": "PV-T", "plan_id": "PLN-TRADE", "seq": 1, "version_no": "1.0",
                                      "issue_status": "已发布", "enabled": False, "created_at": 6,
                                      "created_by": "t", "document": "{}", "review": "{}"})  # fmt: skip
    repo.project(plan_id="PLN-TRADE", version_id="PV-T", issue_status="已发布", fact_set="FT",
                 facts=PlanFacts(accident_types=["粉尘爆炸"]), links=Links(), applies_towns=[],
                 applies_enterprise=None, hazard_sources=[], plan_props={"status": "已启用"})  # fmt: skip
    base = {"enterprise_id": None, "town": None, "accident_types": ["火灾"], "response_level": None,
            "sector_fallback": None, "scope_town": None, "scope_enterprise": None, "now": 0, "limit": 50}  # fmt: skip
    cypher = BY_ID["plan_for"].cypher or ""
    assert graph_store.read(cypher, base) == []
    assert [r["id"] for r in graph_store.read(cypher, base | {"sector_fallback": True})] == ["PLN-TRADE"]
    repo.update_plan("PLN-TRADE", {"scope_excludes": ["火灾"]})  # its scope hands fires to another plan
    assert graph_store.read(cypher, base | {"sector_fallback": True}) == []
    assert [r["id"] for r in graph_store.read(cypher, base | {"accident_types": None})] == ["PLN-TRADE"]


def test_a_status_change_is_refused_when_the_status_changed_since_it_was_read(
    repo: PlanGraphRepository, graph_store: GraphStore
) -> None:
    """Probe round 3: a disable read 已启用, a retire wrote 已废止 meanwhile; the disable must not write."""
    _project(repo, "PV-1", "F1")
    repo.update_plan("PLN-1", {"status": "已废止"})  # the other request's write
    with pytest.raises(ConflictError) as refused:
        repo.project(plan_id="PLN-1", version_id=None, issue_status=None, fact_set="F-stale", facts=PlanFacts(),
                     links=Links(), applies_towns=[], applies_enterprise=None, hazard_sources=[],
                     plan_props={"status": "未启用"}, expected_status="已启用")  # fmt: skip
    assert refused.value.code == "plan_state_changed"
    assert graph_store.read("MATCH (p:Plan {id: 'PLN-1'}) RETURN p.status AS s, p.fact_set AS f") == [
        {"s": "已废止", "f": "F1"}
    ]
    assert graph_store.read("MATCH (x:ResponseLevel {plan_id: 'PLN-1'}) RETURN count(x) AS n") == [{"n": 2}]
    assert [v["id"] for v in repo.versions("PLN-1") if v["enabled"]] == ["PV-1"]
    # the status it expects is the one there: written
    repo.project(plan_id="PLN-1", version_id=None, issue_status=None, fact_set="F-now", facts=PlanFacts(),
                 links=Links(), applies_towns=[], applies_enterprise=None, hazard_sources=[],
                 plan_props={"status": "未启用"}, expected_status="已废止")  # fmt: skip
    assert graph_store.read("MATCH (x:ResponseLevel {plan_id: 'PLN-1'}) RETURN count(x) AS n") == [{"n": 0}]
