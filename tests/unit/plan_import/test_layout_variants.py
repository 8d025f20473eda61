"""Layouts real plans use that the sample corpus first lacked: transposed level tables, padded role
labels, duty lists under a "职责：" line, two phone columns, contacts in running text, accident-class
level names, running page headers and wrapped titles in PDFs. Small synthetic inputs, one rule each."""

from __future__ import annotations

from typing import Any

import pymupdf
import pytest

from plans.draft import PlanDraft
from plans.pdf_parser import parse_pdf, running_texts
from plans.rules_levels import level_of
from tests.support.plan_docs import CJK_FONT
from tests.support.plan_draft import org_unit as _unit
from tests.support.plan_draft import response_level as _level
from tests.unit.plan_import.test_extractors import run


def test_transposed_response_table_with_one_column_per_level() -> None:
    draft = run(
        [
            "四、应急响应",
            [
                ["项目", "一级响应", "二级响应"],
                ["启动条件", "发生重大泄漏的", "发生一般泄漏的"],
                ["指挥", "厂长", "值班长"],
                ["措施", "疏散全厂；请求消防支援", "关闭阀门"],
            ],
        ]
    )
    assert [r["level"] for r in draft.data["response_levels"]] == ["一级", "二级"]
    first = _level(draft, "一级")
    assert (first["name"], first["trigger"], first["commander"]) == ("一级响应", "发生重大泄漏的", "厂长")
    assert first["actions"] == ["疏散全厂", "请求消防支援"]
    assert _level(draft, "二级")["actions"] == ["关闭阀门"]


def test_a_table_with_levels_in_rows_is_not_transposed() -> None:
    draft = run(
        [
            "四、应急响应",
            [
                ["响应级别", "启动条件", "指挥"],
                ["一级", "发生火灾的", "厂长"],
                ["二级", "发生泄漏的", "班长"],
            ],
        ]
    )
    assert [(r["level"], r["commander"]) for r in draft.data["response_levels"]] == [
        ("一级", "厂长"),
        ("二级", "班长"),
    ]


def test_padded_role_labels_duty_lists_and_groups_led_in_items() -> None:
    draft = run(
        [
            "二、组织机构及职责",
            "（一）应急领导小组",
            "组\u3000长：厂长",
            "成  员：各车间主任",
            "领导小组主要职责：",
            "1. 决定启动应急响应；",
            "2. 调配全厂应急物资。",
            "（二）领导小组办公室",
            "办公室设在安环科，主任由安环科科长担任，负责日常值守。",
            "（三）现场工作组",
            "1. 抢险组：由设备科牵头，组长为设备科科长。负责设备抢修和堵漏。",
        ]
    )
    group = _unit(draft, "应急领导小组")
    assert {(r["title"], r["holder"]) for r in group["roles"]} == {("组长", "厂长"), ("成员", "各车间主任")}
    assert group["duties"] == ["决定启动应急响应", "调配全厂应急物资"]
    office = _unit(draft, "领导小组办公室")
    assert office["parent"] == "应急领导小组"  # without a 指挥部 the 领导小组 heads the organisation
    repair = _unit(draft, "抢险组")
    assert repair["parent"] == "应急领导小组"
    assert repair["roles"] == [{"title": "组长", "holder": "设备科科长", "duties": []}]
    assert repair["duties"] == ["负责设备抢修和堵漏"]


def test_contact_table_with_office_and_mobile_columns() -> None:
    draft = run(
        [
            "六、附件",
            [
                ["姓名", "职务", "办公电话", "手机"],
                ["张伟", "厂长", "0510-86001111", "13912345678"],
                ["值班室", "24小时值班", "0510-86002222 / 0510-86003333", ""],
            ],
        ]
    )
    by_phone = {c["phone"]: (c["name"], c["role"]) for c in draft.data["contacts"]}
    assert by_phone == {
        "0510-86001111": ("张伟", "厂长"),
        "13912345678": ("张伟", "厂长"),
        "0510-86002222": ("值班室", "24小时值班"),
        "0510-86003333": ("值班室", "24小时值班"),
    }


def test_contacts_listed_in_running_text() -> None:
    draft = run(
        [
            "五、应急响应",
            "发生中毒时立即拨打120求援。",
            "六、联系方式",
            "组长王海，电话13900001111；副组长李娜，电话13900002222；急救电话120。",
        ]
    )
    contacts = {c["phone"]: c for c in draft.data["contacts"]}
    assert (contacts["13900001111"]["name"], contacts["13900001111"]["role"]) == ("王海", "组长")
    assert (contacts["13900002222"]["name"], contacts["13900002222"]["role"]) == ("李娜", "副组长")
    assert contacts["120"]["role"] == "急救电话"  # named in the contact list, unlike "拨打120求援"


def test_an_emergency_number_only_dialled_is_not_a_contact() -> None:
    draft = run(["五、应急响应", "发生火灾时立即拨打119报警。"])
    assert draft.data["contacts"] == []


