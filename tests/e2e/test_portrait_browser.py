"""Browser tests for the SafeCloud web shell (enterprise search + portrait).

Requires:
  * Debian package ``chromium`` (``/usr/bin/chromium``) — never ``playwright install``;
  * PyPI package ``playwright`` (sync API only drives the system Chromium);
  * fixtures ``live_server_url`` (a running SafeCloud app with demo data, serving the built
    ``web/dist`` at ``/``) and ``demo_enterprise`` (dict with ``uscc``, ``name``, ``town``),
    both provided by the project's conftest.

Without Chromium (or the playwright package) the tests are skipped, except when ``CI=true``
where a missing browser is a hard failure.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.conftest import require

pytestmark = pytest.mark.browser

CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 20_000

DIMENSION_TESTIDS = [
    "dim-people",
    "dim-things",
    "dim-management",
    "dim-environment",
    "dim-monitoring",
    "dim-performance",
]


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    require(
        os.path.exists(CHROMIUM_PATH), f"{CHROMIUM_PATH} not found; install the Debian package 'chromium'"
    )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "Python package 'playwright' is not installed (pip install playwright)")
        raise
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Tab:
    """A fresh browser page plus the uncaught JS errors it has raised so far."""

    page: Any
    js_errors: list[str] = field(default_factory=list)


@pytest.fixture
def tab(chromium: Any) -> Iterator[Tab]:
    context = chromium.new_context(
        viewport={"width": 1440, "height": 900},
        locale="zh-CN",
        timezone_id="Asia/Shanghai",
    )
    context.set_default_timeout(TIMEOUT_MS)
    t = Tab(page=context.new_page())
    t.page.on("pageerror", lambda exc: t.js_errors.append(str(exc)))
    try:
        yield t
    finally:
        context.close()


def _base(url: str) -> str:
    return url.rstrip("/")


def _search_fragment(name: str) -> str:
    """A proper part of the company name: drop the city prefix, keep the distinctive rest (with
    its legal-form suffix, so the hit lands on the first result page)."""
    for prefix in ("江苏省江阴市", "江阴市", "江阴"):
        if name.startswith(prefix) and len(name) - len(prefix) >= 4:
            return name[len(prefix) :]
    return name[1:] if len(name) > 4 else name


def _assert_portrait(page: Any, demo: dict[str, str]) -> None:
    from playwright.sync_api import expect

    name = page.get_by_test_id("portrait-name")
    expect(name).to_be_visible()
    expect(name).to_have_text(demo["name"])
    assert name.inner_text().strip() == demo["name"]

    uscc = page.get_by_test_id("portrait-uscc")
    expect(uscc).to_have_text(demo["uscc"])
    assert uscc.inner_text().strip() == demo["uscc"]


def test_portrait_page_renders(tab: Tab, live_server_url: str, demo_enterprise: dict[str, str]) -> None:
    from playwright.sync_api import expect

    page = tab.page
    page.goto(f"{_base(live_server_url)}/enterprises/{demo_enterprise['uscc']}")
    page.get_by_test_id("portrait-name").wait_for(state="visible")

    _assert_portrait(page, demo_enterprise)
    expect(page.get_by_test_id("portrait-town")).to_have_text(demo_enterprise["town"])

    for testid in DIMENSION_TESTIDS:
        card = page.get_by_test_id(testid)
        expect(card).to_have_count(1)
        expect(card).to_be_visible()

    hazards = page.get_by_test_id("hazards-table")
    expect(hazards).to_be_visible()
    # Element Plus renders the header row even for an empty table; body holds rows or the empty text.
    expect(hazards.locator(".el-table__header")).to_contain_text("隐患描述")
    rows = hazards.locator(".el-table__body tr.el-table__row")
    if rows.count() > 0:
        first = rows.first.inner_text()
        # found_at is rendered in Chinese date format (Asia/Shanghai), e.g. 2024年05月01日 13:45
        assert re.search(r"\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}", first), first
    else:
        expect(hazards).to_contain_text("暂无隐患记录")

    assert tab.js_errors == [], f"uncaught JS errors: {tab.js_errors}"


def test_search_then_open_portrait(tab: Tab, live_server_url: str, demo_enterprise: dict[str, str]) -> None:
    from playwright.sync_api import expect

    page = tab.page
    base = _base(live_server_url)
    page.goto(f"{base}/enterprises")
    search = page.get_by_test_id("search-input")
    search.wait_for(state="visible")
    # Let the initial (unfiltered) list load so it cannot race with the search below.
    expect(page.get_by_test_id("enterprise-table").locator(".el-loading-mask")).to_have_count(0)

    fragment = _search_fragment(demo_enterprise["name"])
    search.fill(fragment)
    with page.expect_response(
        lambda r: "/api/v1/enterprises?" in r.url and "q=" in r.url and r.request.method == "GET"
    ) as resp_info:
        search.press("Enter")
    assert resp_info.value.ok, f"search request failed: HTTP {resp_info.value.status}"

    table = page.get_by_test_id("enterprise-table")
    result = table.get_by_test_id("enterprise-link").filter(
        has_text=re.compile(rf"^\s*{re.escape(demo_enterprise['name'])}\s*$")
    )
    expect(result.first).to_be_visible()
    result.first.click()

    page.wait_for_url(re.compile(rf"/enterprises/{re.escape(demo_enterprise['uscc'])}(?:[?#].*)?$"))
    page.get_by_test_id("portrait-name").wait_for(state="visible")
    _assert_portrait(page, demo_enterprise)

    assert tab.js_errors == [], f"uncaught JS errors: {tab.js_errors}"
