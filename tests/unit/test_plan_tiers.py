"""The plan-system rule: which existing plan a plan answers to, from its verified fields alone."""

from __future__ import annotations

import pytest

from plans.plan_tiers import PlanNode, may_parent, propose_links, propose_parent, tier_name


def node(
    pid: str, title: str, plan_type: str, unit: str, town: str | None = None, *types: str, **kw: str
) -> PlanNode:
    return PlanNode(
        id=pid,
        title=title,
        plan_type=plan_type,
        issuing_unit=unit,
        town=town,
        enterprise_id=kw.get("enterprise_id"),
        status="已启用",
        created_at=0,
        accident_types=types,
    )


CITY = node("c0", "江阴市突发事件总体应急预案", "总体", "江阴市人民政府")
CITY_GAS = node(
    "c1", "江阴市城镇燃气事故专项应急预案", "专项", "江阴市人民政府办公室", None, "燃气事故", "泄漏"
)
CITY_FLOOD = node(
    "c2", "江阴市防汛防台专项应急预案", "专项", "江阴市人民政府办公室", None, "洪涝灾害", "台风"
)
DEPT_GAS = node(
    "d1", "江阴市住房和城乡建设局燃气安全事故部门预案", "部门", "江阴市住房和城乡建设局", None, "燃气事故"
)
DEPT_SCHOOL = node("d2", "江阴市教育局校园火灾应急预案", "部门", "江阴市教育局", None, "火灾")
YC = node("t0", "月城镇突发事件总体应急预案", "总体", "江阴市月城镇人民政府", "月城镇", "火灾")
YC_GAS = node("t1", "月城镇燃气事故应急预案", "专项", "月城镇人民政府", "月城镇", "燃气事故", "火灾")
CJ_FLOOD = node(
    "t2", "长泾镇防汛防台应急预案", "专项", "长泾镇人民政府", "长泾镇", "洪涝灾害"
)  # 长泾: no 总体
SG_VILLAGE = node(
    "v1", "申港街道某某村防汛防台应急预案", "专项", "申港街道某某村村民委员会", "申港街道", "台风"
)
FIRM = node(
    "e0",
    "江阴月城恒昌燃气具有限公司生产安全事故综合应急预案",
    "总体",
    "江阴月城恒昌燃气具有限公司",
    "月城镇",
    "火灾",
    "燃气事故",
)
FIRM_SPECIAL = node(
    "e1",
    "江阴月城恒昌燃气具有限公司液化气泄漏专项应急预案",
    "专项",
    "江阴月城恒昌燃气具有限公司",
    "月城镇",
    "燃气事故",
)
FIRM_SITE = node(
    "e2",
    "充装间液化气泄漏现场处置方案",
    "现场处置方案",
    "江阴月城恒昌燃气具有限公司充装车间",
    "月城镇",
    "泄漏",
    "燃气事故",
)
PLANS = [
    CITY,
    CITY_GAS,
    CITY_FLOOD,
    DEPT_GAS,
    DEPT_SCHOOL,
    YC,
    YC_GAS,
    CJ_FLOOD,
    SG_VILLAGE,
    FIRM,
    FIRM_SPECIAL,
    FIRM_SITE,
]


@pytest.mark.parametrize(
    "child,parent",
    [
        (YC_GAS, YC),  # a town's 专项 → that town's 总体
        (CJ_FLOOD, CITY_FLOOD),  # no 长泾镇 总体 → the city 专项 of the same class
        (YC, CITY),  # a town's 总体 → the city 总体
        (CITY_GAS, CITY),
        (DEPT_GAS, CITY_GAS),  # a department's plan → the city 专项 of its sector
        (DEPT_SCHOOL, CITY),  # no city plan of its sector → the city 总体
        (SG_VILLAGE, CITY_FLOOD),  # a village of a town with no plans → the city plan of its class
        (FIRM, YC_GAS),  # a firm's 综合预案 → its town's plan of its sector
        (FIRM_SPECIAL, FIRM),  # a firm's 专项 → its own 综合预案
        (FIRM_SITE, FIRM_SPECIAL),  # a workshop's 现场处置方案 → its firm's 专项 of the same sector
    ],
)
def test_each_plan_answers_to_the_nearest_fitting_plan(child: PlanNode, parent: PlanNode) -> None:
    proposal = propose_parent(child, PLANS)
    assert proposal is not None and proposal.parent == parent.id


