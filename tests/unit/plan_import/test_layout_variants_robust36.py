"""Layout families from the plans-robust36 round, on small synthetic inputs worded differently from the
corpus: a team set up in running text ("组建X1支，队员N人"), whose name leaves out the verb and whose size is its
head count, and a level paragraph ending "主要措施：" whose ① items sit in the next block (a PDF line break
before "①", or a paragraph of its own)."""

from __future__ import annotations

from plans.structure import Block
from tests.support.plan_draft import extract_blocks, extracted


def _resources(text: str) -> list[tuple[str, str, float | None, str | None, str | None]]:
    data = extracted(
        ("p", "江阴澄南化工有限公司火灾事故专项应急预案"),
        ("h1", "五、应急保障"),
        ("p", text),
    )
    return [(r["type"], r["name"], r["quantity"], r["unit"], r["holder"]) for r in data["resources"]]


def test_team_set_up_in_running_text_is_named_without_the_verb_and_sized_by_its_head_count() -> None:
    found = _resources("公司成立义务消防队2支，共有队员24人，由安全环保部统一管理。")
    assert found == [("救援队伍", "义务消防队", 24.0, "人", "安全环保部")]


def test_team_counted_only_in_teams_keeps_that_count_without_the_verb() -> None:
    found = _resources("街道组建防汛抢险队3支，由街道应急管理办公室负责管理。")
    assert [(name, qty, unit) for _type, name, qty, unit, _holder in found] == [("防汛抢险队", 3.0, "支")]


def test_stock_after_a_setting_up_verb_is_named_without_it() -> None:
    found = _resources("仓储部配备正压式空气呼吸器6套，设有应急物资柜2个。")
    names = {name for _type, name, *_ in found}
    assert names == {"正压式空气呼吸器", "应急物资柜"}


def _levels(*tail: Block) -> dict:
    blocks = [
        Block(kind="paragraph", text="江阴澄南化工有限公司泄漏事故专项应急预案", paragraph=0),
        Block(kind="heading", text="四、应急响应", paragraph=1, heading_level=1),
        Block(
            kind="paragraph",
            text="三级（车间级）：储罐阀门少量滴漏，车间能够自行处置时，由车间主任指挥，主要措施：①关闭上游阀门；②用吸附棉围堵。",
            paragraph=2,
        ),
        Block(
            kind="paragraph",
            text="二级（公司级）：泄漏物流入围堰或发生火情时，由公司总经理指挥，主要措施：",
            paragraph=3,
        ),
        *tail,
    ]
    data = extract_blocks(blocks)
    return {r["level"]: r for r in data["response_levels"]}


def test_measures_wrapped_into_the_next_block_belong_to_the_level_that_leads_into_them() -> None:
    items = "①启动公司消防泵；②通知周边企业撤离；③向澄江街道应急管理办公室报告。"
    levels = _levels(Block(kind="list_item", text=items, paragraph=4, number="①"))
    assert levels["二级"]["actions"] == ["启动公司消防泵", "通知周边企业撤离", "向澄江街道应急管理办公室报告"]
    assert levels["三级"]["actions"] == ["关闭上游阀门", "用吸附棉围堵"]


def test_measures_one_per_paragraph_after_the_lead_in_are_all_read() -> None:
    levels = _levels(
        Block(kind="paragraph", text="①启动公司消防泵；", paragraph=4),
        Block(kind="paragraph", text="②通知周边企业撤离。", paragraph=5),
    )
    assert levels["二级"]["actions"] == ["启动公司消防泵", "通知周边企业撤离"]


def test_numbered_block_after_a_level_with_its_measures_is_not_taken_as_more_measures() -> None:
    levels = _levels(
        Block(kind="heading", text="（二）信息报告", paragraph=4, heading_level=2),
        Block(kind="paragraph", text="①车间10分钟内报告公司总调度室；②总调度室报告总经理。", paragraph=5),
    )
    assert levels["三级"]["actions"] == ["关闭上游阀门", "用吸附棉围堵"]
    assert levels["二级"]["actions"] == []
