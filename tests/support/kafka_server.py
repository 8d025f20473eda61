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

from contextlib import AbstractContextManager
from pathlib import Path

from tests.support.dev_server import DEPLOY, running, tail, tools_missing

SCRIPT = DEPLOY / "kafka-dev" / "kafka-dev.sh"


def kafka_available() -> tuple[bool, str]:
    """Whether the dev broker can be started here (and the client is installed); why not."""
    why = tools_missing(SCRIPT, "Kafka dev broker")
    if why:
        return False, why
    try:
        import confluent_kafka  # noqa: F401
    except ImportError:
        return False, "confluent-kafka is not installed (pip install -e '.[dev]')"
    return True, "java, mvn and confluent-kafka found"


def _logs(workdir: Path) -> str:
    return f"{tail(workdir / 'kafka.out')}\n--- server.log ---\n{tail(workdir / 'logs' / 'server.log')}"


def running_kafka(workdir: Path) -> AbstractContextManager[str]:
    """Start a broker with its log dir under ``workdir``; yield ``127.0.0.1:PORT``; stop it on exit."""
    return running(
        SCRIPT, workdir, parent_env="KAFKA_DEV_PARENT_PID", address_prefix="127.0.0.1:", logs=_logs
    )


__all__ = ["SCRIPT", "kafka_available", "running_kafka"]
