"""Layout families from the plans-robust9 outside-author plans, one rule each on small synthetic inputs
worded differently from the corpus: a PDF running header that repeats the cover title, short lines
and typed-list rows that end their paragraph, 第X部分 parts, appendix headings, a group name alone on
its line, posts padded apart on one line, "组长为…", duty headings for a unit and for a post, "a）"
items, level fields under their own sub-headings or in 【】 labels, a transposed warning table, a
list typed in columns, a roster's department column, a reporting table, a team counted after a
comma, experts, and a body formed "to provide" something."""

from __future__ import annotations

import pymupdf

from plans.draft import PlanDraft
from plans.pdf_parser import parse_pdf
from plans.pipeline import extract_fields
from plans.sections import classify_heading, outline
from plans.structure import split_number
from plans.table_text import aligned_tables, expand_key_value_tables
from tests.support.plan_docs import CJK_FONT
from tests.support.plan_draft import org_unit as _unit
from tests.support.plan_draft import response_level as _level
from tests.support.plan_draft import unit_roles as _roles
from tests.unit.plan_import.test_extractors import blocks_of


def run(lines: list[str | list[list[str]]]) -> PlanDraft:
    """The pipeline's rule order over the blocks ``import_plan`` would see (tables read as text and
    typed columns read as tables first)."""
    blocks = aligned_tables(expand_key_value_tables(blocks_of(lines)))
    draft = PlanDraft(blocks)
    extract_fields(draft, outline(blocks))
    return draft


def _pdf(pages: list[list[tuple[float, float, str, float]]]) -> bytes:
    """Pages of (x, y, text, size) lines."""
    doc = pymupdf.open()
    for lines in pages:
        page = doc.new_page(width=595, height=842)
        page.insert_font(fontname="wqy", fontfile=str(CJK_FONT))
        for x, y, text, size in lines:
            page.insert_text((x, y), text, fontname="wqy", fontsize=size)
    return bytes(doc.tobytes())


_FULL = "根据港区作业特点和周边环境条件，结合本单位实际情况编写本方案，请各部门认真执"  # reaches the margin


def test_a_pdf_header_repeating_the_cover_title_leaves_the_title_in_place() -> None:
    title = "某某港务公司船舶火灾事故应急预案"
    page = [
        (200, 40, title, 9),
        (120, 78, title, 18),
        (60, 140, "一、总则", 15),
        (60, 180, "为做好工作。", 10.5),
    ]
    data = _pdf([page, [(200, 40, title, 9), (60, 140, "二、组织机构", 15)]])
    texts = [b.text for b in parse_pdf(data, ocr=None).blocks]
    assert texts[0] == title  # the large copy on the cover is the title; the small ones are headers
    assert texts.count(title) == 1


def test_pdf_short_lines_end_their_paragraph_also_over_a_page_break() -> None:
    data = _pdf(
        [
            [(60, 120, _FULL, 10.5), (60, 137, "行。", 10.5), (60, 154, "抢修分队", 10.5),
             (60, 171, "由工程科负责。", 10.5), (250, 790, "二〇二五年三月", 10.5)],
            [(250, 100, "修订说明", 10.5), (60, 140, _FULL, 10.5), (60, 157, "行。", 10.5)],
        ]
    )  # fmt: skip
    texts = [b.text for b in parse_pdf(data, ocr=None).blocks]
    assert texts == [
        _FULL + "行。",
        "抢修分队",
        "由工程科负责。",
        "二〇二五年三月",
        "修订说明",
        _FULL + "行。",
    ]


def test_pdf_rows_of_a_typed_list_stay_apart_unless_a_row_breaks_after_a_comma() -> None:
    # rows padded out to the margin, as a typed list often is; the last row breaks inside a list
    rows = [(60, 120, _FULL, 10.5), (60, 137, "行。", 10.5)]
    rows += [
        (60, 160 + 17 * n, f"调度中心{'　' * 16}值班员{'　' * 8}0510-8000000{n}", 10.5) for n in range(3)
    ]
    rows += [(60, 230, f"成员：工程科{'　' * 30}、", 10.5), (60, 247, "安全科", 10.5)]
    texts = [b.text for b in parse_pdf(_pdf([rows]), ocr=None).blocks]
    assert sum("调度中心" in t for t in texts) == 3  # one block per row
    assert any(t.endswith("、安全科") for t in texts)  # a list broken after 、 runs on


def test_parts_nest_above_their_sections_and_appendices_say_so_first() -> None:
    blocks = blocks_of(["第一部分　总则", "一、编制目的", "第二篇　组织指挥", "一、领导小组", "组长：区长"])
    assert [(b.number, b.heading_level) for b in blocks[:4]] == [
        ("第一部分", 1), ("一", 2), ("第二篇", 1), ("一", 2),
    ]  # fmt: skip
    assert classify_heading("领导小组") == "组织机构及职责"
    assert classify_heading("附件3　应急响应程序图") == "附件"
    assert classify_heading("附录B　处置流程") == "附件"


