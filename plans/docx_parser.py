"""DOCX → ``DocumentStructure`` with python-docx.

Walks the body in document order (paragraphs, tables, content controls), keeps the heading level
Word knows (heading styles, outline levels) and renders Word's automatic numbering (numbering.xml:
"第%1章", "%1.%2", chineseCounting …) in front of the text, because plan authors number headings
that way and the numbers are what the section classifier and the reviewer see. Tables become a cell
grid; python-docx already repeats a merged cell's text in every grid position it covers.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from plans.errors import CorruptDocumentError
from plans.nested_cells import splice_nested, with_header
from plans.structure import Block, DocumentStructure, assign_heading_levels, classify_line, split_number

log = logging.getLogger(__name__)

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
_CHARS_PER_PAGE = 900  # a typical A4 page of a Chinese plan, used only when Word saved no page count
_CN_DIGITS = "零一二三四五六七八九"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def parse_docx(data: bytes) -> DocumentStructure:
    try:
        document = docx.Document(BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError/ValueError/lxml errors on damaged parts
        raise CorruptDocumentError(
            "Word 文档（DOCX）内容已损坏，无法解析，请在 Word 中打开另存后重新上传。"
        ) from exc
    numbering = _Numbering(document)
    styles = _Styles(document)
    blocks: list[Block] = []
    page_breaks = 0
    for item in _body_items(document):
        if isinstance(item, Table):
            outer, inner = _table_grid(item)
            for grid in splice_nested(outer, inner):
                if any(any(cell for cell in row) for row in grid):
                    text = "\n".join(" | ".join(row) for row in grid)
                    blocks.append(Block(kind="table", text=text, paragraph=len(blocks), cells=grid))
            continue
        page_breaks += len(item._p.xpath('.//w:br[@w:type="page"]'))
        text = item.text.strip()
        if not text:
            continue
        style = styles.get(item._p.style)
        label = numbering.label(item, style)
        if label:
            text = f"{label} {text}" if not text.startswith(label) else text
        blocks.append(_paragraph_block(item, text, style, label, len(blocks)))
    assign_heading_levels(blocks)
    chars = sum(len(b.text) for b in blocks)
    # Word's saved count when present; else explicit breaks, or the text volume if that says more
    saved = _saved_page_count(document)
    pages = saved if saved > 1 else max(page_breaks + 1, math.ceil(chars / _CHARS_PER_PAGE))
    return DocumentStructure(blocks=blocks, pages=pages)


def _paragraph_block(
    paragraph: Paragraph, text: str, style: _StyleInfo, label: str | None, index: int
) -> Block:
    level = _own_outline_level(paragraph) or style.outline_level
    kind, number = classify_line(text)
    if level is not None:
        numbering = split_number(text)
        return Block(
            kind="heading",
            text=text,
            paragraph=index,
            heading_level=level,
            number=numbering.number if numbering else None,
            style=style.name,
        )
    if kind == "paragraph" and not label and _bold_line(paragraph, text):
        return Block(kind="heading", text=text, paragraph=index, style=style.name)
    if label and kind == "paragraph":
        kind = "list_item"  # bullets and auto-numbered list paragraphs
    if style.name and style.name.lower().startswith("list") and kind == "paragraph":
        kind = "list_item"
    return Block(kind=kind, text=text, paragraph=index, number=number, style=style.name)


_SENTENCE_PUNCTUATION = re.compile(r"[。；;：:，,！!？?]")


def _bold_line(paragraph: Paragraph, text: str) -> bool:
    """A short line set all in bold, with no sentence punctuation: a heading typed without a heading
    style ("镇防汛防台指挥部"), as many plans are written."""
    runs = [r for r in paragraph.runs if r.text.strip()]
    return (
        bool(runs)
        and len(text) <= 30
        and not _SENTENCE_PUNCTUATION.search(text)
        and all(r.bold or (r.style is not None and r.style.font.bold) for r in runs)
    )


def _outline_value(ppr: Any) -> int | None:
    if ppr is None:
        return None
    lvl = ppr.find(qn("w:outlineLvl"))
    value = lvl.get(qn("w:val"), "") if lvl is not None else ""
    return int(value) + 1 if value.isdigit() and int(value) < 9 else None


def _own_outline_level(paragraph: Paragraph) -> int | None:
    return _outline_value(paragraph._p.pPr)


@dataclass(frozen=True)
class _StyleInfo:
    name: str | None
    outline_level: int | None  # 1-based, from a heading style or an outline level, inherited
    num_pr: tuple[str | None, int | None]  # numbering (numId, ilvl) the style carries, inherited


class _Styles:
    """Style facts resolved once per style id: python-docx's ``paragraph.style`` is slow per call."""

    def __init__(self, document: Any) -> None:
        self._document = document
        self._cache: dict[str | None, _StyleInfo] = {}

    def get(self, style_id: str | None) -> _StyleInfo:
        if style_id not in self._cache:
            try:
                style = self._document.styles.get_by_id(style_id, WD_STYLE_TYPE.PARAGRAPH)
            except (KeyError, ValueError):
                style = None
            self._cache[style_id] = self._resolve(style)
        return self._cache[style_id]

    @staticmethod
    def _resolve(style: Any) -> _StyleInfo:
        name = style.name if style is not None else None
        level: int | None = None
        num_id: str | None = None
        ilvl: int | None = None
        while style is not None:
            m = _HEADING_STYLE.match(style.name or "")
            ppr = style.element.pPr
            if level is None:
                level = int(m.group(1)) if m else _outline_value(ppr)
            num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
            if num_pr is not None:
                if num_id is None and num_pr.find(qn("w:numId")) is not None:
                    num_id = num_pr.find(qn("w:numId")).get(qn("w:val"))
                if ilvl is None and num_pr.find(qn("w:ilvl")) is not None:
                    ilvl = int(num_pr.find(qn("w:ilvl")).get(qn("w:val"), "0"))
            style = style.base_style
        return _StyleInfo(name=name, outline_level=level, num_pr=(num_id, ilvl))


