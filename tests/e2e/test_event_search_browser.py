"""Browser test of the event-search page: sentence → chips → results; remove a chip; history.

Uses the shared live server and Chromium fixtures (see ``test_portrait_browser.py``).
"""

from __future__ import annotations

import os
import re
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


def test_a_slow_earlier_answer_does_not_overwrite_the_latest_search(events_page: Any) -> None:
    """Officers refine a sentence and press Enter again before the first answer is back: the page
    must end up showing the answer to what they typed last."""
    from playwright.sync_api import expect

    page = events_page

    # The earlier search (华士) is answered 1.5 s late; delayed inside the page so the later one
    # is not held up behind it.
    page.evaluate(
        """() => {
        const real = window.fetch.bind(window)
        window.fetch = async (input, init) => {
            const resp = await real(input, init)
            const said = String(input) + String((init && init.body) || '')  // GET ?q= or POST {sentence}
            if (said.includes('%E5%8D%8E%E5%A3%AB') || said.includes('华士')) await new Promise((r) => setTimeout(r, 1500))
            return resp
        }
    }"""
    )
    box = page.locator("input[data-testid=event-query], [data-testid=event-query] input").first
    box.fill("近一个月华士的告警")
    box.press("Enter")
    page.wait_for_timeout(200)
    box.fill("近一个月周庄的告警")
    box.press("Enter")
    chips = page.get_by_test_id("event-filter-chips")
    expect(chips).to_contain_text("周庄镇")
    page.wait_for_timeout(2000)  # the slow answer for 华士 has arrived by now
    expect(chips).to_contain_text("周庄镇")
    expect(chips).not_to_contain_text("华士镇")
    assert _towns(page) <= {"周庄镇"}


def test_enter_on_a_suggestion_searches_once(events_page: Any) -> None:
    page = events_page
    box = page.locator("input[data-testid=event-query], [data-testid=event-query] input").first
    box.fill("近一个月申港的告警")
    box.press("Enter")
    page.get_by_test_id("event-history").get_by_text("近一个月申港的告警").wait_for()
    searches: list[str] = []
    page.on("request", lambda r: searches.append(r.url) if "/api/v1/events/search?" in r.url else None)
    box.fill("")
    box.click()
    page.locator(".el-autocomplete-suggestion li").first.wait_for()
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_timeout(1500)
    assert len(searches) == 1, searches


def test_a_failed_search_leaves_no_console_error(tab: Tab, live_server_url: str) -> None:  # noqa: F811
    from playwright.sync_api import expect

    page = tab.page
    errors: list[str] = []
    page.on(
        "console",
        lambda m: errors.append(m.text) if m.type == "error" and "Failed to load" not in m.text else None,
    )
    page.goto(f"{live_server_url.rstrip('/')}/events")
    page.route("**/api/v1/events/search?*", lambda route: route.abort())
    box = page.locator("input[data-testid=event-query], [data-testid=event-query] input").first
    box.fill("近三天的火焰告警")
    box.press("Enter")
    expect(page.locator(".el-message--error")).to_contain_text("网络异常")
    expect(page.get_by_test_id("event-search-button")).not_to_have_class(re.compile("is-loading"))
    page.wait_for_timeout(300)
    assert errors == []
    assert tab.js_errors == []
