"""Layout families from the plans-robust14 round (conventional GB/T 29639 plans of an enterprise and a
冶金 专项): organisation units, posts and their duties, one rule each on small synthetic inputs worded
differently from the corpus: "<post>职责：①…" paragraphs, "X队：队长由…担任。职责：①…" group paragraphs,
①a；②b in one item, bare duty runs, a 站 as a unit, lists a PDF breaks onto the next line; and
neighbouring conventional wordings probed after them: "总指挥职责：" lines and post headings over numbered
duties, teams sized before their names, "组长（车间主任）：a；b" and "组长：X，负责…" post lines, "…为组员".
Levels, contacts, resources and accident types of the same round: ``test_layout_variants_robust14.py``."""

from __future__ import annotations

from tests.support.plan_draft import org_unit as _unit
from tests.support.plan_draft import unit_roles
from tests.unit.plan_import.test_extractors import blocks_of
from tests.unit.plan_import.test_layout_variants_robust13 import run
from tests.unit.plan_import.test_layout_variants_robust14 import _run_blocks


def test_a_post_duty_label_puts_the_duties_on_the_post() -> None:
    draft = run(
        [
            "二、组织机构及职责",
            "项目部成立应急领导小组。",
            "指挥长：项目经理",
            "成员：技术负责人、安全员和施工员",
            "（一）领导小组人员职责",
            "（1）指挥长职责：①统一指挥基坑险情处置；②决定是否请求外部支援。",
            "（2）成员职责：①按分工到岗；②执行指挥长指令。",
        ]
    )
    unit = _unit(draft, "应急领导小组")
    roles = {r["title"]: r["duties"] for r in unit["roles"]}
    assert roles["指挥长"] == ["统一指挥基坑险情处置", "决定是否请求外部支援"]
    assert roles["成员"] == ["按分工到岗", "执行指挥长指令"]
    assert unit["duties"] == []


def test_a_group_paragraph_with_a_duty_label_keeps_every_duty() -> None:
    draft = run(
        [
            "3 应急组织机构及职责",
            "公司成立应急指挥部，下设抢修队和救护队。",
            "3.2 应急队伍职责",
            "（1）抢修队：队长由机修班长担任，队员为当班机修工。职责：①抢修损坏的管线；②恢复供电；③清理现场。",
            "（2）救护队：队长由医务员担任。职责：①现场包扎止血；②联系120转送伤员。",
        ]
    )
    assert _unit(draft, "抢修队")["duties"] == ["抢修损坏的管线", "恢复供电", "清理现场"]
    assert _unit(draft, "救护队")["duties"] == ["现场包扎止血", "联系120转送伤员"]
    assert ("队长", "机修班长") in unit_roles(draft, "抢修队")


def test_circled_items_in_one_line_and_a_bare_duty_run_are_several_duties() -> None:
    draft = run(
        [
            "2 组织机构及职责",
            "2.1 应急指挥部",
            "负责审定本预案；决定启动公司级响应；向街道安监办通报事故情况。",
            "2.2 职责",
            "2.2.1 疏散组",
            "①引导人员撤离；②清点人数。",
        ]
    )
    assert _unit(draft, "应急指挥部")["duties"] == [
        "负责审定本预案",
        "决定启动公司级响应",
        "向街道安监办通报事故情况",
    ]
    assert _unit(draft, "疏散组")["duties"] == ["引导人员撤离", "清点人数"]


def test_a_station_named_by_its_work_is_a_unit_with_a_station_master() -> None:
    draft = run(
        [
            "2 应急组织机构",
            "公司成立应急指挥部。",
            [
                ["应急机构", "应急职务", "担任人员"],
                ["应急指挥部", "总指挥", "厂长"],
                ["气体防护站", "站长", "安环科科长"],
            ],
        ]
    )
    assert _unit(draft, "气体防护站")["parent"] == "应急指挥部"
    assert unit_roles(draft, "气体防护站") == [("站长", "安环科科长")]


def test_lists_a_pdf_broke_onto_the_next_line_stay_with_their_owner() -> None:
    blocks = blocks_of(
        [
            "2 组织机构及职责",
            "项目部成立应急指挥部。",
            "副指挥长：生产经理",
            "2.1 人员职责",
            "（1）副指挥长职责：①协助指挥长工作；②组织现场抢险；",
            "③指挥长不在时代行其职责。",
            "2.2 小组职责",
            "（1）排险组：组长由安全员担任。职责：",
            "①排查次生险情；②设置警戒。",
            "（2）通讯组：组长由资料员担任。",
        ]
    )
    for n in (5, 8):  # the PDF layout gives a line that opens with a circled number as a list item
        blocks[n] = blocks[n].model_copy(update={"kind": "list_item"})
    draft = _run_blocks(blocks)
    role = next(r for r in _unit(draft, "应急指挥部")["roles"] if r["title"] == "副指挥长")
    assert role["duties"] == ["协助指挥长工作", "组织现场抢险", "指挥长不在时代行其职责"]
    assert _unit(draft, "排险组")["duties"] == ["排查次生险情", "设置警戒"]
    assert _unit(draft, "通讯组")["duties"] == []


