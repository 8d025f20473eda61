"""How ``QdrantSearchIndex`` gets its client: a Qdrant server, or embedded local mode in a folder.

Local mode (``QdrantClient(path=...)``) allows ONE process per folder (an exclusive file lock). The
API process owns the folder while it runs; a CLI command that needs it at the same time fails with
``SearchIndexLockedError`` (stop the server, or point both at a Qdrant server with
``SAFECLOUD_SEARCH__URL``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from qdrant_client import QdrantClient

from agents.search.errors import SearchIndexLockedError


def qdrant_client_factory(
    *, url: str | None = None, api_key: str | None = None, path: Path | None = None, timeout: int = 10
) -> Callable[[], QdrantClient]:
    """A factory for the composition root: a server client when ``url`` is set, else local mode."""

    def make() -> QdrantClient:
        if url:
            return QdrantClient(url=url, api_key=api_key, timeout=timeout)
        if path is None:
            return QdrantClient(location=":memory:")
        path.mkdir(parents=True, exist_ok=True)
        # Probe the lock first: a QdrantLocal that fails on it leaks its lock file handle.
        if _locked(path / ".lock"):
            raise _locked_error(path)
        try:  # the adapter serialises local-mode calls, so any request thread may use it
            return QdrantClient(path=str(path), force_disable_check_same_thread=True)
        except RuntimeError as exc:  # lost a race with another process
            if "already accessed" in str(exc):
                raise _locked_error(path) from exc
            raise

    return make


def is_local_client(client: QdrantClient) -> bool:
    """Embedded (a folder or ``:memory:``), not a server: pure Python, not safe for concurrent use."""
    options = client.init_options
    return bool(options.get("path") or options.get("location") == ":memory:")


def _locked(lock_file: Path) -> bool:
    """True when another client (in any process) holds the local-mode folder's lock."""
    import portalocker  # qdrant-client's own locking library

    if not lock_file.exists():
        return False
    with lock_file.open("r+") as fh:
        try:
            portalocker.lock(fh, portalocker.LockFlags.EXCLUSIVE | portalocker.LockFlags.NON_BLOCKING)
        except portalocker.exceptions.LockException:
            return True
        portalocker.unlock(fh)
    return False


def _locked_error(path: Path) -> SearchIndexLockedError:
    return SearchIndexLockedError(
        f"检索索引目录 {path} 正被另一个进程占用（通常是正在运行的 safecloud serve）："
        "嵌入式 Qdrant 每个目录只允许一个进程访问。请先停止服务再运行此命令，"
        "或为服务与命令行配置同一个 Qdrant 服务器（SAFECLOUD_SEARCH__URL）。",
        details={"path": str(path)},
    )
