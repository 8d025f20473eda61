"""Layout families from the plans-robust32 round, on small synthetic inputs worded differently from the
corpus: a 岗位 | 职责 table whose rows are bare titles, an organisation as a nested numbered list, levels
only in prose paragraphs, "姓名—职务—电话" contact lines, measures as 一是…二是…, reporting limits in words,
a team in running text with its kit after the head count."""

from __future__ import annotations

from plans.structure import Block
from tests.support.plan_draft import extract_blocks, numbered_blocks


def _data(*blocks: tuple[str, object]) -> dict:
    return extract_blocks(numbered_blocks(*blocks))


def _roles(data: dict, unit: str) -> dict[str, tuple[str | None, list[str]]]:
    found = next(u for u in data["org_units"] if u["name"] == unit)
    return {r["title"]: (r["holder"], r["duties"]) for r in found["roles"]}


def test_a_post_duty_table_of_bare_titles_puts_each_rows_duties_on_that_post() -> None:
    data = _data(
        ("p", "江阴某五金制品有限公司火灾事故专项应急预案"),
        ("h1", "2 应急组织机构及职责"),
        ("p", "公司成立火灾事故应急领导小组，由董事长任组长，分管生产的副总经理任副组长，各车间主任为组员。"),
        ("table", [["岗位", "职责"], ["组长", "宣布启动应急响应；调配救援力量"], ["副组长", "协助组长指挥现场"]]),
    )  # fmt: skip
    roles = _roles(data, "火灾事故应急领导小组")
    assert roles["组长"] == ("董事长", ["宣布启动应急响应", "调配救援力量"])
    assert roles["副组长"][1] == ["协助组长指挥现场"]


def _items(*items: tuple[str, str]) -> list[Block]:
    """Blocks as a Word document gives a nested numbered list: "h1"/"h3" headings, "li" numbered items."""
    out = []
    for n, (kind, text) in enumerate(items):
        if kind == "li":
            out.append(Block(kind="list_item", text=text, paragraph=n, number=text[:3]))
        elif kind.startswith("h"):
            out.append(Block(kind="heading", text=text, paragraph=n, heading_level=int(kind[1])))
        else:
            out.append(Block(kind="paragraph", text=text, paragraph=n))
    return out


def test_a_nested_numbered_organisation_gives_posts_and_duties_not_posts_as_duties() -> None:
    data = extract_blocks(
        _items(
            ("p", "璜土镇安全生产事故综合应急预案"),
            ("h1", "三、组织体系及职责"),
            ("h3", "1.镇安全生产应急指挥部"),
            ("li", "（1）总指挥：镇长"),
            ("li", "（2）副总指挥：分管安全的副镇长"),
            ("li", "（3）主要职责：①统一领导全镇事故救援；②批准启动应急响应"),
            ("h3", "2.指挥部办公室"),
            ("li", "（1）办公室设在镇安监办，主任由安监办主任兼任"),
            ("h4", "（1）抢险组"),
            ("li", "①牵头单位：璜土专职消防队"),
            ("li", "②职责：扑灭火灾；搜救人员"),
        )
    )
    roles = _roles(data, "镇安全生产应急指挥部")
    assert roles["总指挥"][0] == "镇长"
    assert roles["副总指挥"][0] == "分管安全的副镇长"
    hq = next(u for u in data["org_units"] if u["name"] == "镇安全生产应急指挥部")
    assert hq["duties"] == ["统一领导全镇事故救援", "批准启动应急响应"]
    assert _roles(data, "指挥部办公室")["主任"][0] == "安监办主任"
    group = next(u for u in data["org_units"] if u["name"] == "抢险组")
    assert group["duties"] == ["扑灭火灾", "搜救人员"]
    assert _roles(data, "抢险组")["牵头单位"][0] == "璜土专职消防队"


def test_a_numbered_duty_written_against_a_post_stays_a_duty_of_its_body() -> None:
    data = extract_blocks(
        _items(
            ("p", "某公司生产安全事故综合应急预案"),
            ("h1", "2 组织机构及职责"),
            ("h3", "2.1 应急救援指挥部"),
            ("li", "（1）负责组织制定应急预案"),
            ("li", "（2）批准本预案的启动与终止"),
        )
    )
    hq = next(u for u in data["org_units"] if u["name"] == "应急救援指挥部")
    assert hq["duties"] == ["负责组织制定应急预案", "批准本预案的启动与终止"]


