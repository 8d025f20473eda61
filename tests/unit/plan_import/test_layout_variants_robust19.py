"""Layout families from the plans-robust19 round, one rule each on small synthetic inputs worded
differently from the corpus: 适用情形 / 触发条件 labels under a numbered level heading whose bracket
stays in the name, 社会级 above the enterprise tiers, measures after a later 措施 label, "X设Y小组，由A担任
组长" posts, card columns 对外报警 / 内部联系, a group line "■ X组　组长：A；组员：B" (and OCR's "X组组长：A"),
"A组负责…；B组负责…" duties, member names as bullets, a flow chart written out as text and stock after 储存."""

from __future__ import annotations

from plans.draft import flow_steps
from plans.member_bullets import member_bullet_blocks
from plans.rules_level_fields import named_levels
from tests.support.plan_draft import org_unit as _unit
from tests.support.plan_draft import response_level as _level
from tests.unit.plan_import.test_extractors import blocks_of
from tests.unit.plan_import.test_layout_variants_robust13 import run
from tests.unit.plan_import.test_layout_variants_robust17 import _by_phone, _roles


def test_applicable_situation_labels_under_a_numbered_level_heading_fill_the_level() -> None:
    draft = run(
        [
            "江阴某街道防台风应急预案",
            "5 应急响应",
            "5.2 Ⅲ级响应（较大险情）",
            "触发条件：台风黄色预警发布且风力达到9级。",
            "现场指挥：街道防指副指挥",
            "处置措施：1.转移危房群众；2.关停户外广告作业。",
        ]
    )
    level = _level(draft, "三级")
    assert level["name"] == "Ⅲ级响应（较大险情）"
    assert level["trigger"] == "台风黄色预警发布且风力达到9级"
    assert level["commander"] == "街道防指副指挥"
    assert level["actions"] == ["转移危房群众", "关停户外广告作业"]


def test_a_social_tier_ranks_above_every_tier_of_the_enterprise() -> None:
    texts = ["岗位级响应由班长负责", "车间级响应", "公司级响应", "社会级响应由政府接管"]
    assert named_levels(texts) == {"社会级": "一级", "公司级": "二级", "车间级": "三级", "岗位级": "四级"}


def test_measures_after_a_later_measures_label_skip_the_handover_clause() -> None:
    draft = run(
        [
            "江阴某化工有限公司泄漏事故专项应急预案",
            "4 应急响应",
            "（1）车间级响应：单台泵密封渗漏时启动，由车间主任指挥。措施：切换备用泵；收集渗漏液。",
            "（2）公司级响应：装置大量泄漏时启动，由总经理指挥，消防队到场后听从其统一调度。措施：全厂停车；通知周边企业。",
        ]
    )
    level = _level(draft, "一级")
    assert level["commander"] == "总经理"
    assert level["actions"] == ["全厂停车", "通知周边企业"]


def test_a_unit_set_up_by_a_place_with_posts_it_serves_as() -> None:
    draft = run(
        [
            "江阴某纺织有限公司火灾事故专项应急预案",
            "3 应急组织",
            "3.1 应急指挥部",
            "总指挥：厂长",
            "3.2 仓库应急抢险小组",
            "仓库设应急抢险小组，由仓库主管担任组长，叉车班长担任副组长，组员包括叉车工和理货员。",
        ]
    )
    names = {u["name"] for u in draft.data["org_units"]}
    assert "仓库设应急抢险小组" not in names
    roles = _roles(_unit(draft, "仓库应急抢险小组"))
    assert ("组长", "仓库主管") in roles and ("副组长", "叉车班长") in roles
    assert ("组员", "叉车工和理货员") in roles


def test_card_columns_for_outside_alarm_and_inside_line_hold_numbers() -> None:
    table = [
        ["岗位", "姓名", "对外报警", "内部联系"],
        ["值班长", "邹平", "火警119", "13900001111"],
        ["操作工", "严明", "调度室0510-86000120", "13900002222"],
    ]
    draft = run(["酸洗槽泄漏现场处置方案", "三、联络卡", table])
    by_phone = _by_phone(draft)
    assert (by_phone["13900001111"]["name"], by_phone["13900001111"]["role"]) == ("邹平", "值班长")
    assert by_phone["119"]["role"] == "火警"
    assert by_phone["0510-86000120"]["org"] == "调度室"


def test_a_group_line_with_its_posts_after_a_space_or_run_on_is_a_unit() -> None:
    for line in ("◆ 抢修组　组长：机修班长；组员：钳工、电工", "抢修组组长：机修班长；组员：钳工、电工"):
        draft = run(
            [
                "江阴某铸造有限公司综合应急预案",
                "二、应急组织",
                "公司成立应急指挥部，总指挥由总经理担任。",
                line,
            ]
        )
        unit = _unit(draft, "抢修组")
        assert _roles(unit) == {("组长", "机修班长"): [], ("组员", "钳工、电工"): []}
        assert unit["parent"] == "应急指挥部"


def test_duty_clauses_of_several_groups_in_one_sentence_go_to_each_group() -> None:
    draft = run(
        [
            "江阴某机械有限公司综合应急预案",
            "二、应急组织",
            "公司成立应急指挥部。",
            "抢修组　组长：设备科长",
            "通讯组　组长：办公室主任",
            "抢修组负责抢修受损设备；通讯组负责对外联络、通知家属。",
        ]
    )
    assert _unit(draft, "抢修组")["duties"] == ["负责抢修受损设备"]
    assert _unit(draft, "通讯组")["duties"] == ["负责对外联络、通知家属"]


def test_member_names_on_bullet_lines_are_joined_into_one_listing() -> None:
    blocks = member_bullet_blocks(
        blocks_of(["成员：", "• 安环科", "• 设备科", "• 各车间", "办公室设在安环科。"])
    )
    assert [b.text for b in blocks] == ["成员：安环科、设备科、各车间", "办公室设在安环科。"]
    assert [b.paragraph for b in blocks] == [0, 1]
    with_duties = blocks_of(["成员单位：", "▪ 市公安局：负责警戒", "▪ 市卫健委：负责救治"])
    assert [b.text for b in member_bullet_blocks(with_duties)] == [b.text for b in with_duties]


def test_a_flow_chart_written_as_text_is_read_step_by_step() -> None:
    text = "接报→一般险情启动Ⅳ级响应，由科长指挥→较大险情启动Ⅲ级响应，由分管局长指挥"
    assert [s for _, _, s in flow_steps(text)][1] == "一般险情启动Ⅳ级响应，由科长指挥"
    draft = run(["江阴某局防汛应急预案", "三、应急响应", f"响应流程（图示说明：{text}）"])
    assert _level(draft, "四级")["commander"] == "科长"
    assert _level(draft, "三级")["commander"] == "分管局长"


def test_stock_after_a_storing_verb_is_named_without_the_verb() -> None:
    draft = run(["江阴某镇防汛应急预案", "五、物资保障", "镇防汛仓库储存编织袋3000条，由镇水利站负责管理。"])
    bags = next(r for r in draft.data["resources"] if r["unit"] == "条")
    assert (bags["name"], bags["quantity"], bags["holder"]) == ("编织袋", 3000.0, "镇水利站")
