"""``safecloud`` commands that write are audited like API writes, in the same trail.

A command body runs inside ``audited(...)``; when it ends (done, refused or failed) one
``AuditEntry`` with ``channel="cli"`` goes through ``api.audit.AuditTrail`` — the API middleware's
own recording path, so ``GET /api/v1/audit`` lists both. The actor is the operating-system account
that ran the command (the CLI has no login); the status is what the API answers for the same
outcome: 200, or the typed error's status from ``api.errors.status_for`` (409 for a conflict …),
500 for anything else. Options go into ``query`` as ``key=value`` pairs; file contents never do.

``audited`` must sit inside the command's own error handling (which turns a ``SafeCloudError``
into a Chinese message and exit code 2), so it sees the typed error, and while the graph is
still connected.

What is audited starts where the command opens the data: every refusal after the graph is opened
(an unknown ``--town``, a conversation that is not the caller's, a conflict) is recorded with its
status, as the API records a refused request. A refusal of the command line itself — a blank
sentence or ``--town``, a password the policy refuses at the prompt, an over-long question — comes
before that and leaves no row: it read and wrote nothing, the person who typed it is at the terminal
that shows the error and already holds the data folder, and recording it would mean starting the
graph database to log a typo. An API refusal is recorded because its caller is remote and the
server is the only witness; a CLI refusal has no such caller.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import socket
import time
from collections.abc import Callable, Iterator, Mapping
from urllib.parse import urlencode

import click
import typer

from api.audit import AuditTrail, visible
from api.bootstrap import now_ms
from api.errors import status_for
from core.audit import AuditEntry
from core.errors import SafeCloudError
from core.ports import AuditLog


def os_user() -> str:
    """The account that ran the command; its uid when the name cannot be read (a container)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return f"uid:{os.getuid()}"


@contextlib.contextmanager
def audited(
    audit_log: Callable[[], AuditLog | None],
    command: str,
    options: Mapping[str, object] | None = None,
    *,
    scope: str = "city",
    clock: Callable[[], int] = now_ms,
) -> Iterator[None]:
    """Record the command ``safecloud <command>`` with ``options`` when the block ends."""
    trail = AuditTrail(audit_log)
    at, started, status = clock(), time.perf_counter(), 200
    try:
        yield
    except SafeCloudError as exc:
        status = status_for(exc)
        raise
    except (click.exceptions.Exit, typer.Exit) as exc:  # a command that ends itself: failed unless code 0
        # typer 0.2x vendors Click: ``typer.Exit`` is not Click's, and an exit 0 was recorded as a 500.
        status = 200 if exc.exit_code == 0 else 500
        raise
    except BaseException:
        status = 500
        raise
    finally:
        query = urlencode({k: str(v) for k, v in (options or {}).items() if v is not None})
        trail.record(
            AuditEntry(
                id=trail.new_id(at),
                at=at,
                user_id=visible(os_user()),
                scope=scope,
                method="CLI",
                path=visible(f"safecloud {command}"),
                query=visible(query[:2000]),
                status=status,
                duration_ms=int((time.perf_counter() - started) * 1000),
                client=visible(socket.gethostname()),
                channel="cli",
            )
        )


__all__ = ["audited", "os_user"]