def test_latin_letter_items_are_list_items() -> None:
    numbering = split_number("b）审定年度演练计划；")
    assert (
        numbering is not None and numbering.family == "latin_half" and numbering.rest == "审定年度演练计划；"
    )
    assert split_number("a.m.集合") is None


def test_a_group_name_alone_on_its_line_heads_the_text_below() -> None:
    draft = run([
        "三、组织机构",
        "区政府成立燃气事故应急领导小组，区长任组长。",
        "领导小组根据需要派出以下队伍：",
        "抢修分队",
        "由工程科负责，队长为工程科副科长，成员为维修班职工。负责管网抢修；负责恢复供气。",
        "宣传分队",
        "由办公室负责，队长为办公室主任。负责信息发布。",
    ])  # fmt: skip
    assert _roles(draft, "抢修分队") == [("队长", "工程科副科长"), ("成员", "维修班职工")]
    assert _unit(draft, "抢修分队")["duties"] == ["负责管网抢修", "负责恢复供气"]
    assert _unit(draft, "宣传分队")["parent"] == "燃气事故应急领导小组"  # a sibling, not a child
    assert _roles(draft, "宣传分队") == [("队长", "办公室主任")]


def test_posts_padded_apart_on_one_line_are_separate_roles() -> None:
    draft = run([
        "二、指挥体系",
        "区政府设立防台风指挥部。",
        "指挥长：区长　　副指挥长：分管副区长　　成员单位：水利局、气象局、各街道",
        "（一）转移组",
        "组长：民政局局长　成员：各社区",
    ])  # fmt: skip
    assert _roles(draft, "防台风指挥部") == [
        ("指挥长", "区长"), ("副指挥长", "分管副区长"), ("成员单位", "水利局、气象局、各街道"),
    ]  # fmt: skip
    assert _roles(draft, "转移组") == [("组长", "民政局局长"), ("成员", "各社区")]


def test_duty_headings_give_the_unit_its_duties_and_a_post_its_own() -> None:
    draft = run([
        "3 应急组织",
        "3.1 应急领导小组",
        "组长：厂长",
        "3.1.1 领导小组职责",
        "a）统筹全厂事故应急工作；",
        "b）审定应急演练计划。",
        "3.1.2 组长职责",
        "a）主持应急会议；",
        "b）签发响应指令。",
        "3.2 专业小组职责",
        "3.2.1 疏散引导组",
        "a）引导员工撤离；",
        "b）清点集合人数。",
        "3.2.2 设备抢修组",
        "a）抢修受损设备。",
    ])  # fmt: skip
    assert _unit(draft, "应急领导小组")["duties"] == ["统筹全厂事故应急工作", "审定应急演练计划"]
    assert _unit(draft, "应急领导小组")["roles"] == [
        {"title": "组长", "holder": "厂长", "duties": ["主持应急会议", "签发响应指令"]}
    ]
    assert _unit(draft, "疏散引导组")["duties"] == ["引导员工撤离", "清点集合人数"]
    assert _unit(draft, "设备抢修组")["duties"] == ["抢修受损设备"]
    assert "专业小组" not in [u["name"] for u in draft.data["org_units"]]


def test_an_office_whose_duties_follow_a_comma_introduction() -> None:
    draft = run([
        "二、组织机构",
        "公司成立应急指挥部。",
        "应急办公室设在生产科，是指挥部的常设机构，主要职责如下：",
        "（1）值守应急电话；",
        "（2）汇总上报信息。",
    ])  # fmt: skip
    assert _unit(draft, "应急办公室")["duties"] == ["值守应急电话", "汇总上报信息"]


def test_level_fields_under_their_own_sub_headings() -> None:
    draft = run([
        "5 应急响应",
        "5.2 分级响应",
        "5.2.1 Ⅱ级响应",
        "5.2.1.1 启动条件",
        "码头前沿发生船舶碰撞，需要拖轮协助的。",
        "5.2.1.2 响应指挥",
        "由港务部经理负责指挥，经理不在时由值班长指挥。",
        "5.2.1.3 响应措施",
        "（1）调派拖轮赶赴现场；",
        "（2）暂停相邻泊位作业。",
        "5.3 响应终止",
    ])  # fmt: skip
    level = _level(draft, "二级")
    assert level["trigger"] == "码头前沿发生船舶碰撞，需要拖轮协助的"
    assert level["commander"] == "港务部经理"
    assert level["actions"] == ["调派拖轮赶赴现场", "暂停相邻泊位作业"]


