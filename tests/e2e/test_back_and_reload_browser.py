"""Browser tests of what survives the browser's back button and a reload: the conversation the
duty officer was reading, the plan list they had filtered.

Uses the shared live server and Chromium fixtures (see ``test_portrait_browser.py``).
"""

from __future__ import annotations

import pytest

from tests.e2e.test_portrait_browser import Tab, chromium, tab  # noqa: F401 - shared fixtures

pytestmark = pytest.mark.browser


def test_the_open_conversation_survives_back_and_reload(tab: Tab, live_server_url: str) -> None:  # noqa: F811
    from playwright.sync_api import expect

    base = live_server_url.rstrip("/")
    page = tab.page
    page.goto(f"{base}/chat")
    box = page.locator("textarea[data-testid=chat-input], [data-testid=chat-input] textarea").first
    box.fill("璜土镇有多少家企业？")
    box.press("Enter")
    answer = page.locator(".msg.assistant").last
    expect(answer.locator(".cursor")).to_have_count(0)
    expect(answer.locator(".text")).to_contain_text("璜土镇")

    page.get_by_test_id("nav-menu").get_by_text("企业检索").click()  # e.g. to look a firm up
    page.get_by_test_id("enterprise-search").wait_for(state="visible")
    page.go_back()
    expect(page.locator(".msg.user").first).to_have_text("璜土镇有多少家企业？")
    expect(page.locator(".msg.assistant .text").first).to_contain_text("璜土镇")

    page.reload()
    expect(page.locator(".msg.user").first).to_have_text("璜土镇有多少家企业？")
    expect(page.locator(".history-item.active")).to_contain_text("璜土镇有多少家企业")

    page.get_by_role("button", name="新对话").click()  # and a new conversation stays new on reload
    page.reload()
    expect(page.locator(".welcome")).to_be_visible()
    assert tab.js_errors == []
