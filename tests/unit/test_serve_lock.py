"""A second ``safecloud serve`` / ``make run`` on a data directory a server already holds is refused
with one Chinese line naming the running server, before any set-up step runs into its locks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api import serve_lock
from api.cli import app
from tests.conftest import require

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "data"
    monkeypatch.setenv("SAFECLOUD_DATA_DIR", str(d))
    return d


@pytest.fixture
def other_server(data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the data directory, as a running ``safecloud serve`` does."""
    code = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from api import serve_lock
        lock = serve_lock.acquire(Path({str(data_dir)!r}), "http://127.0.0.1:8123")
        print("held", flush=True)
        time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    yield proc
    proc.kill()
    proc.wait()
    proc.stdout.close()


def test_check_names_the_running_server(other_server: subprocess.Popen[str]) -> None:
    r = runner.invoke(app, ["serve", "--check"])
    assert r.exit_code == serve_lock.EXIT_RUNNING
    assert "错误 [already_running]：SafeCloud 已在运行" in r.stderr
    assert f"进程 {other_server.pid}" in r.stderr and "http://127.0.0.1:8123" in r.stderr


def test_serve_refuses_without_starting_a_second_server(
    other_server: subprocess.Popen[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: pytest.fail("a second server was started"))
    r = runner.invoke(app, ["serve"])
    assert r.exit_code == serve_lock.EXIT_RUNNING
    assert "已在运行" in r.stderr


def test_a_killed_server_leaves_no_stale_lock(data_dir: Path, other_server: subprocess.Popen[str]) -> None:
    other_server.kill()  # SIGKILL: no clean-up code runs, the lock file stays on disk
    other_server.wait()
    assert (data_dir / serve_lock.LOCK_NAME).exists()
    r = runner.invoke(app, ["serve", "--check"])
    assert r.exit_code == 0, r.stderr


def test_the_server_holds_the_lock_while_it_runs(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    seen: list[int] = []

    def fake_run(*_a: object, **_k: object) -> None:  # while "serving", a probe must see it running
        with pytest.raises(serve_lock.AlreadyRunning) as exc:
            serve_lock.check_free(data_dir)
        seen.append(int(str(exc.value.details["pid"])))

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.setattr("api.app.create_app", lambda settings: object())
    r = runner.invoke(app, ["serve", "--port", "8124"])
    assert r.exit_code == 0, r.stderr
    assert seen == [os.getpid()]
    serve_lock.check_free(data_dir)  # released once the server returned


def test_make_run_stops_at_the_guard_when_a_server_runs(
    tmp_path: Path, data_dir: Path, other_server: subprocess.Popen[str]
) -> None:
    require(shutil.which("make") is not None, "make not installed")  # CI runs through make: fails there
    # The Makefile's `run-guard` calls $(BIN)/safecloud: a shim running this checkout's CLI.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "safecloud"
    shim.write_text(f'#!/bin/sh\nexec {sys.executable} -m api.cli "$@"\n')
    shim.chmod(0o755)
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    r = subprocess.run(
        ["make", "-s", "run-guard", f"BIN={bin_dir}"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert r.returncode != 0
    assert "SafeCloud 已在运行" in r.stderr and "http://127.0.0.1:8123" in r.stderr
    other_server.kill()
    other_server.wait()
    r = subprocess.run(
        ["make", "-s", "run-guard", f"BIN={bin_dir}"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
