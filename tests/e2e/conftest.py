"""A real SafeCloud server (uvicorn subprocess) over a small demo city, for browser tests."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import require

ROOT = Path(__file__).resolve().parents[2]
WEB_DIST = ROOT / "web" / "dist"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read())


@contextmanager
def serve_cli(cli: list[str], env: dict[str, str], log_path: Path) -> Iterator[str]:
    """``safecloud serve`` on a free port with ``env``, waited for until /readyz says ready (60 s);
    yields its base URL and stops it after. One starter for the dev-mode and token-mode servers."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [*cli, "serve", "--port", str(port)], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if _get(f"{url}/readyz")["status"] == "ready":
                        break
                except OSError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"server did not start: {log_path.read_text(errors='replace')[-2000:]}"
                    )
                time.sleep(0.3)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)


@contextmanager
def serve_demo_city(data_dir: Path) -> Iterator[str]:
    """A server over a freshly loaded demo city (no plans) in ``data_dir``; yields its base URL."""
    require((WEB_DIST / "index.html").is_file(), "web/dist is not built (run `make web`)")
    env = os.environ | {
        "SAFECLOUD_DATA_DIR": str(data_dir),
        "SAFECLOUD_ENV": "test",
        "SAFECLOUD_API__WEB_DIST": str(WEB_DIST),
    }
    cli = [sys.executable, "-m", "api.cli"]
    subprocess.run(
        [*cli, "demo", "load", "--scale", "1000"], env=env, cwd=ROOT, check=True, capture_output=True
    )
    with serve_cli(cli, env, data_dir.parent / "server.log") as url:
        yield url


@pytest.fixture(scope="session")
def live_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The server most browser tests share (they add plans and searches as they go)."""
    with serve_demo_city(tmp_path_factory.mktemp("live") / "data") as url:
        yield url


@pytest.fixture(scope="session")
def demo_enterprise(live_server_url: str) -> dict[str, str]:
    """A demo enterprise whose portrait has hazards, so every card has something to show."""
    page = _get(f"{live_server_url}/api/v1/enterprises?size=50")
    for item in page["items"]:
        portrait = _get(f"{live_server_url}/api/v1/enterprises/{item['uscc']}/portrait")
        if portrait["management"]["recent_hazards"]:
            return {"uscc": item["uscc"], "name": item["name"], "town": item["town"]}
    raise AssertionError("no demo enterprise with hazards among the first 50")