def _body_items(document: Any) -> Iterator[Paragraph | Table]:
    def walk(parent: Any) -> Iterator[Paragraph | Table]:
        for child in parent.iterchildren():
            if child.tag == qn("w:p"):
                # Cover titles often sit in text boxes, which paragraph.text does not include. Word
                # writes each box twice (DrawingML choice + VML fallback): read the first only.
                for box in child.iter(qn("w:txbxContent")):
                    if not any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
                        yield from walk(box)
                yield Paragraph(child, document)
            elif child.tag == qn("w:tbl"):
                yield Table(child, document)
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from walk(content)

    yield from walk(document.element.body)


def _table_grid(table: Table) -> tuple[list[list[str]], dict[tuple[int, int], list[list[str]]]]:
    """The cell grid and, by position, the grid of a table nested in a cell (``cell.text`` skips it)."""
    grid: list[list[str]] = []
    inner: dict[tuple[int, int], list[list[str]]] = {}
    for r, row in enumerate(table.rows):
        try:
            cells = row.cells
        except (IndexError, ValueError):  # malformed spans: keep the row's text in one cell
            grid.append([re.sub(r"\s+", " ", "".join(row._tr.itertext())).strip()])
            continue
        grid.append([re.sub(r"\s+", " ", cell.text).strip() for cell in cells])
        for c, cell in enumerate(cells):
            nested = with_header(_table_grid(cell.tables[0])[0]) if cell.tables else None
            if nested:
                inner[(r, c)] = nested
    return grid, inner


def _saved_page_count(document: Any) -> int:
    for rel_part in document.part.package.iter_parts():
        if str(rel_part.partname) == "/docProps/app.xml":
            m = re.search(rb"<Pages>(\d+)</Pages>", rel_part.blob)
            return int(m.group(1)) if m else 0
    return 0


def _cn_number(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")
    return str(n)


def _roman(n: int) -> str:
    values = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
              (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip
    out = ""
    for value, letters in values:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _format(n: int, fmt: str) -> str:
    if fmt.startswith("chinese") or fmt.startswith("ideograph") or fmt == "taiwaneseCounting":
        return _cn_number(n)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"[n - 1]
    return str(n)


class _Numbering:
    """Renders Word's automatic list numbers ("%1.%2" templates), counting per list as Word does."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId → ilvl → (start, fmt, text)
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        for an in root.findall(qn("w:abstractNum")):
            abstract[an.get(qn("w:abstractNumId"))] = {
                int(lvl.get(qn("w:ilvl"), "0")): self._level(lvl) for lvl in an.findall(qn("w:lvl"))
            }
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = dict(abstract.get(ref.get(qn("w:val")) if ref is not None else "", {}))
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                start = override.find(qn("w:startOverride"))
                if start is not None and ilvl in levels:
                    _, fmt, text = levels[ilvl]
                    levels[ilvl] = (int(start.get(qn("w:val"), "1")), fmt, text)
            self.levels[num.get(qn("w:numId"))] = levels

    @staticmethod
    def _level(lvl: Any) -> tuple[int, str, str]:
        def val(tag: str, default: str) -> str:
            el = lvl.find(qn(tag))
            return el.get(qn("w:val"), default) if el is not None else default

        return int(val("w:start", "1") or 1), val("w:numFmt", "decimal"), val("w:lvlText", "")

    @staticmethod
    def _num_pr(paragraph: Paragraph, style: _StyleInfo) -> tuple[str, int] | None:
        num_id, ilvl = None, None
        ppr = paragraph._p.pPr
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num_pr is not None:
            if num_pr.find(qn("w:numId")) is not None:
                num_id = num_pr.find(qn("w:numId")).get(qn("w:val"))
            if num_pr.find(qn("w:ilvl")) is not None:
                ilvl = int(num_pr.find(qn("w:ilvl")).get(qn("w:val"), "0"))
        num_id = num_id if num_id is not None else style.num_pr[0]
        ilvl = ilvl if ilvl is not None else style.num_pr[1]
        if num_id is None or num_id == "0":
            return None
        return num_id, ilvl or 0

    def label(self, paragraph: Paragraph, style: _StyleInfo) -> str | None:
        """The rendered number ("1.2", "第三章", "（一）"); ``None`` for no numbering or a bullet."""
        if not self.levels:
            return None
        found = self._num_pr(paragraph, style)
        if found is None or found[0] not in self.levels:
            return None
        num_id, ilvl = found
        levels = self.levels[num_id]
        if ilvl not in levels:
            return None
        counters = self.counters.setdefault(num_id, {})
        start = levels[ilvl][0]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        _, fmt, template = levels[ilvl]
        if fmt in ("bullet", "none") or not template:
            return None

        def render(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            if k not in levels:
                return ""
            value = counters.get(k, levels[k][0])
            return _format(value, "decimal" if k != ilvl and fmt == "decimal" else levels[k][1])

        return re.sub(r"%(\d)", render, template).strip()
