"""Browser test for the 数字化预案 pages: review a plan side by side, publish, see its graph facts.

The plan is started from a template through the API (the live server has no import pipeline) and
its response levels and resources are typed in as a reviewer would; the team it names is a real
demo-city rescue team, so publishing must link it.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import pytest

from tests.e2e import test_portrait_browser as shared
from tests.e2e.test_portrait_browser import Tab

# The browser fixtures of the portrait suite (system Chromium, fresh context per test).
chromium = shared.chromium
tab = shared.tab

pytestmark = pytest.mark.browser


def _call(method: str, url: str, body: Any = None) -> Any:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        text = r.read()
    return json.loads(text) if text else None


@pytest.fixture(scope="module")
def drafted_plan(live_server_url: str) -> dict[str, str]:
    api = f"{live_server_url.rstrip('/')}/api/v1"
    team = _call("GET", f"{api}/resources/nearest?lat=31.93&lon=120.17&kind=team&limit=1")[0]
    template = _call(
        "POST",
        f"{api}/plan-templates",
        {
            "name": "危化品泄漏专项预案模板（浏览器测试）",
            "plan_type": "专项",
            "modules": [
                {
                    "skeleton": "应急响应",
                    "title": "响应分级",
                    "default_text": "发生泄漏并可能扩散至厂外时启动Ⅰ级响应。",
                },
                {"skeleton": "应急保障", "title": "救援力量", "default_text": f"依托{team['name']}。"},
            ],
        },
    )
    made = _call(
        "POST",
        f"{api}/plans/from-template",
        {"template_id": template["id"], "title": "危化品泄漏专项预案（浏览器测试）"},
    )
    _call(
        "PATCH",
        f"{api}/plans/{made['plan_id']}/review?version_id={made['version_id']}",
        {
            "decisions": [
                {
                    "field": "/response_levels",
                    "action": "edit",
                    "value": [
                        {"level": "一级", "trigger": "泄漏可能扩散至厂外", "actions": ["疏散下风向人员"]}
                    ],
                },
                {
                    "field": "/resources",
                    "action": "edit",
                    "value": [{"type": "救援队伍", "name": team["name"]}],
                },
            ]
        },
    )
    return {**made, "team_id": team["id"]}


def test_review_publish_and_facts(tab: Tab, live_server_url: str, drafted_plan: dict[str, str]) -> None:
    from playwright.sync_api import expect

    base = live_server_url.rstrip("/")
    page = tab.page
    page.goto(f"{base}/plans/{drafted_plan['plan_id']}/review")
    expect(page.locator(".block")).to_have_count(2)  # the template's modules are the source text
    trigger = page.get_by_test_id("field-/response_levels/0/trigger")
    expect(trigger.get_by_test_id("field-status")).to_have_text("已修改")
    title = page.get_by_test_id("field-/title")
    title.get_by_role("button", name="驳回").click()
    expect(title.get_by_test_id("field-status")).to_have_text("已驳回")

    page.get_by_test_id("plan-publish").click()
    page.locator(".el-message-box").get_by_role("button", name="OK").or_(
        page.locator(".el-message-box").get_by_role("button", name="确定")
    ).click()
    report = page.get_by_test_id("publish-report")
    expect(report).to_contain_text("响应级别 1")
    expect(report).to_contain_text("资源 1")

    page.goto(f"{base}/plans/{drafted_plan['plan_id']}/versions")
    facts = page.get_by_test_id("plan-facts")
    expect(facts).to_contain_text("泄漏可能扩散至厂外")
    expect(facts).to_contain_text(f"已关联 {drafted_plan['team_id']}")

    page.goto(f"{base}/plans/system")
    expect(page.get_by_test_id("plan-system").locator(".echart svg").first).to_be_visible()
    assert tab.js_errors == []


def test_review_fields_are_named_in_chinese(
    tab: Tab, live_server_url: str, drafted_plan: dict[str, str]
) -> None:
    from playwright.sync_api import expect

    page = tab.page
    page.goto(f"{live_server_url.rstrip('/')}/plans/{drafted_plan['plan_id']}/review")
    # a reviewer reads 响应级别 1 › 启动条件, not the JSON pointer /response_levels/0/trigger
    trigger = page.get_by_test_id("field-/response_levels/0/trigger").locator(".ptr")
    expect(trigger).to_have_text("响应级别 1 › 启动条件")
    expect(page.get_by_test_id("field-/title").locator(".ptr")).to_have_text("预案名称")
    names = page.locator(".field .ptr").all_inner_texts()
    assert names and not [n for n in names if "/" in n or "_" in n], names
    assert tab.js_errors == []
