"""One way to start and stop the dev servers of ``deploy/`` (neo4j-dev, kafka-dev) from tests.

Each script takes ``start|stop DATA_DIR``, prints the address it serves on its last stdout line,
and stops its server when the process named by ``<PREFIX>_PARENT_PID`` dies, so a killed pytest
leaves no server behind.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
# The first start may build (Maven downloads the jars into ~/.m2), then waits for the server.
START_TIMEOUT_S = 600.0
STOP_TIMEOUT_S = 60.0


def tools_missing(script: Path, what: str) -> str | None:
    """Why the dev server behind ``script`` cannot start here (no bash/java/mvn, no script), or None."""
    missing = [tool for tool in ("bash", "java", "mvn") if shutil.which(tool) is None]
    if missing:
        return f"{what} needs {', '.join(missing)} on PATH"
    if not script.is_file():
        return f"missing {script}"
    return None


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return f"(no log at {path})"


def stop(script: Path, workdir: Path) -> None:
    try:
        subprocess.run(
            ["bash", str(script), "stop", str(workdir)],
            capture_output=True,
            text=True,
            timeout=STOP_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        log.warning("%s stop timed out for %s", script.name, workdir)


@contextmanager
def running(
    script: Path, workdir: Path, *, parent_env: str, address_prefix: str, logs: Callable[[Path], str]
) -> Iterator[str]:
    """Start the server with its data under ``workdir``; yield its address; stop it on exit."""
    workdir = Path(workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        proc = subprocess.run(
            ["bash", str(script), "start", str(workdir)],
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT_S,
            check=False,
            env={**os.environ, parent_env: str(os.getpid())},
        )
    except subprocess.TimeoutExpired as exc:
        stop(script, workdir)
        raise RuntimeError(
            f"{script.name} start timed out after {START_TIMEOUT_S:.0f} s\n{logs(workdir)}"
        ) from exc
    address = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    if proc.returncode != 0 or not address.startswith(address_prefix):
        stop(script, workdir)
        raise RuntimeError(
            f"{script.name} start failed (exit {proc.returncode}): {proc.stderr.strip()[-2000:]}\n{logs(workdir)}"
        )
    log.info("%s serving at %s (data in %s)", script.name, address, workdir)
    try:
        yield address
    finally:
        stop(script, workdir)
