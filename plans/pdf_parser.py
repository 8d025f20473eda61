"""PDF → ``DocumentStructure`` with PyMuPDF: text layer first, OCR for pages that have none.

Pages are read one at a time and PyMuPDF's object store is shrunk after every ``batch_pages``
pages, so memory stays bounded by one page plus the extracted text, whatever the page count.
A page whose text layer is missing (a scan) or garbled (broken font encodings: replacement or
private-use characters) is rendered and OCR'd when an ``OcrEngine`` is given; otherwise it is
skipped with a warning, and a document with no readable page at all is a ``NoTextError``.

Lines are grouped into paragraphs per PyMuPDF text block, split where a numbered line starts;
short lines set in a larger or bold font count as headings even without a number. Ruled tables
(``find_tables``) become cell grids, and their text is not repeated as paragraphs.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pymupdf

from plans.errors import CorruptDocumentError, EncryptedDocumentError, NoTextError
from plans.ocr import OcrEngine, OcrLine
from plans.structure import (
    Block,
    BlockKind,
    DocumentStructure,
    assign_heading_levels,
    classify_line,
    classify_ocr_line,
)

log = logging.getLogger(__name__)

_BAD_CHARS = re.compile(r"[\ufffd\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f]")
_SENTENCE_END = re.compile(r"[。；;！!？?：:]$")
_COMPAT_IDEOGRAPHS = re.compile(r"[\u2e80-\u2fdf\uf900-\ufaff]")
_PARAGRAPH_END = re.compile(r"[。！!？?]$")  # a line that reaches the margin continues unless a sentence ends
_MIN_PAGE_CHARS = 8
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－_\s]*\d{1,4}[-—–－_\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$"
)
_CJK_BREAK = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s*\n\s*|\s*\n\s*(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])"
)  # fewer characters than this on a page with an image = a scanned page


@dataclass
class _FontStats:
    """Running character count per font size: the mode is the body size."""

    sizes: Counter[float] = field(default_factory=Counter)

    def body_size(self) -> float:
        return self.sizes.most_common(1)[0][0] if self.sizes else 10.5


def parse_pdf(
    data: bytes,
    *,
    ocr: OcrEngine | None = None,
    batch_pages: int = 20,
    ocr_dpi: int = 200,
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
        return _parse_pages(doc, ocr=ocr, batch_pages=batch_pages, ocr_dpi=ocr_dpi)
    finally:
        doc.close()  # type: ignore[no-untyped-call]


def _parse_pages(doc: Any, *, ocr: OcrEngine | None, batch_pages: int, ocr_dpi: int) -> DocumentStructure:
    blocks: list[Block] = []
    warnings: list[str] = []
    fonts = _FontStats()
    ocr_pages = 0
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
            ocr_lines = ocr.recognise(page.get_pixmap(dpi=ocr_dpi).tobytes("png"))
            ocr_pages += 1
            if not ocr_lines:
                warnings.append(f"第 {page_no} 页{reason}，OCR 未识别出文字。")
                continue
            readable += 1
            read.append((page_no, "ocr", (ocr_lines, page.rect.width * ocr_dpi / 72)))
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
    running = running_texts([margins for _, how, (margins, *_rest) in read if how == "layer"])
    for page_no, how, payload in read:
        if how == "ocr":
            _ocr_blocks(*payload, page_no=page_no, out=blocks)
        else:
            margins, lines, tables = payload
            body = [ln for ln in lines if not (id(ln) in margins and _running_key(ln.text) in running)]
            _layer_blocks(body, tables, page_no, fonts, blocks)
    assign_heading_levels(blocks)
    return DocumentStructure(blocks=blocks, pages=doc.page_count, ocr_pages=ocr_pages, warnings=warnings)


@dataclass
class _Line:
    text: str
    size: float
    bold: bool
    block_no: int
    x1: float
    y0: float


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
    return lines, tables


def _unify_ideographs(text: str) -> str:
    """Fonts often map glyphs to CJK compatibility ideographs or Kangxi radicals (年 → U+F98E,
    日 → U+2F47); fold just those to the unified ideographs, leaving full-width punctuation alone."""
    return _COMPAT_IDEOGRAPHS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def _tables(page: Any) -> list[tuple[Any, list[list[str]]]]:
    """Ruled tables only: without vector lines on the page there is nothing to find, so skip the cost."""
    if len(page.get_cdrawings()) < 4:
        return []
    found = []
    # use_layout=False: PyMuPDF 2.0 would otherwise run its ONNX layout model (~1 s a page on 2 cores)
    # to gate ruled tables; ruled grids are what we want, and the rules decide what a table means.
    for table in page.find_tables(strategy="lines", use_layout=False).tables:
        grid = _fill_merged(page, table)
        if grid and any(any(cell for cell in row) for row in grid):
            found.append((table.bbox, grid))
    return found


def _fill_merged(page: Any, table: Any) -> list[list[str]]:
    """Cell texts by cell box; PyMuPDF leaves ``None`` where a merged cell covers a position, which
    repeats the covering cell's text.

    The text is read with ``get_text(clip=cell)`` rather than ``table.extract()``: PyMuPDF 2.0's
    extract moves a hyphen behind the digits ("0510-86801234" → "051086801234\n-")."""
    bboxes = [row.cells for row in table.rows]
    grid: list[list[str]] = []
    for r, row in enumerate(bboxes):
        out: list[str] = []
        for c, box in enumerate(row):
            if box is not None:
                value = page.get_text("text", clip=pymupdf.Rect(box))  # type: ignore[no-untyped-call]
                out.append(_unify_ideographs(re.sub(r"\s+", " ", _CJK_BREAK.sub("", value)).strip()))
                continue
            above = bboxes[r - 1][c] if r > 0 and c < len(bboxes[r - 1]) else None
            here_top = next((b[1] for b in bboxes[r] if b is not None), None)
            spans_down = above is not None and here_top is not None and above[3] > here_top + 1
            if (spans_down or c == 0) and r > 0 and c < len(grid[r - 1]):
                out.append(grid[r - 1][c])
            else:
                out.append(out[-1] if out else "")
        grid.append(out)
    return grid


def _is_heading_by_font(line: _Line, body: float) -> bool:
    return (
        len(line.text) <= 30
        and not _SENTENCE_END.search(line.text)
        and (line.size >= body * 1.15 or (line.bold and line.size >= body))
    )


def _layer_blocks(
    lines: list[_Line],
    tables: list[tuple[Any, list[list[str]]]],
    page_no: int,
    fonts: _FontStats,
    out: list[Block],
) -> None:
    for line in lines:
        fonts.sizes[line.size] += len(line.text)
    body = fonts.body_size()
    current: list[str] = []
    current_kind: BlockKind = "paragraph"
    current_number: str | None = None
    last_block = -1

    first_on_page = True

    def flush() -> None:
        nonlocal current, current_kind, current_number, first_on_page
        if current:
            text = "".join(current)
            previous = out[-1] if out else None
            continues = (
                first_on_page
                and previous is not None
                and previous.page != page_no
                and current_kind == "paragraph"
                and current_number is None
                and previous.kind in ("paragraph", "list_item")
                and not _SENTENCE_END.search(previous.text)
            )
            if continues and previous is not None:  # a paragraph running over the page break
                previous.text += text
            else:
                out.append(
                    Block(
                        kind=current_kind, text=text, paragraph=len(out), page=page_no, number=current_number
                    )
                )
            first_on_page = False
        current, current_kind, current_number = [], "paragraph", None

    pending_tables = sorted(tables, key=lambda t: t[0][1])
    right = max((ln.x1 for ln in lines), default=0.0)  # the text column's right margin on this page
    last_line: _Line | None = None
    last_heading: _Line | None = None

    def emit_tables(before_y: float) -> None:
        while pending_tables and pending_tables[0][0][1] <= before_y:
            nonlocal first_on_page
            _bbox, grid = pending_tables.pop(0)
            text = "\n".join(" | ".join(row) for row in grid)
            previous = out[-1] if out else None
            if (
                first_on_page
                and previous is not None
                and previous.kind == "table"
                and previous.page != page_no
                and previous.cells
                and len(previous.cells[0]) == len(grid[0])
            ):  # a table running over the page break: its rows continue the table above
                previous.cells.extend(grid)
                previous.text += "\n" + text
            else:
                out.append(Block(kind="table", text=text, paragraph=len(out), page=page_no, cells=grid))
            first_on_page = False

    for line in lines:
        if pending_tables and pending_tables[0][0][1] <= line.y0:
            flush()
            emit_tables(line.y0)
        kind, number = classify_line(line.text)
        if kind == "paragraph" and _is_heading_by_font(line, body):
            kind = "heading"
        elif kind == "list_item" and _is_heading_by_font(line, body) and line.size >= body * 1.15:
            kind = "heading"  # "六、附件：应急联系表" set larger: the font decides, not the colon
        elif kind == "heading" and line.x1 >= right - 18 and len(lines) > 1 and line.size <= body * 1.05:
            kind = "list_item"  # a numbered line running to the margin is the first line of a list item
        if kind == "heading":
            flush()
            previous = out[-1] if out else None
            if (
                number is None
                and last_heading is not None
                and previous is not None
                and previous.kind == "heading"
                and previous.page == page_no
                and line.size == last_heading.size
                and last_heading.x1 >= right - 18
                and not line.text.startswith(("（", "("))  # "（2024年修订版）" under a title is its own line
            ):  # a long title wrapped onto a second line ("…专项应急预" / "案") is one heading
                previous.text += line.text
            else:
                out.append(
                    Block(kind="heading", text=line.text, paragraph=len(out), page=page_no, number=number)
                )
            last_block, last_line, last_heading = line.block_no, None, line
            first_on_page = False
            continue
        wrapped = (
            last_line is not None
            # CJK text wraps up to a glyph early (a digit run or a punctuation mark would overhang): allow <2 glyphs
            and last_line.x1 >= right - max(18.0, 1.9 * last_line.size)
            and not _PARAGRAPH_END.search(last_line.text)
        )
        starts_new = number is not None or not current or (line.block_no != last_block and not wrapped)
        if starts_new:
            flush()
            current_kind, current_number = kind, number
        current.append(line.text)
        last_block = line.block_no
        last_line = line
    flush()
    emit_tables(float("inf"))


def _table_runs(lines: list[OcrLine], page_width: float) -> dict[int, int]:
    """Start index → end index (exclusive) of runs of rows whose boxes line up in columns.

    A row may have fewer boxes than the first row when a merged cell left a gap, as long as every
    box sits on a column; a single row of three or more boxes (a header at the foot of a page) is a
    run of its own, so it can join the table's rows on the next page."""
    tolerance = 0.03 * page_width

    def fits(row: OcrLine, columns: list[float]) -> bool:
        return len(row.parts) >= 2 and all(
            any(abs(x - c) <= tolerance for c in columns) for x, _ in row.parts
        )

    runs: dict[int, int] = {}
    i = 0
    while i < len(lines):
        columns = [x for x, _ in lines[i].parts]
        j = i
        while len(columns) >= 2 and j + 1 < len(lines) and fits(lines[j + 1], columns):
            j += 1
        if j > i or len(columns) >= 3:
            runs[i] = j + 1
            i = j + 1
        else:
            i += 1
    return runs


