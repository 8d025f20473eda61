"""Layout families from the plans-robust6 held-out pair, one rule each on small synthetic inputs:
key-value tables (项目 | 内容, a titled per-level table) read as the text they stand for, a
"指挥机构：X" row naming the body, warning criteria that repeat the colour, a dash where a table has
no 配合单位, labelled shelters, a "、"-joined run of report time limits, a commander framed by
"在上级…统一指挥下", and a department's topic plan typed 部门."""

from __future__ import annotations

import pytest

from plans.draft import PlanDraft
from plans.pipeline import extract_fields
from plans.sections import outline
from plans.table_text import expand_key_value_tables, key_value_rows
from tests.support.plan_draft import org_unit as _unit
from tests.unit.plan_import.test_extractors import blocks_of


def run(lines: list[str | list[list[str]]]) -> PlanDraft:
    """The pipeline's rule order, with key-value tables expanded first as ``import_plan`` does."""
    blocks = expand_key_value_tables(blocks_of(lines))
    draft = PlanDraft(blocks)
    extract_fields(draft, outline(blocks))
    return draft


def test_a_key_value_table_becomes_headings_and_label_paragraphs_renumbered() -> None:
    table = [
        ["事项", "要求"],
        ["编制目的", "为做好某项工作，制定本预案。"],
        ["工作原则", "统一指挥、分级负责。"],
    ]
    blocks = expand_key_value_tables(blocks_of(["一、总则", table, "二、附则"]))
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "一、总则"),
        ("heading", "编制目的"),  # a sub-section of 总则: a heading
        ("paragraph", "为做好某项工作，制定本预案。"),
        ("paragraph", "工作原则：统一指挥、分级负责。"),  # the section's own subject: a label paragraph
        ("heading", "二、附则"),
    ]
    assert [b.paragraph for b in blocks] == list(range(5))
    assert blocks[1].heading_level == 2


@pytest.mark.parametrize(
    "table",
    [
        [
            ["级别", "启动条件"],
            ["一级", "发生较大事故"],
            ["二级", "发生一般事故"],
        ],  # a real header: by column
        [["单位", "电话"], ["某局", "0510-80000003"]],
        [["项目", "内容", "备注"], ["甲", "乙", "丙"]],  # three columns
        [["项目", "内容"], ["这是一句很长的话，不是一个标签", "乙"]],  # the left column is no label
    ],
)
def test_tables_with_meaningful_columns_keep_their_grid(table: list[list[str]]) -> None:
    assert key_value_rows(table) is None


def test_a_key_value_org_table_names_the_body_its_posts_duties_and_office() -> None:
    org = [
        ["名称", "内容"],
        ["指挥机构", "某镇安全生产应急指挥部（以下简称镇指挥部）"],
        ["总指挥", "镇长"],
        ["成员单位", "甲办、乙所、丙站"],
        ["主要职责", "统一领导应急工作；决定启动响应"],
        ["办事机构", "镇指挥部办公室设在甲办，办公室主任由甲办主任兼任"],
        ["办公室职责", "负责值班值守；汇总信息"],
    ]
    draft = run(["二、组织机构", org, "镇指挥部下设2个工作组：", [["工作组", "牵头单位", "配合单位", "主要职责"],
                 ["抢险组", "丙站", "—", "负责现场抢险"], ["警戒组", "乙所", "甲办", "负责警戒"]]])  # fmt: skip
    hq = _unit(draft, "某镇安全生产应急指挥部")
    assert hq["parent"] is None
    assert hq["duties"] == ["统一领导应急工作", "决定启动响应"]
    assert [(r["title"], r["holder"]) for r in hq["roles"]] == [
        ("总指挥", "镇长"),
        ("成员单位", "甲办、乙所、丙站"),
    ]
    office = _unit(draft, "镇指挥部办公室")
    assert (office["parent"], office["duties"]) == ("某镇安全生产应急指挥部", ["负责值班值守", "汇总信息"])
    assert office["roles"] == [{"title": "主任", "holder": "甲办主任", "duties": []}]
    assert _unit(draft, "抢险组")["parent"] == "某镇安全生产应急指挥部"
    assert [r["title"] for r in _unit(draft, "抢险组")["roles"]] == ["牵头单位"]  # "—": no 配合单位


