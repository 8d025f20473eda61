"""Browser test of the event-search page: sentence → chips → results; remove a chip; history.

Uses the shared live server and Chromium fixtures (see ``test_portrait_browser.py``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.test_portrait_browser import Tab, chromium, tab  # noqa: F401 - shared fixtures

pytestmark = pytest.mark.browser

SCREENSHOT = os.environ.get("SAFECLOUD_EVENT_SCREENSHOT")  # optional path, for docs


@pytest.fixture
def events_page(tab: Tab, live_server_url: str) -> Iterator[Any]:  # noqa: F811
    page = tab.page
    page.goto(f"{live_server_url.rstrip('/')}/events")
    page.get_by_test_id("event-search").wait_for(state="visible")
    yield page
    assert tab.js_errors == []


def _towns(page: Any) -> set[str]:
    rows = page.get_by_test_id("event-results").locator("tbody tr")
    return {rows.nth(i).locator("td").nth(1).inner_text().strip() for i in range(rows.count())}


def test_sentence_chips_results_and_history(events_page: Any) -> None:
    from playwright.sync_api import expect

    page = events_page
    # Element Plus passes the test id through to the <input> itself.
    box = page.locator("input[data-testid=event-query], [data-testid=event-query] input").first
    box.fill("近一个月华士的告警")
    box.press("Enter")
    chips = page.get_by_test_id("event-filter-chips")
    expect(chips).to_contain_text("华士镇")
    expect(chips).to_contain_text("近一个月")
    expect(page.get_by_test_id("event-results").locator("tbody tr").first).to_be_visible()
    assert _towns(page) == {"华士镇"}
    expect(page.get_by_test_id("event-history")).to_contain_text("近一个月华士的告警")
    if SCREENSHOT:
        page.screenshot(path=SCREENSHOT, full_page=True)

    # Removing the town chip re-runs the edited filter: other towns appear.
    chips.locator(".el-tag", has_text="华士镇").locator(".el-tag__close").click()
    expect(chips).not_to_contain_text("华士镇")
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=event-results] tbody tr td:nth-child(2)')]"
        ".some(td => td.innerText.trim() !== '华士镇')"
    )
    assert len(_towns(page)) > 1