def test_missing_levels_are_skipped_never_invented() -> None:
    # no 月城镇 plans and no firm 综合预案: the firm's 专项 goes to the city plan of its sector
    plans = [CITY_GAS, FIRM_SPECIAL, FIRM_SITE]
    assert propose_parent(FIRM_SPECIAL, plans).parent == CITY_GAS.id  # type: ignore[union-attr]
    assert propose_parent(FIRM_SITE, plans).parent == FIRM_SPECIAL.id  # type: ignore[union-attr]
    # nothing above it at all: a root
    assert propose_parent(CITY_GAS, [CITY_GAS, FIRM_SPECIAL]) is None
    assert propose_parent(CITY, PLANS) is None
    # a firm's fire plan with no sector plan and no town plan stays a root, not under the school plan
    hotel = node("h1", "江阴澄东大酒店火灾事故专项应急预案", "专项", "江阴澄东大酒店有限公司", None, "火灾")
    assert propose_parent(hotel, [DEPT_SCHOOL, CITY_GAS, hotel]) is None


def test_a_firm_is_told_by_its_register_id_else_its_company_name() -> None:
    other = node(
        "e9", "江阴月城华泰燃气有限公司生产安全事故综合应急预案", "总体", "江阴月城华泰燃气有限公司", "月城镇"
    )
    site = node("s9", "储罐区现场处置方案", "现场处置方案", "江阴月城恒昌燃气具有限公司", "月城镇")
    assert propose_parent(site, [other, FIRM, site]).parent == FIRM.id  # type: ignore[union-attr]
    registered = node("s8", "配电房触电现场处置方案", "现场处置方案", "", "月城镇", enterprise_id="E1")
    firm_e1 = node("f8", "某厂综合应急预案", "总体", "江阴某某五金厂", "月城镇", enterprise_id="E1")
    assert propose_parent(registered, [FIRM, firm_e1, registered]).parent == firm_e1.id  # type: ignore[union-attr]


def test_a_plan_with_a_parent_keeps_it_and_links_never_go_up_the_order() -> None:
    linked = PlanNode(**{**YC_GAS.__dict__, "parents": ("c1",)})
    assert all(p.child != linked.id for p in propose_links([*PLANS[:6], linked]))
    for p in propose_links(PLANS):
        child = next(n for n in PLANS if n.id == p.child).__dict__
        parent = next(n for n in PLANS if n.id == p.parent).__dict__
        assert may_parent(child, parent) and not may_parent(parent, child)


def test_tiers_read_the_issuer_as_well_as_the_register() -> None:
    # a firm's 综合预案 filed under its town only is still a 企业 plan, not a second 总体
    assert tier_name(FIRM.__dict__) == "企业" and tier_name(YC.__dict__) == "总体"
    assert tier_name({"plan_type": "专项", "issuing_unit": "江阴市第一人民医院"}) == "企业"
    assert tier_name({"plan_type": "部门", "issuing_unit": "江阴市消防救援大队"}) == "部门"
    # within one tier: a firm's 综合 above its 专项; the city's 专项 above a town's 专项
    assert may_parent(FIRM_SPECIAL.__dict__, FIRM.__dict__) and not may_parent(
        FIRM.__dict__, FIRM_SPECIAL.__dict__
    )
    assert may_parent(CJ_FLOOD.__dict__, CITY_FLOOD.__dict__) and not may_parent(
        CITY_FLOOD.__dict__, CJ_FLOOD.__dict__
    )
    assert not may_parent(
        YC_GAS.__dict__, node("x", "长泾镇燃气事故应急预案", "专项", "长泾镇人民政府", "长泾镇").__dict__
    )


def test_a_department_plan_takes_only_children_of_the_domain_its_title_names() -> None:
    road = node(
        "d3", "江阴市交通运输局道路危险货物运输事故应急预案", "部门", "江阴市交通运输局", None, "泄漏", "火灾"
    )
    grain = node(
        "d4",
        "江阴市粮食和物资储备局储备库生产安全事故应急预案",
        "部门",
        "江阴市粮食和物资储备局",
        None,
        "粉尘爆炸",
    )
    city_chem = node(
        "c3", "江阴市危险化学品事故专项应急预案", "专项", "江阴市人民政府办公室", None, "危险化学品事故"
    )
    plans = [road, grain, city_chem, CITY]
    chem_firm = node(
        "f1",
        "江阴澄华精细化工有限公司危险化学品泄漏事故专项应急预案",
        "专项",
        "江阴澄华精细化工有限公司",
        None,
        "危险化学品事故",
    )
    haulier = node(
        "f2",
        "江阴澄达物流有限公司道路危险货物运输事故专项应急预案",
        "专项",
        "江阴澄达物流有限公司",
        None,
        "危险化学品事故",
    )
    dye_works = node(
        "f3",
        "江阴澄美印染有限公司有限空间作业事故专项应急预案",
        "专项",
        "江阴澄美印染有限公司",
        None,
        "有限空间",
    )
    granary = node(
        "f4",
        "粮库熏蒸作业中毒现场处置方案",
        "现场处置方案",
        "江阴市澄西粮食储备库有限公司",
        None,
        "中毒和窒息",
    )
    assert propose_parent(chem_firm, [*plans, chem_firm]).parent == city_chem.id  # type: ignore[union-attr]
    assert propose_parent(haulier, [*plans, haulier]).parent == road.id  # type: ignore[union-attr]
    assert propose_parent(dye_works, [*plans, dye_works]).parent == CITY.id  # type: ignore[union-attr]
    assert propose_parent(granary, [*plans, granary]).parent == grain.id  # type: ignore[union-attr]


