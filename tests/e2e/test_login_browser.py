"""Browser test of token mode (ADR 0017): the console asks for a login, a town officer's name and
scope show in the header after it, and 退出登录 brings the login page back.

A server of its own (token mode over the fixture city's towns, one officer added with
``safecloud users add``): the shared live server runs in dev mode.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import require
from tests.e2e.conftest import ROOT, WEB_DIST, _free_port, _get
from tests.e2e.test_portrait_browser import Tab, chromium, tab  # noqa: F401 - shared fixtures
from tests.support.fixture_city import entities

pytestmark = pytest.mark.browser
PASSWORD = "HuaShiZhou2026"


@pytest.fixture(scope="module")
def token_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require((WEB_DIST / "index.html").is_file(), "web/dist is not built (run `make web`)")
    data = tmp_path_factory.mktemp("login-browser") / "data"
    env = os.environ | {
        "SAFECLOUD_DATA_DIR": str(data),
        "SAFECLOUD_ENV": "test",
        "SAFECLOUD_API__WEB_DIST": str(WEB_DIST),
        "SAFECLOUD_API__AUTH": "token",
        "SAFECLOUD_CHAT__USE_LLM": "false",
    }
    cli = [sys.executable, "-m", "api.cli"]

    def run(*args: str, stdin: str | None = None) -> None:
        subprocess.run(
            [*cli, *args], env=env, cwd=ROOT, check=True, capture_output=True, input=stdin, text=True
        )

    run("graph", "migrate")
    towns = data.parent / "towns.jsonl"
    towns.write_text(
        "\n".join(e.model_dump_json() for e in entities() if e.label == "Town"), encoding="utf-8"
    )
    run("import", "towns", str(towns))
    run(
        "users",
        "add",
        "hs_zhou",
        "--town",
        "华士镇",
        "--name",
        "周敏",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = data.parent / "server.log"
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


def test_login_shows_the_officer_and_logout_returns_to_the_login_page(tab: Tab, token_server: str) -> None:  # noqa: F811
    from playwright.sync_api import expect

    page: Any = tab.page
    page.goto(f"{token_server}/towns")
    expect(page.get_by_test_id("login-page")).to_be_visible()
    page.get_by_test_id("login-username").fill("hs_zhou")
    page.get_by_test_id("login-password").fill("wrong-pass-1")
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("login-error")).to_contain_text("用户名或密码错误")
    page.get_by_test_id("login-password").fill(PASSWORD)
    page.get_by_test_id("login-submit").click()
    badge = page.get_by_test_id("user-badge")
    expect(badge).to_contain_text("周敏")
    expect(badge).to_contain_text("华士镇")
    # The session's scope reaches the views: the town dashboard is 华士镇's, not the city's.
    expect(page.get_by_test_id("town-overview-title")).to_contain_text("华士镇")
    page.get_by_test_id("logout").click()
    expect(page.get_by_test_id("login-page")).to_be_visible()
    assert tab.js_errors == []