def test_a_titled_per_level_table_is_read_as_a_level_section() -> None:
    level = [["二级响应（橙色）", ""], ["启动条件", "发生一般事故"], ["指挥人员", "副总指挥"],
             ["响应措施", "1.成员到岗；2.设置警戒"]]  # fmt: skip
    draft = run(["三、应急响应", level])
    (entry,) = draft.data["response_levels"]
    assert entry["level"] == "二级"
    assert (entry["trigger"], entry["commander"]) == ("发生一般事故", "副总指挥")
    assert entry["actions"] == ["成员到岗", "设置警戒"]


def test_warning_criteria_may_repeat_the_colour_and_the_level_cell_is_a_label() -> None:
    table = [
        ["预警级别", "颜色", "发布条件"],
        ["一级", "红色", "气象台发布暴雨红色预警"],
        ["四级", "蓝色", "气象台发布暴雨蓝色预警"],
    ]
    draft = run(["三、预警", table])
    assert [(w["level"], w["criteria"]) for w in draft.data["warning_levels"]] == [
        ("一级", "气象台发布暴雨红色预警"),
        ("四级", "气象台发布暴雨蓝色预警"),
    ]


def test_reporting_and_shelters_written_as_key_value_rows() -> None:
    report = [
        ["项目", "内容"],
        [
            "报告程序",
            "村委会发现险情后立即电话报告镇办公室；镇办公室30分钟内电话报告市应急局，1小时内书面报告。",
        ],
    ]
    shelters = [["项目", "内容"], ["避灾安置点", "某镇中学、某村文化礼堂"]]
    draft = run(["四、信息报告", report, "五、应急保障", shelters])
    assert [(r["time_limit_minutes"], r["to"], r["channel"]) for r in draft.data["reporting"]] == [
        (0, "镇办公室", "电话"),
        (30, "市应急局", "电话"),
        (60, "市应急局", "书面"),
    ]
    assert [(r["type"], r["name"]) for r in draft.data["resources"]] == [
        ("避难场所", "某镇中学"),
        ("避难场所", "某村文化礼堂"),
    ]


def test_a_run_of_time_limits_joined_by_a_dunhao_carries_the_recipient() -> None:
    draft = run(["3 信息报告", "事发单位应在20分钟内电话报告某局值班室、1小时内书面报告、3小时内续报进展。"])
    assert [(r["time_limit_minutes"], r["to"], r["channel"]) for r in draft.data["reporting"]] == [
        (20, "某局值班室", "电话"),
        (60, "某局值班室", "书面"),
        (180, "某局值班室", None),
    ]


def test_a_commander_framed_by_the_higher_command_is_the_one_named_after_you() -> None:
    draft = run(["4 应急响应", "4.1 Ⅰ级响应", "(1) 启动条件：发生特别重大事故。",
                 "(2) 指挥：在省级指挥机构统一指挥下，由某局指挥部总指挥组织本系统力量配合。"])  # fmt: skip
    assert draft.data["response_levels"][0]["commander"] == "某局指挥部总指挥"


@pytest.mark.parametrize(
    ("issuer", "plan_type"),
    [
        ("江阴市某某局", "部门"),
        ("江阴市某某委员会", "部门"),
        ("江阴市人民政府办公室", "专项"),
        ("某镇人民政府", "专项"),
    ],
)
def test_a_topic_plan_issued_by_a_department_is_a_department_plan(issuer: str, plan_type: str) -> None:
    draft = run(["某市桥梁垮塌事故应急预案", issuer, "2025年1月2日", "1 总则"])
    assert draft.data["plan_type"] == plan_type
