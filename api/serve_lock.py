"""One ``safecloud serve`` per data directory, and a clear message when a second one is started.

A second ``make run`` beside a running one used to fail half-way through its set-up with the embedded
Qdrant's lock error (``index rebuild``) or uvicorn's "address already in use", which says nothing about
the instance that is already there. The server now holds an exclusive ``flock`` on
``<data_dir>/serve.lock`` for its whole life and writes its pid and address into the file; the kernel
drops the lock when the process ends, however it ends, so a killed server never leaves a stale lock.
``make run`` asks first (``safecloud serve --check``) and stops before touching anything.
"""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path
from typing import IO

from core.errors import ConflictError

LOCK_NAME = "serve.lock"
EXIT_RUNNING = 3  # `safecloud serve --check`: another server holds the data directory


class AlreadyRunning(ConflictError):
    def __init__(self, data_dir: Path, holder: dict[str, object]) -> None:
        pid, url = holder.get("pid", "?"), holder.get("url", "?")
        super().__init__(
            f"SafeCloud 已在运行（进程 {pid}，{url}），数据目录 {data_dir} 同一时间只能由一个服务使用。"
            "请直接打开该地址；要重启请先在其终端按 Ctrl-C 停止它；要再开一个实例请设置 "
            "SAFECLOUD_DATA_DIR（另一个数据目录）和 SAFECLOUD_API__PORT。",
            code="already_running",
            details={"pid": pid, "url": url, "data_dir": str(data_dir)},
        )


def _holder(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _try_lock(data_dir: Path) -> IO[str] | None:
    """The open, locked file; None when another process holds the lock."""
    data_dir.mkdir(parents=True, exist_ok=True)
    handle = (data_dir / LOCK_NAME).open("a+", encoding="utf-8")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return handle


def check_free(data_dir: Path) -> None:
    """Raise ``AlreadyRunning`` when a server holds ``data_dir``; takes no lock itself."""
    handle = _try_lock(data_dir)
    if handle is None:
        raise AlreadyRunning(data_dir, _holder(data_dir / LOCK_NAME))
    handle.close()  # closing the file releases the probe's lock


def acquire(data_dir: Path, url: str) -> IO[str]:
    """Lock ``data_dir`` for this process and record who holds it; keep the returned file open."""
    handle = _try_lock(data_dir)
    if handle is None:
        raise AlreadyRunning(data_dir, _holder(data_dir / LOCK_NAME))
    handle.seek(0)
    handle.truncate()
    handle.write(json.dumps({"pid": os.getpid(), "url": url}))
    handle.flush()
    return handle