def test_a_post_duty_line_on_its_own_heads_the_numbered_items_below() -> None:
    draft = run(
        [
            "三、组织机构",
            "车间成立应急处置小组。",
            "组长：车间主任",
            "副组长：工艺员",
            "（二）职责",
            "组长职责：",
            "（1）下达停车指令；",
            "（2）向调度报告。",
            "副组长的主要职责：",
            "（1）核对工艺参数。",
        ]
    )
    roles = {r["title"]: r["duties"] for r in _unit(draft, "应急处置小组")["roles"]}
    assert roles == {"组长": ["下达停车指令", "向调度报告"], "副组长": ["核对工艺参数"]}


def test_a_post_heading_alone_under_a_duties_heading_heads_that_posts_duties() -> None:
    draft = run(
        [
            "二、应急组织机构及职责",
            "项目部成立应急领导小组。",
            "组长：项目经理",
            "（二）领导小组成员职责",
            "1.组长",
            "（1）主持险情会商；",
            "（2）签发停工指令。",
        ]
    )
    role = next(r for r in _unit(draft, "应急领导小组")["roles"] if r["title"] == "组长")
    assert role["duties"] == ["主持险情会商", "签发停工指令"]


def test_a_post_label_after_the_body_set_up_in_the_same_sentence_is_a_role() -> None:
    draft = run(
        [
            "三、组织机构",
            "厂部成立防汛领导小组，组长：孙建（厂长）；副组长：吴强（设备科长）；成员：各车间主任。",
        ]
    )
    assert unit_roles(draft, "防汛领导小组") == [
        ("组长", "孙建（厂长）"),
        ("副组长", "吴强（设备科长）"),
        ("成员", "各车间主任"),
    ]


def test_a_numbered_post_duty_line_heads_lettered_or_circled_items() -> None:
    draft = run(
        [
            "二、组织机构及职责",
            "车间成立泄漏处置小组，组长：车间主任；副组长：设备员。",
            "（二）职责",
            "（1）组长职责：",
            "①确定处置方案；",
            "②联系调度室。",
            "（2）副组长职责：",
            "a）切断设备电源；",
            "b）检查备用泵。",
        ]
    )
    roles = {r["title"]: r["duties"] for r in _unit(draft, "泄漏处置小组")["roles"]}
    assert roles == {"组长": ["确定处置方案", "联系调度室"], "副组长": ["切断设备电源", "检查备用泵"]}


def test_a_team_sized_before_its_name_is_a_team() -> None:
    draft = run(["六、保障措施", "厂里组建了一支16人的兼职抢修队，由设备科负责管理。"])
    team = draft.data["resources"][0]
    assert (team["type"], team["name"], team["quantity"], team["unit"], team["holder"]) == (
        "救援队伍",
        "兼职抢修队",
        16.0,
        "人",
        "设备科",
    )


def test_post_lines_with_the_holder_in_brackets_or_a_duty_after_a_comma() -> None:
    bracketed = run(
        [
            "储罐区火灾现场处置方案",
            "2 应急工作职责",
            "罐区成立初期火灾扑救组，由罐区班长任组长，消防员为组员。",
            "（1）组长（罐区班长）：判断火情；下令启动泡沫系统。",
            "（2）组员（消防员）：铺设水带；冷却邻罐。",
        ]
    )
    roles = {r["title"]: (r["holder"], r["duties"]) for r in _unit(bracketed, "初期火灾扑救组")["roles"]}
    assert roles["组长"] == ("罐区班长", ["判断火情", "下令启动泡沫系统"])
    assert roles["组员"] == ("消防员", ["铺设水带", "冷却邻罐"])
    comma = run(
        ["储罐区火灾现场处置方案", "2 应急工作职责", "组长：罐区班长，负责判断火情、下令启动泡沫系统；"]
    )
    role = comma.data["org_units"][0]["roles"][0]
    assert (role["holder"], role["duties"]) == ("罐区班长", ["负责判断火情、下令启动泡沫系统"])
