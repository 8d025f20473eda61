"""Layout families from the plans-robust43 round (round 42's open miss): a workbook's two-column sheets exported as
"|"-separated lines — one bar per line, with a header line of two column names (项目|内容, 单位|值班电话) or none —
read as the tables they stand for, on small synthetic plans worded differently from the corpus and imported end to
end (DOCX and text-layer PDF)."""

from __future__ import annotations

from typing import Any

from core.plan_document import EmergencyPlan
from evals.plan_corpus_render import render_docx, render_pdf
from plans.pipeline import import_plan

TITLE = "江阴青阳瑞丰家具有限公司喷漆房火灾事故专项应急预案"


def _import(blocks: list[dict[str, Any]], kind: str = "docx") -> EmergencyPlan:
    blocks = [{"title": TITLE}, *blocks]
    render = render_docx if kind == "docx" else render_pdf
    return import_plan(render(blocks, TITLE, None, False, None), f"plan.{kind}", ocr=None).plan


_CONTACT_SHEET: list[dict[str, Any]] = [
    {"h1": "六、外部救援电话"},
    {"p": "单位|值班电话"},
    {"p": "青阳镇应急管理办公室|0510-86511203"},
    {"p": "青阳消防救援站|0510-86512119"},
    {"p": "青阳镇卫生院|0510-86513120"},
]  # fmt: skip


def test_a_two_column_contact_sheet_gives_one_contact_per_line() -> None:
    for kind in ("docx", "pdf"):
        plan = _import(_CONTACT_SHEET, kind)
        phones = {(c.org, c.phone) for c in plan.contacts}
        assert phones == {
            ("青阳镇应急管理办公室", "0510-86511203"),
            ("青阳消防救援站", "0510-86512119"),
            ("青阳镇卫生院", "0510-86513120"),
        }, kind


_ITEM_SHEET: list[dict[str, Any]] = [
    {"h1": "一、总则"},
    {"p": "项目|内容"},
    {"p": "适用范围|本预案适用于公司青阳厂区喷漆房及油漆仓库发生火灾事故时的应急处置。"},
    {"p": "编制依据|《中华人民共和国消防法》"},
    {"h1": "四、信息报告"},
    {"p": "项目|内容"},
    {"p": "报告程序|发现火情后立即报告车间主任，车间主任10分钟内电话报告总经理。"},
    {"p": "报告内容|起火时间、地点、人员伤亡情况"},
]  # fmt: skip


def test_an_item_sheet_reads_like_the_key_value_table_it_was_exported_from() -> None:
    for kind in ("docx", "pdf"):
        plan = _import(_ITEM_SHEET, kind)
        assert plan.scope == "本预案适用于公司青阳厂区喷漆房及油漆仓库发生火灾事故时的应急处置。", kind
        rules = {(r.time_limit_minutes, r.to, r.channel) for r in plan.reporting}
        assert (10, "总经理", "电话") in rules, kind
        assert (0, "车间主任", None) in rules, kind


_POST_SHEET: list[dict[str, Any]] = [
    {"h1": "二、应急组织机构"},
    {"p": "公司成立喷漆房火灾应急指挥部，人员如下（由人员台账导出，无表头）："},
    {"p": "总指挥|朱建华"},
    {"p": "副总指挥|吴晓东"},
    {"p": "成员|各车间主任"},
]  # fmt: skip


def test_a_two_column_post_sheet_without_a_header_line_gives_the_posts() -> None:
    for kind in ("docx", "pdf"):
        plan = _import(_POST_SHEET, kind)
        roles = {(r.title, r.holder) for u in plan.org_units for r in u.roles}
        assert {("总指挥", "朱建华"), ("副总指挥", "吴晓东"), ("成员", "各车间主任")} <= roles, kind


def test_bars_in_running_text_are_not_a_sheet() -> None:
    # two lines with a bar each are too few to be a sheet; the sentence keeps its text
    blocks = [
        {"h1": "三、应急处置"},
        {"p": "喷漆房排风机启停按钮位于东门内侧|西门外侧各一处。"},
        {"p": "现场负责人：车间主任|当班班长。"},
    ]
    plan = _import(blocks)
    assert not plan.contacts
    assert not plan.org_units


def test_a_builders_site_plan_is_its_comprehensive_plan_against_construction_accidents() -> None:
    # dev files site_zhouzhuang_pm_chain / construction_site_contractor_lines name the site, not the sector
    title = "青阳污水处理厂提标改造工程施工现场生产安全事故应急预案"
    blocks = [
        {"title": title},
        {"h1": "一、适用范围"},
        {"p": "本预案适用于提标改造工程施工现场发生的基坑坍塌和机械伤害事故的应急处置。"},
    ]
    plan = import_plan(render_docx(blocks, title, None, False, None), "site.docx", ocr=None).plan
    assert plan.plan_type == "总体"
    assert {"建筑施工事故", "坍塌", "机械伤害"} <= set(plan.accident_types)


def test_a_project_department_plan_is_comprehensive_and_a_towns_stays_special() -> None:
    for title, expected in (
        ("澄江街道滨江花园三期项目部生产安全事故应急预案", "总体"),
        ("祝塘镇生产安全事故应急预案", "专项"),
    ):
        blocks = [
            {"title": title},
            {"h1": "一、适用范围"},
            {"p": "本预案适用于辖区内生产安全事故的应急处置。"},
        ]
        plan = import_plan(render_docx(blocks, title, None, False, None), "p.docx", ocr=None).plan
        assert plan.plan_type == expected, title


def _stock_plan(blocks: list[dict[str, Any]]) -> EmergencyPlan:
    return _import([{"h1": "五、应急保障"}, *blocks])


def test_a_squad_with_a_head_count_is_a_team_and_a_shift_is_not() -> None:
    # dev port_litong_wharf_front_rear writes its fire squad as "X消防班12人"
    plan = _stock_plan(
        [
            {"p": "储罐区组建专职消防班10人，实行24小时值守。"},
            {"p": "中控室实行四班三倒，每班3人；当班人员2人负责巡检。"},
        ]
    )
    teams = {(r.name, r.quantity, r.unit, r.type) for r in plan.resources}
    assert ("专职消防班", 10, "人", "救援队伍") in teams
    assert not any("班" in r.name and r.name != "专职消防班" for r in plan.resources)


def test_lifting_and_prising_tools_are_equipment() -> None:
    plan = _stock_plan(
        [
            {
                "table": {
                    "rows": [
                        ["名称", "数量", "存放地点", "保管人"],
                        ["液压千斤顶", "3台", "机修间", "黄志刚"],
                        ["手拉葫芦", "2个", "机修间", "黄志刚"],
                        ["撬棍", "5根", "仓库", "黄志刚"],
                    ]
                }
            }
        ]
    )
    assert {r.name: r.type for r in plan.resources} == {
        "液压千斤顶": "装备",
        "手拉葫芦": "装备",
        "撬棍": "装备",
    }


def test_a_geological_hazard_plan_is_against_natural_disasters() -> None:
    # dev town_yunting_geohazard_warning; the plans README (round 20): 地质灾害 is 自然灾害 in the closed list
    title = "月城镇地质灾害防治应急预案"
    blocks = [
        {"title": title},
        {"h1": "一、适用范围"},
        {"p": "本预案适用于月城镇辖区内秦望山周边滑坡、崩塌等地质灾害的应急处置。"},
    ]
    plan = import_plan(render_docx(blocks, title, None, False, None), "geo.docx", ocr=None).plan
    assert "自然灾害" in plan.accident_types
