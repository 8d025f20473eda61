"""Browser: a sentence with nothing understood shows the Chinese hint and example sentences, not
the whole event list; an example runs a real search."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.test_event_search_browser import events_page  # noqa: F401 - shared fixture
from tests.e2e.test_portrait_browser import Tab, chromium, tab  # noqa: F401 - shared fixtures

pytestmark = pytest.mark.browser


def test_nothing_understood_shows_the_hint_and_examples(events_page: Any) -> None:  # noqa: F811
    from playwright.sync_api import expect

    page = events_page
    box = page.locator("input[data-testid=event-query], [data-testid=event-query] input").first
    box.fill("🚒🚒 ？？")
    box.press("Enter")
    expect(page.get_by_test_id("event-not-understood")).to_be_visible()
    expect(page.locator(".el-alert", has_text="没有看懂")).to_be_visible()
    expect(page.get_by_test_id("event-results").locator("tbody tr")).to_have_count(0)
    examples = page.get_by_test_id("event-examples").locator(".el-tag")
    expect(examples.first).to_be_visible()
    examples.first.click()
    expect(page.get_by_test_id("event-not-understood")).to_have_count(0)
    expect(page.get_by_test_id("event-filter-chips").locator(".el-tag").first).to_be_visible()
