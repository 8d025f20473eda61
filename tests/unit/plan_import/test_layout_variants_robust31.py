"""Layout families from the plans-robust31 round, on small synthetic inputs worded differently from the
corpus: posts with a head count ("设指挥长1名，由…担任"), a reporting section headed "X报告", a plan
titled by its prevention work (防汛 / 防火), accident types named in the purpose sentence, a body's duty
line ("X值班：…"), a 负责部门 column and a PDF table whose header row sits alone at a page foot."""

from __future__ import annotations

from plans.pdf_foot_header import foot_header_row
from plans.pdf_layout import _FontStats, _layer_blocks, _Line
from plans.rules_contacts import unit_or_role
from plans.rules_meta import plan_type_of
from plans.sections import classify_heading
from plans.structure import Block
from tests.support.plan_draft import extract_blocks, numbered_blocks


def _data(*blocks: tuple[str, object]) -> dict:
    return extract_blocks(numbered_blocks(*blocks))


def test_posts_with_a_head_count_give_their_holders() -> None:
    data = _data(
        ("p", "云亭街道防汛防台应急预案"),
        ("h1", "二、组织机构"),
        ("p", "街道成立防汛防台指挥部。指挥部设指挥长1名，由街道办事处主任担任；副指挥长两名，由分管城建的副主任"
              "和水利站站长担任；成员由各社区主任组成。"),
    )  # fmt: skip
    roles = [(r["title"], r["holder"]) for u in data["org_units"] for r in u["roles"]]
    assert ("指挥长", "街道办事处主任") in roles
    assert ("副指挥长", "分管城建的副主任和水利站站长") in roles


def test_a_heading_ending_in_report_is_the_reporting_section() -> None:
    assert classify_heading("险情报告") == "应急响应/信息报告"
    assert classify_heading("灾情报送") == "应急响应/信息报告"
    # the report written after the event is not the reporting procedure
    assert classify_heading("事故调查报告") != "应急响应/信息报告"
    data = _data(
        ("p", "长寿村防汛防台应急预案"),
        ("h1", "四、险情报告"),
        ("p", "巡查人员发现险情后立即电话报告村防汛工作组；村防汛工作组接报后15分钟内电话报告镇防汛办。"),
    )  # fmt: skip
    limits = sorted((r["time_limit_minutes"], r["to"]) for r in data["reporting"])
    assert (15, "镇防汛办") in limits


def test_a_plan_named_by_its_prevention_work_is_a_special_plan() -> None:
    assert plan_type_of("华士镇防汛防台应急预案")[0] == "专项"
    assert plan_type_of("江阴某纺织有限公司消防应急预案")[0] == "专项"
    assert plan_type_of("华士镇突发事件总体应急预案")[0] == "总体"


def test_accident_types_named_in_the_purpose_sentence_count() -> None:
    data = _data(
        ("p", "江阴某五金有限公司生产安全事故应急预案"),
        ("h1", "1 总则"),
        ("h2", "1.1 编制目的"),
        ("p", "为有效预防和处置本公司可能发生的中毒和窒息、灼烫等事故，保障员工安全，制定本预案。"),
        ("h2", "1.2 适用范围"),
        ("p", "本预案适用于本公司生产经营过程中发生的生产安全事故。"),
    )  # fmt: skip
    assert {"中毒和窒息", "灼烫"} <= set(data["accident_types"])


def test_a_bodys_duty_line_is_its_org_with_the_duty_as_role() -> None:
    assert unit_or_role("设备动力科值班") == {"role": "值班", "org": "设备动力科"}
    assert unit_or_role("值班长") == {"role": "值班长", "org": ""}


def test_a_responsible_department_column_holds_the_resource() -> None:
    data = _data(
        ("p", "江阴某化纤有限公司综合应急预案"),
        ("h1", "6 应急保障"),
        ("table", [["物资名称", "数量", "存放位置", "负责部门"], ["干粉灭火器", "40具", "各车间", "设备部"]]),
    )  # fmt: skip
    extinguisher = next(r for r in data["resources"] if r["name"] == "干粉灭火器")
    assert extinguisher["holder"] == "设备部"


def test_a_header_row_alone_at_a_page_foot_heads_the_table_on_the_next_page() -> None:
    page1 = [
        _Line("4.2 应急响应分级", 12.5, False, 1, 150.0, 700.0),
        _Line("响应级别", 9.5, False, 2, 90.0, 760.0),
        _Line("适用情形", 9.5, False, 2, 190.0, 760.0),
        _Line("响应负责人", 9.5, False, 2, 380.0, 760.0),
    ]
    body, header = foot_header_row(page1, 842.0)
    assert header == ["响应级别", "适用情形", "响应负责人"]
    out: list[Block] = []
    fonts = _FontStats()
    _layer_blocks(body, [((0.0, 761.0, 595.0, 762.0), [header])], 1, fonts, out)
    rows = [["Ⅱ级", "事故影响局限于车间", "车间主任"], ["Ⅰ级", "事故超出车间处置能力", "总经理"]]
    _layer_blocks([], [((60.0, 60.0, 530.0, 120.0), rows)], 2, fonts, out)
    tables = [b for b in out if b.kind == "table"]
    assert len(tables) == 1 and tables[0].cells == [header, *rows]


def test_a_signature_line_at_the_page_foot_stays_text() -> None:
    lines = [
        _Line("编制：王明", 11.0, False, 3, 150.0, 760.0),
        _Line("审核：李强", 11.0, False, 3, 300.0, 760.0),
    ]
    assert foot_header_row(lines, 842.0) == (lines, None)


def test_a_consequence_in_the_purpose_is_no_accident_type() -> None:
    data = _data(
        ("p", "江阴某化工有限公司储罐区泄漏事故专项应急预案"),
        ("h1", "1 总则"),
        ("h2", "1.1 编制目的"),
        ("p", "规范储罐泄漏的处置程序，防止泄漏物料引发中毒和窒息。"),
    )  # fmt: skip
    assert "中毒和窒息" not in data["accident_types"]


def test_a_roster_post_named_after_a_body_stays_the_post() -> None:
    assert unit_or_role("保卫科值班", duty_desk=False) == {"role": "保卫科值班", "org": ""}


def test_a_purpose_and_scope_section_keeps_its_scope_types() -> None:
    # one "目的和范围" section: its sentence is the scope too, so every type it names counts
    data = _data(
        ("p", "江阴某制药有限公司突发事件应急预案"),
        ("h1", "1 目的和范围"),
        ("p", "本预案适用于公司合成车间发生的泄漏、灼烫等突发事件。"),
    )  # fmt: skip
    assert {"泄漏", "灼烫"} <= set(data["accident_types"])
