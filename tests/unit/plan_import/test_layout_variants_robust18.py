"""Layout families from the plans-robust18 round, one rule each on small synthetic inputs worded
differently from the corpus: a bullet chart with the posts in brackets after each body and "· 职责："
bullets, a group heading with its own posts that is no category, numbered lines of one table cell
read back run together, duties one per line of a cell, a 成员单位 | 职责 table, an accident class glossed
with its level, "X为指挥部成员", a card table under its own heading, an alarm column of a card, a
"（24小时）" note after a room, a "职务　姓名　手机" line whose post ends in 经理, "报警电话：火警119" and
stock counted in 盘."""

from __future__ import annotations

from plans.rules_contact_alarm import alarm_column, alarm_contact
from plans.rules_contacts import unit_or_role
from plans.rules_level_fields import split_actions
from plans.rules_meta import plan_type_of
from plans.rules_org_cells import cell_items
from tests.support.plan_draft import org_unit as _unit
from tests.support.plan_draft import response_level as _level
from tests.unit.plan_import.test_layout_variants_robust13 import run
from tests.unit.plan_import.test_layout_variants_robust17 import _by_phone, _roles


def test_a_chart_with_posts_in_brackets_and_dot_bullets_gives_bodies_posts_and_duties() -> None:
    draft = run(
        [
            "江阴某纸业有限公司生产安全事故综合应急预案",
            "三、应急组织机构",
            "▲ 事故应急领导小组（组长：董事长；副组长：常务副总）",
            "· 职责：批准启动公司级响应；向新桥镇报告",
            "▲ 应急办公室（主任：生产科科长）",
            "· 职责：接警并通知各队集合",
            "▲ 专业抢险队",
            "△ 消防队（队长：保卫科长；成员：各班组兼职消防员）",
            "△ 抢修队（队长：机电科长；成员：钳工、焊工）",
        ]
    )
    lead = _unit(draft, "事故应急领导小组")
    assert _roles(lead) == {("组长", "董事长"): [], ("副组长", "常务副总"): []}
    assert lead["duties"] == ["批准启动公司级响应", "向新桥镇报告"]
    assert _unit(draft, "应急办公室")["duties"] == ["接警并通知各队集合"]
    assert ("成员", "钳工、焊工") in _roles(_unit(draft, "抢修队"))
    assert _unit(draft, "消防队")["parent"] == "事故应急领导小组"  # 专业抢险队 is a category over the teams
    assert "专业抢险队" not in {u["name"] for u in draft.data["org_units"]}


def test_a_group_heading_followed_by_its_posts_is_a_unit_whatever_duty_lines_follow() -> None:
    draft = run(
        [
            "江阴某机械有限公司火灾事故专项应急预案",
            "2 应急组织",
            "2.1 应急指挥部",
            "总指挥：总经理",
            "2.2 抢修组",
            "组长：设备主管；组员：钳工",
            "2.3 通讯组",
            "组长：办公室主任；组员：文员",
            "各组职责如下：",
            "抢修组：负责抢修设备。",
            "通讯组：负责对外联络。",
        ]
    )
    assert _roles(_unit(draft, "通讯组")) == {("组长", "办公室主任"): [], ("组员", "文员"): []}
    assert _unit(draft, "通讯组")["duties"] == ["负责对外联络"]


def test_numbered_lines_of_one_cell_read_back_run_together_are_one_action_each() -> None:
    assert split_actions("1.停泵关阀 2.设置警戒线3.通知下游车间") == [
        "停泵关阀",
        "设置警戒线",
        "通知下游车间",
    ]
    assert split_actions("隔离1.5米范围") == ["隔离1.5米范围"]  # a decimal is no item number


def test_duties_one_per_line_of_a_cell_split_at_each_new_duty() -> None:
    assert cell_items("负责灭火器分发 负责警戒") == ["负责灭火器分发", "负责警戒"]
    assert cell_items("负责堵漏作业负责倒料") == ["负责堵漏作业", "负责倒料"]
    assert cell_items("负责联络由厂部负责的外协单位") == ["负责联络由厂部负责的外协单位"]
    assert cell_items("负责检测并负责上报结果") == ["负责检测并负责上报结果"]


def test_a_member_units_table_gives_one_unit_per_row_under_the_command_body() -> None:
    table = [
        ["成员单位", "职责"],
        ["街道城建办", "负责抢修道路；调配工程机械"],
        ["派出所", "负责治安维护"],
        ["各社区居委会", "负责居民转移"],
    ]
    draft = run(
        [
            "某街道防汛防台应急预案",
            "二、组织指挥体系",
            "街道设立防汛防台指挥部，街道主任任总指挥。",
            "指挥部成员单位及其职责：",
            table,
        ]
    )
    assert _unit(draft, "街道城建办") == {
        "name": "街道城建办",
        "parent": "防汛防台指挥部",
        "duties": ["负责抢修道路", "调配工程机械"],
        "roles": [],
    }
    assert _unit(draft, "各社区居委会")["duties"] == ["负责居民转移"]


