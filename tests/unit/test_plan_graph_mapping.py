"""plan → graph rows and link resolution, without a graph."""

from __future__ import annotations

from plans.graph_mapping import Candidates, ProjectionContext, map_plan, resolve_links
from plans.review import initial_state
from tests.support.sample_plans import chemical_plan

CTX = ProjectionContext("PLN-1", "PV-1", "F1", issuing_unit="江阴市澄星化工有限公司", town="临港经济开发区")


def test_rows_carry_plan_version_and_fact_set_and_source_pointer() -> None:
    facts = map_plan(chemical_plan(), initial_state(chemical_plan(), manual=True), CTX)
    assert facts.counts() == {
        "response_levels": 2,
        "actions": 4,
        "org_units": 2,
        "roles": 4,
        "resources": 5,
        "accident_types": 1,
    }
    level = facts.levels[0]
    assert (level["id"], level["plan_id"], level["fact_set"], level["field"], level["rank"]) == (
        "PV-1/F1/rl0",
        "PLN-1",
        "F1",
        "/response_levels/0",
        1,
    )
    assert facts.unit_parents == [{"src": "PV-1/F1/ou1", "dst": "PV-1/F1/ou0"}]
    assert [a["seq"] for a in facts.actions if a["level_id"] == "PV-1/F1/rl0"] == [1, 2, 3]


def test_pending_and_rejected_fields_are_left_out() -> None:
    plan = chemical_plan()
    state = {"/response_levels/0/level": "accepted", "/response_levels/0/actions/2": "edited", "/response_levels/0/trigger": "rejected",
             "/org_units/1/name": "accepted", "/org_units/1/parent": "accepted", "/resources/1/name": "accepted"}  # fmt: skip
    facts = map_plan(plan, state, CTX)
    assert [(lv["level"], lv["trigger"]) for lv in facts.levels] == [("一级", None)]
    assert [a["text"] for a in facts.actions] == ["请求临港危化救援队增援"]
    assert [u["name"] for u in facts.units] == [
        "抢险救援组"
    ] and facts.unit_parents == []  # parent unit not verified
    assert facts.roles == []  # role title of 孙八 still pending
    assert [(r["name"], r["type"], r["quantity"]) for r in facts.resources] == [
        ("正压式空气呼吸器", "其他", None)
    ]


def test_links_pick_jurisdiction_and_unit_and_report_the_rest() -> None:
    plan = chemical_plan()
    facts = map_plan(plan, initial_state(plan, manual=True), CTX)
    cands = Candidates(
        persons=[
            {
                "id": "P-A",
                "name": "李四",
                "enterprise_id": "E1",
                "enterprise": "江阴市澄星化工有限公司",
                "enterprise_town": "临港经济开发区",
            },
            {
                "id": "P-B",
                "name": "李四",
                "enterprise_id": "E2",
                "enterprise": "江阴市别家公司",
                "enterprise_town": "临港经济开发区",
            },
            {"id": "P-C", "name": "李四", "department": "华士镇安监办", "department_town": "华士镇"},
            {
                "id": "P-D",
                "name": "孙八",
                "enterprise_id": "E3",
                "enterprise": "甲",
                "enterprise_town": "临港经济开发区",
            },
            {
                "id": "P-E",
                "name": "孙八",
                "enterprise_id": "E4",
                "enterprise": "乙",
                "enterprise_town": "临港经济开发区",
            },
        ],
        departments=[{"id": "D-CITY", "name": "江阴市应急管理局", "town": None}],
        resources={
            "RescueTeam": [{"id": "T-1", "name": "临港危化救援队", "town": "临港经济开发区"}],
            "Equipment": [
                {"id": "EQ-1", "name": "正压式空气呼吸器", "town": None},
                {"id": "EQ-2", "name": "正压式空气呼吸器", "town": None},
            ],
            "Expert": [
                {"id": "X-1", "name": "王工", "town": "临港经济开发区"},
                {"id": "X-2", "name": "王工", "town": "华士镇"},
            ],
        },
    )
    links = resolve_links(facts, cands, CTX)
    assert links.persons == [
        {"src": "PV-1/F1/ou0/r0", "dst": "P-A"}
    ]  # the 李四 of the issuing unit, in the town
    assert links.role_departments == [{"src": "PV-1/F1/ou0/r1", "dst": "D-CITY"}]
    assert {k: [x["dst"] for x in v] for k, v in links.resources.items()} == {
        "RescueTeam": ["T-1"],
        "Expert": ["X-1"],
    }
    unmatched = {(u.kind, u.text): (u.reason, u.candidates) for u in links.unmatched}
    assert unmatched == {
        ("person", "钱七"): ("图谱中未找到该人员或单位", []),
        ("person", "孙八"): ("多个同名人员，无法确定", ["P-D", "P-E"]),
        ("resource", "正压式空气呼吸器"): ("多个同名资源，无法确定", ["EQ-1", "EQ-2"]),
        ("resource", "吸附棉"): ("图谱中未找到该资源", []),
    }
    assert facts.resources[0]["matched_id"] == "T-1" and "matched_id" not in facts.resources[1]


def test_town_officials_may_hold_roles_in_an_enterprise_plan_but_other_towns_staff_may_not() -> None:
    plan = chemical_plan()
    ctx = ProjectionContext("PLN-1", "PV-1", "F1", town="临港经济开发区", enterprise_id="E1")
    facts = map_plan(plan, initial_state(plan, manual=True), ctx)
    facts.roles[2]["holder"] = "临港经济开发区安监办钱七"
    facts.roles[3]["holder"] = "孙八"
    cands = Candidates(
        persons=[
            {
                "id": "P-Q",
                "name": "钱七",
                "department": "临港经济开发区安监办",
                "department_town": "临港经济开发区",
            },
            {"id": "P-S", "name": "孙八", "department": "华士镇安监办", "department_town": "华士镇"},
        ]
    )
    links = resolve_links(facts, cands, ctx)
    assert links.persons == [{"src": facts.roles[2]["id"], "dst": "P-Q"}]
    sun = next(u for u in links.unmatched if u.text == "孙八")
    assert (sun.reason, sun.candidates) == ("同名人员不在预案适用辖区内", ["P-S"])
