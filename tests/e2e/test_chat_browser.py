"""Browser tests of the duty-officer chat page when things go wrong: the connection drops, the
answer stream is cut off, or the officer pastes one long unbroken string.

Uses the shared live server and Chromium fixtures (see ``test_portrait_browser.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.test_portrait_browser import Tab, chromium, tab  # noqa: F401 - shared fixtures

pytestmark = pytest.mark.browser

CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chat_page(tab: Tab, live_server_url: str) -> Iterator[Any]:  # noqa: F811
    page = tab.page
    page.goto(f"{live_server_url.rstrip('/')}/chat")
    page.get_by_test_id("chat-page").wait_for(state="visible")
    yield page
    assert tab.js_errors == []


def _ask(page: Any, text: str) -> None:
    box = page.locator("textarea[data-testid=chat-input], [data-testid=chat-input] textarea").first
    box.fill(text)
    box.press("Enter")


def _last_answer(page: Any) -> Any:
    from playwright.sync_api import expect

    bubble = page.locator(".msg.assistant").last
    expect(bubble.locator(".cursor")).to_have_count(0)  # no longer streaming
    return bubble.locator(".text")


def test_lost_connection_is_told_in_chinese(chat_page: Any) -> None:
    page = chat_page
    page.route("**/api/v1/chat", lambda route: route.abort())
    _ask(page, "澄江街道今天是谁在值班")
    text = _last_answer(page).inner_text()
    assert "fetch" not in text.lower()
    assert CHINESE.search(text), text
    assert "网络" in text


def test_stream_cut_off_before_the_answer_is_not_a_blank_bubble(chat_page: Any) -> None:
    page = chat_page
    # The server sent its meta event and then the connection ended: no tokens, no done event.
    page.route(
        "**/api/v1/chat",
        lambda route: route.fulfill(
            status=200,
            content_type="text/event-stream",
            body='event: meta\ndata: {"path": "template", "intent": null, "query": "", "conversation_id": null}\n\n',
        ),
    )
    _ask(page, "申港街道有几家企业")
    text = _last_answer(page).inner_text().strip()
    assert text, "the reply bubble is empty"
    assert CHINESE.search(text), text


def test_answer_cut_off_midway_is_kept_and_marked_incomplete(chat_page: Any) -> None:
    from playwright.sync_api import expect

    page = chat_page
    page.route(
        "**/api/v1/chat",
        lambda route: route.fulfill(
            status=200,
            content_type="text/event-stream",
            body='event: meta\ndata: {"path": "template", "intent": null, "query": "", "conversation_id": null}\n\n'
            'event: token\ndata: {"text": "共查到 3 家企业"}\n\n',
        ),
    )
    _ask(page, "申港街道有几家企业")
    assert _last_answer(page).inner_text().startswith("共查到 3 家企业")
    expect(page.locator(".msg.assistant").last.locator(".notice")).to_contain_text("不完整")


def test_a_malformed_stream_event_is_told_in_chinese(chat_page: Any) -> None:
    page = chat_page
    page.route(
        "**/api/v1/chat",
        lambda route: route.fulfill(
            status=200, content_type="text/event-stream", body="event: token\ndata: {not json\n\n"
        ),
    )
    _ask(page, "申港街道有几家企业")
    text = _last_answer(page).inner_text()
    assert "JSON" not in text and "Unexpected" not in text, text
    assert CHINESE.search(text), text


def test_long_unbroken_question_stays_inside_its_bubble(chat_page: Any) -> None:
    page = chat_page
    _ask(page, "查询统一社会信用代码" + "9132028" * 60)
    bubble = page.locator(".msg.user .bubble").last
    bubble.wait_for(state="visible")
    overflow = bubble.evaluate("b => b.scrollWidth - b.clientWidth")
    assert overflow <= 1, f"the question runs {overflow}px out of its bubble"
    box = bubble.bounding_box()
    pane = page.get_by_test_id("chat-messages").bounding_box()
    assert box is not None and pane is not None
    assert box["x"] + box["width"] <= pane["x"] + pane["width"] + 1


def test_deleting_a_conversation_asks_first(chat_page: Any) -> None:
    from playwright.sync_api import expect

    page = chat_page
    _ask(page, "今天有哪些动火作业？")
    _last_answer(page)
    item = page.locator(".history-item", has_text="今天有哪些动火作业").first
    expect(item).to_be_visible()
    item.get_by_role("button", name="删除").click()
    box = page.locator(".el-message-box")
    expect(box).to_be_visible()
    box.get_by_role("button", name="取消").click()
    expect(box).to_be_hidden()
    expect(item).to_be_visible()  # one slip of the mouse must not lose a night's questions

    item.get_by_role("button", name="删除").click()
    box.get_by_role("button", name="确定").click()
    expect(page.locator(".history-item", has_text="今天有哪些动火作业")).to_have_count(0)


def test_a_reloaded_conversation_shows_the_citations_of_its_answers(chat_page: Any) -> None:
    from playwright.sync_api import expect

    page = chat_page
    _ask(page, "申港街道有几家企业")
    _last_answer(page)
    live = page.locator(".msg.assistant").last.locator(".citations .cite-title").first
    expect(live).to_contain_text("引用 1")
    live_title = live.inner_text()
    page.reload()  # a new visit: the page knows only what the stored conversation returns
    page.get_by_test_id("chat-page").wait_for(state="visible")
    page.locator(".history-item", has_text="申港街道有几家企业").first.click()
    reloaded = page.locator(".msg.assistant").last
    expect(reloaded.locator(".text")).to_contain_text("申港街道")
    expect(reloaded.locator(".citations .cite-title").first).to_have_text(live_title)  # same query, same rows


def test_citation_rows_are_headed_in_chinese(chat_page: Any) -> None:
    from playwright.sync_api import expect

    page = chat_page
    _ask(page, "有哪些隐患过了整改期限还没整改？")
    _last_answer(page)
    cite = page.locator(".msg.assistant").last.locator(".citations .el-collapse-item").first
    header = cite.locator(".el-collapse-item__header")
    # the query's Chinese title, not its template id (e.g. overdue_hazards)
    assert not re.search(r"[a-z]+_[a-z]+", header.inner_text()), header.inner_text()
    header.click()
    heads = cite.locator(".el-table__header th")
    expect(heads.first).to_be_visible()
    names = [h.strip() for h in heads.all_inner_texts()]
    assert names and all(CHINESE.search(n) for n in names), names
