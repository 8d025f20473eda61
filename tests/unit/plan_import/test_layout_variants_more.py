"""More layouts from real plans (second generalisation round): a level's trigger, commander and actions
as labelled, numbered sub-paragraphs; PDF lines wrapped a glyph short of the margin. Small synthetic
inputs, one rule each."""

from __future__ import annotations

from plans.pdf_parser import parse_pdf
from tests.support.plan_draft import org_unit as _unit
from tests.support.plan_draft import response_level as _level
from tests.unit.plan_import.test_extractors import run
from tests.unit.plan_import.test_layout_variants import _pdf


def test_level_fields_as_numbered_labelled_sub_paragraphs() -> None:
    draft = run(
        [
            "四、应急响应",
            "1.一级响应",
            "（1）启动条件：发生重大火灾，可能造成人员死亡的。",
            "（2）响应指挥：厂长，上级指挥机构到达后移交指挥权。",
            "（3）响应措施：全员疏散；请求消防支援；封闭厂区道路。",
            "2.二级响应",
            "（1）启动条件：发生局部火情的。",
            "（2）响应指挥：值班长。",
            "（3）处置措施：关闭阀门；使用灭火器扑救。",
        ]
    )
    first = _level(draft, "一级")
    assert first["trigger"] == "发生重大火灾，可能造成人员死亡的"
    assert first["commander"] == "厂长"  # the hand-over clause is not the commander
    assert first["actions"] == ["全员疏散", "请求消防支援", "封闭厂区道路"]
    second = _level(draft, "二级")
    assert (second["trigger"], second["commander"]) == ("发生局部火情的", "值班长")
    assert second["actions"] == ["关闭阀门", "使用灭火器扑救"]


def test_pdf_line_wrapped_one_glyph_short_of_the_margin_continues_its_item() -> None:
    # the longest line (a digit in it) reaches 1.5 glyphs further than the full line ending "…；配",
    # more than the fixed 18 pt slack; the next line finishes the item
    full = "（3）响应措施：全员立即赶赴现场；组织先期处置和人员搜救；配"
    longest = "（1）启动条件：发生重大生产安全事故，或可能造成9人以上死亡的。"
    data = _pdf(
        [
            [
                (100, "四、应急响应", 16),
                (140, longest, 14),
                (164, full, 14),  # spaced so that each line is its own text block, as renderers do
                (188, "合上级机构开展救援。", 14),
            ]
        ]
    )
    texts = [b.text for b in parse_pdf(data, ocr=None).blocks]
    assert full + "合上级机构开展救援。" in texts


def test_lead_unit_labels_and_a_paragraph_ending_with_a_duty_intro() -> None:
    draft = run(
        [
            "二、组织机构与职责",
            "1.应急指挥部",
            "总指挥由厂长担任。",
            "2.应急工作组",
            "（1）抢险组",
            "组长单位：设备科；成员单位：生产科、维修班。主要职责：",
            "（1）查明泄漏部位；",
            "（2）关停相关设备；",
            "（3）实施堵漏。",
            "（2）警戒组",
            "牵头单位：保卫科。主要职责：",
            "1. 设置警戒线；",
            "2. 引导车辆。",
        ]
    )
    group = _unit(draft, "抢险组")
    assert {(r["title"], r["holder"]) for r in group["roles"]} == {
        ("组长单位", "设备科"),
        ("成员单位", "生产科、维修班"),
    }
    assert group["duties"] == ["查明泄漏部位", "关停相关设备", "实施堵漏"]
    guard = _unit(draft, "警戒组")
    assert [(r["title"], r["holder"]) for r in guard["roles"]] == [("牵头单位", "保卫科")]
    assert guard["duties"] == ["设置警戒线", "引导车辆"]


