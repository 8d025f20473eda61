"""Browser tests of the 预案体系 graph with the plans a real city files: dozens of plans still
missing their parent, and parents with several children stacked in one column.

Uses the shared live server and Chromium fixtures (see ``test_portrait_browser.py``).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.conftest import serve_demo_city
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


@pytest.fixture(scope="module")
def planless_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server of its own: on the shared one, a city plan filed by another test would be a possible
    parent of every town plan, and there would be no orphans to list."""
    with serve_demo_city(tmp_path_factory.mktemp("planless") / "data") as url:
        yield url


def test_many_orphans_neither_stretch_the_graph_nor_stay_out_of_reach(
    tab: Tab,  # noqa: F811 - the shared fixture, imported above
    planless_server_url: str,
) -> None:
    from playwright.sync_api import expect

    base = planless_server_url.rstrip("/")
    # town special plans filed before any town master plan: each one is listed as lacking a parent
    for town in ("长泾镇", "顾山镇", "祝塘镇", "南闸街道", "申港街道", "夏港街道", "利港街道"):
        for kind in ("危险化学品事故", "城镇燃气事故", "建筑施工事故", "道路交通事故"):
            _call(
                "POST",
                f"{base}/api/v1/plans/nodes",
                {"title": f"{town}{kind}应急预案（孤立）", "plan_type": "专项", "town": town},
            )
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
    expect(form.locator(".el-form-item", has_text="预案名称").locator("input")).to_have_value(
        "顾山镇城镇燃气事故应急预案（孤立）"
    )
    expect(page.get_by_role("button", name="保存修改")).to_be_visible()
    assert tab.js_errors == []


# Edge paths and node symbols of the SVG chart in page coordinates: an edge is a stroked path with
# no fill, a node a filled circle in a tier colour (arrow heads are filled in the edge colour).
_GEOMETRY = """() => {
  const svg = document.querySelector('[data-testid=plan-system] .echart svg');
  const edges = [], nodes = [];
  for (const p of svg.querySelectorAll('path')) {
    const fill = p.getAttribute('fill'), stroke = p.getAttribute('stroke');
    if (fill === 'none' && stroke) {
      const m = p.getScreenCTM(), n = p.getTotalLength(), pts = [];
      for (let i = 0; i <= 20; i++) {
        const q = p.getPointAtLength((n * i) / 20);
        pts.push([m.a * q.x + m.c * q.y + m.e, m.b * q.x + m.d * q.y + m.f]);
      }
      edges.push(pts);
    } else if (fill && fill !== 'none' && fill !== stroke && !fill.includes('9aa7b8')) {
      const b = p.getBoundingClientRect();
      if (b.width > 4 && b.width < 60 && Math.abs(b.width - b.height) < 2) nodes.push([b.x, b.y, b.width]);
    }
  }
  return { edges, nodes };
}"""


def test_an_edge_to_a_lower_child_does_not_run_through_its_siblings(tab: Tab, live_server_url: str) -> None:  # noqa: F811
    """A department with four on-site plans stacks them in its column: straight edges to the
    lower ones ran through the upper ones and the column read as a chain of parent and child."""
    base = live_server_url.rstrip("/")
    parent = _call(
        "POST",
        f"{base}/api/v1/plans/nodes",
        {"title": "江阴市住建局建筑施工事故应急预案（链测）", "plan_type": "部门"},
    )
    # more than a row of them: the tier wraps and the children stack up in the parent's column
    for kind in (
        "塔吊倒塌",
        "脚手架坍塌",
        "基坑坍塌",
        "高处坠落",
        "触电",
        "模板支撑坍塌",
        "起重伤害",
        "物体打击",
        "深基坑透水",
        "临时用电火灾",
        "有限空间中毒",
        "外墙坠物",
    ):
        _call(
            "POST",
            f"{base}/api/v1/plans/nodes",
            {"title": f"{kind}现场处置方案（链测）", "plan_type": "现场处置方案", "parent_id": parent["id"]},
        )
    _open_system(tab, base, 13)
    geo = tab.page.evaluate(_GEOMETRY)
    assert geo["edges"] and geo["nodes"], geo

    def inside(pt: list[float], n: list[float], pad: float = 0) -> bool:
        return n[0] - pad <= pt[0] <= n[0] + n[2] + pad and n[1] - pad <= pt[1] <= n[1] + n[2] + pad

    def nearest(pt: list[float]) -> list[float]:
        return min(
            geo["nodes"], key=lambda n: (n[0] + n[2] / 2 - pt[0]) ** 2 + (n[1] + n[2] / 2 - pt[1]) ** 2
        )

    through, vertical = [], 0
    for pts in geo["edges"]:
        ends = [nearest(pts[0]), nearest(pts[-1])]
        if abs(ends[0][0] - ends[1][0]) > 2:
            continue  # between parent and child of one column (diagonals are another matter)
        vertical += 1
        for n in geo["nodes"]:
            if n not in ends and any(inside(pt, n) for pt in pts):
                through.append((pts[0], pts[-1], n))
    assert vertical >= 2, f"{vertical} edges down one column"
    assert not through, f"{len(through)} edges run through another plan's node, e.g. {through[:2]}"
    assert tab.js_errors == []
