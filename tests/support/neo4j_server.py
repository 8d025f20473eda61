"""Start/stop a real Neo4j 5.26 dev server (deploy/neo4j-dev) for tests.

The server is an embedded Neo4j DBMS with Bolt on 127.0.0.1 (random port, no auth) and APOC Core,
built from Maven Central jars by ``deploy/neo4j-dev/neo4j-dev.sh``. Needs ``java`` (17/21) and
``mvn`` on PATH. Typical fixture::

    @pytest.fixture(scope="session")
    def neo4j_uri(tmp_path_factory):
        ok, why = neo4j_available()
        require(ok, why)  # tests/conftest.py: skip locally, fail under CI=true
        with running_neo4j(tmp_path_factory.mktemp("neo4j")) as uri:
            yield uri
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

SCRIPT = Path(__file__).resolve().parents[2] / "deploy" / "neo4j-dev" / "neo4j-dev.sh"
# First start may build (Maven downloads ~125 MB into ~/.m2), then waits up to 120 s for Bolt.
START_TIMEOUT_S = 600.0
STOP_TIMEOUT_S = 60.0


def neo4j_available() -> tuple[bool, str]:
    """Whether the dev server can be started here; the reason when it cannot."""
    missing = [tool for tool in ("bash", "java", "mvn") if shutil.which(tool) is None]
    if missing:
        return False, f"Neo4j dev server needs {', '.join(missing)} on PATH"
    if not SCRIPT.is_file():
        return False, f"missing {SCRIPT}"
    return True, "java and mvn found"


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return f"(no log at {path})"


def _stop(workdir: Path) -> None:
    try:
        subprocess.run(
            ["bash", str(SCRIPT), "stop", str(workdir)],
            capture_output=True,
            text=True,
            timeout=STOP_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        log.warning("neo4j-dev stop timed out for %s", workdir)


@contextmanager
def running_neo4j(workdir: Path) -> Iterator[str]:
    """Start Neo4j with its store and logs under ``workdir``; yield the bolt URI; stop it on exit."""
    workdir = Path(workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        proc = subprocess.run(
            ["bash", str(SCRIPT), "start", str(workdir)],
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT_S,
            check=False,
            # the server stops itself if this process dies without running our `finally`
            env={**os.environ, "NEO4J_DEV_PARENT_PID": str(os.getpid())},
        )
    except subprocess.TimeoutExpired as exc:
        _stop(workdir)
        raise RuntimeError(
            f"neo4j-dev start timed out after {START_TIMEOUT_S:.0f} s\n{_tail(workdir / 'neo4j.log')}"
        ) from exc
    uri = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    if proc.returncode != 0 or not uri.startswith("bolt://"):
        _stop(workdir)
        raise RuntimeError(
            f"neo4j-dev start failed (exit {proc.returncode}): {proc.stderr.strip()[-2000:]}\n"
            f"--- {workdir / 'neo4j.log'} ---\n{_tail(workdir / 'neo4j.log')}"
        )
    log.info("Neo4j dev server at %s (data in %s)", uri, workdir)
    try:
        yield uri
    finally:
        _stop(workdir)
