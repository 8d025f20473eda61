"""Browser test of the town dashboard as a town officer sees it (scope narrowed by header).

Uses the shared live server and Chromium fixtures (see ``test_portrait_browser.py``).
"""

from __future__ import annotations

import urllib.parse

import pytest

from tests.e2e.test_portrait_browser import Tab, chromium, tab  # noqa: F401 - shared fixtures

pytestmark = pytest.mark.browser


def test_a_town_officer_is_not_told_the_chart_is_the_whole_city(tab: Tab, live_server_url: str) -> None:  # noqa: F811
    from playwright.sync_api import expect

    page = tab.page
    page.set_extra_http_headers({"X-SafeCloud-Town": urllib.parse.quote("华士镇")})
    page.goto(f"{live_server_url.rstrip('/')}/towns")
    title = page.get_by_test_id("town-overview-title")
    expect(title).to_contain_text("华士镇")
    expect(title).not_to_contain_text("全市")
    assert tab.js_errors == []


def test_a_city_officer_sees_every_town(tab: Tab, live_server_url: str) -> None:  # noqa: F811
    from playwright.sync_api import expect

    page = tab.page
    page.goto(f"{live_server_url.rstrip('/')}/towns")
    expect(page.get_by_test_id("town-overview-title")).to_have_text("全市各镇街企业数量")
    assert tab.js_errors == []
