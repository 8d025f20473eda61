"""Layout families from the plans-robust15 round (a consultant's 危化 专项 plan with one big organisation
table, an in-house 综合预案 whose organisation is half prose, half table), one rule each on small synthetic
inputs worded differently from the corpus: tier names glossed with their level in the grading sentence
("分为厂级（Ⅰ级）、工段级（Ⅱ级）"), a level's measures a PDF moved onto the next line, scope sentences that
leave accidents to other plans, a roles table whose cells put the post above the person and number the
duties line by line (one 职责 cell per post, or one merged over a group), posts the prose set up and a
table then names (one role, held by the person; the table belongs to the body holding those posts, not
to the office mentioned last), "下设A、B和C" (siblings), contact cells that pack people with their
numbers, spaced mobiles on a post card, and shelters counted before their list."""

from __future__ import annotations

from plans.rules_meta import excluded_spans
from plans.rules_org_cells import cell_items, person_in
from plans.structure import Block
from tests.support.plan_draft import org_unit as _unit
from tests.support.plan_draft import response_level as _level
from tests.support.plan_draft import unit_roles
from tests.unit.plan_import.test_layout_variants_robust13 import run
from tests.unit.plan_import.test_layout_variants_robust14 import _run_blocks


def test_tier_names_glossed_with_their_level_lead_their_level_blocks() -> None:
    draft = run(
        [
            "江阴某钢丝绳有限公司生产安全事故综合应急预案",
            "一、总则",
            "（三）响应分级",
            "应急响应由高到低分为厂级（Ⅰ级）和工段级（Ⅱ级）两个级别。",
            "三、应急响应",
            "（二）分级响应",
            "1、工段级响应：工段内设备故障引发局部火情、工段能够自行扑灭时启动，由工段长指挥。主要措施：切断设备电源；"
            "使用灭火器扑救；报告值班经理。",
            "2、厂级响应：火势蔓延至两个以上工段时启动，由常务副厂长指挥。主要措施：启动全厂警报；组织人员撤离。",
        ]
    )
    low, high = _level(draft, "二级"), _level(draft, "一级")
    assert low["name"] == "工段级响应" and low["commander"] == "工段长"
    assert low["trigger"].startswith("工段内设备故障引发局部火情")
    assert low["actions"] == ["切断设备电源", "使用灭火器扑救", "报告值班经理"]
    assert high["commander"] == "常务副厂长" and high["actions"] == ["启动全厂警报", "组织人员撤离"]


def test_a_glossed_list_needs_every_item_glossed() -> None:
    from plans.rules_level_fields import named_levels

    assert named_levels(["预警分为蓝色（四级）、黄色、橙色和红色。"]) == {}
    assert named_levels(["响应分为站级（二级）和部门级（三级）。"]) == {"站级": "二级", "部门级": "三级"}
    assert named_levels(["响应分为两级：矿级（Ⅰ级）、采区级（Ⅱ级）。"]) == {"矿级": "一级", "采区级": "二级"}
    assert named_levels(["响应由高到低依次为总厂级（一级）、分厂级（二级）。"]) == {
        "总厂级": "一级",
        "分厂级": "二级",
    }


def test_measures_a_pdf_moved_onto_the_next_line_belong_to_the_level_above() -> None:
    texts = [
        ("heading", "四、应急响应"),
        ("paragraph", "二级响应：储罐区可燃气体报警、泄漏量小时启动，由当班值长指挥。"),
        ("paragraph", "处置措施：关闭罐根阀；启动水喷淋；检测下风向浓度。"),
        (
            "paragraph",
            "一级响应：发生着火或人员中毒时启动，由总经理指挥。主要措施：疏散全厂人员；请求消防支援。",
        ),
    ]
    blocks = [Block(kind=k, text=t, paragraph=i) for i, (k, t) in enumerate(texts)]  # type: ignore[arg-type]
    blocks[0] = Block(kind="heading", text=texts[0][1], paragraph=0, heading_level=1, number="四、")
    draft = _run_blocks(blocks)
    assert _level(draft, "二级")["actions"] == ["关闭罐根阀", "启动水喷淋", "检测下风向浓度"]
    assert _level(draft, "一级")["actions"] == ["疏散全厂人员", "请求消防支援"]


def test_scope_sentences_that_hand_accidents_to_other_plans_add_no_types() -> None:
    scope = (
        "本预案适用于本厂熔炼车间发生的火灾、触电事故的应急处置。厂外运输车辆伤害和员工食物中毒事件不在本预案范围内，"
        "按照《车辆管理制度》处理；本预案不包括自然灾害的应对。"
    )
    kept = "".join(scope[a:b] for a, b in excluded_spans(scope))
    assert "车辆伤害" in kept and "自然灾害" in kept and "火灾" not in kept
    draft = run(["江阴某铸造厂生产安全事故综合应急预案", "1 总则", "1.2 适用范围", scope])
    assert set(draft.data["accident_types"]) == {"火灾", "触电"}


