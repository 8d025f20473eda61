"""Start/stop a real Apache Kafka 4.x broker (deploy/kafka-dev) for tests.

A single-node KRaft broker on 127.0.0.1 (random ports, PLAINTEXT), its jars from Maven Central,
started by ``deploy/kafka-dev/kafka-dev.sh``. Needs ``java`` (17/21) and ``mvn`` on PATH. Typical
fixture (tests/conftest.py ``kafka_bootstrap``)::

    ok, why = kafka_available()
    require(ok, why)  # skip locally, fail under CI=true
    with running_kafka(tmp_path_factory.mktemp("kafka")) as bootstrap:
        yield bootstrap  # "127.0.0.1:PORT"
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

SCRIPT = Path(__file__).resolve().parents[2] / "deploy" / "kafka-dev" / "kafka-dev.sh"
# The first start may build (Maven downloads ~40 MB into ~/.m2), then waits up to 120 s for the broker.
START_TIMEOUT_S = 600.0
STOP_TIMEOUT_S = 60.0


def kafka_available() -> tuple[bool, str]:
    """Whether the dev broker can be started here (and the client is installed); why not."""
    missing = [tool for tool in ("bash", "java", "mvn") if shutil.which(tool) is None]
    if missing:
        return False, f"Kafka dev broker needs {', '.join(missing)} on PATH"
    if not SCRIPT.is_file():
        return False, f"missing {SCRIPT}"
    try:
        import confluent_kafka  # noqa: F401
    except ImportError:
        return False, "confluent-kafka is not installed (pip install -e '.[dev]')"
    return True, "java, mvn and confluent-kafka found"


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return f"(no log at {path})"


def _logs(workdir: Path) -> str:
    return f"{_tail(workdir / 'kafka.out')}\n--- server.log ---\n{_tail(workdir / 'logs' / 'server.log')}"


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
        log.warning("kafka-dev stop timed out for %s", workdir)


@contextmanager
def running_kafka(workdir: Path) -> Iterator[str]:
    """Start a broker with its log dir under ``workdir``; yield ``127.0.0.1:PORT``; stop it on exit."""
    workdir = Path(workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        proc = subprocess.run(
            ["bash", str(SCRIPT), "start", str(workdir)],
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT_S,
            check=False,
            # the broker is stopped by a watchdog if this process dies without running our `finally`
            env={**os.environ, "KAFKA_DEV_PARENT_PID": str(os.getpid())},
        )
    except subprocess.TimeoutExpired as exc:
        _stop(workdir)
        raise RuntimeError(
            f"kafka-dev start timed out after {START_TIMEOUT_S:.0f} s\n{_logs(workdir)}"
        ) from exc
    address = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    if proc.returncode != 0 or not address.startswith("127.0.0.1:"):
        _stop(workdir)
        raise RuntimeError(
            f"kafka-dev start failed (exit {proc.returncode}): {proc.stderr.strip()[-2000:]}\n"
            f"{_logs(workdir)}"
        )
    log.info("Kafka dev broker at %s (data in %s)", address, workdir)
    try:
        yield address
    finally:
        _stop(workdir)
