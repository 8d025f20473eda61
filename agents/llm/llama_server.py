"""The embedded llama.cpp server (``python -m llama_cpp.server``) as a managed background process.

``start(cfg)`` returns the OpenAI-compatible base URL once ``/v1/models`` answers; a healthy server
started earlier with the same configuration is re-used, one with another configuration is
restarted, and a port held by anything else is refused. State lives in ``cfg.run_dir``
(``<data_dir>/llm``): ``llama-server.json`` (the PID file: pid plus what it serves), the log
``llama-server.log`` (previous run kept as ``.log.1``) and a lock serialising start/stop.

What it runs (``ServerConfig``, argv, environment, thread count) is ``llama_server_config``; its
names are re-exported here for the CLI and tests.

``agents`` never imports ``api``: the CLI turns ``Settings`` into a ``ServerConfig``.
"""

from __future__ import annotations

import contextlib
import fcntl
import http.client
import importlib.util
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

from agents.llm.llama_server_config import (
    LOG_FILE,
    SERVER_MODULE,
    STATE_FILE,
    ServerConfig,
    client_host,
    default_batch_threads,
    default_threads,
    server_command,
    server_env,
    usable_cpus,
)
from core.errors import ConfigError, LLMError

__all__ = [
    "LOG_FILE",
    "STATE_FILE",
    "ServerConfig",
    "default_batch_threads",
    "default_threads",
    "port_in_use",
    "probe_models",
    "run_foreground",
    "server_command",
    "server_env",
    "start",
    "status",
    "stop",
    "usable_cpus",
]

log = logging.getLogger(__name__)

_LOCK_FILE = ".llama-server.lock"
_children: dict[int, subprocess.Popen[bytes]] = {}  # started by this process: reaped, never GC-warned


# --- probing --------------------------------------------------------------------------------------


