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