def test_the_sector_of_its_accident_types_outweighs_a_word_of_its_title() -> None:
    housing = node(
        "d5", "江阴市建设工程施工安全事故应急预案", "部门", "江阴市住房和城乡建设局", None, "建筑施工事故"
    )
    schools = node("d6", "江阴市教育局校园安全事故应急预案", "部门", "江阴市教育局", None, "火灾")
    site = node(
        "s1",
        "南闸实验小学体育馆工程施工现场应急预案",
        "总体",
        "江苏澄安建设工程有限公司南闸项目部",
        None,
        "建筑施工事故",
        "高处坠落",
    )
    assert propose_parent(site, [schools, housing, site]).parent == housing.id  # type: ignore[union-attr]
    # no 建筑施工事故 read from the document: the builder's trade (建设) still tells it
    untyped = PlanNode(**{**site.__dict__, "accident_types": ("高处坠落",)})
    assert propose_parent(untyped, [schools, housing, untyped]).parent == housing.id  # type: ignore[union-attr]
    # a park's dangerous-goods warehouse is no road haulier: not under the transport bureau's plan
    road = node(
        "d3", "江阴市交通运输局道路危险货物运输事故应急预案", "部门", "江阴市交通运输局", None, "泄漏"
    )
    store = node(
        "w1", "江阴某物流园危险货物仓储火灾事故应急预案", "专项", "江阴某物流园管理处", None, "火灾", "泄漏"
    )
    assert propose_parent(store, [road, CITY, store]).parent == CITY.id  # type: ignore[union-attr]


def test_a_firm_answers_to_its_towns_general_plan_not_a_sector_plan_filed_as_总体() -> None:
    """A town may file a sector plan (地质灾害防治, 森林防火) as 总体; a firm of another trade belongs
    under the town's general plan, not under whichever of the two has the lower id."""
    forest = node("t3", "周庄镇森林火灾应急预案", "总体", "周庄镇人民政府", "周庄镇", "森林火灾")
    general = node(  # a general plan lists every kind of accident, 森林火灾 among them
        "t4",
        "周庄镇突发事件总体应急预案",
        "总体",
        "周庄镇人民政府",
        "周庄镇",
        "危险化学品事故",
        "洪涝灾害",
        "森林火灾",
    )
    firm = node(
        "e9", "江阴周庄华宏纺织有限公司生产安全事故综合应急预案", "总体", "江阴周庄华宏纺织有限公司", "周庄镇"
    )

    proposal = propose_parent(firm, [forest, general, firm])

    assert proposal is not None and proposal.parent == "t4" and proposal.reason == "所在镇街总体预案"


def test_a_graph_plan_row_becomes_a_node_with_the_summary_fields_and_every_accident_type() -> None:
    row = {"id": "p9", "title": "璜土镇危险化学品事故专项应急预案", "plan_type": None, "issuing_unit": None,
           "town": "璜土镇", "enterprise_id": None, "status": "已启用", "accident_category": "危险化学品事故",
           "enabled_version_id": "v9", "parents": ["c0"]}  # fmt: skip
    fallback = PlanNode.of(row)
    assert (fallback.plan_type, fallback.issuing_unit, fallback.accident_types) == (
        "专项",
        "",
        ("危险化学品事故",),
    )
    assert fallback.parents == ["c0"] and fallback.enabled_version_id == "v9" and fallback.status == "已启用"
    typed = PlanNode.of(row, ["危险化学品事故", "火灾", "危险化学品事故"])
    assert typed.accident_types == ("危险化学品事故", "火灾")
    assert not propose_links([typed, CITY])  # it has a parent already: kept
