"""Layout families from the plans-robust20 round, one rule each on small synthetic inputs worded
differently from the corpus: level headings that grade an event with a topic word before the event noun
("较大内涝灾情（Ⅲ级）"), one paragraph that sets up several groups with their posts after a counting intro."""

from __future__ import annotations

from plans.bilingual import chinese_label
from plans.rules_contact_alarm import alarm_contact
from plans.rules_contact_duty import contact_in_duty
from plans.rules_level_content_cells import content_fields
from plans.rules_level_headings import graded_event_heading
from plans.rules_org_group_runs import split_group_intro
from plans.sections import classify_heading
from tests.support.plan_draft import org_unit as _unit
from tests.support.plan_draft import response_level as _level
from tests.unit.plan_import.test_layout_variants_robust13 import run


def test_a_heading_grading_an_event_with_a_topic_word_names_its_level() -> None:
    assert graded_event_heading("4.3.2 较大内涝灾情（Ⅲ级）") == ("三级", "较大内涝灾情（Ⅲ级）")
    assert graded_event_heading("（一）小型山体崩塌险情（四级响应）") == (
        "四级",
        "小型山体崩塌险情（四级响应）",
    )
    assert graded_event_heading("第九条 一般危化品运输事故（IV级）") == ("四级", "一般危化品运输事故（IV级）")
    assert graded_event_heading("4.3 应急响应") is None
    assert graded_event_heading("较大内涝灾情的处置") is None


def test_topic_word_level_headings_carry_their_fields() -> None:
    draft = run(
        [
            "江阴某社区防汛应急预案",
            "4 应急响应",
            "4.1 一般内涝灾情（Ⅳ级）",
            "启动条件：低洼小区积水深度超过20厘米。",
            "指挥人员：社区主任",
            "应对措施：①开启移动泵；②提醒居民挪车。",
            "4.2 较大内涝灾情（Ⅲ级）",
            "启动条件：积水深度超过50厘米。",
            "指挥人员：街道防汛办主任",
            "应对措施：①转移底层住户；②封闭地下车库。",
        ]
    )
    low, higher = _level(draft, "四级"), _level(draft, "三级")
    assert low["name"] == "一般内涝灾情（Ⅳ级）"
    assert low["trigger"] == "低洼小区积水深度超过20厘米"
    assert low["commander"] == "社区主任"
    assert higher["name"] == "较大内涝灾情（Ⅲ级）"
    assert higher["actions"] == ["转移底层住户", "封闭地下车库"]


def test_a_counting_intro_is_cut_off_the_first_group_it_opens() -> None:
    text = "领导小组设三个专业组：排水组组长由水务站长担任"
    assert split_group_intro([(0, len(text), text)]) == [
        (0, 10, "领导小组设三个专业组"),
        (11, len(text), "排水组组长由水务站长担任"),
    ]
    plain = "领导小组设三个专业组。"
    assert split_group_intro([(0, len(plain), plain)]) == [(0, len(plain), plain)]


def test_one_paragraph_sets_up_several_groups_with_their_posts() -> None:
    draft = run(
        [
            "江阴某园区防台应急预案",
            "2 组织机构",
            "园区成立防台指挥部，管委会主任任总指挥。",
            "指挥部设两个专业组：排水组组长由市政科长担任，组员包括各企业设备员，负责泵站和管网疏通；"
            "后勤组组长由办公室主任担任，组员包括食堂管理员，负责物资和餐食供应。",
        ]
    )
    drain, supply = _unit(draft, "排水组"), _unit(draft, "后勤组")
    assert drain["parent"] == supply["parent"] == "防台指挥部"
    assert [(r["title"], r["holder"]) for r in drain["roles"]] == [
        ("组长", "市政科长"),
        ("组员", "各企业设备员"),
    ]
    assert supply["duties"] == ["负责物资和餐食供应"]
    assert not any("两个" in u["name"] for u in draft.data["org_units"])


def test_a_content_cell_gives_condition_commander_and_measures() -> None:
    trigger, commander, actions = content_fields(
        "仓库货架倒塌压住人员时启动，由仓储部经理指挥，切断叉车电源；组织人员搬移货物；拨打120。"
    )
    assert trigger == "仓库货架倒塌压住人员"
    assert commander == "仓储部经理"
    assert actions == ["切断叉车电源", "组织人员搬移货物", "拨打120"]


