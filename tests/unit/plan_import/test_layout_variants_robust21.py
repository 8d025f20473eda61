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
