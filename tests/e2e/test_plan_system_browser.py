"""Browser tests of the 预案体系 graph with the plans a real city files: dozens of plans still
missing their parent, and parents with several children stacked in one column.

Uses the shared live server and Chromium fixtures (see ``test_portrait_browser.py``).
"""

from __future__ import annotations

import pytest

from tests.e2e.test_plan_pages_browser import _call
from tests.e2e.test_portrait_browser import Tab, chromium, tab  # noqa: F401 - shared fixtures

pytestmark = pytest.mark.browser


def _open_system(tab: Tab, base: str, at_least: int) -> None:  # noqa: F811
    page = tab.page
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{base}/plans/system")
    page.wait_for_function(
        f"() => document.querySelectorAll('[data-testid=plan-system] .echart svg text').length >= {at_least}"
    )
    page.wait_for_timeout(500)  # let the chart finish its first layout


def test_many_orphans_neither_stretch_the_graph_nor_stay_out_of_reach(tab: Tab, live_server_url: str) -> None:  # noqa: F811
    from playwright.sync_api import expect

    base = live_server_url.rstrip("/")
    # town special plans filed before any town master plan: each one is listed as lacking a parent
    for town in ("长泾镇", "顾山镇", "祝塘镇", "南闸街道", "申港街道", "夏港街道", "利港街道"):
        for kind in ("危险化学品事故", "城镇燃气事故", "建筑施工事故", "道路交通事故"):
            _call("POST", f"{base}/api/v1/plans/nodes", {"title": f"{town}{kind}应急预案（孤立）", "plan_type": "专项", "town": town})
    _open_system(tab, base, 28)
    page = tab.page
    orphans = page.get_by_test_id("plan-system-orphans")
    expect(orphans).to_contain_text("缺少上级预案")
    graph_card = page.get_by_test_id("plan-system").locator(".el-card").first
    chart = graph_card.locator(".echart").first
    card_h, chart_h = graph_card.bounding_box()["height"], chart.bounding_box()["height"]
    # the list of reasons had made both cards thousands of pixels tall, the graph card mostly blank
    assert card_h < chart_h + 200, f"graph card {card_h:.0f}px for a {chart_h:.0f}px chart"
    item = orphans.locator(".orphan", has_text="顾山镇城镇燃气事故应急预案（孤立）")
    item.scroll_into_view_if_needed()
    item.click()  # the plan opens in the form, to be given its 上级预案
    form = page.get_by_test_id("plan-system").locator(".el-form")
    expect(form.locator(".el-form-item", has_text="预案名称").locator("input")).to_have_value("顾山镇城镇燃气事故应急预案（孤立）")
    expect(page.get_by_role("button", name="保存修改")).to_be_visible()
    assert tab.js_errors == []