def test_post_table_with_group_column_and_duty_sentences_named_by_unit() -> None:
    draft = run(
        [
            "2 组织机构及职责",
            "2.1 应急组织",
            "公司成立储罐泄漏应急救援指挥部，下设抢修组和警戒组。",
            [
                ["应急组织", "应急职务", "姓名", "日常岗位"],
                ["应急救援指挥部", "总指挥", "王强", "总经理"],
                ["", "副总指挥", "李明", "副总经理"],  # the group cell merged down: read back empty
                ["抢修组", "组长", "赵六", "设备主管"],
                ["", "组员", "钱七", "维修工"],
                ["警戒组", "组长", "孙八", "保安队长"],
            ],
            "2.2 职责",
            "抢修组负责关闭阀门；负责堵漏。",
            "警戒组负责拉设警戒线。",
        ]
    )
    hq = _unit(draft, "储罐泄漏应急救援指挥部")
    assert [(r["title"], r["holder"]) for r in hq["roles"]] == [("总指挥", "王强"), ("副总指挥", "李明")]
    repair = _unit(draft, "抢修组")
    assert repair["parent"] == "储罐泄漏应急救援指挥部"
    assert [(r["title"], r["holder"]) for r in repair["roles"]] == [("组长", "赵六"), ("组员", "钱七")]
    assert repair["duties"] == ["负责关闭阀门", "负责堵漏"]
    assert _unit(draft, "警戒组")["duties"] == ["负责拉设警戒线"]


def test_levels_table_then_one_sentence_per_level_with_commander_and_actions() -> None:
    draft = run(
        [
            "3 应急响应",
            "3.1 响应分级",
            "本预案应急响应分为两级：",
            [
                ["级别", "启动条件"],
                ["一级（公司级）", "大量泄漏无法控制的"],
                ["二级（车间级）", "少量泄漏能够控制的"],
            ],
            "一级响应由总指挥王强指挥：拨打119请求支援；组织全厂疏散。",
            "二级响应由抢修组组长赵六指挥：关闭阀门；监测浓度。",
        ]
    )
    first, second = _level(draft, "一级"), _level(draft, "二级")
    assert (first["name"], first["trigger"]) == ("一级（公司级）", "大量泄漏无法控制的")
    assert first["commander"] == "总指挥王强"
    assert first["actions"] == ["拨打119请求支援", "组织全厂疏散"]
    assert (second["name"], second["commander"]) == ("二级（车间级）", "抢修组组长赵六")
    assert second["actions"] == ["关闭阀门", "监测浓度"]


def test_emergency_numbers_after_a_bare_label_are_contacts_but_not_after_a_verb() -> None:
    draft = run(["五、联系方式", "外部联系：镇卫生院，电话0510-86000120；火警119，急救120。"])
    found = {c["phone"]: (c["role"], c["org"]) for c in draft.data["contacts"]}
    assert found["119"] == ("火警", "")
    assert found["120"] == ("急救", "")
    dialled = run(["五、应急响应", "发现火情立即拨打119，同时报告班长。"])
    assert not any(c["phone"] == "119" for c in dialled.data["contacts"])


def test_resource_counted_in_people_is_a_team_and_instruments_are_equipment() -> None:
    draft = run(
        [
            "五、应急保障",
            [
                ["序号", "资源名称", "数量", "管理单位"],
                ["1", "某某消防救援站", "18人", "市消防救援大队"],
                ["2", "便携式气体报警仪", "3台", "安环部"],
            ],
        ]
    )
    types = {r["name"]: r["type"] for r in draft.data["resources"]}
    assert types == {"某某消防救援站": "救援队伍", "便携式气体报警仪": "装备"}


def test_level_fields_run_on_in_one_paragraph() -> None:
    draft = run(
        [
            "四、应急响应",
            "（一）三级响应",
            "（1）启动条件：发生一般泄漏的。（2）响应指挥：车间主任。（3）响应措施：关闭阀门；疏散班组人员。",
            "（二）四级响应",
            "启动条件：出现险情苗头的。 响应指挥：班长。 处置措施：加强巡查。",
        ]
    )
    third = _level(draft, "三级")
    assert (third["trigger"], third["commander"]) == ("发生一般泄漏的", "车间主任")
    assert third["actions"] == ["关闭阀门", "疏散班组人员"]
    fourth = _level(draft, "四级")
    assert (fourth["trigger"], fourth["commander"], fourth["actions"]) == (
        "出现险情苗头的",
        "班长",
        ["加强巡查"],
    )
