"""deploy/kafka-dev leaves no broker behind: ``stop`` (through the pytest helper) ends it, and a test
run killed before it could stop the broker is cleaned up by the parent-pid watchdog."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import require
from tests.support.kafka_server import SCRIPT, kafka_available, running_kafka

pytestmark = [pytest.mark.kafka, pytest.mark.slow]


def _alive(pid: int) -> bool:
    try:
        stat = subprocess.run(["ps", "-o", "stat=", "-p", str(pid)], capture_output=True, text=True).stdout
    except OSError:
        return False
    return bool(stat.strip()) and not stat.strip().startswith("Z")


def _wait_gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.2)
    return False


@pytest.fixture(autouse=True)
def _needs_broker() -> None:
    ok, why = kafka_available()
    require(ok, why)


def test_leaving_the_helper_stops_the_broker_even_with_a_narrow_ps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")  # piped `ps` cuts command lines to this width
    with running_kafka(tmp_path / "k") as address:
        assert address.startswith("127.0.0.1:")
        pid = int((tmp_path / "k" / "kafka.pid").read_text())
        assert _alive(pid)
    assert _wait_gone(pid, 5), "kafka-dev stop left the broker running"


def test_the_watchdog_stops_the_broker_when_its_parent_dies(tmp_path: Path) -> None:
    parent = subprocess.Popen(["sleep", "600"])
    workdir = tmp_path / "orphan"
    try:
        proc = subprocess.run(
            ["bash", str(SCRIPT), "start", str(workdir)],
            capture_output=True,
            text=True,
            timeout=600,
            env={**os.environ, "KAFKA_DEV_PARENT_PID": str(parent.pid)},
        )
        assert proc.returncode == 0, proc.stderr
        pid = int((workdir / "kafka.pid").read_text())
        parent.kill()  # the "test run" dies without stopping its broker
        parent.wait()
        assert _wait_gone(pid, 30), "the broker outlived its parent"
    finally:
        parent.kill()
        subprocess.run(["bash", str(SCRIPT), "stop", str(workdir)], capture_output=True, timeout=60)