def probe_models(base_url: str, *, timeout_s: float = 2.0, api_key: str | None = None) -> list[str] | None:
    """Model ids served at ``<base_url>/models``, or ``None`` when nothing answers properly."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = cls(parts.hostname, parts.port, timeout=timeout_s)
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    try:
        conn.request("GET", parts.path.rstrip("/") + "/models", headers=headers)
        resp = conn.getresponse()
        body = resp.read()
        if resp.status != 200:
            return None
        return [str(m.get("id")) for m in json.loads(body).get("data", [])]
    except (OSError, http.client.HTTPException, ValueError, AttributeError):
        return None
    finally:
        conn.close()


def port_in_use(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return True
    return False


# --- process state --------------------------------------------------------------------------------


def _alive(pid: int) -> bool:
    child = _children.get(pid)
    if child is not None and child.poll() is not None:
        _children.pop(pid, None)
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    with contextlib.suppress(OSError, IndexError):
        if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
            return False
    return True


def _is_server(pid: int) -> bool:
    """``pid`` is alive and is our llama.cpp server (guards against PID reuse). A server started by an
    earlier version ran ``llama_cpp.server`` directly; it is still ours to stop after an upgrade."""
    if not _alive(pid):
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        return any(module.encode() in cmdline for module in (SERVER_MODULE, "llama_cpp.server"))
    except OSError:
        return False


def _read_state(cfg: ServerConfig) -> dict[str, Any] | None:
    try:
        state = json.loads(cfg.state_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) and isinstance(state.get("pid"), int) else None


def _write_state(cfg: ServerConfig, pid: int) -> None:
    state = {
        "pid": pid,
        "base_url": cfg.base_url,
        "started_at": datetime.now(UTC).isoformat(),
        **cfg.identity(),
    }
    tmp = cfg.state_path.with_name(f".{STATE_FILE}.tmp")
    tmp.write_text(json.dumps(state, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, cfg.state_path)


@contextlib.contextmanager
def _locked(cfg: ServerConfig) -> Iterator[None]:
    cfg.run_dir.mkdir(parents=True, exist_ok=True)
    with (cfg.run_dir / _LOCK_FILE).open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _log_tail(cfg: ServerConfig, limit: int = 2000) -> str:
    try:
        with cfg.log_path.open("rb") as fh:
            fh.seek(max(0, fh.seek(0, os.SEEK_END) - limit))
            return fh.read().decode("utf-8", errors="replace").strip()
    except OSError:
        return ""


# --- lifecycle ------------------------------------------------------------------------------------


def start(cfg: ServerConfig) -> str:
    """Start (or re-use) the server for ``cfg`` and return its base URL once it answers."""
    with _locked(cfg):
        if _reuse(cfg):
            return cfg.base_url
        _preflight(cfg)
        _rotate_log(cfg)
        started = time.monotonic()
        with cfg.log_path.open("ab") as log_fh:
            proc = subprocess.Popen(
                server_command(cfg),
                stdin=subprocess.DEVNULL,
                stdout=log_fh,
                stderr=subprocess.STDOUT,
                env=server_env(cfg, os.environ),
                start_new_session=True,  # survives the CLI that started it; not hit by its Ctrl-C
            )
        _children[proc.pid] = proc
        _write_state(cfg, proc.pid)
        log.info("llama.cpp server pid %s starting on %s (%s)", proc.pid, cfg.base_url, cfg.model_path.name)
        try:
            _wait_healthy(cfg, proc.pid, time.monotonic() + cfg.startup_timeout_s)
        except BaseException:
            _terminate(proc.pid)
            cfg.state_path.unlink(missing_ok=True)
            raise
        log.info("llama.cpp server answered after %.1f s", time.monotonic() - started)
        return cfg.base_url


def run_foreground(cfg: ServerConfig) -> NoReturn:
    """Become the server (``exec``): for systemd, containers and ``llm serve --foreground``."""
    with _locked(cfg):
        if _reuse(cfg):
            raise ConfigError(
                f"本地大模型服务已在运行（{cfg.base_url}），如需前台运行请先执行 safecloud llm stop",
                code="llm_already_running",
            )
        _preflight(cfg)
        _write_state(cfg, os.getpid())
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, server_command(cfg), server_env(cfg, os.environ))  # noqa: S606


def stop(cfg: ServerConfig, *, timeout_s: float = 15.0) -> bool:
    """Stop the server this data dir started. Returns whether one was running."""
    with _locked(cfg):
        state = _read_state(cfg)
        running = state is not None and _is_server(state["pid"])
        if state is not None and running:
            _terminate(state["pid"], timeout_s)
            log.info("llama.cpp server pid %s stopped", state["pid"])
        cfg.state_path.unlink(missing_ok=True)
        return running


def status(cfg: ServerConfig, *, timeout_s: float = 2.0) -> dict[str, Any]:
    """Whether the server runs and answers; never raises."""
    state = _read_state(cfg)
    pid = state["pid"] if state and _is_server(state["pid"]) else None
    base_url = str(state["base_url"]) if pid and state else cfg.base_url
    served = probe_models(base_url, timeout_s=timeout_s)
    return {
        "running": pid is not None,
        "pid": pid,
        "model": (state or {}).get("alias", cfg.alias) if pid else cfg.alias,
        "model_path": (state or {}).get("model_path", str(cfg.model_path)) if pid else str(cfg.model_path),
        "base_url": base_url,
        "answers": served is not None,
        "served_models": served or [],
        "threads": (state or {}).get("threads", cfg.threads) if pid else cfg.threads,
        "log": str(cfg.log_path),
    }


def _reuse(cfg: ServerConfig) -> bool:
    """True when our server with this configuration is up (waiting for it if still loading)."""
    state = _read_state(cfg)
    if state is None:
        return False
    pid = state["pid"]
    if not _is_server(pid):
        log.info("removing stale llama.cpp server state (pid %s is gone)", pid)
        cfg.state_path.unlink(missing_ok=True)
        return False
    if {k: state.get(k) for k in cfg.identity()} != cfg.identity():
        log.info("llama.cpp server pid %s runs another configuration; restarting it", pid)
        _terminate(pid)
        cfg.state_path.unlink(missing_ok=True)
        return False
    _wait_healthy(cfg, pid, time.monotonic() + cfg.startup_timeout_s)
    return True


def _preflight(cfg: ServerConfig) -> None:
    if port_in_use(cfg.host, cfg.port):
        answering = probe_models(f"http://{client_host(cfg.host)}:{cfg.port}/v1", timeout_s=1.0)
        hint = (
            "该端口上已有一个不由本数据目录管理的模型服务；若要使用它，请设置 SAFECLOUD_LLM__BASE_URL"
            if answering is not None
            else "请停止占用该端口的程序，或设置 SAFECLOUD_LLM__PORT 使用其他端口"
        )
        raise ConfigError(
            f"端口 {cfg.host}:{cfg.port} 已被其他程序占用，无法启动本地大模型服务。{hint}",
            code="llm_port_in_use",
            details={"host": cfg.host, "port": cfg.port},
        )
    if importlib.util.find_spec("llama_cpp") is None:
        raise ConfigError(
            "未安装 llama-cpp-python：请运行 make llm（或 deploy/llm/build-llama-cpp.sh .venv）",
            code="llm_runtime_missing",
        )
    if not cfg.model_path.is_file():
        raise ConfigError(f"模型文件不存在：{cfg.model_path}", code="llm_model_missing")


def _rotate_log(cfg: ServerConfig) -> None:
    if cfg.log_path.exists():
        os.replace(cfg.log_path, cfg.log_path.with_name(LOG_FILE + ".1"))


def _wait_healthy(cfg: ServerConfig, pid: int, deadline: float) -> None:
    while True:
        if not _alive(pid):
            raise LLMError(
                f"本地大模型服务启动失败（进程已退出），日志：{cfg.log_path}",
                code="llm_start_failed",
                details={"log_tail": _log_tail(cfg)},
            )
        if probe_models(cfg.base_url, timeout_s=1.0) is not None:
            return
        if time.monotonic() > deadline:
            raise LLMError(
                f"本地大模型服务在 {cfg.startup_timeout_s:.0f} 秒内未就绪，日志：{cfg.log_path}",
                code="llm_start_timeout",
                details={"log_tail": _log_tail(cfg)},
            )
        time.sleep(0.2)


def _terminate(pid: int, timeout_s: float = 15.0) -> None:
    """SIGTERM, wait, then SIGKILL; reaps the child when this process started it."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if _alive(pid):
        log.warning("llama.cpp server pid %s ignored SIGTERM; killing it", pid)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        kill_deadline = time.monotonic() + 5.0
        while _alive(pid) and time.monotonic() < kill_deadline:
            time.sleep(0.05)
    child = _children.pop(pid, None)
    if child is not None:
        child.wait()
