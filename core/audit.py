"""Audit trail of writes: who changed what, when, through which channel, and with which outcome.

Every non-read HTTP call under ``/api/`` becomes one ``AuditEntry`` (``api/audit.py`` records it),
whether it succeeded, was refused or failed: an auditor needs the attempts as much as the changes.
The request body is kept as a SHA-256 and a size, never verbatim (uploads can be large or sensitive).
A ``safecloud`` command that writes is recorded the same way (``api/cli_audit.py``) with
``channel="cli"``: method ``CLI``, path the command, query its options, the OS account as user, and
the status the API would have answered for the same outcome (200, or the error's 4xx/5xx).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Channel = Literal["api", "cli"]


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
    channel: Channel = Field("api", description="api: an HTTP call; cli: a safecloud command")

    @field_validator("channel", mode="before")
    @classmethod
    def _recorded_before_channels(cls, value: object) -> object:
        """Records written before the CLI was audited carry no channel: they are API calls."""
        return "api" if value is None else value
