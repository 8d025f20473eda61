"""Text boxes in sample-plan sources: a floating frame drawn on the page that holds lines of text.

Word and WPS users put an 应急联络卡 or the steps of a flow chart into text boxes. A source block
``textbox: [line, ...]`` becomes, in the DOCX, a paragraph whose only run holds a VML shape with a
``w:txbxContent`` (one ``w:p`` per line), which is what WPS and Word's compatibility mode write: the
lines are not body paragraphs. The PDF draws the box as a one-cell frame with the lines inside, which
is what its text layer reads like.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_V = "urn:schemas-microsoft-com:vml"


def textbox_lines(value: Any) -> list[str]:
    return [str(line) for line in value]


def add_docx_textbox(doc: Any, value: Any) -> None:
    """Append an anchoring paragraph carrying the text box (fixed shape ids keep output deterministic)."""
    from docx.oxml import parse_xml

    lines = textbox_lines(value)
    shape_id = sum(1 for _ in doc.element.body.iter(f"{{{_V}}}shape")) + 1
    height = 18 * len(lines) + 12
    paragraphs = "".join(f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>" for line in lines)
    run = parse_xml(
        f'<w:r xmlns:w="{_W}" xmlns:v="{_V}"><w:pict>'
        f'<v:shape id="TextBox{shape_id}" type="#_x0000_t202" '
        f'style="width:220pt;height:{height}pt;mso-position-horizontal:right" strokeweight="0.75pt">'
        f"<v:textbox><w:txbxContent>{paragraphs}</w:txbxContent></v:textbox>"
        "</v:shape></w:pict></w:r>"
    )
    doc.add_paragraph()._p.append(run)


def textbox_table_block(value: Any) -> dict[str, Any]:
    """The PDF's view of a text box: a framed single cell with one line per text-box line."""
    return {"rows": [["\n".join(textbox_lines(value))]]}
