"""Render a sample-plan source (a list of blocks) to DOCX, text-layer PDF and scanned PDF.

Block kinds: ``title``, ``center``, ``h1``–``h4``, ``p``, ``pagebreak``, ``ol`` (a numbered list:
Word's automatic numbering in DOCX, so the numbers are not in the paragraph text; "1." in the PDF)
``textbox`` (lines in a floating frame, see plan_corpus_textbox)
and ``table`` (``rows`` of cell strings plus ``merge``: ``[r0, c0, r1, c1]`` rectangles whose text
sits in the top-left cell).
Output is deterministic: fixed document dates, fixed zip timestamps, no random PDF ids, seeded
scan noise, so regenerating the corpus reproduces the committed files byte for byte.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from evals.plan_corpus_nested import fill_docx_cell, flat_text, is_nested
from evals.plan_corpus_textbox import add_docx_textbox, textbox_table_block

FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
# Every generated file claims this date, so output does not depend on when it was generated.
FIXED_DATE = dt.datetime(2024, 6, 1, 8, 0, 0)
_PDF_DATE = "D:20240601080000+08'00'"
_ZIP_DATE = (2024, 6, 1, 8, 0, 0)

Block = dict[str, Any]


@dataclass(frozen=True)
class Table:
    rows: list[list[str]]
    merges: list[tuple[int, int, int, int]]
    nested: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)  # cells holding a table

    @classmethod
    def from_block(cls, spec: dict[str, Any]) -> Table:
        rows = [[flat_text(c) for c in row] for row in spec["rows"]]
        merges = [(int(a), int(b), int(c), int(d)) for a, b, c, d in spec.get("merge", [])]
        nested = {(r, c): v for r, row in enumerate(spec["rows"]) for c, v in enumerate(row) if is_nested(v)}
        return cls(rows, merges, nested)

    def covered(self) -> set[tuple[int, int]]:
        """Cells hidden inside a merge (every merged cell except its top-left)."""
        out: set[tuple[int, int]] = set()
        for r0, c0, r1, c1 in self.merges:
            out |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - {(r0, c0)}
        return out

    def span(self, r: int, c: int) -> tuple[int, int]:
        for r0, c0, r1, c1 in self.merges:
            if (r0, c0) == (r, c):
                return r1, c1
        return r, c


def block_kind(block: Block) -> tuple[str, Any]:
    ((kind, value),) = block.items()
    return kind, value


# --------------------------------------------------------------------------------------- DOCX


_HEADINGS = ("h1", "h2", "h3", "h4")


def render_docx(
    blocks: Sequence[Block],
    title: str,
    header: str | None = None,
    plain_headings: bool = False,
    footer: str | None = None,
) -> bytes:
    """``plain_headings``: headings as bold Normal paragraphs, as in many hand-formatted Word files."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    styled = ["Normal", "Title", "Heading 1", "Heading 2", "Heading 3"]
    # Only documents that use level-4 headings touch that style, so older files render byte for byte.
    styled += ["Heading 4"] if any(block_kind(b)[0] == "h4" for b in blocks) else []
    for style_name in styled:
        style = doc.styles[style_name]
        style.font.name = "SimSun"
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    doc.styles["Normal"].font.size = Pt(11)
    if header:
        doc.sections[0].header.paragraphs[0].text = header
        doc.sections[0].header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    if footer:
        doc.sections[0].footer.paragraphs[0].text = footer
        doc.sections[0].footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for block in blocks:
        kind, value = block_kind(block)
        if kind == "title":
            doc.add_heading(value, level=0).alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind in _HEADINGS and plain_headings:
            doc.add_paragraph().add_run(value).bold = True
        elif kind in _HEADINGS:
            doc.add_heading(value, level=int(kind[1]))
        elif kind == "center":
            doc.add_paragraph(value).alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "p":
            doc.add_paragraph(value)
        elif kind == "pagebreak":
            doc.add_page_break()
        elif kind == "ol":
            for item in value:
                doc.add_paragraph(item, style="List Number")
        elif kind == "table":
            _docx_table(doc, Table.from_block(value))
        elif kind == "textbox":
            add_docx_textbox(doc, value)
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, "SafeCloud 测试语料", "SafeCloud 测试语料"
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _docx_table(doc: Any, table: Table) -> None:
    grid = doc.add_table(rows=len(table.rows), cols=len(table.rows[0]))
    grid.style = "Table Grid"
    covered = table.covered()
    for r, row in enumerate(table.rows):
        for c, text in enumerate(row):
            if (r, c) in table.nested:
                fill_docx_cell(grid.cell(r, c), table.nested[(r, c)])
            elif (r, c) not in covered:
                grid.cell(r, c).text = text
                if r == 0:
                    for run in grid.cell(r, c).paragraphs[0].runs:
                        run.bold = True
    for r0, c0, r1, c1 in table.merges:
        grid.cell(r0, c0).merge(grid.cell(r1, c1))


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite the DOCX package with fixed member timestamps (zipfile stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()


# ---------------------------------------------------------------------------------------- PDF

_PAGE_W, _PAGE_H, _MARGIN = 595.0, 842.0, 64.0
_SIZES = {
    "title": 18.0, "h1": 14.5, "h2": 12.5, "h3": 11.5, "h4": 11.0, "center": 11.0, "p": 11.0, "plain": 11.0,
}  # fmt: skip
_TABLE_SIZE, _CELL_PAD = 9.5, 4.0
_NO_LINE_START = frozenset("。，、；：？！）》」』”’.,;:)%")
_MIN_COLUMN_CHARS = 5  # a column is never narrower than this many characters unless its text is shorter


class _PdfWriter:
    """Minimal flowing layout: wrapped CJK lines, tables with merged cells, page numbers."""

    def __init__(self, header: str | None = None, footer: str | None = None) -> None:
        import pymupdf as fitz

        self.fitz = fitz
        self.doc = fitz.open()
        self.font = fitz.Font(fontfile=FONT_FILE)
        self._advances: dict[str, float] = {}
        self.page: Any = None
        self.writer: Any = None
        self.y = 0.0
        self.width = _PAGE_W - 2 * _MARGIN
        self.header = header
        self.footer = footer
        self._new_page()

    def _new_page(self) -> None:
        self._flush()
        self.page = self.doc.new_page(width=_PAGE_W, height=_PAGE_H)
        self.writer = self.fitz.TextWriter(self.page.rect)
        self.y = _MARGIN
        number = f"— {self.doc.page_count} —"
        self._text(number, (_PAGE_W - self._len(number, 9)) / 2, _PAGE_H - 36, 9)
        if self.header:  # running header: the same line on every page, as in printed government plans
            self._text(self.header, (_PAGE_W - self._len(self.header, 9)) / 2, 40, 9)
            self.page.draw_line((_MARGIN, 46), (_PAGE_W - _MARGIN, 46), color=(0, 0, 0), width=0.5)
        if self.footer:  # running footer above the page number (受控文件 notes, document numbers)
            self._text(self.footer, (_PAGE_W - self._len(self.footer, 9)) / 2, _PAGE_H - 50, 9)

    def _flush(self) -> None:
        if self.writer is not None:
            self.writer.write_text(self.page)

    def _len(self, text: str, size: float) -> float:
        return float(self.font.text_length(text, fontsize=size))

    def _text(self, text: str, x: float, baseline: float, size: float) -> None:
        self.writer.append((x, baseline), text, font=self.font, fontsize=size)

    def wrap(self, text: str, width: float, size: float, indent: float = 0.0) -> list[str]:
        """Break anywhere (CJK), except before closing punctuation, which hangs in the margin (禁则).
        A newline in the text (a line break typed inside a table cell) always starts a new line."""
        if "\n" in text:
            parts = text.split("\n")
            return [
                ln
                for i, part in enumerate(parts)
                for ln in self.wrap(part, width, size, indent if i == 0 else 0.0)
            ]
        # The running sum of unscaled advances, in text order, is what Font.text_length computes for
        # `current + ch` (the same additions, then × size): the same breaks, in linear instead of
        # quadratic time (measuring each prefix anew took the corpus render past ten minutes on a
        # loaded CI machine).
        lines, current, room, units = [], "", width - indent, 0.0
        for ch in text:
            advance = self._advance(ch)
            if current and ch not in _NO_LINE_START and (units + advance) * size > room:
                lines.append(current)
                current, room, units = "", width, 0.0
            current += ch
            units += advance
        return [*lines, current] if current or not lines else lines

    def _advance(self, ch: str) -> float:
        """One character's advance at size 1 (cached: the corpus repeats a few thousand characters)."""
        advance = self._advances.get(ch)
        if advance is None:
            advance = self._advances[ch] = float(self.font.text_length(ch, fontsize=1))
        return advance

    def paragraph(self, kind: str, text: str) -> None:
        size = _SIZES[kind]
        leading = size * 1.6
        indent = 2 * size if kind == "p" else 0.0
        lines = self.wrap(text, self.width, size, indent)
        self.y += size * (0.9 if kind in ("h1", "title") else 0.3)
        for i, line in enumerate(lines):
            if self.y + leading > _PAGE_H - _MARGIN:
                self._new_page()
            if kind in ("title", "center"):
                x = _MARGIN + (self.width - self._len(line, size)) / 2
            else:
                x = _MARGIN + (indent if i == 0 else 0.0)
            self._text(line, x, self.y + size, size)
            self.y += leading

    def table(self, table: Table) -> None:
        n_cols = len(table.rows[0])
        widths = self._column_widths(table)
        xs = [_MARGIN + sum(widths[:c]) for c in range(n_cols + 1)]
        covered = table.covered()
        leading = _TABLE_SIZE * 1.45

        def cell_lines(r: int, c: int) -> list[str]:
            _, c1 = table.span(r, c)
            return self.wrap(table.rows[r][c], xs[c1 + 1] - xs[c] - 2 * _CELL_PAD, _TABLE_SIZE)

        heights = []
        for r in range(len(table.rows)):
            single = [
                len(cell_lines(r, c))
                for c in range(n_cols)
                if (r, c) not in covered and table.span(r, c)[0] == r
            ]
            heights.append(max([1, *single]) * leading + 2 * _CELL_PAD)
        for r0, c0, r1, _ in table.merges:  # a tall merged cell stretches its last row
            need = len(cell_lines(r0, c0)) * leading + 2 * _CELL_PAD
            have = sum(heights[r0 : r1 + 1])
            heights[r1] += max(0.0, need - have)
        self.y += 4
        for group in _row_groups(table):
            group_h = sum(heights[r] for r in group)
            if self.y + group_h > _PAGE_H - _MARGIN:
                self._new_page()
            top = {r: self.y + sum(heights[g] for g in group if g < r) for r in group}
            for r in group:
                for c in range(n_cols):
                    if (r, c) in covered:
                        continue
                    r1, c1 = table.span(r, c)
                    bottom = top[r] + sum(heights[g] for g in range(r, r1 + 1))
                    rect = self.fitz.Rect(xs[c], top[r], xs[c1 + 1], bottom)
                    self.page.draw_rect(rect, color=(0, 0, 0), width=0.6)
                    baseline = top[r] + _CELL_PAD + _TABLE_SIZE
                    for line in cell_lines(r, c):
                        self._text(line, xs[c] + _CELL_PAD, baseline, _TABLE_SIZE)
                        baseline += leading
            self.y += group_h
        self.y += 6

    def _column_widths(self, table: Table) -> list[float]:
        """Each column gets its one-line width if everything fits; otherwise short columns keep
        their width (up to _MIN_COLUMN_CHARS characters) and long ones share the rest."""
        n_cols, covered = len(table.rows[0]), table.covered()
        natural = [2 * _CELL_PAD + _TABLE_SIZE] * n_cols
        for r, row in enumerate(table.rows):
            for c, text in enumerate(row):
                if (r, c) not in covered and table.span(r, c)[1] == c:
                    natural[c] = max(natural[c], self._len(text, _TABLE_SIZE) + 2 * _CELL_PAD + 1)
        if sum(natural) <= self.width:
            return [w * self.width / sum(natural) for w in natural]
        floor = [min(w, _MIN_COLUMN_CHARS * _TABLE_SIZE + 2 * _CELL_PAD) for w in natural]
        extra = [n - f for n, f in zip(natural, floor, strict=True)]
        spare = self.width - sum(floor)
        return [f + spare * e / sum(extra) for f, e in zip(floor, extra, strict=True)]

    def finish(self, title: str) -> bytes:
        self._flush()
        self.doc.set_metadata(
            {
                "title": title,
                "author": "SafeCloud 测试语料",
                "creator": "evals.plan_corpus",
                "producer": "PyMuPDF",
                "creationDate": _PDF_DATE,
                "modDate": _PDF_DATE,
            }
        )
        self.doc.subset_fonts()
        data: bytes = self.doc.tobytes(garbage=4, deflate=True, no_new_id=True)
        self.doc.close()
        return data


def _row_groups(table: Table) -> Iterator[list[int]]:
    """Rows tied together by vertical merges stay on one page."""
    end_of = {r: r for r in range(len(table.rows))}
    for r0, _, r1, _ in table.merges:
        end_of[r0] = max(end_of[r0], r1)
    r = 0
    while r < len(table.rows):
        end = end_of[r]
        k = r
        while k <= end:
            end = max(end, end_of[k])
            k += 1
        yield list(range(r, end + 1))
        r = end + 1


def render_pdf(
    blocks: Sequence[Block],
    title: str,
    header: str | None = None,
    plain_headings: bool = False,
    footer: str | None = None,
) -> bytes:
    """``plain_headings``: headings in the body font size (only their numbering marks them)."""
    pdf = _PdfWriter(header, footer)
    for block in blocks:
        kind, value = block_kind(block)
        if kind in ("table", "textbox"):
            pdf.table(Table.from_block(value if kind == "table" else textbox_table_block(value)))
        elif kind == "pagebreak":
            pdf._new_page()
        elif kind == "ol":
            for number, item in enumerate(value, start=1):
                pdf.paragraph("p", f"{number}. {item}")
        elif plain_headings and kind in _HEADINGS:
            pdf.paragraph("plain", value)
        else:
            pdf.paragraph(kind, value)
    return pdf.finish(title)


def render_scanned(
    pdf_bytes: bytes, *, dpi: int = 150, seed: int = 29639, pages: Sequence[int] | None = None
) -> bytes:
    """Image-only PDF that looks scanned: grey pages, a slight tilt and sensor noise, no text layer.
    ``pages`` (0-based) scans only those pages and keeps the others' text layer: a page that was
    printed, signed and scanned back into an otherwise digital PDF."""
    import numpy as np
    import pymupdf as fitz
    from PIL import Image

    rng = np.random.default_rng(seed)
    source = fitz.open(stream=pdf_bytes, filetype="pdf")
    out = fitz.open()
    for number, page in enumerate(source):
        if pages is not None and number not in pages:
            out.insert_pdf(source, from_page=number, to_page=number)
            continue
        pix = page.get_pixmap(dpi=dpi, colorspace=fitz.csGRAY)
        image = Image.frombytes("L", (pix.width, pix.height), pix.samples)
        angle = 0.35 if number % 2 == 0 else -0.25
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=250)
        pixels = np.asarray(image, dtype=np.int16) - 6  # scanner paper is never pure white
        pixels += rng.normal(0, 7, pixels.shape).astype(np.int16)
        image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), mode="L")
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=70, optimize=True)
        target = out.new_page(width=page.rect.width, height=page.rect.height)
        target.insert_image(target.rect, stream=buffer.getvalue())
    if pages is None:
        out.set_metadata({"producer": "scanner", "creationDate": _PDF_DATE, "modDate": _PDF_DATE})
    else:  # still the digital document, one page scanned
        out.set_metadata({**source.metadata, "creationDate": _PDF_DATE, "modDate": _PDF_DATE})
    data: bytes = out.tobytes(garbage=4, deflate=True, no_new_id=True)
    source.close()
    out.close()
    return data