def test_the_plan_declares_its_type_and_a_bureau_issues_it() -> None:
    draft = run(
        [
            "澄南市交通运输局道路运输事故应急预案",
            "澄南市交通运输局",
            "一、总则",
            "（一）适用范围",
            "本预案适用于道路运输事故。本预案为部门预案，是《XX市专项应急预案》的配套预案。",
        ]
    )
    assert draft.data["plan_type"] == "部门"
    assert draft.data["issuing_unit"] == "澄南市交通运输局"


def test_a_plan_that_is_only_a_companion_of_a_special_plan_keeps_its_title_type() -> None:
    draft = run(["XX镇总体应急预案", "一、总则", "本预案是《XX市专项应急预案》的配套预案。"])
    assert draft.data["plan_type"] == "总体"


def test_response_levels_named_by_accident_class() -> None:
    draft = run(
        [
            "一、总则",
            "(一)响应分级",
            "应急响应分为特别重大、重大、较大和一般四级。",
            "二、应急响应",
            "(一)特别重大事故响应：发生特别重大事故的，由市政府负责指挥。",
            "(二)重大事故响应：发生重大事故时，由市应急管理局局长负责指挥。",
        ]
    )
    assert [r["level"] for r in draft.data["response_levels"]] == ["一级", "二级", "三级", "四级"]
    first, second = _level(draft, "一级"), _level(draft, "二级")
    assert (first["name"], first["trigger"], first["commander"]) == (
        "特别重大事故响应",
        "发生特别重大事故",
        "市政府",
    )
    assert (second["trigger"], second["commander"]) == ("发生重大事故", "市应急管理局局长")


def test_level_of_reads_numbers_and_accident_classes() -> None:
    assert [level_of(t) for t in ("Ⅱ级响应", "重大", "特别重大事故响应", "一般事件", "项目")] == [
        "二级",
        "二级",
        "一级",
        "四级",
        None,
    ]


def test_running_headers_and_footers_are_found_by_repetition() -> None:
    pages = [
        {1: "XX公司应急预案（V2）", 2: "第1页"},
        {3: "XX公司应急预案（V2）", 4: "第2页"},
        {5: "一、总则"},
    ]
    assert running_texts(pages) == {"XX公司应急预案（V#）", "第#页"}  # digits do not tell pages apart
    assert running_texts([{1: "一、总则"}, {2: "二、组织机构"}]) == set()


def _pdf(pages: list[list[tuple[float, str, float]]]) -> bytes:
    doc = pymupdf.open()
    for lines in pages:
        page = doc.new_page(width=595, height=842)
        page.insert_font(fontname="wqy", fontfile=str(CJK_FONT))
        for y, text, size in lines:
            page.insert_text((60, y), text, fontname="wqy", fontsize=size)
    return bytes(doc.tobytes())


def test_pdf_running_header_neither_becomes_a_block_nor_splits_a_paragraph() -> None:
    header = (40, "XX公司有限空间应急预案（V2.0）", 9)
    long_line = "负责现场警戒、人员疏散和伤员转运以及与外部救援力量的联络配合工"
    data = _pdf(
        [
            [
                header,
                (120, "一、组织机构", 16),
                (160, "抢险组：由设备科牵头。", 10.5),
                (800, long_line, 10.5),
            ],
            [header, (120, "作和信息报送。", 10.5), (160, "二、应急响应", 16)],
        ]
    )
    texts = [b.text for b in parse_pdf(data, ocr=None).blocks]
    assert not any("V2.0" in t for t in texts)
    assert long_line + "作和信息报送。" in texts


def test_pdf_title_wrapped_onto_two_lines_is_one_heading() -> None:
    title = "江阴某某纺织印染有限公司有限空间作业事故专项应急预"
    body = "为了及时有效地处置有限空间作业事故，保障作业人员生命安全，制定本预案。"
    data = _pdf(
        [[(80, title, 20), (110, "案", 20), (160, "一、总则", 16), (200, body, 10.5), (230, body, 10.5)]]
    )
    blocks = parse_pdf(data, ocr=None).blocks
    assert blocks[0].kind == "heading"
    assert blocks[0].text == title + "案"


def test_docx_bold_line_without_heading_style_is_a_sub_heading_of_its_chapter() -> None:
    import io

    import docx

    from plans.docx_parser import parse_docx

    document = docx.Document()
    for text, bold in (
        ("第2章 组织机构及职责", True),
        ("镇防汛防台指挥部", True),
        ("总 指 挥：镇长", False),
        ("重点说明", False),  # short but not bold: a paragraph
    ):
        document.add_paragraph().add_run(text).bold = bold
    buffer = io.BytesIO()
    document.save(buffer)
    blocks = parse_docx(buffer.getvalue()).blocks
    assert [(b.kind, b.heading_level) for b in blocks] == [
        ("heading", 1),
        ("heading", 2),  # inside chapter 2, not a new chapter
        ("paragraph", None),
        ("paragraph", None),
    ]
    draft = run(["第2章 组织机构及职责", "总 指 挥：镇长"])
    assert draft.data["org_units"][0]["roles"] == [{"title": "总指挥", "holder": "镇长", "duties": []}]


