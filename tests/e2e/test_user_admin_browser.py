"""Browser test of 用户管理 (ADR 0017): an administrator creates a town account in the console; the
new officer logs in, is held on the change-password form until they choose their own password, and
then sees their own town only. The menu does not offer 用户管理 to the officer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.test_portrait_browser import Tab, chromium, tab  # noqa: F401 - shared fixtures
from tests.e2e.token_server import serve_token_mode

pytestmark = pytest.mark.browser
ADMIN_PW = "ChengJiangAdmin26"
TEMP_PW = "LinGangTemp2026"
OWN_PW = "QianOwnChoice88"


@pytest.fixture(scope="module")
def admin_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("user-admin-browser") / "data"
    admin = (("city_admin", "--city", "--admin", "--name", "市应急局管理员"), ADMIN_PW)
    with serve_token_mode(data, [admin]) as url:
        yield url


def _login(page: Any, username: str, password: str) -> None:
    page.get_by_test_id("login-username").fill(username)
    page.get_by_test_id("login-password").fill(password)
    page.get_by_test_id("login-submit").click()


def test_admin_creates_a_town_officer_who_must_change_the_password_then_sees_their_town(
    tab: Tab,  # noqa: F811
    admin_server: str,
) -> None:
    from playwright.sync_api import expect

    page: Any = tab.page
    page.goto(f"{admin_server}/towns")
    _login(page, "city_admin", ADMIN_PW)
    page.get_by_test_id("nav-users").click()
    expect(page.get_by_test_id("user-table")).to_contain_text("city_admin")
    page.get_by_test_id("user-create").click()
    page.get_by_test_id("uf-username").fill("lg_qian")
    page.get_by_test_id("uf-name").fill("钱进（临港安监）")
    page.get_by_test_id("scope-town-select").click()
    page.locator(".el-select-dropdown__item", has_text="临港经济开发区").click()
    page.get_by_test_id("uf-password").fill("short1")
    page.get_by_test_id("uf-submit").click()
    expect(page.get_by_test_id("uf-error")).to_contain_text("至少 10 位")  # the server's policy, in the form
    page.get_by_test_id("uf-password").fill(TEMP_PW)
    page.get_by_test_id("uf-submit").click()
    row = page.locator(".el-table__row", has_text="lg_qian")
    expect(row).to_contain_text("临港经济开发区")
    expect(row).to_contain_text("待改密")
    page.get_by_test_id("logout").click()

    _login(page, "lg_qian", TEMP_PW)
    expect(page.get_by_test_id("change-password-page")).to_be_visible()
    page.get_by_test_id("cp-old").fill(TEMP_PW)
    page.get_by_test_id("cp-new").fill(OWN_PW)
    page.get_by_test_id("cp-again").fill(OWN_PW)
    page.get_by_test_id("cp-submit").click()
    badge = page.get_by_test_id("user-badge")
    expect(badge).to_contain_text("钱进")
    expect(badge).to_contain_text("临港经济开发区")
    # Still on the admin's last page: an officer is told it is not theirs, and the menu hides it.
    expect(page.get_by_test_id("user-management")).to_contain_text("仅管理员可以管理用户账号")
    page.get_by_test_id("nav-menu").get_by_text("镇街看板").click()
    expect(page.get_by_test_id("town-overview-title")).to_contain_text("临港经济开发区")
    expect(page.get_by_test_id("nav-menu")).to_be_visible()
    expect(page.get_by_test_id("nav-users")).to_have_count(0)  # not offered to an officer
    assert tab.js_errors == []


def test_admin_sees_where_an_account_is_logged_in_and_ends_its_sessions(
    tab: Tab,  # noqa: F811
    admin_server: str,
) -> None:
    from playwright.sync_api import expect

    page: Any = tab.page
    page.goto(f"{admin_server}/users")
    _login(page, "city_admin", ADMIN_PW)
    page.get_by_test_id("user-sessions-city_admin").click()
    sessions = page.get_by_test_id("session-table")
    # No proxy is trusted: the socket peer, and the browser that logged in.
    expect(sessions).to_contain_text("127.0.0.1")
    expect(sessions).to_contain_text("Chrome")
    page.get_by_test_id("session-end-all").click()
    page.locator(".el-message-box").get_by_role("button", name="确定").click()
    # The administrator ended their own session too: the console asks for a login again.
    expect(page.get_by_test_id("login-page")).to_be_visible()
    assert tab.js_errors == []
