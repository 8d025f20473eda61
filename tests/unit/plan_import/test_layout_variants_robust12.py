"""Layout families from the plans-robust12 round (plans written as questions and answers), one rule
each on small synthetic inputs worded differently from the corpus: a question as the heading of its
answer, answer markers dropped, duty questions as "<name>职责" headings, "一是…；二是…" answers split,
a titled post's duty list in an answer, a question heading that is no scope, "…时启动X级响应，由Y指挥"
triggers, "X组由Y任组长，负责a；负责b" duties, and "①a；②b" measures on one PDF line."""

from __future__ import annotations

from core.plan_document import EmergencyPlan
from plans.draft import PlanDraft
from plans.outline_text import outline_blocks
from plans.pipeline import extract_fields
from plans.qa_text import answer_parts, qa_blocks, question_title
from plans.sections import outline
from plans.structure import Block
from plans.table_text import aligned_tables, expand_key_value_tables
from tests.support.plan_draft import org_unit as _unit
from tests.support.plan_draft import response_level as _level
from tests.unit.plan_import.test_extractors import blocks_of


def _blocks(lines: list[str | list[list[str]]]) -> list[Block]:
    """The blocks ``import_plan`` hands to the rules."""
    return qa_blocks(outline_blocks(aligned_tables(expand_key_value_tables(blocks_of(lines)))))


def run(lines: list[str | list[list[str]]]) -> PlanDraft:
    blocks = _blocks(lines)
    draft = PlanDraft(blocks)
    extract_fields(draft, outline(blocks))
    return draft


def test_a_question_heads_its_answer_and_the_answer_marker_goes() -> None:
    blocks = _blocks(["一、总则", "【问】这份方案用在哪里？", "【答】本方案适用于码头装卸区的油品泄漏处置。"])
    assert [(b.kind, b.text) for b in blocks[1:]] == [
        ("heading", "这份方案用在哪里"),
        ("paragraph", "本方案适用于码头装卸区的油品泄漏处置。"),
    ]
    assert blocks[1].heading_level == 2
    assert [b.paragraph for b in blocks] == [0, 1, 2]


def test_a_question_without_an_answer_after_it_stays_text() -> None:
    blocks = _blocks(["一、总则", "问：还有疑问怎么办？请联系安全科。"])
    assert blocks[1].kind == "paragraph"


def test_duty_questions_become_duty_headings() -> None:
    assert question_title("Q3：救援队主要干哪些事？") == "救援队职责"
    assert question_title("2．问：办公室的职责是什么？") == "办公室职责"
    assert question_title("问：副组长在疏散时具体做什么？") == "副组长职责"
    assert question_title("Q5：物资放在哪里？") == "物资放在哪里"


def test_an_enumerated_answer_splits_into_its_parts() -> None:
    assert answer_parts("A2：一是核实灾情；二是转移群众；三是上报街道。") == [
        "核实灾情",
        "转移群众",
        "上报街道",
    ]
    assert answer_parts("答：其一，关闭总阀；其二，疏散人员") == ["关闭总阀", "疏散人员"]
    assert answer_parts("答：一是本来就有的说法。") == ["一是本来就有的说法。"]


def test_an_enumerated_answer_gives_a_unit_its_duties() -> None:
    draft = run(
        [
            "二、组织机构",
            "问：公司成立什么机构？",
            "答：公司成立防汛领导小组，组长由厂长担任。",
            "问：领导小组负责什么？",
            "答：一是组织汛前检查；二是调度抢险物资；三是向镇防汛办报告险情。",
        ]
    )
    assert _unit(draft, "防汛领导小组")["duties"] == ["组织汛前检查", "调度抢险物资", "向镇防汛办报告险情"]


def test_two_levels_in_one_enumerated_answer_are_read_apart() -> None:
    blocks = _blocks(
        [
            "三、应急处置",
            "问：分几级处置？",
            "答：一是三级响应：单台设备起火的，由班长指挥；二是二级响应：火势蔓延的，由厂长指挥。",
        ]
    )
    assert [b.text for b in blocks[2:]] == [
        "三级响应：单台设备起火的，由班长指挥",
        "二级响应：火势蔓延的，由厂长指挥",
    ]


def test_a_titled_posts_duty_list_in_an_answer_goes_on_the_post() -> None:
    draft = run(
        [
            "二、应急组织",
            "Q1：指挥部有哪些人？",
            "A1：总指挥：厂长沈明；副总指挥：安全科长钱伟。",
            "Q2：出事时总指挥要做哪些事？",
            "A2：总指挥：下达撤离命令；决定停产范围。",
        ]
    )
    roles = _unit(draft, "应急指挥部")["roles"]
    assert [(r["title"], r["holder"], r["duties"]) for r in roles] == [
        ("总指挥", "厂长沈明", ["下达撤离命令", "决定停产范围"]),
        ("副总指挥", "安全科长钱伟", []),
    ]


