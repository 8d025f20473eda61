"""Intake: what the uploaded bytes are, whether they are safe to parse, and where the original is kept.

The format is decided by the bytes (magic numbers and the DOCX part list), never by the file name:
the extension and the declared MIME type only have to agree with it. Everything here runs *before*
a parser touches the file, so a zip bomb or an encrypted container never reaches python-docx or
PyMuPDF. ``BlobStore`` keeps originals content-addressed (``<root>/<sha256>``), so storing twice
is a no-op and the hash is the file's identity for versions and review.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path, PurePath
from typing import Literal

from plans.errors import (
    ConversionFailedError,
    ConversionUnavailableError,
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    UnsafeArchiveError,
    UnsupportedFormatError,
)

log = logging.getLogger(__name__)

Format = Literal["docx", "pdf", "doc"]

MEDIA_TYPES: dict[Format, str] = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "doc": "application/msword",
}
# WPS 文字 saves .wps in the Word 97-2003 binary format, which LibreOffice converts like a .doc:
# many town offices write their plans in WPS, and a .wps was refused as "not a DOC".
_EXTENSIONS: dict[Format, tuple[str, ...]] = {"docx": (".docx",), "pdf": (".pdf",), "doc": (".doc", ".wps")}
# Browsers and curl send these for any file; they say nothing about the content.
_NEUTRAL_MEDIA_TYPES = {"", "application/octet-stream", "binary/octet-stream", "application/x-download"}

_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NAMES = {"docx": "Word 文档（DOCX）", "pdf": "PDF 文档", "doc": "Word 97-2003 / WPS 文字文档（DOC / WPS）"}
# Stream names in an OLE2 directory (UTF-16, NUL-terminated) and part names in an OOXML zip that say
# a file is a spreadsheet or a slide deck (Excel / WPS 表格 .et, PowerPoint / WPS 演示 .dps), so it
# is refused as such instead of as "a DOC whose extension lies" or a failed conversion.
_OLE2_WORD = "WordDocument\0".encode("utf-16-le")
_OLE2_OTHER = {
    "电子表格（Excel / WPS 表格）": ("Workbook\0".encode("utf-16-le"), "Book\0".encode("utf-16-le")),
    "演示文稿（PowerPoint / WPS 演示）": ("PowerPoint Document\0".encode("utf-16-le"),),
}
_OOXML_OTHER = {
    "电子表格（Excel / WPS 表格）": "xl/workbook.xml",
    "演示文稿（PowerPoint / WPS 演示）": "ppt/presentation.xml",
}
_NOT_A_PLAN = "这是{kind}，不是预案文档。请上传 DOCX、DOC、WPS 或 PDF 格式的预案。"


@dataclass(frozen=True)
class ArchiveLimits:
    """Zip-bomb guard for DOCX. A 300-page plan's parts inflate to a few tens of MB."""

    max_entries: int = 5_000
    max_total_bytes: int = 512 * 2**20
    max_ratio: float = 200.0  # per entry, checked only for entries above ``ratio_floor_bytes``
    ratio_floor_bytes: int = 8 * 2**20


def check_size(data: bytes, max_bytes: int) -> None:
    if not data:
        raise EmptyDocumentError("上传的文件是空的（0 字节），请重新选择预案文件。")
    if len(data) > max_bytes:
        raise DocumentTooLargeError(
            f"文件大小 {len(data) / 2**20:.1f} MB 超过上限 {max_bytes / 2**20:.0f} MB。",
            details={"size": len(data), "max_bytes": max_bytes},
        )


def detect_format(data: bytes) -> Format:
    """DOCX / PDF / DOC from the bytes; anything else → ``UnsupportedFormatError``."""
    # PDF allows up to 1 KB of junk before the header; readers accept it, so do we.
    if data.startswith(_PDF_MAGIC) or _PDF_MAGIC in data[:1024]:
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise CorruptDocumentError(
                "Word 文档（DOCX）已损坏或不完整，无法读取（压缩包结构错误），请重新导出后上传。"
            ) from exc
        if "word/document.xml" in names:
            return "docx"
        for kind, part in _OOXML_OTHER.items():
            if part in names:
                raise UnsupportedFormatError(_NOT_A_PLAN.format(kind=kind))
        raise UnsupportedFormatError(
            "这是一个压缩包，但不是 Word 文档（缺少 word/document.xml）。请上传 DOCX、DOC 或 PDF 格式的预案。"
        )
    if data.startswith(_OLE2_MAGIC):
        # Office puts password-protected DOCX/XLSX into an OLE2 container with this stream.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedDocumentError("文档已加密（设置了打开密码），请取消密码后重新上传。")
        if _OLE2_WORD not in data:  # a Word / WPS 文字 file always has this stream
            for kind, streams in _OLE2_OTHER.items():
                if any(stream in data for stream in streams):
                    raise UnsupportedFormatError(_NOT_A_PLAN.format(kind=kind))
        return "doc"
    raise UnsupportedFormatError("无法识别的文件格式，请上传 DOCX、DOC、WPS 或 PDF 格式的预案。")