def _grid(rows: list[OcrLine], page_width: float) -> list[list[str]]:
    """Rows of boxes → cells by column; a gap (merged cell) repeats the value above it."""
    columns = [x for x, _ in rows[0].parts]
    tolerance = 0.03 * page_width
    grid: list[list[str]] = []
    for row in rows:
        cells = [""] * len(columns)
        for x, text in row.parts:
            col = min(range(len(columns)), key=lambda c: abs(columns[c] - x))
            cells[col] = (
                f"{cells[col]} {text}".strip() if abs(columns[col] - x) <= tolerance * 4 else cells[col]
            )
        if grid:
            cells = [cell or grid[-1][c] for c, cell in enumerate(cells)]
        grid.append(cells)
    return grid


def _ocr_blocks(lines: list[OcrLine], page_width: float, *, page_no: int, out: list[Block]) -> None:
    """OCR lines → blocks: rows aligned in columns become a table; a line that reaches the right
    margin continues into the next one."""
    lines = [ln for ln in lines if not _PAGE_NUMBER.match(ln.text.replace(" ", ""))]
    if not lines:
        return
    right = max(ln.x1 for ln in lines)
    runs = _table_runs(lines, page_width)
    pending: Block | None = None
    skip_until = 0
    for n, line in enumerate(lines):
        if n < skip_until:
            continue
        if n in runs:
            if pending is not None:
                out.append(pending)
                pending = None
            grid = _grid(lines[n : runs[n]], page_width)
            text = "\n".join(" | ".join(row) for row in grid)
            previous = out[-1] if out else None
            if (
                previous is not None
                and previous.kind == "table"
                and previous.page != page_no
                and previous.cells
                and len(previous.cells[0]) == len(grid[0])
            ):  # the table continues from the previous page
                previous.cells.extend(grid)
                previous.text += "\n" + text
            else:
                out.append(
                    Block(kind="table", text=text, paragraph=len(out), page=page_no, cells=grid, ocr=True)
                )
            skip_until = runs[n]
            continue
        kind, number, text = classify_ocr_line(line.text)
        if pending is not None and kind in ("paragraph",) and pending.kind != "heading":
            pending.text += text
        else:
            if pending is not None:
                out.append(pending)
            pending = Block(kind=kind, text=text, paragraph=len(out), page=page_no, number=number, ocr=True)
        wraps = line.x1 >= right - 0.04 * page_width and not _SENTENCE_END.search(line.text)
        if not wraps or pending.kind == "heading":
            out.append(pending)
            pending = None
    if pending is not None:
        out.append(pending)
