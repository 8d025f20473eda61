"""What the embedded llama.cpp server runs as: its ``ServerConfig``, argv, environment and threads.

Nothing here starts, probes or signals a process (that is ``llama_server``, which re-exports
these names).

Threads: ggml's workers meet at a barrier after every operation, so one preempted worker stalls
the others; on a small machine that also runs the API, the graph engine and the embedder, giving
llama.cpp every core makes decoding collapse whenever anything else runs. ``default_threads``
therefore leaves one core free. Measured on 2 cores, 0.5B model: 1 thread 29 tok/s alone and 19
next to one busy process; 2 threads 44 tok/s alone but 1–12 next to one busy process. Set
``SAFECLOUD_LLM__THREADS=2`` only on a box that does nothing else. ``OMP_NUM_THREADS`` is set to
the same count for the child.
"""

from __future__ import annotations

import contextlib
import math
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STATE_FILE = "llama-server.json"
LOG_FILE = "llama-server.log"
SERVER_MODULE = "agents.llm.llama_server_main"  # llama_cpp.server with an honestly counted prompt cache
_MAX_THREADS = 8
# llama_cpp.server reads these from the environment and lets HOST/PORT override its own flags.
_SCRUBBED_ENV = ("HOST", "PORT", "CONFIG_FILE", "MODEL")


@dataclass(frozen=True)
class ServerConfig:
    model_path: Path
    alias: str
    run_dir: Path
    host: str = "127.0.0.1"
    port: int = 8088
    threads: int = 1
    # Prompt prefill threads; None = ``threads``. ``Settings`` pass ``default_batch_threads()`` (every
    # core) unless configured: prefill scales with cores on a quiet box (docs/PERFORMANCE.md).
    threads_batch: int | None = None
    context: int = 4096
    prompt_cache_mb: int = 0  # 0 = off; see _prompt_cache_flags
    startup_timeout_s: float = 120.0
    verbose: bool = False  # llama.cpp timings and prompt-cache hits per request in the log (benchmarks)

    @property
    def base_url(self) -> str:
        return f"http://{client_host(self.host)}:{self.port}/v1"

    @property
    def state_path(self) -> Path:
        return self.run_dir / STATE_FILE

    @property
    def log_path(self) -> Path:
        return self.run_dir / LOG_FILE

    def identity(self) -> dict[str, Any]:
        """What must match for a running server to be re-used."""
        return {
            "model_path": str(self.model_path),
            "alias": self.alias,
            "host": self.host,
            "port": self.port,
            "threads": self.threads,
            "threads_batch": self.batch_threads,
            "context": self.context,
            "prompt_cache_mb": self.prompt_cache_mb,
            "verbose": self.verbose,
        }

    @property
    def batch_threads(self) -> int:
        return self.threads_batch or self.threads


# --- command line and environment ----------------------------------------------------------------


def usable_cpus() -> int:
    """CPUs this process may run on: affinity mask, capped by a cgroup v2 CPU quota."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    with contextlib.suppress(OSError, ValueError):
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()[:2]
        if quota != "max":
            cpus = min(cpus, max(1, math.ceil(int(quota) / int(period))))
    return max(1, cpus)


def default_threads(cpus: int | None = None) -> int:
    """llama.cpp threads when none are configured: all cores but one, at least 1, at most 8."""
    n = cpus if cpus is not None else usable_cpus()
    return max(1, min(_MAX_THREADS, n - 1))


def default_batch_threads(cpus: int | None = None) -> int:
    """Prompt prefill threads when none are configured: every core, at most 8.

    Prefill is a few large matrix products, not decoding's many tiny steps, and while it runs the
    API is waiting for the answer, so the other cores are usually idle. Measured on 2 quiet cores
    (t2c005's 1,336-token prompt, 1.5B, 3 rounds asked in turn): 1 thread 18.0, 2 threads 33.4
    tok/s. Under heavy load (load 10-12) 2 threads were slower (6.5 vs 10.1), so a busy shared box
    should set ``SAFECLOUD_LLM__THREADS_BATCH=1`` (docs/PERFORMANCE.md).
    """
    n = cpus if cpus is not None else usable_cpus()
    return max(1, min(_MAX_THREADS, n))


def server_command(cfg: ServerConfig, python: str = sys.executable) -> list[str]:
    """The server's argv (flags as llama-cpp-python 0.3.36 spells them)."""
    return [
        python,
        "-m",
        SERVER_MODULE,
        "--model", str(cfg.model_path),
        "--model_alias", cfg.alias,
        "--host", cfg.host,
        "--port", str(cfg.port),
        "--n_threads", str(cfg.threads),
        "--n_threads_batch", str(cfg.batch_threads),
        "--n_ctx", str(cfg.context),
        # Only the last token's logits are needed (no logprobs); all-token logits cost prompt time.
        "--logits_all", "False",
        # Requests queue on the server's lock; the default lets a new request cut a streaming one.
        "--interrupt_requests", "False",
        "--verbose", str(cfg.verbose),
        *_prompt_cache_flags(cfg.prompt_cache_mb),
    ]  # fmt: skip


def _prompt_cache_flags(megabytes: int) -> list[str]:
    """llama.cpp keeps only the last prompt's evaluated tokens; any other request in between (the
    router, answer phrasing, a plan call) throws the long shared prompt prefix away. The RAM cache
    keeps evaluated states keyed by their tokens and restores the longest matching prefix. Measured on
    2 cores, 1.5B, 1 thread: a 1,756-token text-to-Cypher-sized prompt after another request took 49 s
    to prefill without it and 2.4 s with it. The text-to-Cypher prompt v3 puts its shared parts first
    (rules, town names, the schema slice of the labels a question touches) to make use of it.

    ``llama_server_main.CountedRAMCache`` counts the arrays each saved state carries (which
    llama-cpp-python 0.3.36 leaves out) and keeps one row of the never-written logits array instead of
    ~311 MB, so ``megabytes`` bounds the real memory; a state of the 1.5B after a ~2,000-token prompt
    is ~55 MB, so the default (1536) keeps about thirty."""
    if megabytes <= 0:
        return []
    return ["--cache", "True", "--cache_type", "ram", "--cache_size", str(megabytes * 1024 * 1024)]


def server_env(cfg: ServerConfig, base: Mapping[str, str]) -> dict[str, str]:
    env = {k: v for k, v in base.items() if k not in _SCRUBBED_ENV}
    env["OMP_NUM_THREADS"] = str(max(cfg.threads, cfg.batch_threads))
    env["PYTHONUNBUFFERED"] = "1"
    return env


def client_host(host: str) -> str:
    """Where a client on this machine reaches a server bound to ``host``."""
    return {"0.0.0.0": "127.0.0.1", "": "127.0.0.1", "::": "::1"}.get(host, host)  # noqa: S104
