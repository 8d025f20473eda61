"""Layout families from the plans-robust11 outside-author plans (slide outlines and checklists), one
rule each on small synthetic inputs worded differently from the corpus: bullet topics as headings,
"｜" / "—" separated fields, a bare level name with its fields in one bullet, a bare 启动 label,
arrow-chain reporting with bracketed time limits, "适用范围：" bullets, checklist items as a unit's
duties, 牵头 / 配合 labels, "办公室主任：", tab-separated contact lines, and 避灾安置点."""

from __future__ import annotations

from plans.draft import PlanDraft
from plans.outline_text import arrow_steps, outline_blocks
from plans.pipeline import extract_fields
from plans.sections import outline
from plans.structure import Block
from plans.table_text import aligned_tables, expand_key_value_tables
from tests.support.plan_draft import org_unit as _unit
from tests.support.plan_draft import response_level as _level
from tests.support.plan_draft import unit_roles as _roles
from tests.unit.plan_import.test_extractors import blocks_of


def _blocks(lines: list[str | list[list[str]]]) -> list[Block]:
    """The blocks ``import_plan`` hands to the rules."""
    return outline_blocks(aligned_tables(expand_key_value_tables(blocks_of(lines))))


def run(lines: list[str | list[list[str]]]) -> PlanDraft:
    blocks = _blocks(lines)
    draft = PlanDraft(blocks)
    extract_fields(draft, outline(blocks))
    return draft


def test_bullet_topics_become_headings_and_labelled_bullets_their_fields() -> None:
    draft = run(
        [
            "二、应急组织",
            "◆ 事故应急领导小组",
            "● 组长：顾永明（厂长）",
            "● 职责｜审定处置方案；调配全厂人员和车辆",
            "◆ 后勤办公室（设在行政部）",
            "● 主任：蔡红（行政部部长）",
            "◆ 救援小组（由领导小组调度）",
            "● 灭火小组—组长：严立（消防班长）—职责：扑救初起火灾；冷却相邻储罐",
            "● 救护小组—组长：阮青（医务室医生）—职责：现场包扎伤员",
        ]
    )
    assert _roles(draft, "事故应急领导小组") == [("组长", "顾永明（厂长）")]
    assert _unit(draft, "事故应急领导小组")["duties"] == ["审定处置方案", "调配全厂人员和车辆"]
    assert _roles(draft, "后勤办公室") == [("主任", "蔡红（行政部部长）")]
    group = _unit(draft, "灭火小组")
    assert group["parent"] == "事故应急领导小组"
    assert group["duties"] == ["扑救初起火灾", "冷却相邻储罐"]
    assert _roles(draft, "灭火小组") == [("组长", "严立（消防班长）")]


def test_a_level_bullet_with_trigger_commander_and_measures_separated_by_bars() -> None:
    draft = run(
        [
            "三、响应分级",
            "▶ 二级（厂级）：储罐区着火且明火未扑灭｜厂长指挥｜切断进料；启动喷淋；疏散装卸区人员",
            "▶ 三级（班组级）：单台泵密封滴漏｜当班组长指挥｜关闭进出口阀；铺设吸附棉",
        ]
    )
    second = _level(draft, "二级")
    assert second["name"] == "二级（厂级）"
    assert second["trigger"] == "储罐区着火且明火未扑灭"
    assert second["commander"] == "厂长"
    assert second["actions"] == ["切断进料", "启动喷淋", "疏散装卸区人员"]
    assert _level(draft, "三级")["commander"] == "当班组长"


def test_a_warning_bullet_with_criteria_and_issuer_fields() -> None:
    draft = run(["四、预警", "■ 橙色预警｜可燃气体报警仪连续报警｜值班长发布"])
    assert draft.data["warning_levels"][0]["color"] == "橙色"
    assert draft.data["warning_levels"][0]["criteria"].startswith("可燃气体报警仪连续报警")