def check_declared_type(fmt: Format, filename: str, media_type: str | None = None) -> None:
    """The extension (if any) and the declared MIME type (if specific) must agree with the bytes."""
    suffix = PurePath(filename).suffix.lower()
    if suffix and suffix not in _EXTENSIONS[fmt]:
        raise UnsupportedFormatError(
            f"文件扩展名 {suffix} 与文件内容（{_NAMES[fmt]}）不符，请确认文件后重新上传。",
            details={"extension": suffix, "detected": fmt},
        )
    declared = (media_type or "").split(";")[0].strip().lower()
    if declared not in _NEUTRAL_MEDIA_TYPES and declared != MEDIA_TYPES[fmt]:
        raise UnsupportedFormatError(
            f"声明的文件类型 {declared} 与文件内容（{_NAMES[fmt]}）不符。",
            details={"media_type": declared, "detected": fmt},
        )


def guard_docx_archive(data: bytes, limits: ArchiveLimits = ArchiveLimits()) -> None:
    """Refuse archives that inflate too far, checked on the declared sizes *and* while inflating.

    Declared sizes can lie, so every entry is also inflated in chunks and counted; the counting stops
    at the first limit, so a bomb costs at most ``max_total_bytes`` of CPU and a chunk of memory.
    """
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > limits.max_entries:
                raise UnsafeArchiveError(
                    f"Word 文档包含 {len(infos)} 个内部文件，超过安全上限 {limits.max_entries}，已拒绝解析。"
                )
            declared = sum(i.file_size for i in infos)
            if declared > limits.max_total_bytes:
                raise UnsafeArchiveError("Word 文档解压后体积异常（疑似压缩炸弹），已拒绝解析。")
            total = 0
            for info in infos:
                if info.file_size > limits.ratio_floor_bytes and info.file_size > limits.max_ratio * max(
                    info.compress_size, 1
                ):
                    raise UnsafeArchiveError("Word 文档压缩比异常（疑似压缩炸弹），已拒绝解析。")
                with archive.open(info) as entry:
                    inflated = 0
                    while chunk := entry.read(1 << 20):
                        inflated += len(chunk)
                        total += len(chunk)
                        if inflated > info.file_size or total > limits.max_total_bytes:
                            raise UnsafeArchiveError("Word 文档解压后体积异常（疑似压缩炸弹），已拒绝解析。")
    except UnsafeArchiveError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
        # BadZipFile covers CRC failures; zlib.error a damaged deflate stream (not an OSError).
        raise CorruptDocumentError("Word 文档（DOCX）已损坏或不完整，无法读取，请重新导出后上传。") from exc


def convert_doc_to_docx(data: bytes, *, soffice: str | None = None, timeout_s: float = 120) -> bytes:
    """Legacy .doc → DOCX with LibreOffice headless, in a private temporary profile and folder."""
    binary = soffice or shutil.which("soffice") or shutil.which("libreoffice")
    if not binary:
        raise ConversionUnavailableError(
            "这是旧版 Word 97-2003（.doc）或 WPS 文字（.wps）文件，服务器未安装 LibreOffice，无法转换。"
            "请在 Word 中另存为 .docx 或 PDF 后上传。"
        )
    with tempfile.TemporaryDirectory(prefix="safecloud-doc-") as tmp:
        src = Path(tmp) / "plan.doc"
        src.write_bytes(data)
        profile = Path(tmp) / "profile"
        cmd = [
            binary,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
            tmp,
            str(src),
        ]
        try:
            subprocess.run(cmd, capture_output=True, timeout=timeout_s, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ConversionFailedError(
                "LibreOffice 转换 .doc 文件失败或超时，请另存为 .docx 后上传。"
            ) from exc
        out = Path(tmp) / "plan.docx"
        if not out.is_file() or out.stat().st_size == 0:
            raise ConversionFailedError("LibreOffice 未能转换该 .doc / .wps 文件（文件可能已损坏或加密）。")
        return out.read_bytes()


class BlobStore:
    """Content-addressed originals: ``<root>/<sha256>``. Writes are atomic and idempotent."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        return self.root / sha256

    def put(self, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if target.is_file() and target.stat().st_size == len(data):
            return digest
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return digest

    def get(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def discard(self, sha256: str) -> None:
        self.path(sha256).unlink(missing_ok=True)


@dataclass(frozen=True)
class Intake:
    """Checked upload: its original format, MIME type and hash, and the bytes a parser should read."""

    fmt: Format
    media_type: str
    sha256: str
    parse_format: Literal["docx", "pdf"]
    parse_data: bytes


def intake(
    data: bytes,
    filename: str,
    *,
    max_bytes: int,
    media_type: str | None = None,
    limits: ArchiveLimits = ArchiveLimits(),
    soffice: str | None = None,
) -> Intake:
    """All checks in order: size, format by bytes, declared type, zip bomb; .doc converted to DOCX."""
    check_size(data, max_bytes)
    fmt = detect_format(data)
    check_declared_type(fmt, filename, media_type)
    sha256 = hashlib.sha256(data).hexdigest()
    if fmt == "pdf":
        return Intake(fmt, MEDIA_TYPES[fmt], sha256, "pdf", data)
    docx = data if fmt == "docx" else convert_doc_to_docx(data, soffice=soffice)
    guard_docx_archive(docx, limits)
    return Intake(fmt, MEDIA_TYPES[fmt], sha256, "docx", docx)
