"""Errors of the plan import pipeline. Every one is a ``core.errors.DocumentError``.

    DocumentError (core)
    ├── EmptyDocumentError          0-byte upload
    ├── DocumentTooLargeError       over ``plans.max_upload_mb``
    ├── UnsupportedFormatError      not DOCX/DOC/PDF by its bytes, or the extension contradicts them
    ├── UnsafeArchiveError          DOCX that would inflate beyond the limits (zip bomb)
    ├── CorruptDocumentError        truncated or damaged DOCX/PDF
    ├── EncryptedDocumentError      password-protected PDF
    ├── ConversionUnavailableError  legacy .doc and no LibreOffice (``soffice``) installed
    ├── ConversionFailedError       LibreOffice ran but produced no DOCX
    └── NoTextError                 image-only PDF and no OCR engine / OCR found no text

Messages are Chinese (shown to the uploader); ``code`` is stable for API clients and tests.
"""

from __future__ import annotations

from core.errors import DocumentError


class EmptyDocumentError(DocumentError):
    code = "document_empty"


class DocumentTooLargeError(DocumentError):
    code = "document_too_large"


class UnsupportedFormatError(DocumentError):
    code = "document_unsupported_format"


class UnsafeArchiveError(DocumentError):
    code = "document_unsafe_archive"


class CorruptDocumentError(DocumentError):
    code = "document_corrupt"


class EncryptedDocumentError(DocumentError):
    code = "document_encrypted"


class ConversionUnavailableError(DocumentError):
    code = "document_conversion_unavailable"


class ConversionFailedError(DocumentError):
    code = "document_conversion_failed"


class NoTextError(DocumentError):
    code = "document_no_text"
