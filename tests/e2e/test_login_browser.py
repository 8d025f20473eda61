"""Browser test of token mode (ADR 0017): the console asks for a login, a town officer's name and
scope show in the header after it, and 退出登录 brings the login page back.

A server of its own (``tests.e2e.token_server``: token mode over the fixture city's towns, one
officer added with ``safecloud users add``): the shared live server runs in dev mode.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.test_portrait_browser import Tab, chromium, tab  # noqa: F401 - shared fixtures
from tests.e2e.token_server import serve_token_mode

pytestmark = pytest.mark.browser
PASSWORD = "HuaShiZhou2026"


@pytest.fixture(scope="module")
def token_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("login-browser") / "data"
    with serve_token_mode(data, [(("hs_zhou", "--town", "华士镇", "--name", "周敏"), PASSWORD)]) as url:
        yield url


def test_login_shows_the_officer_and_logout_returns_to_the_login_page(tab: Tab, token_server: str) -> None:  # noqa: F811
    from playwright.sync_api import expect

    page: Any = tab.page
    page.goto(f"{token_server}/towns")
    expect(page.get_by_test_id("login-page")).to_be_visible()
    page.get_by_test_id("login-username").fill("hs_zhou")
    page.get_by_test_id("login-password").fill("wrong-pass-1")
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("login-error")).to_contain_text("用户名或密码错误")
    expect(page.get_by_test_id("login-password")).to_have_value("")  # a refused password is not kept
    expect(page.get_by_test_id("login-submit")).not_to_have_class(re.compile("is-loading"))
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
