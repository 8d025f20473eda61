"""Browser tests of what survives the browser's back button and a reload: the conversation the
duty officer was reading, the plan list they had filtered.

Uses the shared live server and Chromium fixtures (see ``test_portrait_browser.py``).
"""

from __future__ import annotations

import pytest

from tests.e2e.test_plan_pages_browser import _call
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


@pytest.fixture(scope="module")
def filed_plans(live_server_url: str) -> None:
    """More than a page of plans, a few of them department plans."""
    api = f"{live_server_url.rstrip('/')}/api/v1/plans/nodes"
    for i in range(1, 23):
        _call("POST", api, {"title": f"江阴市第{i}号专项应急预案（翻页测）", "plan_type": "专项"})
    for unit in ("江阴市交通运输局", "江阴市水利农机局"):
        _call("POST", api, {"title": f"{unit}突发事件应急预案（翻页测）", "plan_type": "部门"})


def test_the_plan_list_filter_survives_a_visit_to_a_plan(
    tab: Tab,  # noqa: F811
    live_server_url: str,
    filed_plans: None,
) -> None:
    from playwright.sync_api import expect

    page = tab.page
    page.goto(f"{live_server_url.rstrip('/')}/plans")
    search = page.get_by_placeholder("预案名称 / 编制单位")
    search.fill("交通运输局")
    search.press("Enter")
    row = page.locator(".el-table__row", has_text="江阴市交通运输局突发事件应急预案（翻页测）")
    expect(row).to_be_visible()
    expect(page.locator(".el-table__row")).to_have_count(1)
    row.get_by_role("button", name="版本").click()
    page.get_by_test_id("plan-versions").wait_for(state="visible")
    page.go_back()
    expect(search).to_have_value("交通运输局")
    expect(page.locator(".el-table__row")).to_have_count(1)
    page.reload()
    expect(page.get_by_placeholder("预案名称 / 编制单位")).to_have_value("交通运输局")
    expect(page.locator(".el-table__row")).to_have_count(1)
    assert tab.js_errors == []