def test_running_text_level_sentence_drops_the_leading_when() -> None:
    draft = run(["三、应急响应", "当发生较大洪涝灾害时，启动Ⅲ级应急响应，由镇长负责指挥。"])
    level = _level(draft, "三级")
    assert (level["trigger"], level["commander"]) == ("发生较大洪涝灾害", "镇长")


@pytest.mark.parametrize(
    ("sentence", "levels"),
    [
        ("本预案的应急响应由高到低分为一级响应、二级响应和三级响应。", ["一级", "二级", "三级"]),
        ("应急响应级别分为三级：一级（公司级）、二级（车间级）、三级（班组级）。", ["一级", "二级", "三级"]),
        ("应急响应分为特别重大、重大、较大和一般四级。", ["一级", "二级", "三级", "四级"]),
        ("事故分为特别重大、重大、较大和一般四个等级。发生事故后启动应急响应。", []),  # accident grades
    ],
)
def test_level_enumerations_in_running_text(sentence: str, levels: list[str]) -> None:
    draft = run(["一、总则", "（一）响应分级", sentence])
    assert [r["level"] for r in draft.data["response_levels"]] == levels


def test_pdf_numbered_line_with_a_colon_in_the_heading_font_is_a_heading() -> None:
    body = "各单位应当按照本预案要求，做好应急联系人员和联系电话的更新与报送工作。"
    data = _pdf(
        [[(80, "一、总则", 16), (120, body, 10.5), (150, body, 10.5), (190, "六、附件：应急联系表", 16)]]
    )
    blocks = parse_pdf(data, ocr=None).blocks
    assert (blocks[-1].kind, blocks[-1].text) == ("heading", "六、附件：应急联系表")


@pytest.mark.parametrize(
    ("sentence", "phone", "contact"),
    [
        (
            "事故发生后立即报告公司应急办公室（电话：0510-86001234）。",
            "0510-86001234",
            ("", "", "公司应急办公室"),
        ),
        ("安全科科长李明（手机13812345678）负责现场联络。", "13812345678", ("李明", "科长", "安全科")),
        ("总指挥：王强 13900001111", "13900001111", ("王强", "总指挥", "")),
        ("值班电话：0510-86805678。", "0510-86805678", ("", "值班电话", "")),
        ("消防救援站：119；医院急救：120。", "119", ("", "", "消防救援站")),
    ],
)
def test_who_a_number_in_running_text_reaches(
    sentence: str, phone: str, contact: tuple[str, str, str]
) -> None:
    draft = run(["六、联系方式", sentence])
    found = next(c for c in draft.data["contacts"] if c["phone"] == phone)
    assert (found["name"], found["role"], found["org"]) == contact


def _text_resources(sentence: str) -> list[dict[str, Any]]:
    from plans.rules_resources import extract_text_resources
    from plans.sections import outline
    from tests.unit.plan_import.test_extractors import blocks_of

    blocks = blocks_of(["五、保障措施", sentence])
    draft = PlanDraft(blocks)
    extract_text_resources(draft, outline(blocks))
    resources: list[dict[str, Any]] = draft.data["resources"]
    return resources


def test_resources_in_running_text_with_more_units_and_a_keeper() -> None:
    found = _text_resources("仓库储备吸油毡200kg、消防水带20卷、泡沫液5桶，由仓库保管员管理。")
    assert [(r["name"], r["quantity"], r["unit"], r["holder"]) for r in found] == [
        ("吸油毡", 200.0, "kg", "仓库保管员"),
        ("消防水带", 20.0, "卷", "仓库保管员"),
        ("泡沫液", 5.0, "桶", "仓库保管员"),
    ]


def test_team_head_count_when_the_team_is_named_in_the_same_phrase() -> None:
    found = _text_resources("公司应急救援队伍共有队员25人，配备消防车2辆。")
    assert [(r["type"], r["name"], r["quantity"]) for r in found] == [
        ("救援队伍", "公司应急救援队伍", 25.0),
        ("装备", "消防车", 2.0),
    ]


def test_working_group_table_with_padded_role_headers() -> None:
    draft = run(
        [
            "二、组织机构及职责",
            "公司成立应急指挥部。",
            [["组别", "组\u3000长", "职责"], ["警戒疏散组", "保卫科科长", "负责现场警戒"]],
        ]
    )
    group = _unit(draft, "警戒疏散组")
    assert group["roles"] == [{"title": "组长", "holder": "保卫科科长", "duties": []}]
