"""Layout families from the plans-robust21 round, one rule each on small synthetic inputs worded
differently from the corpus: post lines that carry an English title before the Chinese one
("Operations Chief 事故总指挥：厂长"), and 事故总指挥 / 应急总指挥 as titles of their own."""

from __future__ import annotations

from plans.bilingual import drop_post_line_glosses
from plans.draft import PlanDraft
from plans.pipeline import extract_fields
from plans.sections import outline
from plans.structure import Block


def _paragraphs(*texts: str) -> list[Block]:
    return [Block(kind="paragraph", text=t, paragraph=n) for n, t in enumerate(texts)]


def test_an_english_title_before_a_chinese_post_line_is_dropped() -> None:
    blocks = drop_post_line_glosses(
        _paragraphs(
            "Operations Chief 事故总指挥：厂长",
            "Public Info. Officer 信息发布员：办公室文员",
            "Logistics 后勤组长: 采购经理",
            "ISO 9001 管理体系要求各部门配合。",
            "第一条 本办法适用于码头作业。",
        )
    )
    assert [b.text for b in blocks] == [
        "事故总指挥：厂长",
        "信息发布员：办公室文员",
        "后勤组长: 采购经理",
        "ISO 9001 管理体系要求各部门配合。",
        "第一条 本办法适用于码头作业。",
    ]


def test_a_glossed_post_line_becomes_a_role_of_its_unit() -> None:
    texts = (
        "江阴某港埠公司船舶火灾应急预案",
        "应急组织",
        "码头应急指挥小组",
        "Site Commander 应急总指挥：港埠公司经理",
        "Deputy Site Commander 副总指挥：调度室主任",
    )
    blocks = [
        Block(kind="paragraph", text=texts[0], paragraph=0),
        Block(kind="heading", text=texts[1], paragraph=1, heading_level=1),
        Block(kind="heading", text=texts[2], paragraph=2, heading_level=2),
        *[Block(kind="paragraph", text=t, paragraph=n) for n, t in enumerate(texts[3:], start=3)],
    ]
    rewritten = drop_post_line_glosses(blocks)
    draft = PlanDraft(rewritten)
    extract_fields(draft, outline(rewritten, title_paragraph=0))
    roles = {(r["title"], r["holder"]) for u in draft.data["org_units"] for r in u["roles"]}
    assert ("应急总指挥", "港埠公司经理") in roles
    assert ("副总指挥", "调度室主任") in roles


def test_a_level_heading_with_its_grade_in_a_bracket_keeps_the_whole_title_as_name() -> None:
    texts = (
        "江阴某码头油品装卸事故应急预案",
        "第四章 应急响应",
        "第十一条 一般溢油险情（三级响应）",
        "溢油量在50升以下时，由码头调度长指挥。关闭输油臂阀门，铺设围油栏。",
        "第十二条 较大溢油事故（二级响应）",
        "溢油进入江面时，由副总指挥指挥。请求海事部门支援。",
    )
    blocks = [
        Block(kind="paragraph", text=texts[0], paragraph=0),
        Block(kind="heading", text=texts[1], paragraph=1, heading_level=1),
        Block(kind="heading", text=texts[2], paragraph=2, heading_level=2),
        Block(kind="paragraph", text=texts[3], paragraph=3),
        Block(kind="heading", text=texts[4], paragraph=4, heading_level=2),
        Block(kind="paragraph", text=texts[5], paragraph=5),
    ]
    draft = PlanDraft(blocks)
    extract_fields(draft, outline(blocks, title_paragraph=0))
    names = {r["level"]: r["name"] for r in draft.data["response_levels"]}
    assert names == {"三级": "一般溢油险情（三级响应）", "二级": "较大溢油事故（二级响应）"}
