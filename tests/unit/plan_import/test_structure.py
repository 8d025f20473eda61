"""Parsers: ordered blocks, heading numbering and levels, tables with merged cells, PDF pages."""

from __future__ import annotations

import io

import docx
import pymupdf
import pytest

from plans.docx_parser import parse_docx
from plans.pdf_parser import parse_pdf
from plans.structure import Block, assign_heading_levels, classify_line, split_number
from tests.support.plan_docs import CJK_FONT, PLAN, docx_bytes, pdf_bytes


@pytest.mark.parametrize(
    ("text", "number", "family", "depth"),
    [
        ("第一章 总则", "第一章", "chapter", 1),
        ("1 总则", "1", "decimal", 1),
        ("1.1 编制目的", "1.1", "decimal", 2),
        ("4.2.1应急指挥部", "4.2.1", "decimal", 3),
        ("一、总则", "一", "cn_enum", 1),
        ("（一）编制目的", "（一）", "cn_paren", 1),
        ("(2) 发生火灾时立即报警", "(2)", "arabic_paren", 1),
        ("3、组织机构", "3", "arabic_dot", 1),
    ],
)
def test_numbering_patterns(text: str, number: str, family: str, depth: int) -> None:
    numbering = split_number(text)
    assert numbering is not None
    assert (numbering.number, numbering.family, numbering.depth) == (number, family, depth)


@pytest.mark.parametrize("text", ["1.5万吨液氯储罐", "2024年3月1日", "12350", "1、2号储罐同时泄漏"])
def test_numbers_that_are_not_numbering(text: str) -> None:
    assert split_number(text) is None


def test_short_numbered_lines_are_headings_long_ones_list_items() -> None:
    assert classify_line("2 组织机构及职责") == ("heading", "2")
    assert classify_line("（1）接到报警后，值班人员应立即核实情况并报告总指挥。")[0] == "list_item"
    assert classify_line("1. 总指挥：街道办事处主任")[0] == "list_item"
    assert classify_line("第五条 本预案自发布之日起施行。")[0] == "paragraph"


def test_levels_follow_first_appearance_of_each_family() -> None:
    texts = ["一、总则", "（一）编制目的", "1. 目的说明", "（二）适用范围", "二、组织机构"]
    blocks = []
    for i, text in enumerate(texts):
        _kind, number = classify_line(text)
        blocks.append(Block(kind="heading", text=text, paragraph=i, number=number))
    assign_heading_levels(blocks)
    assert [b.heading_level for b in blocks] == [1, 2, 3, 2, 1]


def test_docx_blocks_keep_order_styles_levels_and_tables() -> None:
    structure = parse_docx(docx_bytes())
    blocks = structure.blocks
    assert [b.paragraph for b in blocks] == list(range(len(blocks)))
    assert blocks[0].text == "临港街道危险化学品事故专项应急预案" and blocks[0].style == "Title"
    heading = next(b for b in blocks if b.text == "1.1 编制目的")
    assert (heading.kind, heading.heading_level, heading.number) == ("heading", 2, "1.1")
    assert all(b.page is None for b in blocks)
    contacts = next(b for b in blocks if b.kind == "table" and "电话" in b.text)
    assert contacts.cells is not None and contacts.cells[1] == [
        "总指挥",
        "王建国",
        "临港街道办事处",
        "0510-86801234",
    ]


def test_docx_merged_cells_repeat_their_text_in_the_grid() -> None:
    table = [b for b in parse_docx(docx_bytes()).blocks if b.kind == "table"][-1]
    assert table.cells == [
        ["救援队伍", "人数", "负责人"],
        ["抢险救援组", "12", "张强"],
        ["抢险救援组", "8", "张强"],
    ]


def test_docx_automatic_numbering_is_rendered() -> None:
    """Headings numbered by Word (numbering.xml) carry their rendered number in text and ``number``."""
    document = docx.Document()
    for text in ["总则", "编制目的", "适用范围", "组织机构"]:
        document.add_paragraph(text, style="List Number")
    buf = io.BytesIO()
    document.save(buf)
    blocks = parse_docx(buf.getvalue()).blocks
    assert [b.text for b in blocks] == ["1. 总则", "2. 编制目的", "3. 适用范围", "4. 组织机构"]


