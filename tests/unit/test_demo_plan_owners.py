"""Whose a sample plan is when ``make demo`` files it (``api.demo_plan_owners``): a firm's plan goes to its
own demo firm or its town, never city-wide; public plans keep the town their name says or the city."""

from __future__ import annotations

from api.demo_plan_owners import Owner, owner

TOWNS = ["新桥镇", "祝塘镇", "澄江街道"]
FIRMS = [
    {"id": "E-1", "name": "江阴新桥兴达纺织有限公司", "town": "新桥镇"},
    {"id": "E-2", "name": "江阴新桥恒丰化工有限公司", "town": "新桥镇"},
    {"id": "E-3", "name": "江阴祝塘宏大五金有限公司", "town": "祝塘镇"},
]


def _plan(issuer: str, title: str = "生产安全事故综合应急预案", plan_type: str = "总体") -> dict[str, str]:
    return {"issuing_unit": issuer, "title": title, "plan_type": plan_type}


def test_a_firm_the_city_holds_owns_its_plan() -> None:
    assert owner(_plan("江阴祝塘宏大五金有限公司"), "祝塘镇", "", FIRMS, TOWNS) == Owner("祝塘镇", "E-3")


def test_an_unknown_firm_goes_to_its_town_and_to_no_other_firm() -> None:
    # 恒丰化工 of the same town is another company: the plan is the town's to see, not 恒丰's own
    assert owner(_plan("江阴新桥瑞丰化工有限公司"), "新桥镇", "", FIRMS, TOWNS) == Owner("新桥镇")


def test_an_unknown_firm_without_a_town_in_its_name_goes_to_its_seat() -> None:
    body = "本公司位于祝塘镇工业园区，东邻祝塘镇卫生院，险情时报告祝塘镇应急办。"
    got = owner(
        _plan("江阴宏远机械有限公司", "叉车伤害现场处置方案", "现场处置方案"), None, body, FIRMS, TOWNS
    )
    assert got == Owner("祝塘镇")


def test_a_firms_plan_placed_nowhere_goes_to_the_town_of_the_likest_firm_never_the_city() -> None:
    assert owner(_plan("江阴某某化工有限公司"), None, "", FIRMS, TOWNS) == Owner("新桥镇")


def test_public_plans_keep_their_town_or_the_city() -> None:
    assert owner(
        _plan("江阴市人民政府办公室", "江阴市危险化学品事故专项应急预案", "专项"), None, "", FIRMS, TOWNS
    ) == Owner(None)
    assert owner(
        _plan("新桥镇人民政府", "新桥镇防汛防台应急预案", "专项"), "新桥镇", "", FIRMS, TOWNS
    ) == Owner("新桥镇")


def test_a_hospital_goes_to_its_town_not_to_a_firm() -> None:
    body = "本院地处澄江街道，火灾时向澄江街道办事处报告。"
    assert owner(_plan("江阴市某某医院", "火灾事故应急预案", "专项"), None, body, FIRMS, TOWNS) == Owner(
        "澄江街道"
    )


def test_a_plan_with_no_issuer_read_and_no_public_body_in_its_title_goes_to_its_seat() -> None:
    body = "会展中心位于澄江街道，活动期间由澄江街道派出所配合疏散。"
    venue = _plan("", "江阴市会展中心大型展会踩踏事故应急预案", "专项")
    assert owner(venue, None, body, FIRMS, TOWNS) == Owner("澄江街道")
    brigade = _plan("", "江阴市消防救援大队危险化学品火灾扑救作战预案", "部门")  # a department's, city-wide
    assert owner(brigade, None, body, FIRMS, TOWNS) == Owner(None)
