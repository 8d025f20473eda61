"""Browser tests of the pages driven from the keyboard alone (Tab to an item, Enter to use it): a
past conversation, an example question and a past event search had been mouse-only.

Uses the shared live server and Chromium fixtures (see ``test_portrait_browser.py``).
"""

from __future__ import annotations

import pytest

from tests.e2e.test_portrait_browser import Tab, chromium, tab  # noqa: F401 - shared fixtures

pytestmark = pytest.mark.browser


def _tab_to(page: object, selector: str, limit: int = 60) -> None:
    """Press Tab until the focus is on an element matching ``selector`` (as a keyboard user)."""
    for _ in range(limit):
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
        if page.evaluate("s => !!document.activeElement?.matches(s)", selector):  # type: ignore[attr-defined]
            return
    raise AssertionError(f"Tab never reaches {selector}")


def test_chat_examples_and_past_conversations_work_from_the_keyboard(tab: Tab, live_server_url: str) -> None:  # noqa: F811
    from playwright.sync_api import expect

    page = tab.page
    page.goto(f"{live_server_url.rstrip('/')}/chat")
    page.get_by_test_id("chat-page").wait_for(state="visible")
    _tab_to(page, ".welcome .example")
    asked = page.evaluate("document.activeElement.textContent.trim()")
    page.keyboard.press("Enter")
    expect(page.locator(".msg.user").first).to_have_text(asked)
    expect(page.locator(".msg.assistant").last.locator(".cursor")).to_have_count(0)

    page.get_by_role("button", name="新对话").click()
    expect(page.locator(".welcome")).to_be_visible()
    _tab_to(page, ".history-item")
    page.keyboard.press("Enter")
    expect(page.locator(".msg.user").first).to_be_visible()
    assert tab.js_errors == []


def test_a_past_event_search_is_rerun_from_the_keyboard(tab: Tab, live_server_url: str) -> None:  # noqa: F811
    from playwright.sync_api import expect

    page = tab.page
    page.goto(f"{live_server_url.rstrip('/')}/events")
    box = page.locator("input[data-testid=event-query], [data-testid=event-query] input").first
    box.fill("上周青阳镇的火灾告警")
    box.press("Enter")
    history = page.get_by_test_id("event-history")
    expect(history).to_contain_text("上周青阳镇的火灾告警")
    page.reload()
    expect(history).to_contain_text("上周青阳镇的火灾告警")
    _tab_to(page, "[data-testid=event-history] li")
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("event-filter-chips")).to_contain_text("青阳镇")
    assert tab.js_errors == []
