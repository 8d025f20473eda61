"""Browser tests of the 数字化预案 pages as their users meet them: a plan system with dozens of
plans stays readable, one double-click makes one plan, and cancelling a confirmation is not an
error.

Uses the shared live server and Chromium fixtures (see ``test_portrait_browser.py``).
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from typing import Any

import pytest

from tests.e2e.test_portrait_browser import Tab, chromium, tab  # noqa: F401 - shared fixtures

pytestmark = pytest.mark.browser


def _call(method: str, url: str, body: Any = None) -> Any:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        text = r.read()
    return json.loads(text) if text else None


def _overlaps(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["x"] < b["x"] + b["width"] - 1
        and b["x"] < a["x"] + a["width"] - 1
        and a["y"] < b["y"] + b["height"] - 1
        and b["y"] < a["y"] + a["height"] - 1
    )


@pytest.fixture(scope="module")
def crowded_system(live_server_url: str) -> list[str]:
    """A city whose towns each filed a few special plans: dozens of nodes in one tier."""
    api = f"{live_server_url.rstrip('/')}/api/v1"
    titles = []
    for town in ("华士镇", "周庄镇", "新桥镇", "祝塘镇", "青阳镇", "璜土镇", "月城镇"):
        for kind in ("防汛防台", "危化品泄漏", "燃气事故", "森林火灾"):
            title = f"{town}{kind}专项应急预案"
            _call("POST", f"{api}/plans/nodes", {"title": title, "plan_type": "专项", "town": town})
            titles.append(title)
    return titles


@pytest.mark.parametrize("width", [1366, 900])  # a common laptop, a window beside another
def test_plan_system_labels_do_not_overlap(
    tab: Tab,  # noqa: F811
    live_server_url: str,
    crowded_system: list[str],
    width: int,
) -> None:
    page = tab.page
    page.set_viewport_size({"width": width, "height": 768})
    page.goto(f"{live_server_url.rstrip('/')}/plans/system")
    graph = page.get_by_test_id("plan-system")
    page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=plan-system] .echart svg text').length >= 28"
    )
    page.wait_for_timeout(500)  # let the chart finish its first layout
    boxes = [
        b
        for b in (t.bounding_box() for t in graph.locator(".echart svg text").all())
        if b is not None and b["width"] > 0
    ]
    clashes = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if _overlaps(a, b)]
    assert not clashes, f"{len(clashes)} overlapping label pairs, e.g. {clashes[:2]}"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert tab.js_errors == []


def test_plan_system_draws_children_under_their_parent(tab: Tab, live_server_url: str) -> None:  # noqa: F811
    """Plans filed in any order: each child sits in its parent's column, so the edges run down
    the columns instead of criss-crossing the labels of the rows between them."""
    api = f"{live_server_url.rstrip('/')}/api/v1"
    towns = ("南闸街道", "云亭街道", "徐霞客镇", "璜土镇", "利港街道")
    parents = {
        town: _call(
            "POST",
            f"{api}/plans/nodes",
            {"title": f"{town}生产安全事故总体应急预案", "plan_type": "总体", "town": town},
        )
        for town in towns
    }
    for town in reversed(towns):  # the towns file their special plans in no particular order
        for kind in ("有限空间事故", "防台防汛"):
            _call(
                "POST",
                f"{api}/plans/nodes",
                {
                    "title": f"{town}{kind}专项应急预案",
                    "plan_type": "专项",
                    "town": town,
                    "parent_id": parents[town]["id"],
                },
            )
    page = tab.page
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{live_server_url.rstrip('/')}/plans/system")
    page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=plan-system] .echart svg text').length >= 15"
    )
    page.wait_for_timeout(500)  # let the chart finish its first layout
    centres: dict[str, list[float]] = {}
    for text in page.get_by_test_id("plan-system").locator(".echart svg text").all():
        box = text.bounding_box()
        if box is not None:
            centres.setdefault(text.text_content() or "", []).append(box["x"] + box["width"] / 2)
    off = []
    for town in towns:
        (parent_x,) = [x for label, xs in centres.items() if label.startswith(f"{town}生产") for x in xs]
        for kind in ("有限", "防台"):
            (child_x,) = [x for label, xs in centres.items() if label.startswith(f"{town}{kind}") for x in xs]
            if abs(child_x - parent_x) > 30:
                off.append((town, kind, round(parent_x), round(child_x)))
    assert not off, f"children away from their parent's column: {off}"
    assert tab.js_errors == []


def test_double_click_on_add_in_the_plan_system_files_one_plan(tab: Tab, live_server_url: str) -> None:  # noqa: F811
    from playwright.sync_api import expect

    base = live_server_url.rstrip("/")
    title = "月城镇地质灾害专项应急预案（体系双击）"
    page = tab.page
    page.goto(f"{base}/plans/system")
    form = page.get_by_test_id("plan-system").locator(".el-form")
    form.locator(".el-form-item", has_text="预案名称").locator("input").fill(title)
    # a busy server: the second click lands while the first request is still out
    page.route("**/api/v1/plans/nodes", lambda route: (page.wait_for_timeout(300), route.continue_()))
    form.get_by_role("button", name="新增").dblclick()
    expect(page.locator(".el-message--success")).to_have_count(1)
    page.wait_for_timeout(800)
    # the server refuses a second plan of the same title: the officer must not be told 已有同名预案
    # about the plan they have just filed
    assert page.locator(".el-message--error").all_inner_texts() == []
    listed = _call("GET", f"{base}/api/v1/plans?q={urllib.parse.quote(title)}&size=50")
    assert listed["total"] == 1, [p["id"] for p in listed["items"]]
    assert tab.js_errors == []


def test_review_fields_stay_readable_in_a_narrow_window(
    tab: Tab,  # noqa: F811
    live_server_url: str,
) -> None:
    base = live_server_url.rstrip("/")
    template = _call(
        "POST",
        f"{base}/api/v1/plan-templates",
        {
            "name": "企业综合预案模板（窄窗测试）",
            "plan_type": "总体",
            "modules": [
                {
                    "skeleton": "总则",
                    "title": "适用范围",
                    "default_text": "本预案适用于公司厂区内发生的火灾、爆炸、泄漏、中毒窒息等生产安全事故的应急处置。",
                }
            ],
        },
    )
    made = _call(
        "POST",
        f"{base}/api/v1/plans/from-template",
        {"template_id": template["id"], "title": "江阴某化工有限公司生产安全事故综合应急预案（窄窗测试）"},
    )
    page = tab.page
    page.set_viewport_size({"width": 900, "height": 800})
    page.goto(f"{base}/plans/{made['plan_id']}/review")
    title = page.get_by_test_id("field-/title").locator(".val")
    title.wait_for()
    box = title.bounding_box()
    assert box is not None
    # A value squeezed into a column a few characters wide cannot be checked against the source.
    assert box["width"] >= 240, f"the title value is only {box['width']:.0f}px wide"
    assert tab.js_errors == []


def test_double_click_on_create_from_template_makes_one_plan(tab: Tab, live_server_url: str) -> None:  # noqa: F811
    from playwright.sync_api import expect

    base = live_server_url.rstrip("/")
    template = _call(
        "POST",
        f"{base}/api/v1/plan-templates",
        {
            "name": "防汛防台专项预案模板（双击测试）",
            "plan_type": "专项",
            "modules": [
                {"skeleton": "总则", "title": "适用范围", "default_text": "适用于本镇防汛防台工作。"}
            ],
        },
    )
    title = "长泾镇防汛防台专项应急预案（双击测试）"
    page = tab.page
    page.goto(f"{base}/plans")
    page.get_by_role("button", name="由模板新建").click()
    dialog = page.locator(".el-dialog", has_text="由模板新建预案")
    dialog.locator(".el-select").first.click()
    page.locator(".el-select-dropdown__item", has_text=template["name"]).click()
    dialog.locator(".el-form-item", has_text="预案名称").locator("input").fill(title)
    # Slow the server down a little, as a busy one would be: the second click lands mid-request.
    page.route("**/api/v1/plans/from-template", lambda route: (page.wait_for_timeout(300), route.continue_()))
    dialog.get_by_role("button", name="创建").dblclick()
    page.wait_for_url("**/review")
    expect(page.get_by_test_id("plan-review")).to_be_visible()
    listed = _call("GET", f"{base}/api/v1/plans?q={urllib.parse.quote(title)}&size=50")
    assert listed["total"] == 1, [p["id"] for p in listed["items"]]
    assert tab.js_errors == []


def test_cancelling_a_confirmation_is_not_an_error(
    tab: Tab,  # noqa: F811
    live_server_url: str,
    crowded_system: list[str],
) -> None:
    from playwright.sync_api import expect

    page = tab.page
    console_errors: list[str] = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server_url.rstrip('/')}/plans")
    row = page.locator(".el-table__row").filter(has=page.get_by_role("button", name="废止")).first
    row.get_by_role("button", name="废止").click()
    box = page.locator(".el-message-box")
    expect(box.get_by_role("button", name="确定")).to_be_visible()  # Chinese buttons, not OK/Cancel
    box.get_by_role("button", name="取消").click()
    expect(box).to_be_hidden()
    page.wait_for_timeout(300)
    assert tab.js_errors == []
    assert console_errors == []
    expect(page.locator(".el-message--error")).to_have_count(0)


def test_statistics_list_response_levels_in_rank_order(tab: Tab, live_server_url: str) -> None:  # noqa: F811
    """一级 is the most severe: the chart reads 一级, 二级, 三级, 四级 from the top, not in the
    order the characters happen to sort (一, 三, 二, 四)."""
    api = f"{live_server_url.rstrip('/')}/api/v1"
    template = _call(
        "POST",
        f"{api}/plan-templates",
        {
            "name": "防汛专项预案模板（统计测试）",
            "plan_type": "专项",
            "modules": [{"skeleton": "应急响应", "title": "响应分级", "default_text": "按汛情分四级响应。"}],
        },
    )
    made = _call(
        "POST",
        f"{api}/plans/from-template",
        {"template_id": template["id"], "title": "顾山镇防汛专项应急预案（统计测试）"},
    )
    levels = [
        {"level": lv, "trigger": f"{lv}汛情", "actions": ["转移群众"]}
        for lv in ("四级", "二级", "一级", "三级")
    ]
    _call(
        "PATCH",
        f"{api}/plans/{made['plan_id']}/review?version_id={made['version_id']}",
        {"decisions": [{"field": "/response_levels", "action": "edit", "value": levels}]},
    )
    _call("POST", f"{api}/plans/{made['plan_id']}/versions/{made['version_id']}/publish")

    page = tab.page
    page.goto(f"{live_server_url.rstrip('/')}/plans/stats")
    chart = page.get_by_test_id("plan-stats-levels")
    for lv in ("一级", "二级", "三级", "四级"):
        chart.locator("svg text", has_text=lv).first.wait_for()
    ys = {
        lv: chart.locator("svg text", has_text=lv).first.bounding_box()["y"]
        for lv in ("一级", "二级", "三级", "四级")
    }
    assert ys["一级"] < ys["二级"] < ys["三级"] < ys["四级"], ys
    assert tab.js_errors == []


@pytest.mark.parametrize("tail", ["review", "versions"])
def test_a_missing_plan_shows_a_way_back(tab: Tab, live_server_url: str, tail: str) -> None:  # noqa: F811
    """A stale bookmark or a plan outside the officer's scope: the page says so and links back,
    instead of empty panes under a toast that fades."""
    from playwright.sync_api import expect

    page = tab.page
    page.goto(f"{live_server_url.rstrip('/')}/plans/PLN-000000000000/{tail}")
    failed = page.get_by_test_id("plan-load-error")
    expect(failed).to_contain_text("未找到预案")
    failed.get_by_role("button", name="返回预案列表").click()
    page.wait_for_url("**/plans")
    assert tab.js_errors == []


def test_a_town_officer_is_offered_retire_only_on_own_town_plans(
    tab: Tab,  # noqa: F811
    live_server_url: str,
    crowded_system: list[str],
) -> None:
    """The API refuses a town officer who retires a city-level plan; the list must not offer it."""
    from playwright.sync_api import expect

    base = live_server_url.rstrip("/")
    city = "江阴市城市排水防涝专项应急预案（范围测试）"
    _call("POST", f"{base}/api/v1/plans/nodes", {"title": city, "plan_type": "专项"})
    page = tab.page
    page.set_extra_http_headers({"X-SafeCloud-Town": urllib.parse.quote("华士镇")})
    page.goto(f"{base}/plans")
    search = page.get_by_placeholder("预案名称 / 编制单位")

    search.fill("范围测试")
    search.press("Enter")
    city_row = page.locator(".el-table__row", has_text=city)
    expect(city_row).to_be_visible()
    expect(city_row.get_by_role("button", name="审核")).to_be_visible()
    expect(city_row.get_by_role("button", name="废止")).to_have_count(0)

    search.fill(crowded_system[0])
    search.press("Enter")
    own_row = page.locator(".el-table__row", has_text=crowded_system[0])
    expect(own_row.get_by_role("button", name="废止")).to_be_visible()
    assert tab.js_errors == []
