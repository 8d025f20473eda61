"""PDF → ``DocumentStructure`` with PyMuPDF: text layer first, OCR for pages that have none.

Pages are read one at a time and PyMuPDF's object store is shrunk after every ``batch_pages``
pages, so memory stays bounded by one page plus the extracted text, whatever the page count.
A page whose text layer is missing (a scan) or garbled (broken font encodings: replacement or
private-use characters) is rendered and OCR'd when an ``OcrEngine`` is given; otherwise it is
skipped with a warning, and a document with no readable page at all is a ``NoTextError``.

Each page's lines are laid out as paragraphs, headings and tables by ``plans.pdf_layout``; ruled
tables (``find_tables``) become cell grids, and their text is not repeated as paragraphs.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from typing import Any

import pymupdf

from plans.errors import CorruptDocumentError, EncryptedDocumentError, NoTextError
from plans.nested_cells import cell_lines_table, splice_nested
from plans.ocr import OcrEngine
from plans.pdf_foot_header import foot_header_row
from plans.pdf_layout import _PAGE_NUMBER, _FontStats, _layer_blocks, _Line, _ocr_blocks
from plans.structure import Block, DocumentStructure, assign_heading_levels

log = logging.getLogger(__name__)

_BAD_CHARS = re.compile(r"[\ufffd\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f]")
_COMPAT_IDEOGRAPHS = re.compile(r"[\u2e80-\u2fdf\uf900-\ufaff]")
_MIN_PAGE_CHARS = 8  # fewer characters than this on a page with an image = a scanned page
# A page is rendered for OCR at no more pixels than this (an A2 sheet at 200 dpi): a 3 KB PDF whose
# one page is 3000 pt square asked for a 8334-pixel square image (550 MB, 5 s before any OCR), and a
# 14400 pt page (the format's largest) for 40000 pixels square, several GB per page.
_MAX_OCR_PIXELS = 16_000_000
# Pages OCR'd per document (a long scanned plan runs to ~100 pages). A 260 KB PDF of 1000 pages that
# share one small image took a minute to render alone, an hour with OCR, in an API worker's thread.
MAX_OCR_PAGES = 300
_CJK_BREAK = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s*\n\s*|\s*\n\s*(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])"
)


def parse_pdf(
    data: bytes,
    *,
    ocr: OcrEngine | None = None,
    batch_pages: int = 20,
    ocr_dpi: int = 200,
    max_ocr_pages: int = MAX_OCR_PAGES,
) -> DocumentStructure:
    # it prints to stdout, which the CLI uses for JSON
    pymupdf.no_recommend_layout()  # type: ignore[no-untyped-call]
    # MuPDF's repair chatter about damaged files would go to stderr; our warnings say what matters
    pymupdf.TOOLS.mupdf_display_errors(False)  # type: ignore[no-untyped-call]
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")  # type: ignore[no-untyped-call]
    except Exception as exc:  # FileDataError / RuntimeError from MuPDF on damaged files
        raise CorruptDocumentError("PDF 文件已损坏或不完整，无法打开，请重新导出后上传。") from exc
    try:
        if doc.needs_pass:
            raise EncryptedDocumentError("PDF 文件已加密（需要密码才能打开），请取消密码后重新上传。")
        if doc.page_count == 0:
            raise CorruptDocumentError("PDF 文件没有可读取的页面（文件可能已损坏或被截断）。")
        return _parse_pages(doc, ocr=ocr, batch_pages=batch_pages, ocr_dpi=ocr_dpi, max_ocr=max_ocr_pages)
    finally:
        doc.close()  # type: ignore[no-untyped-call]


def ocr_resolution(width_pt: float, height_pt: float, dpi: int) -> int:
    """``dpi``, lowered for an oversized page so that its image has at most ``_MAX_OCR_PIXELS``."""
    area_in2 = max(width_pt, 1.0) * max(height_pt, 1.0) / 72**2
    return max(1, min(dpi, int((_MAX_OCR_PIXELS / area_in2) ** 0.5)))


def _parse_pages(
    doc: Any, *, ocr: OcrEngine | None, batch_pages: int, ocr_dpi: int, max_ocr: int
) -> DocumentStructure:
    blocks: list[Block] = []
    warnings: list[str] = []
    fonts = _FontStats()
    ocr_pages = 0
    skipped = 0  # scanned pages past max_ocr
    readable = 0
    needs_ocr = 0
    # Pages are read first and laid out after, so that running headers and footers (the same line at
    # the top or foot of most pages) can be told from body text before they split a paragraph.
    read: list[tuple[int, str, Any]] = []
    for index in range(doc.page_count):
        page_no = index + 1
        try:
            page = doc.load_page(index)
            lines, tables = _text_layer(page)
        except Exception as exc:  # noqa: BLE001 - a damaged page must not sink the other pages
            log.warning("page %s unreadable: %s", page_no, exc)
            warnings.append(f"第 {page_no} 页无法读取（文件可能已损坏），已跳过。")
            continue
        text = "".join(ln.text for ln in lines)
        garbled = bool(text) and len(_BAD_CHARS.findall(text)) > 0.2 * len(text)
        scanned = len(text.strip()) < _MIN_PAGE_CHARS and bool(page.get_images(full=False))
        if garbled or scanned:
            reason = "文字层乱码" if garbled else "为扫描图像"
            if ocr is None:
                needs_ocr += 1
                warnings.append(f"第 {page_no} 页{reason}，未安装 OCR 引擎，该页内容未能识别。")
                continue
            if ocr_pages >= max_ocr:
                skipped += 1
                if skipped == 1:
                    warnings.append(f"扫描页超过 {max_ocr} 页，第 {page_no} 页起的扫描页未做 OCR 识别。")
                continue
            dpi = ocr_resolution(page.rect.width, page.rect.height, ocr_dpi)
            ocr_lines = ocr.recognise(page.get_pixmap(dpi=dpi).tobytes("png"))
            ocr_pages += 1
            if not ocr_lines:
                warnings.append(f"第 {page_no} 页{reason}，OCR 未识别出文字。")
                continue
            readable += 1
            read.append((page_no, "ocr", (ocr_lines, page.rect.width * dpi / 72)))
        elif text.strip() or tables:
            readable += 1
            read.append((page_no, "layer", (_margin_lines(lines, page.rect.height), lines, tables)))
        del page
        if page_no % batch_pages == 0:
            # drop cached fonts/images of the pages already read
            pymupdf.TOOLS.store_shrink(100)  # type: ignore[no-untyped-call]
    if readable == 0:
        if ocr is None and needs_ocr:
            raise NoTextError(
                "PDF 没有可提取的文字层（可能是扫描件），且服务器未安装 OCR 引擎，无法识别。"
                "请上传可编辑文字的 PDF 或 Word 文档。"
            )
        raise NoTextError("PDF 中没有识别出任何文字。")
    layers = [payload for _, how, payload in read if how == "layer"]
    running = running_texts([margins for margins, _lines, _tables in layers])
    running_size = _running_sizes(layers, running)
    # the body size is the whole document's: a cover page holding little more than a long title in a
    # large font would otherwise take the title's size as its body and run the next line into it
    fonts.sizes.update(ln.size for _margins, lines, _tables in layers for ln in lines for _ in ln.text)
    for page_no, how, payload in read:
        if how == "ocr":
            _ocr_blocks(*payload, page_no=page_no, out=blocks)
        else:
            margins, lines, tables = payload
            body = [ln for ln in lines if not _is_running(ln, margins, running_size)]
            _layer_blocks(body, tables, page_no, fonts, blocks)
    assign_heading_levels(blocks)
    return DocumentStructure(blocks=blocks, pages=doc.page_count, ocr_pages=ocr_pages, warnings=warnings)


_MARGIN = 0.1  # running headers and footers sit in the top or bottom tenth of the page


def _margin_lines(lines: list[_Line], height: float) -> dict[int, str]:
    """The lines in the page's top and bottom margins, by ``id``: candidates for running headers."""
    return {id(ln): ln.text for ln in lines if ln.y0 < height * _MARGIN or ln.y0 > height * (1 - _MARGIN)}


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))  # "第3页" and "第4页" are the same footer


