"""Audit trail of writes through the API: who changed what, when, and with which outcome.

Every non-read HTTP call under ``/api/`` becomes one ``AuditEntry`` (``api/audit.py`` records it),
whether it succeeded, was refused or failed: an auditor needs the attempts as much as the changes.
The request body is kept as a SHA-256 and a size, never verbatim (uploads can be large or sensitive).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class AuditEntry(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str = Field(min_length=1)
    at: int = Field(ge=0, description="epoch milliseconds")
    user_id: str
    scope: str = Field(description="data scope of the caller, e.g. city / town:澄江街道")
    method: str
    path: str
    query: str = ""
    status: int
    duration_ms: int = Field(ge=0)
    client: str = ""
    body_sha256: str = ""
    body_bytes: int = Field(0, ge=0)