def test_a_prose_level_without_semicolons_has_one_measure_per_comma_clause() -> None:
    data = _data(
        ("p", "青阳镇生产安全事故应急预案"),
        ("h1", "四、应急响应"),
        ("p", "事故险情较小、企业能够自行处置时，启动四级响应。四级响应由镇安监办主任指挥，安监办派员到场核实情况，"
              "指导企业开展先期处置。"),
        ("p", "事故造成人员重伤时，启动三级响应。三级响应由副镇长指挥，主要采取以下措施："),
    )  # fmt: skip
    four = next(r for r in data["response_levels"] if r["level"] == "四级")
    assert four["commander"] == "镇安监办主任"
    assert four["actions"] == ["安监办派员到场核实情况", "指导企业开展先期处置"]
    three = next(r for r in data["response_levels"] if r["level"] == "三级")
    assert three["actions"] == []  # the colon leads into items below, none of them written here


def test_name_first_dash_lines_give_the_person_and_the_post() -> None:
    data = _data(
        ("p", "申港街道防汛防台应急预案"),
        ("h1", "附件　防汛责任人通讯录"),
        ("p", "蒋国平—街道办事处副主任—13951588012"),
        # a PDF may run two lines together: the number closes the first
        ("p", "缪建新—水利站站长—0510-86392214陆文娟—安全员—13771625530"),
        ("p", "组长 — 王建明（站长） — 13806167741"),
        ("p", "综合办—主任—0510-86392000"),
    )  # fmt: skip
    got = {c["phone"]: (c["name"], c["role"]) for c in data["contacts"]}
    assert got["13951588012"] == ("蒋国平", "街道办事处副主任")
    assert got["0510-86392214"] == ("缪建新", "水利站站长")
    assert got["13771625530"] == ("陆文娟", "安全员")
    assert got["13806167741"] == ("王建明", "组长")  # post first, as before
    assert got["0510-86392000"][0] != "综合办"  # a body first is no person


def test_a_pdf_cell_merged_over_three_rows_fills_every_row_it_covers() -> None:
    from evals.plan_corpus_render import render_pdf
    from plans.pdf_parser import parse_pdf

    table = {
        "rows": [
            ["名称", "数量", "存放地点", "保管部门"],
            ["灭火毯", "30条", "一号仓库", "后勤部"],
            ["铁锹", "15把", "", ""],
            ["编织袋", "800条", "", ""],
            ["警戒带", "20卷", "门卫室", "保卫科"],
        ],
        "merge": [[1, 2, 3, 2], [1, 3, 3, 3]],
    }
    blocks = [{"title": "某公司应急预案"}, {"h1": "应急物资"}, {"table": table}]
    parsed = parse_pdf(render_pdf(blocks, "某公司应急预案", None, False, None))
    rows = next(b.cells for b in parsed.blocks if b.kind == "table" and b.cells)
    assert rows[3] == ["编织袋", "800条", "一号仓库", "后勤部"]
    assert rows[4] == ["警戒带", "20卷", "门卫室", "保卫科"]


def test_measures_after_starting_a_level_named_in_a_table_are_that_levels() -> None:
    data = _data(
        ("p", "申港街道危险化学品事故应急预案"),
        ("h1", "四、应急响应"),
        ("table", [["级别", "启动条件", "指挥"], ["二级响应", "事故影响到园区外", "副总指挥"],
                   ["一级响应", "事故造成人员死亡", "总指挥"]]),
        ("p", "进入二级响应时，采取以下措施：封控园区道路；组织下风向企业停产撤离。"),
        ("p", "启动一级响应后：指挥部成员全部到岗；请求市消防救援支队增援。"),
    )  # fmt: skip
    two = next(r for r in data["response_levels"] if r["level"] == "二级")
    one = next(r for r in data["response_levels"] if r["level"] == "一级")
    assert two["actions"] == ["封控园区道路", "组织下风向企业停产撤离"]
    assert one["actions"] == ["指挥部成员全部到岗", "请求市消防救援支队增援"]


def test_a_team_named_after_a_town_with_a_month_character_is_still_a_team() -> None:
    data = _data(
        ("p", "月城镇防汛防台应急预案"),
        ("h1", "五、应急保障"),
        ("p", "月城镇抢险突击队有队员30人，配备冲锋舟2艘。镇水利站每月检查物资1次。"),
    )  # fmt: skip
    got = {r["name"]: (r["type"], r["quantity"]) for r in data["resources"]}
    assert got["月城镇抢险突击队"] == ("救援队伍", 30.0)
    assert got["冲锋舟"] == ("装备", 2.0)
    assert not any("每月" in name for name in got)  # a time span is no item


def test_a_trigger_with_two_clauses_runs_to_the_one_before_start() -> None:
    data = _data(
        ("p", "利港街道生产安全事故应急预案"),
        ("h1", "四、应急响应"),
        ("p", "较大事故发生后，事态可能扩大到周边企业时，启动三级响应，由街道应急管理局局长指挥。"),
        ("p", "重大事故发生后，启动二级响应，由副主任指挥。"),
    )  # fmt: skip
    got = {r["level"]: r["trigger"] for r in data["response_levels"]}
    assert got["三级"] == "较大事故发生后，事态可能扩大到周边企业"
    assert got["二级"] == "重大事故发生"