def test_a_two_column_level_table_reads_its_content_cells() -> None:
    draft = run(
        [
            "江阴某物流公司仓储事故应急预案",
            "4 响应分级",
            [
                ["等级", "说明"],
                ["一级", "多人受伤或货物起火蔓延的，由公司总经理指挥，请求园区消防支援；通知保险公司。"],
                ["二级", "单人受伤可由公司处理时，由仓储部经理指挥，送医救治；清点货物。"],
            ],
        ]
    )
    top, second = _level(draft, "一级"), _level(draft, "二级")
    assert top["trigger"] == "多人受伤或货物起火蔓延"
    assert top["commander"] == "公司总经理"
    assert top["actions"] == ["请求园区消防支援", "通知保险公司"]
    assert second["commander"] == "仓储部经理"
    assert second["actions"] == ["送医救治", "清点货物"]


def test_a_contact_inside_a_duty_sentence_gives_post_person_and_place() -> None:
    assert contact_in_duty("北门仓库由保管员赵建业") == {"name": "赵建业", "role": "保管员", "org": ""}
    assert contact_in_duty("三号车间由值班长孙立") == {"name": "孙立", "role": "值班长", "org": "三号车间"}
    assert contact_in_duty("夜间巡查由保安负责") is None


def test_a_number_inside_a_duty_sentence_is_that_persons_contact() -> None:
    draft = run(
        [
            "江阴某公司仓库火灾现场处置方案",
            "2 应急组织",
            "消防器材检查由保管员赵建业（手机13700000001）负责，三号车间由值班长孙立（电话13700000002）负责。",
        ]
    )
    found = {c["phone"]: (c["name"], c["role"], c["org"]) for c in draft.data["contacts"]}
    assert found["13700000001"] == ("赵建业", "保管员", "")
    assert found["13700000002"] == ("孙立", "值班长", "三号车间")


def test_a_utility_repair_service_in_an_alarm_cell_is_an_org() -> None:
    cell = "自来水公司报修0510-80000001"
    assert alarm_contact(cell, 7, len(cell), 0) == {"name": "", "role": "", "org": "自来水公司报修"}
    assert alarm_contact("火警119", 2, 5, 0)["role"] == "火警"


def test_a_fire_service_grades_its_dispatch_as_levels() -> None:
    draft = run(
        [
            "江阴某消防救援站高层建筑火灾作战预案",
            "五、分级调度",
            "一级调度：发生高层建筑多层燃烧时，由站长指挥，调集全站力量；请求大队增援。",
            "二级调度：发生单户火灾时，由值班班长指挥，出动两车；做好供水准备。",
        ]
    )
    top, second = _level(draft, "一级"), _level(draft, "二级")
    assert top["name"] == "一级调度"
    assert top["commander"] == "站长"
    assert second["commander"] == "值班班长"


def test_a_fire_service_line_up_is_an_organisation_section() -> None:
    assert classify_heading("三、作战编成") == "组织机构及职责"
    assert classify_heading("4 力量调度等级") == "总则/响应分级"


def test_an_english_gloss_is_dropped_from_a_label_only() -> None:
    assert chinese_label("队长 Captain") == "队长"
    assert chinese_label("Duties / 职责") == "职责"
    assert chinese_label("搜救组 Search & Rescue") == "搜救组"
    assert chinese_label("HSE主管") == "HSE主管"  # one word: not a gloss
    assert chinese_label("Anna Li") == "Anna Li"


def test_a_group_table_with_bilingual_headers_gives_its_groups() -> None:
    draft = run(
        [
            "江阴某外资公司突发事件应急预案",
            "2 组织机构",
            "公司成立应急指挥部，总经理任总指挥。",
            [
                ["工作组 Team", "组长 Leader", "组员 Members"],
                ["通讯联络组 Communication", "人事经理", "前台文员"],
                ["搜救组 Search & Rescue", "安保主管", "保安"],
            ],
        ]
    )
    talk = _unit(draft, "通讯联络组")
    assert [(r["title"], r["holder"]) for r in talk["roles"]] == [("组长", "人事经理"), ("组员", "前台文员")]
    assert _unit(draft, "搜救组")["parent"] == "应急指挥部"
