"""Layout families from the plans-robust39 round (round 38's two plans as development data), on small synthetic
plans worded differently from the corpus and imported end to end: a command chain as one arrow line, groups whose
posts sit in brackets after their name, a 单位或岗位 contact column, stock rows of a 要素 | 内容 table, and a PDF
page of short numbered headings over tables."""

from __future__ import annotations

from typing import Any

from core.plan_document import EmergencyPlan
from evals.plan_corpus_render import render_docx, render_pdf
from plans.pipeline import import_plan

TITLE = "江阴澄北路桥工程有限公司桥梁施工生产安全事故应急预案"


def _import(blocks: list[dict[str, Any]], kind: str = "docx") -> EmergencyPlan:
    blocks = [{"title": TITLE}, *blocks]
    render = render_docx if kind == "docx" else render_pdf
    return import_plan(render(blocks, TITLE, None, False, None), f"plan.{kind}", ocr=None).plan


def _roles(plan: EmergencyPlan, unit: str) -> dict[str, tuple[str | None, list[str]]]:
    found = next(u for u in plan.org_units if u.name == unit)
    return {r.title: (r.holder, list(r.duties)) for r in found.roles}


def test_arrow_line_chain_gives_one_post_per_link_and_the_holders_label_its_duties() -> None:
    plan = _import([
        {"h1": "二、应急组织"},
        {"p": "工区成立应急救援指挥部，指挥顺序为：工区长（总指挥）→技术主管（副总指挥）→专职安全员（现场负责人）。"},
        {"p": "工区长：宣布启动应急响应；向公司安全部报告。"},
        {"p": "技术主管：组织抢险方案；调集吊车和人员。"},
    ])  # fmt: skip
    roles = _roles(plan, "应急救援指挥部")
    assert roles["总指挥"] == ("工区长", ["宣布启动应急响应", "向公司安全部报告"])
    assert roles["副总指挥"] == ("技术主管", ["组织抢险方案", "调集吊车和人员"])
    assert roles["现场负责人"][0] == "专职安全员"


def test_reporting_arrow_chain_with_time_brackets_gives_no_posts() -> None:
    plan = _import([
        {"h1": "二、应急组织"},
        {"p": "工区成立应急救援指挥部，总指挥：工区长。"},
        {"h1": "三、信息报告"},
        {"p": "发现人→班组长（5分钟内）→工区长（10分钟内）。"},
    ])  # fmt: skip
    assert set(_roles(plan, "应急救援指挥部")) == {"总指挥"}


def test_posts_in_brackets_after_a_group_name_are_that_groups_roles() -> None:
    plan = _import([
        {"h1": "二、应急组织"},
        {"p": "工区成立应急救援指挥部，总指挥：工区长。指挥部下设两个小组："},
        {"p": "警戒疏散组（组长：综合办主任，成员：门卫、保洁班）：负责封闭桥面和疏散行人。"},
        {"p": "医疗救护组（组长：卫生员）：负责包扎伤员、联系医院。"},
    ])  # fmt: skip
    guard = next(u for u in plan.org_units if u.name == "警戒疏散组")
    assert guard.parent == "应急救援指挥部"
    assert _roles(plan, "警戒疏散组") == {"组长": ("综合办主任", []), "成员": ("门卫、保洁班", [])}
    assert guard.duties == ["负责封闭桥面和疏散行人"]
    assert _roles(plan, "医疗救护组") == {"组长": ("卫生员", [])}


def test_unit_or_post_contact_column_reads_each_cell_as_what_it_names() -> None:
    plan = _import([
        {"h1": "六、联系方式"},
        {"table": {"rows": [["部门或岗位", "联系电话"], ["工区值班室", "0510-86501234"],
                            ["副总指挥 钱立群", "13951760042"], ["周庄派出所", "0510-86221110"]]}},
    ])  # fmt: skip
    got = {c.phone: (c.name, c.role, c.org) for c in plan.contacts}
    assert got["13951760042"] == ("钱立群", "副总指挥", "")
    assert got["0510-86501234"] == ("", "", "工区值班室")
    assert got["0510-86221110"] == ("", "", "周庄派出所")


def test_count_valued_stock_rows_of_an_element_table_are_stock_with_their_keeper() -> None:
    plan = _import([
        {"h1": "五、应急物资"},
        {"table": {"rows": [["要素", "内容"], ["救生衣", "30件（保管：综合办）"], ["汽车吊", "1台（负责人：设备科）"]]}},
    ])  # fmt: skip
    got = {r.name: (r.quantity, r.unit, r.holder) for r in plan.resources}
    assert got == {"救生衣": (30, "件", "综合办"), "汽车吊": (1, "台", "设备科")}


def test_pdf_page_of_short_numbered_headings_over_tables_keeps_its_organisation() -> None:
    # every section a 要素 | 内容 table, the section lines the only text on the page: they are headings, not
    # list items, so the org rows below them are read as the organisation part
    plan = _import([
        {"pagebreak": True},
        {"h1": "一、基本情况"},
        {"table": {"rows": [["要素", "内容"], ["适用范围", "本预案适用于澄北大桥施工中的坍塌和高处坠落事故。"]]}},
        {"h1": "二、组织机构"},
        {"table": {"rows": [["要素", "内容"], ["应急救援指挥部", "总指挥：工区长周文斌；副总指挥：技术主管林涛"],
                            ["指挥部职责", "决定启动应急响应；调集抢险力量"]]}},
        {"h1": "三、应急物资"},
        {"table": {"rows": [["要素", "内容"], ["安全绳", "20根（保管：安全科）"]]}},
    ], "pdf")  # fmt: skip
    assert _roles(plan, "应急救援指挥部")["总指挥"][0] == "工区长周文斌"
    assert next(u for u in plan.org_units if u.name == "应急救援指挥部").duties == [
        "决定启动应急响应",
        "调集抢险力量",
    ]
