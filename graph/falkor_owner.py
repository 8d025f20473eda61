"""Who owns the embedded FalkorDB server of a data directory (graph.falkor_graph_store).

The server runs in its own session so a Ctrl-C reaches only SafeCloud, which then stops it with
SHUTDOWN. A ``kill -9`` of ``safecloud serve`` gives it no chance: the server lives on, the next
start re-attaches to it, and nobody stopped it any more, so the following Ctrl-C left it running.

The launcher therefore records ``falkordb.owner.json`` = {server pid, owner pid, data dir} when it
starts a server. A later process may ADOPT that server (and stop it on exit) only when the record
names the very server it reached (same pid, same data directory) and the owner recorded is gone.
A server this launcher did not start (no record, another directory) or whose owner still runs
(``serve`` beside a CLI command) is only attached to, never stopped.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

OWNER_FILE = "falkordb.owner.json"


def alive(pid: int) -> bool:
    """The process exists and is not a zombie (an orphan's zombie waits for an init that may never
    reap it in a container; it holds no socket and no data)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no procfs: the signal check is all there is
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


def record(data_dir: Path, server_pid: int) -> None:
    """This process owns ``server_pid`` (it started or adopted it)."""
    path = data_dir / OWNER_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(
        json.dumps({"server_pid": server_pid, "owner_pid": os.getpid(), "data_dir": str(data_dir)}),
        encoding="utf-8",
    )
    tmp.replace(path)  # a reader never sees half a record


def forget(data_dir: Path) -> None:
    (data_dir / OWNER_FILE).unlink(missing_ok=True)


def listens_on(pid: int, socket_path: Path) -> bool:
    """redis-server titles itself ``redis-server unixsocket:PATH``: a pid reused by another
    program after a crash does not, and must never be signalled."""
    try:
        title = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return True  # no procfs: the record and the server's own pid (the caller checks) must do
    return str(socket_path) in title


def orphan_of_ours(data_dir: Path, server_pid: int, socket_path: Path) -> bool:
    """The record says this launcher started ``server_pid`` for ``data_dir``, that process still
    listens on our socket, and the owner recorded is gone."""
    try:
        rec = json.loads((data_dir / OWNER_FILE).read_text(encoding="utf-8"))
        started, owner, where = int(rec["server_pid"]), int(rec["owner_pid"]), str(rec["data_dir"])
    except (OSError, ValueError, KeyError, TypeError):
        return False  # no record (a server started by hand): never ours to stop
    if started != server_pid or Path(where) != data_dir:
        return False
    return owner != os.getpid() and not alive(owner) and listens_on(server_pid, socket_path)


__all__ = ["OWNER_FILE", "alive", "forget", "listens_on", "orphan_of_ours", "record"]
