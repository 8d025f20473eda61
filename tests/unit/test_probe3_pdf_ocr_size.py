"""Probe round 3: a tiny PDF with an oversized scanned page must not make the server render a huge
image for OCR (a 3.6 KB file with one 3000 pt square page had asked for an 8334-pixel square image,
550 MB and 5 s before any OCR ran; the format allows pages of 14400 pt, several GB each)."""

from __future__ import annotations

import pymupdf
import pytest

from plans.errors import NoTextError
from plans.ocr import OcrLine
from plans.pdf_parser import parse_pdf


class SizeRecordingOcr:
    name = "recording"

    def __init__(self) -> None:
        self.sizes: list[tuple[int, int]] = []

    def recognise(self, image_png: bytes) -> list[OcrLine]:
        pix = pymupdf.Pixmap(image_png)
        self.sizes.append((pix.width, pix.height))
        return []


def scanned_pdf(width_pt: float, height_pt: float) -> bytes:
    """One page of the given size holding only a small image: what a scanner's PDF looks like."""
    doc = pymupdf.open()
    page = doc.new_page(width=width_pt, height=height_pt)
    page.insert_image(
        pymupdf.Rect(0, 0, 40, 40), pixmap=pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 4, 4), False)
    )
    return doc.tobytes()  # type: ignore[no-any-return]


@pytest.mark.parametrize(("width", "height"), [(3000, 3000), (14400, 14400), (14400, 200)])
def test_an_oversized_scanned_page_is_rendered_at_a_bounded_size(width: float, height: float) -> None:
    ocr = SizeRecordingOcr()
    with pytest.raises(NoTextError, match="没有识别出任何文字"):  # the fake OCR reads nothing
        parse_pdf(scanned_pdf(width, height), ocr=ocr)
    [(w, h)] = ocr.sizes
    assert w * h <= 16_000_000, (w, h)
    assert abs(w / h - width / height) < 0.05 * (width / height)  # the page is shrunk, not cropped


def test_an_a4_scan_keeps_the_full_ocr_resolution() -> None:
    ocr = SizeRecordingOcr()
    with pytest.raises(NoTextError, match="没有识别出任何文字"):
        parse_pdf(scanned_pdf(595, 842), ocr=ocr)
    assert ocr.sizes == [(1653, 2339)] or ocr.sizes == [(1654, 2339)]  # 200 dpi


def test_ocr_stops_at_the_page_limit_with_a_warning() -> None:
    doc = pymupdf.open()
    image = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 4, 4), False)
    xref = 0
    for _ in range(7):  # seven scanned pages sharing one image: a few hundred bytes each
        page = doc.new_page(width=595, height=842)
        xref = (
            page.insert_image(pymupdf.Rect(0, 0, 40, 40), pixmap=image)
            if not xref
            else page.insert_image(pymupdf.Rect(0, 0, 40, 40), xref=xref)
        )
    ocr = SizeRecordingOcr()
    with pytest.raises(NoTextError):
        parse_pdf(doc.tobytes(), ocr=ocr, max_ocr_pages=3, ocr_dpi=20)
    assert len(ocr.sizes) == 3


def test_the_page_limit_warning_is_reported_with_the_pages_read() -> None:
    doc = pymupdf.open()
    doc.new_page(width=595, height=842).insert_text(
        (72, 72), "第一章 总则 为了规范突发事件应急处置工作", fontname="china-s"
    )
    for _ in range(3):
        doc.new_page(width=595, height=842).insert_image(
            pymupdf.Rect(0, 0, 40, 40), pixmap=pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 4, 4), False)
        )
    ocr = SizeRecordingOcr()
    result = parse_pdf(doc.tobytes(), ocr=ocr, max_ocr_pages=1, ocr_dpi=20)
    assert (len(ocr.sizes), result.ocr_pages) == (1, 1)
    assert any("扫描页超过 1 页，第 3 页起" in w for w in result.warnings), result.warnings