def test_a_question_about_the_scope_is_not_the_scope() -> None:
    draft = run(["一、总则", "Q：本方案适用于哪些场所？", "A：本方案适用于公司危废仓库的火灾处置。"])
    assert draft.data["scope"] == "本方案适用于公司危废仓库的火灾处置。"


def test_a_trigger_written_as_when_it_starts_the_level() -> None:
    draft = run(
        [
            "四、应急响应",
            "（一）Ⅱ级响应",
            "涉氨管线破裂且无法自行关断时启动Ⅱ级响应，由值班厂长指挥。主要措施：①关闭总阀；②疏散厂区人员。",
        ]
    )
    level = _level(draft, "二级")
    assert level["trigger"] == "涉氨管线破裂且无法自行关断"
    assert level["commander"] == "值班厂长"
    assert level["actions"] == ["关闭总阀", "疏散厂区人员"]


def test_a_group_appointing_its_leader_keeps_the_first_duty() -> None:
    draft = run(
        [
            "二、组织机构及职责",
            "公司成立应急指挥部，总指挥由总经理担任。",
            "（一）消防组",
            "消防组由保卫科长任组长，负责扑灭初起火灾；负责保护消防通道畅通。",
        ]
    )
    assert _unit(draft, "消防组")["duties"][:2] == ["负责扑灭初起火灾", "负责保护消防通道畅通"]


def test_circled_measures_on_one_line_under_a_level_are_several_actions() -> None:
    blocks = blocks_of(["四、应急响应", "（一）三级响应", "①切断电源；②设置警戒；③报告车间主任。"])
    blocks[2] = blocks[2].model_copy(update={"kind": "list_item"})
    draft = PlanDraft(blocks)
    extract_fields(draft, outline(blocks))
    assert _level(draft, "三级")["actions"] == ["切断电源", "设置警戒", "报告车间主任"]


def test_a_field_from_a_rewritten_bullet_reports_the_authors_line_for_review() -> None:
    from plans.models import SourceBlock
    from plans.review import review_fields, with_origins
    from plans.structure import settle_origins, stamp_origins

    parsed = blocks_of(
        [
            "三、响应分级",
            "▶ 二级（厂级）：储罐区着火且明火未扑灭｜厂长指挥｜切断进料；启动喷淋",
            "四、信息报告",
            "发现人立即报告班长。",
        ]
    )
    blocks = settle_origins(outline_blocks(stamp_origins(parsed)), parsed)
    bullet = blocks[1]
    assert bullet.origin_paragraph == 1
    assert bullet.origin_text == "▶ 二级（厂级）：储罐区着火且明火未扑灭｜厂长指挥｜切断进料；启动喷淋"
    assert "由厂长指挥" in bullet.text  # the rewrite's joining words, which the author did not write
    assert blocks[3].origin_paragraph is None and blocks[3].origin_text is None  # unchanged
    draft = PlanDraft(blocks)
    extract_fields(draft, outline(blocks))
    plan = EmergencyPlan.model_validate(
        {**draft.data, "title": "试验预案", "plan_type": "专项", "sources": draft.sources}
    )
    fields = with_origins(review_fields(plan, {}), [SourceBlock(**b.model_dump()) for b in blocks])
    commander = next(f for f in fields if f.field.endswith("/commander"))
    assert commander.value == "厂长"
    assert commander.source_origin == bullet.origin_text
    report = next(f for f in fields if f.field.startswith("/reporting/"))
    assert report.source_origin is None


def test_rewritten_twice_keeps_the_first_origin() -> None:
    from plans.structure import settle_origins, stamp_origins

    parsed = blocks_of(["二、组织机构", "● Q2：班组负责什么？", "● A2：一是巡查管线；二是关闭阀门"])
    blocks = settle_origins(qa_blocks(outline_blocks(stamp_origins(parsed))), parsed)
    assert [(b.kind, b.text) for b in blocks[1:]] == [
        ("heading", "班组职责"),
        ("list_item", "巡查管线"),
        ("list_item", "关闭阀门"),
    ]
    assert [(b.origin_paragraph, b.origin_text) for b in blocks[2:]] == [
        (2, "● A2：一是巡查管线；二是关闭阀门")
    ] * 2