def test_an_accident_class_glossed_with_its_level_names_that_level() -> None:
    draft = run(
        [
            "某镇燃气事故应急预案",
            "五、响应",
            "较大事故（Ⅲ级）：供气中断超过2000户时，由副镇长组织现场处置，处置措施：关闭区域阀门；安排临时供气。",
        ]
    )
    level = _level(draft, "三级")
    assert (level["trigger"], level["commander"]) == ("供气中断超过2000户时", "副镇长")
    assert level["actions"] == ["关闭区域阀门", "安排临时供气"]


def test_members_named_before_the_body_and_title_are_its_member_role() -> None:
    draft = run(
        [
            "某镇森林火灾应急预案",
            "二、组织机构",
            "镇政府成立森林防火指挥部，镇长任总指挥，镇林业站等单位负责人为指挥部成员。",
        ]
    )
    assert ("成员", "镇林业站等单位负责人") in _roles(_unit(draft, "森林防火指挥部"))


def test_a_card_table_under_its_own_heading_gives_each_post_its_duties_and_alarm_numbers() -> None:
    table = [
        ["岗位", "处置要点", "报警电话", "内部电话"],
        ["值班长", "1.确认泄漏点\n2.下令停车", "消防119", "13812340001"],
        ["外操工", "1.关闭进料阀", "中控室0510-86990001", "13812340002"],
        ["巡检员", "1.引导救援车辆", "消防119", "13812340003"],
    ]
    draft = run(
        [
            "氨压缩机房泄漏现场处置方案",
            "一、应急组织",
            "车间成立泄漏处置小组，组长由值班长担任，组员为外操工、巡检员。",
            "二、岗位处置卡",
            table,
        ]
    )
    roles = _roles(_unit(draft, "泄漏处置小组"))
    assert roles[("组长", "值班长")] == ["确认泄漏点", "下令停车"]
    assert roles[("组员", "巡检员")] == ["引导救援车辆"]
    by_phone = _by_phone(draft)
    assert (by_phone["119"]["role"], by_phone["0510-86990001"]["org"]) == ("消防", "中控室")
    assert by_phone["13812340002"]["role"] == "外操工"
    assert sum(c["phone"] == "119" for c in draft.data["contacts"]) == 1


def test_an_alarm_cell_names_the_number_before_or_after_it() -> None:
    assert alarm_column("外部报警") and not alarm_column("内部电话")
    cell = "110报警"
    assert alarm_contact(cell, 0, 3, 0)["role"] == "报警"
    cell = "厂医务室0510-86000120"
    assert alarm_contact(cell, cell.index("0510"), len(cell), 0)["org"] == "厂医务室"


def test_an_hours_note_after_a_room_is_no_part_of_its_name() -> None:
    assert unit_or_role("安环部办公室（24小时值班）") == {"role": "", "org": "安环部办公室"}
    assert unit_or_role("门卫室（全天）") == {"role": "", "org": "门卫室"}


def test_contact_lines_with_a_manager_post_a_listed_alarm_and_stock_in_reels() -> None:
    draft = run(
        [
            "江阴某化纤有限公司火灾事故专项应急预案",
            "六、应急保障",
            "仓库配备水带12盘、灭火毯20条，由仓储科负责管理。",
            "七、通讯联络",
            "副总经理　陆青　13912340009",
            "社会救援电话：匪警110，火警119。",
        ]
    )
    by_phone = _by_phone(draft)
    assert (by_phone["13912340009"]["role"], by_phone["13912340009"]["name"]) == ("副总经理", "陆青")
    assert by_phone["110"]["role"] == "匪警"
    hose = next(r for r in draft.data["resources"] if r["name"] == "水带")
    assert (hose["quantity"], hose["unit"], hose["holder"]) == (12.0, "盘", "仓储科")


def test_a_production_safety_plan_without_overall_in_its_title_is_a_special_plan() -> None:
    assert plan_type_of("新桥镇生产安全事故应急预案")[0] == "专项"
    assert plan_type_of("新桥镇生产安全事故总体应急预案")[0] == "总体"
    assert plan_type_of("某公司生产安全事故综合应急预案")[0] == "总体"
    assert plan_type_of("某街道突发事件应急预案")[0] == "总体"
    # a company's 生产安全事故应急预案 is its overall plan
    assert plan_type_of("江阴某纺织有限公司生产安全事故应急预案")[0] == "总体"
