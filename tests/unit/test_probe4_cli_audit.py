"""Probe round 4: a CLI command that ends itself with ``typer.Exit`` inside ``audited`` is recorded
with the status of how it ended. typer 0.2x vendors Click, so ``typer.Exit`` is not the
``click.exceptions.Exit`` the recorder looked for, and a clean ``Exit(0)`` went into the trail as a 500."""

from __future__ import annotations

import pytest
import typer

from api.cli_audit import audited
from core.audit import AuditEntry


class _Trail:
    def __init__(self) -> None:
        self.entries: list[AuditEntry] = []

    def record(self, entry: AuditEntry) -> None:
        self.entries.append(entry)


@pytest.mark.parametrize(("code", "status"), [(0, 200), (1, 500), (2, 500)])
def test_an_exit_inside_an_audited_command_keeps_its_outcome(code: int, status: int) -> None:
    trail = _Trail()
    with pytest.raises(typer.Exit), audited(lambda: trail, "demo load", {"if_empty": True}):  # type: ignore[arg-type, return-value]
        raise typer.Exit(code=code)
    assert [(e.path, e.status, e.channel) for e in trail.entries] == [("safecloud demo load", status, "cli")]