def test_post_above_person_and_numbered_duty_lines_in_one_cell() -> None:
    assert person_in("常务副厂长 顾明") == "顾明" and person_in("设备科科长何平") == "何平"
    assert person_in("钳工、电工") == "钳工、电工" and person_in("值班长") == "值班长"
    assert person_in("车间主任助理") == "车间主任助理"
    assert cell_items("1.组织抢修\n2.清点人数3.上报损失") == ["组织抢修", "清点人数", "上报损失"]
    assert cell_items("（1）划定警戒区（2）疏导车辆") == ["划定警戒区", "疏导车辆"]
    assert cell_items("储备0.5吨消防沙；定期检查") == ["储备0.5吨消防沙", "定期检查"]


def test_a_roles_table_gives_post_rows_their_duties_and_a_merged_cell_the_group() -> None:
    table = [
        ["应急机构", "岗位", "担任人员", "工作职责"],
        ["应急指挥部", "总指挥", "厂长 顾明", "1.宣布启动应急响应 2.调动全厂救援力量"],
        ["应急指挥部", "副总指挥", "常务副厂长 邵军", "1.组织现场抢险 2.向园区报告"],
        ["抢修队", "队长", "设备科科长 何平", "1.抢修受损管线 2.恢复供电"],
        ["抢修队", "队员", "钳工、电工", "1.抢修受损管线 2.恢复供电"],
    ]
    draft = run(["江阴某热电有限公司管道泄漏事故专项应急预案", "2 应急组织机构及职责", table])
    hq, team = _unit(draft, "应急指挥部"), _unit(draft, "抢修队")
    assert unit_roles(draft, "应急指挥部") == [("总指挥", "顾明"), ("副总指挥", "邵军")]
    assert hq["roles"][0]["duties"] == ["宣布启动应急响应", "调动全厂救援力量"] and not hq["duties"]
    assert team["duties"] == ["抢修受损管线", "恢复供电"]
    assert ("队长", "何平") in unit_roles(draft, "抢修队") and team["parent"] == "应急指挥部"


def test_posts_set_up_in_prose_and_named_in_a_table_are_one_role_of_their_body() -> None:
    draft = run(
        [
            "江阴某印刷有限公司生产安全事故综合应急预案",
            "二、应急组织机构及职责",
            "（一）组织机构",
            "公司成立应急救援指挥部，由厂长任总指挥，副厂长任副总指挥，成员由各科室负责人组成。指挥部下设办公室，"
            "办公室设在安保科，办公室主任由安保科科长兼任。",
            [
                ["应急职务", "姓名", "本职"],
                ["总指挥", "严立新", "厂长"],
                ["副总指挥", "华丽", "副厂长"],
                ["成员", "钱一、孙二、李三", "各科室负责人"],
            ],
        ]
    )
    hq = next(u["name"] for u in draft.data["org_units"] if u["name"].endswith("指挥部"))
    roles = unit_roles(draft, hq)
    assert ("总指挥", "严立新") in roles and ("副总指挥", "华丽") in roles
    assert [t for t, _ in roles].count("总指挥") == 1
    assert [h for t, h in roles if t == "成员"] == ["钱一、孙二、李三"]
    office = next(u for u in draft.data["org_units"] if u["name"].endswith("办公室"))
    assert {r["title"] for r in office["roles"]} == {"主任"}


def test_groups_listed_after_one_set_up_verb_are_siblings() -> None:
    draft = run(
        [
            "江阴某化纤有限公司火灾事故专项应急预案",
            "2 组织机构",
            "公司成立火灾事故应急指挥部。应急指挥部下设灭火组、救护组和通讯组，人员组成见下表。",
            [
                ["小组", "职务", "人员"],
                ["灭火组", "组长", "保卫科科长"],
                ["救护组", "组长", "医务室主任"],
                ["通讯组", "组长", "办公室主任"],
            ],
        ]
    )
    assert {_unit(draft, n)["parent"] for n in ("灭火组", "救护组", "通讯组")} == {"火灾事故应急指挥部"}


def test_a_contact_cell_packing_people_and_units_gives_each_number_its_owner() -> None:
    table = [
        ["部门", "联系方式"],
        ["厂部", "严立新（厂长）13901110001\n华丽（副厂长）13901110002"],
        ["安保科", "孙浩（科长）13901110003；消防控制中心值班电话0510-86001234"],
        ["外部", "周庄镇安监办0510-86002345；周庄派出所0510-86003456"],
    ]
    draft = run(["江阴某印刷有限公司生产安全事故综合应急预案", "附件 应急联系方式", table])
    by_phone = {c["phone"]: c for c in draft.data["contacts"]}
    assert by_phone["13901110002"]["name"] == "华丽" and by_phone["13901110002"]["role"] == "副厂长"
    assert by_phone["13901110002"]["org"] == "厂部"
    assert by_phone["0510-86001234"]["org"] == "消防控制中心"
    assert by_phone["0510-86003456"]["org"] == "周庄派出所"


