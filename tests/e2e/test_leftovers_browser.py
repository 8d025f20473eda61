"""Browser: the event search survives a reload and a shared link (sentence and edited chips in the
URL); a failed action is said in Chinese instead of nothing; the plan upload picks its file with a
Chinese button, not the browser's English "Choose File"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from tests.e2e.test_event_search_browser import events_page  # noqa: F401 - shared fixture
from tests.e2e.test_portrait_browser import Tab, chromium, tab  # noqa: F401 - shared fixtures

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


def _query(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def _chips(page: Any) -> Any:
    return page.get_by_test_id("event-filter-chips")


def test_the_search_and_its_edited_chips_survive_a_reload_and_a_shared_link(
    events_page: Any,  # noqa: F811
    tab: Tab,  # noqa: F811
) -> None:
    from playwright.sync_api import expect

    page = events_page
    box = page.locator("input[data-testid=event-query], [data-testid=event-query] input").first
    box.fill("近两周青阳镇的红色告警")
    box.press("Enter")
    expect(_chips(page)).to_contain_text("青阳镇")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === '近两周青阳镇的红色告警'")
    assert "f" not in _query(page)  # the sentence alone: parsed again on reload

    _chips(page).locator(".el-tag", has_text="青阳镇").locator(".el-tag__close").click()
    expect(_chips(page)).not_to_contain_text("青阳镇")
    page.wait_for_function("() => new URLSearchParams(location.search).has('f')")
    edited = json.loads(_query(page)["f"][0])
    assert edited["towns"] == [] and "红色" in edited["levels"]

    page.reload()
    expect(_chips(page)).to_contain_text("红色")
    expect(_chips(page)).not_to_contain_text("青阳镇")  # the edit is kept, not the sentence's parse
    expect(box).to_have_value("近两周青阳镇的红色告警")

    shared = tab.page.context.new_page()  # the link pasted into another tab
    shared.goto(page.url)
    expect(_chips(shared)).to_contain_text("红色")
    expect(_chips(shared)).not_to_contain_text("青阳镇")
    shared.close()


def test_a_failed_conversation_list_is_said_not_left_empty(tab: Tab, live_server_url: str) -> None:  # noqa: F811
    from playwright.sync_api import expect

    page = tab.page
    page.route(
        "**/api/v1/chat/conversations?*",
        lambda route: route.fulfill(
            status=503,
            content_type="application/json",
            body=json.dumps({"code": "graph_unavailable", "message": "图数据库暂不可用，请稍后重试"}),
        ),
    )
    page.goto(f"{live_server_url.rstrip('/')}/chat")
    expect(page.locator(".el-message", has_text="图数据库暂不可用，请稍后重试")).to_be_visible()
    assert tab.js_errors == []


def test_a_failed_action_without_its_own_handler_is_said_once_and_raises_no_page_error(
    tab: Tab,  # noqa: F811
    live_server_url: str,
) -> None:
    from playwright.sync_api import expect

    page = tab.page
    logged: list[str] = []  # Vue logs an error no handler caught; the refused request is the browser's

    def log_error(message: Any) -> None:
        if message.type == "error" and "Failed to load resource" not in message.text:
            logged.append(message.text)

    page.on("console", log_error)
    page.route("**/api/v1/plans/stats*", lambda route: route.abort("connectionrefused"))
    page.goto(f"{live_server_url.rstrip('/')}/plans/stats")
    expect(page.locator(".el-message", has_text="网络异常，无法连接服务器")).to_have_count(1)
    page.wait_for_timeout(300)
    assert logged == [] and tab.js_errors == []  # it used to escape the page's handler


def test_the_upload_dialog_chooses_its_file_in_chinese(tab: Tab, live_server_url: str) -> None:  # noqa: F811
    from playwright.sync_api import expect

    page = tab.page
    page.goto(f"{live_server_url.rstrip('/')}/plans")
    page.get_by_test_id("plan-upload").click()
    dialog = page.locator(".el-dialog", has_text="导入应急预案")
    expect(dialog.get_by_test_id("plan-file-choose")).to_have_text("选择文件")
    expect(dialog.get_by_test_id("plan-file")).to_be_hidden()  # the browser's English control
    expect(dialog.get_by_test_id("plan-file-name")).to_contain_text("未选择文件")
    sample = ROOT / "evals" / "datasets" / "plans" / "files" / "community_fire_card.docx"
    with page.expect_file_chooser() as chooser:
        dialog.get_by_test_id("plan-file-choose").click()
    chooser.value.set_files(str(sample))
    expect(dialog.get_by_test_id("plan-file-name")).to_have_text("community_fire_card.docx")
    assert tab.js_errors == []
