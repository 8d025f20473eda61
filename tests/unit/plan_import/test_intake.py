"""Bad input never crashes the import: each case is a typed DocumentError with a Chinese message."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from core.errors import DocumentError
from plans import intake as intake_mod
from plans.errors import (
    ConversionUnavailableError,
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    NoTextError,
    UnsafeArchiveError,
    UnsupportedFormatError,
)
from plans.intake import BlobStore, detect_format
from plans.pipeline import import_plan
from tests.support.plan_docs import (
    docx_bytes,
    encrypted_pdf_bytes,
    pdf_bytes,
    scanned_pdf_bytes,
    zip_bomb_docx,
)

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.fixture(scope="module")
def docx_data() -> bytes:
    return docx_bytes()


@pytest.fixture(scope="module")
def pdf_data() -> bytes:
    return pdf_bytes()


def _assert_chinese(exc: DocumentError) -> None:
    assert any("\u4e00" <= ch <= "\u9fff" for ch in exc.message), exc.message


def test_format_is_detected_from_bytes_not_the_name(docx_data: bytes, pdf_data: bytes) -> None:
    assert detect_format(docx_data) == "docx"
    assert detect_format(pdf_data) == "pdf"
    assert detect_format(OLE2 + b"\0" * 600) == "doc"


def test_empty_file() -> None:
    with pytest.raises(EmptyDocumentError) as info:
        import_plan(b"", "plan.docx", ocr=None)
    _assert_chinese(info.value)


def test_over_the_size_limit(docx_data: bytes) -> None:
    with pytest.raises(DocumentTooLargeError):
        import_plan(docx_data, "plan.docx", max_bytes=len(docx_data) - 1, ocr=None)


@pytest.mark.parametrize("name", ["plan.pdf", "plan.txt", "plan.doc"])
def test_extension_that_contradicts_the_content(docx_data: bytes, name: str) -> None:
    with pytest.raises(UnsupportedFormatError) as info:
        import_plan(docx_data, name, ocr=None)
    assert info.value.details["detected"] == "docx"


def test_declared_mime_type_that_contradicts_the_content(pdf_data: bytes) -> None:
    with pytest.raises(UnsupportedFormatError):
        import_plan(pdf_data, "plan.pdf", media_type="image/png", ocr=None)
    # generic upload types say nothing and are accepted
    assert import_plan(pdf_data, "plan.pdf", media_type="application/octet-stream", ocr=None).media_type == (
        "application/pdf"
    )


def test_unknown_bytes_and_other_zip_files() -> None:
    with pytest.raises(UnsupportedFormatError):
        import_plan("这是一个纯文本文件".encode(), "plan.txt", ocr=None)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormatError):
        import_plan(buf.getvalue(), "plan.docx", ocr=None)


def test_truncated_docx(docx_data: bytes) -> None:
    with pytest.raises(CorruptDocumentError) as info:
        import_plan(docx_data[: len(docx_data) // 2], "plan.docx", ocr=None)
    _assert_chinese(info.value)


def test_docx_with_a_damaged_document_part(docx_data: bytes) -> None:
    src = zipfile.ZipFile(io.BytesIO(docx_data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            out.writestr(item, data[: len(data) // 3] if item.filename == "word/document.xml" else data)
    with pytest.raises(CorruptDocumentError):
        import_plan(buf.getvalue(), "plan.docx", ocr=None)


def test_zip_bomb_is_refused_before_parsing() -> None:
    bomb = zip_bomb_docx(inflated_mb=600)
    assert len(bomb) < 2 * 2**20
    with pytest.raises(UnsafeArchiveError):
        import_plan(bomb, "plan.docx", ocr=None)


def test_total_inflated_size_limit_applies_without_the_ratio_check() -> None:
    """A moderately compressed archive over the total limit is refused; under it, accepted."""
    bomb = zip_bomb_docx(inflated_mb=20)
    limits = intake_mod.ArchiveLimits(max_total_bytes=5 * 2**20, max_ratio=1e9)
    with pytest.raises(UnsafeArchiveError):
        intake_mod.guard_docx_archive(bomb, limits)
    intake_mod.guard_docx_archive(bomb, intake_mod.ArchiveLimits(max_total_bytes=64 * 2**20, max_ratio=1e9))


def test_corrupt_and_truncated_pdf(pdf_data: bytes) -> None:
    with pytest.raises(CorruptDocumentError):
        import_plan(b"%PDF-1.7\n" + b"\x00garbage" * 50, "plan.pdf", ocr=None)
    # a PDF cut in half either fails cleanly or yields a clearly marked result, never a crash
    try:
        result = import_plan(pdf_data[: len(pdf_data) // 2], "plan.pdf", ocr=None)
    except DocumentError as exc:
        _assert_chinese(exc)
    else:
        assert result.report.pages >= 1


def test_encrypted_pdf() -> None:
    with pytest.raises(EncryptedDocumentError) as info:
        import_plan(encrypted_pdf_bytes(), "plan.pdf", ocr=None)
    assert "密码" in info.value.message


def test_password_protected_office_file() -> None:
    data = OLE2 + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512
    with pytest.raises(EncryptedDocumentError):
        import_plan(data, "plan.docx", ocr=None)


def test_legacy_doc_without_libreoffice_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(intake_mod.shutil, "which", lambda name: None)
    with pytest.raises(ConversionUnavailableError) as info:
        import_plan(OLE2 + b"\0" * 2048, "plan.doc", ocr=None)
    assert "LibreOffice" in info.value.message


def test_image_only_pdf_without_ocr_engine() -> None:
    with pytest.raises(NoTextError) as info:
        import_plan(scanned_pdf_bytes(pages=1, dpi=50), "scan.pdf", ocr=None)
    assert "OCR" in info.value.message


def test_document_that_is_not_a_plan_is_marked_partial() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("会议纪要")
    document.add_paragraph("今天讨论了食堂菜单和停车位安排，下周继续。")
    buf = io.BytesIO()
    document.save(buf)
    result = import_plan(buf.getvalue(), "minutes.docx", ocr=None)
    assert result.report.partial
    assert any("预案" in w for w in result.report.warnings)
    assert result.plan.title == "minutes"


def test_blob_store_is_content_addressed_and_idempotent(tmp_path: Path, docx_data: bytes) -> None:
    first = import_plan(docx_data, "a.docx", blob_dir=tmp_path, ocr=None)
    second = import_plan(docx_data, "b.docx", blob_dir=tmp_path, ocr=None)
    assert first.sha256 == second.sha256
    assert [p.name for p in tmp_path.iterdir()] == [first.sha256]
    assert BlobStore(tmp_path).get(first.sha256) == docx_data


def test_failed_import_stores_nothing(tmp_path: Path, docx_data: bytes) -> None:
    with pytest.raises(CorruptDocumentError):
        import_plan(docx_data[:100], "a.docx", blob_dir=tmp_path, ocr=None)
    assert not tmp_path.exists() or not any(tmp_path.iterdir())


def test_legacy_doc_is_converted_with_libreoffice_when_installed(tmp_path: Path, docx_data: bytes) -> None:
    """A stand-in ``soffice`` that behaves like LibreOffice's --convert-to: writes <outdir>/plan.docx."""
    converted = tmp_path / "converted.docx"
    converted.write_bytes(docx_data)
    fake = tmp_path / "soffice"
    fake.write_text(
        '#!/bin/sh\nwhile [ "$1" != "--outdir" ]; do shift; done\ncp "'
        + str(converted)
        + '" "$2/plan.docx"\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    result = intake_mod.intake(OLE2 + b"\0" * 2048, "plan.doc", max_bytes=2**20, soffice=str(fake))
    assert (result.fmt, result.parse_format, result.parse_data) == ("doc", "docx", docx_data)
    assert result.media_type == "application/msword"


def test_damaged_files_never_crash(docx_data: bytes, pdf_data: bytes) -> None:
    """Random byte damage and truncation: a result or a DocumentError, nothing else (fixed seed)."""
    rng = random.Random(20261125)
    for i in range(40):
        name, source = ("plan.docx", docx_data) if i % 2 else ("plan.pdf", pdf_data)
        data = bytearray(source)
        if i % 3 == 0:
            data = data[: rng.randrange(10, len(data))]
        else:
            for _ in range(rng.randint(1, 40)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            import_plan(bytes(data), name, ocr=None)
        except DocumentError as exc:
            _assert_chinese(exc)