def running_texts(margins_per_page: list[dict[int, str]]) -> set[str]:
    """Keys of margin lines repeated on at least two pages and on half of them: running headers and
    footers ("XX预案（V3.0）" atop every page), not content."""
    pages = Counter(
        key for margins in margins_per_page for key in {_running_key(t) for t in margins.values()}
    )
    needed = max(2, (len(margins_per_page) + 1) // 2)
    return {key for key, count in pages.items() if count >= needed}


def _running_sizes(
    layers: list[tuple[dict[int, str], list[_Line], Any]], running: set[str]
) -> dict[str, float]:
    """Running key → the smallest font it is set in within the margins: the header's own size."""
    sizes: dict[str, float] = {}
    for margins, lines, _tables in layers:
        for line in lines:
            key = _running_key(line.text)
            if id(line) in margins and key in running:
                sizes[key] = min(sizes.get(key, line.size), line.size)
    return sizes


def _is_running(line: _Line, margins: dict[int, str], running_size: dict[str, float]) -> bool:
    """A running header or footer line. A header often repeats the plan's title, and the cover sets
    that title near the top of page 1, inside the margin band: set larger than the header, it is
    the title, not a header."""
    size = running_size.get(_running_key(line.text))
    return id(line) in margins and size is not None and line.size <= size * 1.2


def _text_layer(page: Any) -> tuple[list[_Line], list[tuple[Any, list[list[str]]]]]:
    tables = _tables(page)
    boxes = [pymupdf.Rect(bbox) for bbox, _ in tables]  # type: ignore[no-untyped-call]
    lines: list[_Line] = []
    # sort=True: blocks top-to-bottom, so a footer drawn first does not come first
    info = page.get_text("dict", flags=pymupdf.TEXTFLAGS_TEXT, sort=True)
    for block_no, block in enumerate(info["blocks"]):
        if block.get("type") != 0:
            continue
        rect = pymupdf.Rect(block["bbox"])  # type: ignore[no-untyped-call]
        if any(
            box.contains(pymupdf.Point((rect.x0 + rect.x1) / 2, (rect.y0 + rect.y1) / 2))  # type: ignore[no-untyped-call]
            for box in boxes
        ):
            continue
        for line in block["lines"]:
            spans = [s for s in line["spans"] if s["text"].strip()]
            if not spans:
                continue
            text = _unify_ideographs("".join(s["text"] for s in line["spans"]).strip())
            if _PAGE_NUMBER.match(text):
                continue
            size = round(max(s["size"] for s in spans), 1)
            bold = all(s["flags"] & 16 for s in spans)
            lines.append(_Line(text, size, bold, block_no, line["bbox"][2], line["bbox"][1]))
    lines, header = foot_header_row(lines, page.rect.height)
    if header is not None:  # a table's header row alone at the page foot: the next page holds its body
        y0 = max(ln.y0 for ln in lines) + 1 if lines else 0.0
        tables.append(((0.0, y0, page.rect.width, y0 + 1), [header]))
    return lines, tables


def _unify_ideographs(text: str) -> str:
    """Fonts often map glyphs to CJK compatibility ideographs or Kangxi radicals (年 → U+F98E,
    日 → U+2F47); fold just those to the unified ideographs, leaving full-width punctuation alone."""
    return _COMPAT_IDEOGRAPHS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def _tables(page: Any) -> list[tuple[Any, list[list[str]]]]:
    """Ruled tables only: without vector lines on the page there is nothing to find, so skip the cost."""
    drawings = page.get_cdrawings()
    if len(drawings) < 4 and not _cell_row(drawings):
        return []
    found = []
    # use_layout=False: PyMuPDF 2.0 would otherwise run its ONNX layout model (~1 s a page on 2 cores)
    # to gate ruled tables; ruled grids are what we want, and the rules decide what a table means.
    for table in page.find_tables(strategy="lines", use_layout=False).tables:
        inner: dict[tuple[int, int], list[list[str]]] = {}
        for grid in splice_nested(_fill_merged(page, table, inner), inner):
            if grid and any(any(cell for cell in row) for row in grid):
                found.append((table.bbox, grid))
    return found


def _cell_row(drawings: list[dict[str, Any]]) -> bool:
    """Two or more boxes side by side on one band: a table row drawn cell by cell (the last row of a table
    that ran over a page break draws only its own three boxes, fewer shapes than a ruled table)."""
    boxes = [item[1] for d in drawings for item in d.get("items", []) if item[0] == "re"]
    bands = [(round(b[1]), round(b[3])) for b in boxes]
    return any(bands.count(band) >= 2 for band in bands)


def _fill_merged(page: Any, table: Any, inner: dict[tuple[int, int], list[list[str]]]) -> list[list[str]]:
    """Cell texts by cell box; PyMuPDF leaves ``None`` where a merged cell covers a position, which
    repeats the covering cell's text. A cell whose lines spell a small table of its own (a header
    line of column labels, then "职务　姓名　手机" lines: a table nested in the source's cell) goes
    into ``inner`` by position, read line by line before the lines are joined.

    The text is read with ``get_text(clip=cell)`` rather than ``table.extract()``: PyMuPDF 2.0's
    extract moves a hyphen behind the digits ("0510-86801234" → "051086801234\n-")."""
    bboxes = [row.cells for row in table.rows]
    grid: list[list[str]] = []
    for r, row in enumerate(bboxes):
        out: list[str] = []
        for c, box in enumerate(row):
            if box is not None:
                value = page.get_text("text", clip=pymupdf.Rect(box))  # type: ignore[no-untyped-call]
                nested = cell_lines_table([_unify_ideographs(line) for line in value.splitlines()])
                if nested:
                    inner[(r, c)] = nested
                out.append(_unify_ideographs(re.sub(r"\s+", " ", _CJK_BREAK.sub("", value)).strip()))
                continue
            # the covering box is the nearest one above: a cell merged over three rows leaves two gaps
            k = r - 1
            while k > 0 and c < len(bboxes[k]) and bboxes[k][c] is None:
                k -= 1
            above = bboxes[k][c] if r > 0 and c < len(bboxes[k]) else None
            here_top = next((b[1] for b in bboxes[r] if b is not None), None)
            spans_down = above is not None and here_top is not None and above[3] > here_top + 1
            if (spans_down or c == 0) and r > 0 and c < len(grid[r - 1]):
                out.append(grid[r - 1][c])
            else:
                out.append(out[-1] if out else "")
        grid.append(out)
    return grid