def test_level_paragraph_with_bracketed_labels() -> None:
    draft = run([
        "四、响应",
        "（二）分级响应",
        "二级响应【启动条件】仓库内多个货架起火。【指挥】值班厂长。【措施】①启动喷淋系统；②疏散库区人员。",
        "三级响应〔启动条件〕单个货架冒烟。〔指挥〕仓库主管。〔措施〕①使用灭火器扑救。",
    ])  # fmt: skip
    second = _level(draft, "二级")
    assert (second["name"], second["trigger"], second["commander"]) == (
        "二级响应",
        "仓库内多个货架起火",
        "值班厂长",
    )
    assert second["actions"] == ["启动喷淋系统", "疏散库区人员"]
    assert _level(draft, "三级")["actions"] == ["使用灭火器扑救"]


def test_a_warning_table_with_one_column_per_colour() -> None:
    draft = run([
        "三、预警",
        [
            ["级别", "黄色", "红色"],
            ["发布条件", "河道水位接近警戒线", "河道水位超过保证水位"],
            ["发布单位", "区防办", "区防指"],
        ],
    ])  # fmt: skip
    warnings = [(w["level"], w["color"], w["criteria"]) for w in draft.data["warning_levels"]]
    assert warnings == [("一级", "红色", "河道水位超过保证水位"), ("三级", "黄色", "河道水位接近警戒线")]


def test_a_list_typed_in_columns_is_read_as_a_contact_table() -> None:
    draft = run([
        "附件　联络表",
        "部　门　　　　　联系人　　岗　位　　　　电话",
        "调度中心　　　　陈小兵　　调度长　　　　13900000011",
        "维修车间　　　　值班员　　24小时　　　　0510-80000012",
    ])  # fmt: skip
    contacts = {c["phone"]: (c["name"], c["role"], c["org"]) for c in draft.data["contacts"]}
    assert contacts == {
        "13900000011": ("陈小兵", "调度长", "调度中心"),
        "0510-80000012": ("值班员", "24小时", "维修车间"),
    }


def test_a_roster_gives_the_department_as_the_contacts_unit() -> None:
    draft = run([
        "附件",
        [
            ["应急小组", "应急职务", "姓名", "所在部门", "手机"],
            ["通讯联络组", "组长", "周二", "行政部", "13900000021"],
        ],
    ])  # fmt: skip
    assert draft.data["contacts"] == [
        {"name": "周二", "role": "组长", "org": "行政部", "phone": "13900000021"}
    ]


def test_a_reporting_table_gives_one_rule_per_row() -> None:
    draft = run([
        "4 信息报告",
        [
            ["时限", "报告人", "接报单位", "方式"],
            ["立即", "岗位工", "班长", "对讲机"],
            ["15分钟内", "班长", "厂调度室", "电话"],
            ["2小时内", "安全科", "区应急局", "书面材料"],
        ],
    ])  # fmt: skip
    assert draft.data["reporting"] == [
        # a site radio is a channel (round 29 in sentences; round 41's convention: "the 方式 cell the channel, 对讲机
        # included"), in a table as in a sentence
        {"time_limit_minutes": 0, "to": "班长", "channel": "对讲机"},
        {"time_limit_minutes": 15, "to": "厂调度室", "channel": "电话"},
        {"time_limit_minutes": 120, "to": "区应急局", "channel": "书面"},
    ]


def test_a_team_counted_after_a_comma_and_experts_counted_in_people() -> None:
    draft = run([
        "六、保障措施",
        "厂里成立兼职抢险队，共12人，由设备科负责管理。",
        "街道组建防汛专家组，现有专家6名，由水利站统一调度。",
        "仓库存放泡沫灭火装置3套、中和剂5吨。",
    ])  # fmt: skip
    stock = {r["name"]: (r["type"], r["quantity"], r["unit"], r["holder"]) for r in draft.data["resources"]}
    assert stock == {
        "兼职抢险队": ("救援队伍", 12.0, "人", "设备科"),
        "防汛专家组": ("专家", 6.0, "名", "水利站"),
        "泡沫灭火装置": ("装备", 3.0, "套", None),
        "中和剂": ("物资", 5.0, "吨", None),
    }


def test_a_body_formed_to_provide_support_gets_that_duty() -> None:
    draft = run([
        "二、组织体系",
        "县政府设立地震应急指挥部。",
        "技术顾问组",
        "指挥部邀请结构、岩土专业人员组成技术顾问组，为抢险方案的制定提供咨询意见。",
    ])  # fmt: skip
    assert _unit(draft, "技术顾问组")["duties"] == ["为抢险方案的制定提供咨询意见"]