def test_a_checklist_level_under_its_bullet_with_a_bare_start_label() -> None:
    draft = run(
        [
            "第三部分　响应",
            "☆ Ⅲ级响应",
            "√ 启动：河道水位超过警戒线时",
            "√ 指挥：分管副镇长",
            "☐ 巡堤人员加密巡查",
            "☐ 泵站全部开机排涝",
        ]
    )
    level = _level(draft, "三级")
    assert level["trigger"] == "河道水位超过警戒线时"
    assert level["commander"] == "分管副镇长"
    assert level["actions"] == ["巡堤人员加密巡查", "泵站全部开机排涝"]


def test_checklist_items_under_a_unit_topic_are_its_duties_whatever_the_verb() -> None:
    draft = run(
        [
            "二、组织体系",
            "☆ 镇抗洪指挥部",
            "√ 总指挥：镇长",
            "☐ 统筹全镇抗洪抢险",
            "☆ 物资保障组（牵头：农业服务中心；配合：财政所）",
            "☐ 采购沙袋和抽水泵",
            "☐ 登记物资出入库",
            "☆ 指挥部办公室",
            "√ 办公室主任：水利站站长",
            "☐ 汇总各村险情",
        ]
    )
    group = _unit(draft, "物资保障组")
    assert group["duties"] == ["采购沙袋和抽水泵", "登记物资出入库"]
    assert _roles(draft, "物资保障组") == [("牵头", "农业服务中心"), ("配合", "财政所")]
    assert _roles(draft, "指挥部办公室") == [("主任", "水利站站长")]
    assert _unit(draft, "指挥部办公室")["duties"] == ["汇总各村险情"]


def test_an_arrow_chain_with_bracketed_time_limits_is_one_rule_per_arrow() -> None:
    assert (
        arrow_steps("巡检员 →（立即）值班长 →（10分钟内电话）厂长")
        == "巡检员；立即报告值班长；10分钟内电话报告厂长"
    )
    assert arrow_steps("发现火情 → 报警 → 疏散") == "发现火情 → 报警 → 疏散"  # a flow chart, no time limit
    draft = run(
        [
            "五、信息报告",
            "◆ 报告路径：操作工 →（立即）班长 →（10分钟内）调度室 →（30分钟内电话）总经理 →（2小时内书面）华士镇安监办",
        ]
    )
    rules = [(r["time_limit_minutes"], r["to"], r["channel"]) for r in draft.data["reporting"]]
    assert rules == [
        (0, "班长", None),
        (10, "调度室", None),
        (30, "总经理", "电话"),
        (120, "华士镇安监办", "书面"),
    ]


def test_a_scope_bullet_becomes_the_scope_section() -> None:
    blocks = _blocks(["一、总则", "● 适用范围：本方案适用于本厂液氨制冷车间发生的泄漏事故。"])
    assert [(b.kind, b.text) for b in blocks[1:]] == [
        ("heading", "适用范围"),
        ("paragraph", "本方案适用于本厂液氨制冷车间发生的泄漏事故。"),
    ]


def test_tab_separated_lines_under_a_header_line_are_a_table() -> None:
    for gap in ("\t", " "):  # a PDF renders the tab as one space
        blocks = _blocks(
            [
                "七、通讯录",
                gap.join(["单位", "姓名", "电话"]),
                gap.join(["华士镇水利站", "钱多", "13800001111"]),
            ]
        )
        assert blocks[1].cells == [["单位", "姓名", "电话"], ["华士镇水利站", "钱多", "13800001111"]]


def test_a_bullet_row_of_post_name_and_phone_is_a_contact() -> None:
    draft = run(["八、联系方式", "□ 副总指挥｜蒋涛｜13700002222", "□ 办公室主任｜闵洁｜0510-86000333"])
    contacts = [(c["role"], c["name"], c["phone"]) for c in draft.data["contacts"]]
    assert contacts == [("副总指挥", "蒋涛", "13700002222"), ("办公室主任", "闵洁", "0510-86000333")]


def test_a_place_named_as_a_disaster_relief_site_is_a_shelter() -> None:
    draft = run(["六、保障", "青阳镇文体中心作为避灾安置点，由镇民政办负责管理。"])
    shelters = [(r["name"], r["holder"]) for r in draft.data["resources"] if r["type"] == "避难场所"]
    assert shelters == [("青阳镇文体中心", "镇民政办")]
