"""Small emergency-plan documents generated in code for the plan import tests and benchmark.

The text is the project's own (a fictional 临港 town plan for hazardous-chemical accidents); the same
content is written as DOCX (python-docx, Word heading styles and tables with merged cells) and as
PDF (PyMuPDF with the WenQuanYi CJK font), so both parsers can be checked against one expectation.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pymupdf
from docx.shared import Pt

CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")

# (kind, text): kind h1/h2/h3 = heading level, p = paragraph, li = list item, table = rows
PLAN: list[tuple[str, object]] = [
    ("title", "临港街道危险化学品事故专项应急预案"),
    ("p", "编制单位：临港街道办事处"),
    ("p", "版本号：2024版"),
    ("p", "发布日期：2024年3月15日"),
    ("h1", "1 总则"),
    ("h2", "1.1 编制目的"),
    ("p", "为规范危险化学品事故应急处置工作，最大限度减少人员伤亡和财产损失，制定本预案。"),
    ("h2", "1.2 编制依据"),
    ("p", "依据《中华人民共和国安全生产法》《危险化学品安全管理条例》《生产安全事故应急条例》等法律法规。"),
    ("h2", "1.3 适用范围"),
    (
        "p",
        "本预案适用于临港街道辖区内危险化学品生产、储存、使用过程中发生的火灾、爆炸、泄漏、中毒事故的应对工作。",
    ),
    ("h2", "1.4 响应分级"),
    ("p", "按照事故严重程度，应急响应分为Ⅰ级、Ⅱ级、Ⅲ级、Ⅳ级四个等级。"),
    ("h1", "2 组织机构及职责"),
    ("h2", "2.1 应急指挥部"),
    ("p", "街道应急指挥部由总指挥、副总指挥和成员单位组成。"),
    ("li", "总指挥：街道办事处主任"),
    ("li", "副总指挥：分管安全生产的副主任"),
    ("p", "指挥部成员由应急管理办公室、消防救援站、派出所、卫生院组成。"),
    ("h2", "2.2 指挥部办公室"),
    ("p", "指挥部办公室设在街道应急管理办公室，办公室主任由应急管理办公室主任兼任，负责日常工作。"),
    ("h1", "3 预警"),
    ("h2", "3.1 预警分级"),
    ("p", "预警级别由高到低分为红色、橙色、黄色、蓝色四级。"),
    ("p", "红色预警：可能发生特别重大事故，事态正在不断蔓延。"),
    ("p", "蓝色预警：可能发生一般事故，事态可控。"),
    ("h1", "4 应急响应"),
    ("h2", "4.1 信息报告"),
    (
        "p",
        "事故发生单位应在事故发生后1小时内向街道应急管理办公室报告，可通过电话或政务微信报告；紧急情况拨打119、120。",
    ),
    ("p", "街道应急管理办公室接报后30分钟内向江阴市应急管理局报告。"),
    ("h2", "4.2 分级响应"),
    ("p", "发生Ⅰ级事故时，由总指挥启动Ⅰ级响应，组织全部力量开展救援。"),
    ("p", "发生Ⅳ级事故时，由指挥部办公室主任启动Ⅳ级响应。"),
    ("h2", "4.3 响应终止"),
    ("p", "现场危险因素消除后，由总指挥宣布应急响应终止。"),
    ("h1", "5 后期处置"),
    ("p", "做好善后处置、事故调查和恢复生产工作。"),
    ("h1", "6 应急保障"),
    (
        "table",
        [
            ["物资名称", "数量", "单位", "存放地点"],
            ["空气呼吸器", "20", "套", "临港消防站"],
            ["吸附棉", "500", "千克", "街道应急仓库"],
        ],
    ),
    ("h1", "7 附件"),
    ("h2", "7.1 应急联系电话"),
    (
        "table",
        [
            ["职务", "姓名", "单位", "电话"],
            ["总指挥", "王建国", "临港街道办事处", "0510-86801234"],
            ["副总指挥", "李明", "临港街道办事处", "13812345678"],
            ["值班室", "值班员", "应急管理办公室", "0510-86805678"],
        ],
    ),
]


def docx_bytes(plan: list[tuple[str, object]] = PLAN, *, merged_cells: bool = True) -> bytes:
    document = docx.Document()
    for kind, value in plan:
        if kind == "title":
            document.add_paragraph(str(value), style="Title")
        elif kind in ("h1", "h2", "h3"):
            document.add_heading(str(value), level=int(kind[1]))
        elif kind == "li":
            document.add_paragraph(str(value), style="List Paragraph")
        elif kind == "table":
            rows = value if isinstance(value, list) else []
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
        else:
            document.add_paragraph(str(value))
    if merged_cells:
        table = document.add_table(rows=3, cols=3)
        table.cell(0, 0).text = "救援队伍"
        table.cell(0, 1).text = "人数"
        table.cell(0, 2).text = "负责人"
        merged = table.cell(1, 0).merge(table.cell(2, 0))
        merged.text = "抢险救援组"
        table.cell(1, 1).text = "12"
        table.cell(2, 1).text = "8"
        table.cell(1, 2).merge(table.cell(2, 2)).text = "张强"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _pdf_lines(plan: list[tuple[str, object]]) -> list[tuple[str, float]]:
    lines: list[tuple[str, float]] = []
    for kind, value in plan:
        size = {"title": 20.0, "h1": 16.0, "h2": 13.0, "h3": 12.0}.get(kind, 10.5)
        if kind == "table":
            rows = value if isinstance(value, list) else []
            lines.extend(("    ".join(row), 10.5) for row in rows)
        else:
            lines.append((str(value), size))
    return lines


def pdf_bytes(plan: list[tuple[str, object]] = PLAN, *, repeat: int = 1, table_grid: bool = True) -> bytes:
    """A text-layer PDF; tables are drawn as ruled grids so ``find_tables`` sees them."""
    doc = pymupdf.open()
    for _ in range(repeat):
        page = None
        y = 0.0
        for kind, value in plan:
            if page is None or y > 760:
                page = doc.new_page()
                page.insert_font(fontname="wqy", fontfile=str(CJK_FONT))
                y = 60.0
            if kind == "table" and table_grid:
                rows = value if isinstance(value, list) else []
                for row in rows:  # a long table runs over onto the next page, as Word prints it
                    if y > 760:
                        page = doc.new_page()
                        page.insert_font(fontname="wqy", fontfile=str(CJK_FONT))
                        y = 60.0
                    y = _draw_table(page, [row], y) - 12
                y += 12
                continue
            for text, size in _pdf_lines([(kind, value)]):
                for chunk in _wrap(text, int(470 / size)):
                    page.insert_text((60, y + size), chunk, fontname="wqy", fontsize=size)
                    y += size * 1.6
            y += 4
    doc.subset_fonts()  # embed only the glyphs used: a few KB instead of the 2 MB font
    out = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return out


def _wrap(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)] or [""]


def _draw_table(page: pymupdf.Page, rows: list[list[str]], y: float) -> float:
    col_w, row_h = 118.0, 20.0
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            rect = pymupdf.Rect(60 + c * col_w, y + r * row_h, 60 + (c + 1) * col_w, y + (r + 1) * row_h)
            page.draw_rect(rect, color=(0, 0, 0), width=0.6)
            page.insert_text((rect.x0 + 3, rect.y1 - 6), text, fontname="wqy", fontsize=9)
    return y + len(rows) * row_h + 12


def scanned_pdf_bytes(
    plan: list[tuple[str, object]] = PLAN, *, pages: int | None = None, dpi: int = 150
) -> bytes:
    """The text PDF rendered to images: a PDF without any text layer, like a scan."""
    src = pymupdf.open(stream=pdf_bytes(plan, table_grid=False), filetype="pdf")
    out = pymupdf.open()
    for index in range(src.page_count if pages is None else min(pages, src.page_count)):
        pix = src.load_page(index).get_pixmap(dpi=dpi)
        page = out.new_page(width=src.load_page(index).rect.width, height=src.load_page(index).rect.height)
        page.insert_image(page.rect, pixmap=pix)
    data = out.tobytes(deflate=True)
    out.close()
    src.close()
    return data


def encrypted_pdf_bytes() -> bytes:
    doc = pymupdf.open(stream=pdf_bytes(PLAN[:6]), filetype="pdf")
    data = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    doc.close()
    return data


def zip_bomb_docx(inflated_mb: int = 300) -> bytes:
    """A DOCX-looking zip whose one member inflates from a few hundred KB to ``inflated_mb`` MB."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            zeros = b"\0" * 2**20
            for _ in range(inflated_mb):
                member.write(zeros)
    return buf.getvalue()


def set_font_size(paragraph: docx.text.paragraph.Paragraph, size: float) -> None:
    for run in paragraph.runs:
        run.font.size = Pt(size)