def test_pdf_blocks_carry_pages_headings_and_ruled_tables() -> None:
    structure = parse_pdf(pdf_bytes(), ocr=None)
    assert structure.pages == 2 and structure.ocr_pages == 0
    blocks = structure.blocks
    assert {b.page for b in blocks} == {1, 2}
    heading = next(b for b in blocks if b.text == "4.2 分级响应")
    assert (heading.kind, heading.heading_level) == ("heading", 2)
    # a paragraph that wraps over two lines is one block
    assert any(b.text.endswith("等法律法规。") and b.text.startswith("依据") for b in blocks)
    table = next(b for b in blocks if b.kind == "table" and "电话" in b.text)
    assert table.cells is not None and table.cells[2] == ["副总指挥", "李明", "临港街道办事处", "13812345678"]
    # table text is not repeated as loose paragraphs
    assert not any(b.kind != "table" and "13812345678" in b.text for b in blocks)


def test_pdf_compatibility_ideographs_are_unified() -> None:
    """WenQuanYi maps 年 to U+F98E in the text layer; extracted text must use the unified 年."""
    structure = parse_pdf(pdf_bytes(PLAN[:4]), ocr=None)
    assert "发布日期：2024年3月15日" in [b.text for b in structure.blocks]


def test_pdf_garbled_page_goes_to_ocr() -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_font(fontname="wqy", fontfile=str(CJK_FONT))
    page.insert_text((60, 80), "\ue000\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009", fontname="wqy")
    data = doc.tobytes()

    class StubOcr:
        name = "stub"

        def __init__(self) -> None:
            self.pages = 0

        def recognise(self, image_png: bytes) -> list:
            from plans.ocr import OcrLine

            self.pages += 1
            assert image_png.startswith(b"\x89PNG")
            return [
                OcrLine("1 总则", 10, 10, 80, 30, 0.99),
                OcrLine("本预案适用于临港街道。", 10, 40, 300, 60, 0.98),
            ]

    ocr = StubOcr()
    structure = parse_pdf(data, ocr=ocr)
    assert ocr.pages == 1 and structure.ocr_pages == 1
    assert [(b.kind, b.text, b.ocr) for b in structure.blocks] == [
        ("heading", "1 总则", True),
        ("paragraph", "本预案适用于临港街道。", True),
    ]


def _row(y: float, *cells: tuple[float, str]) -> object:
    from plans.ocr import OcrLine

    text = " ".join(t for _, t in cells)
    return OcrLine(text, cells[0][0], y, cells[-1][0] + 60, y + 20, 0.99, parts=tuple(cells))


def test_ocr_rows_aligned_in_columns_become_a_table_with_merged_cells_filled() -> None:
    from plans.pdf_parser import _ocr_blocks

    lines = [
        _row(10, (10, "应急工作职责")),
        _row(40, (10, "岗位"), (200, "人员"), (400, "应急职责")),
        _row(70, (10, "成员"), (200, "罐区操作工"), (400, "关闭阀门")),
        _row(100, (200, "安全员"), (400, "设置警戒区")),  # 成员 is a merged cell: no box in column 1
        _row(130, (10, "-1-")),  # page number
    ]
    out: list[Block] = []
    _ocr_blocks(lines, 600.0, page_no=1, out=out)  # type: ignore[arg-type]
    assert [b.kind for b in out] == ["paragraph", "table"]
    assert out[1].cells == [
        ["岗位", "人员", "应急职责"],
        ["成员", "罐区操作工", "关闭阀门"],
        ["成员", "安全员", "设置警戒区"],
    ]


def test_pdf_table_running_over_a_page_break_is_one_table() -> None:
    rows = [["职务", "姓名", "电话"]] + [[f"组员{i}", f"张{i}", f"1381234{i:04d}"] for i in range(40)]
    plan = [("h1", "7 附件"), ("table", rows)]
    tables = [b for b in parse_pdf(pdf_bytes(plan), ocr=None).blocks if b.kind == "table"]
    assert len(tables) == 1
    assert tables[0].cells is not None and len(tables[0].cells) == 41


def test_docx_text_boxes_are_read_once() -> None:
    """A cover title inside a text box (DrawingML with a VML fallback copy) becomes one block."""
    from docx.oxml import parse_xml

    document = docx.Document()
    anchor = document.add_paragraph()
    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    )
    box = "<w:txbxContent><w:p><w:r><w:t>某镇危险化学品事故应急预案</w:t></w:r></w:p></w:txbxContent>"
    run = parse_xml(
        f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><wps:txbx>{box}</wps:txbx></mc:Choice>'
        f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    anchor._p.append(run)
    document.add_paragraph("1 总则")
    buf = io.BytesIO()
    document.save(buf)
    texts = [b.text for b in parse_docx(buf.getvalue()).blocks]
    assert texts == ["某镇危险化学品事故应急预案", "1 总则"]