def test_a_post_cards_contact_row_reads_a_spaced_mobile() -> None:
    draft = run(
        [
            "叉车伤害事故现场处置方案",
            "一、应急组织",
            "仓库成立叉车伤害应急处置小组，组长由仓库主管担任，成员为叉车司机。",
            "二、岗位应急处置卡",
            [
                ["岗位应急处置卡（叉车司机）", "岗位应急处置卡（叉车司机）"],
                ["岗位", "叉车司机"],
                ["应急职责", "立即停车拉起手刹；报告仓库主管"],
                ["应急联系", "仓库主管：137 0000 1122；门卫：0510-86009988"],
            ],
        ]
    )
    phones = {c["phone"] for c in draft.data["contacts"]}
    assert {"13700001122", "0510-86009988"} <= phones


def test_shelters_counted_before_their_list() -> None:
    draft = run(
        [
            "江阴某纺织有限公司生产安全事故综合应急预案",
            "四、应急保障",
            "厂区设有临时避难场所3处：北门广场、食堂前空地和职工停车场。",
        ]
    )
    shelters = [r["name"] for r in draft.data["resources"] if r["type"] == "避难场所"]
    assert shelters == ["北门广场", "食堂前空地", "职工停车场"]


def test_a_paragraph_under_a_level_heading_ending_its_trigger_with_a_bare_start() -> None:
    draft = run(
        [
            "江阴某物流有限公司生产安全事故综合应急预案",
            "4 应急响应",
            "4.1 Ⅱ级响应",
            "库区内叉车碰撞造成人员轻伤时启动，由仓储部经理指挥。",
            "4.2 Ⅰ级响应",
            "发生人员重伤或货架倒塌时启动，由总经理指挥。",
        ]
    )
    assert _level(draft, "二级")["trigger"] == "库区内叉车碰撞造成人员轻伤"
    assert _level(draft, "一级")["trigger"] == "发生人员重伤或货架倒塌"


def test_a_scope_that_does_not_contain_an_accident_kind() -> None:
    draft = run(
        [
            "江阴某公司生产安全事故综合应急预案",
            "1 总则",
            "1.2 适用范围",
            "本预案适用于厂区触电事故，不含厂外道路交通事故。",
        ]
    )
    assert draft.data["accident_types"] == ["触电"]


def test_shelters_named_after_the_word_and_counted_last() -> None:
    draft = run(
        ["江阴某公司生产安全事故综合应急预案", "5 应急保障", "本厂应急避难场所为南门广场和职工食堂两处。"]
    )
    assert [r["name"] for r in draft.data["resources"] if r["type"] == "避难场所"] == ["南门广场", "职工食堂"]


def test_a_packed_contact_cell_with_name_and_post_spaced_apart() -> None:
    table = [["部门", "联系人及电话"], ["设备部", "何平 设备部经理 13901110005\n安全员 陆军 13901110006"]]
    draft = run(["江阴某公司生产安全事故综合应急预案", "附件 应急联系方式", table])
    by_phone = {c["phone"]: c for c in draft.data["contacts"]}
    assert (by_phone["13901110005"]["name"], by_phone["13901110005"]["role"]) == ("何平", "设备部经理")
    assert (by_phone["13901110006"]["name"], by_phone["13901110006"]["role"]) == ("陆军", "安全员")


def test_a_post_serving_as_commander_of_a_level() -> None:
    draft = run(
        [
            "江阴某机械有限公司生产安全事故综合应急预案",
            "1 总则",
            "1.3 响应分级",
            "应急响应分为厂级（一级）和车间级（二级）。",
            "4 应急响应",
            "（1）车间级响应：车间能够控制时启动，车间主任担任现场指挥。主要措施：停机；警戒。",
            "（2）厂级响应：有人员重伤时启动，由常务副厂长担任总指挥，采取以下措施：①全厂疏散；②外部求援。",
        ]
    )
    low, high = _level(draft, "二级"), _level(draft, "一级")
    assert (low["trigger"], low["commander"], low["actions"]) == (
        "车间能够控制时启动",
        "车间主任",
        ["停机", "警戒"],
    )
    assert (high["commander"], high["actions"]) == ("常务副厂长", ["全厂疏散", "外部求援"])


def test_an_accident_kind_between_chu_and_wai_is_left_out() -> None:
    draft = run(
        [
            "江阴某公司生产安全事故综合应急预案",
            "1 总则",
            "1.2 适用范围",
            "本预案适用于公司除厂外车辆伤害以外的火灾、灼烫事故。",
        ]
    )
    assert draft.data["accident_types"] == ["火灾", "灼烫"]
