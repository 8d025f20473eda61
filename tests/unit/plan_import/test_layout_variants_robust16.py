"""Layout families from the plans-robust16 round (department plans of other bureaus, workshop 现场处置方案
with contacts as plain lines), one rule each on small synthetic inputs worded differently from the
corpus: rooms that take calls (控制室, 调度中心, 值班室 of a named body) are places, not posts; a hospital's
"总值班" line; local numbers without an area code after a label or another number."""

from __future__ import annotations

from plans.draft import PlanDraft
from tests.support.plan_draft import org_unit as _unit
from tests.support.plan_draft import response_level as _level
from tests.unit.plan_import.test_layout_variants_robust13 import run


def _by_phone(draft: PlanDraft) -> dict[str, dict[str, str]]:
    return {c["phone"]: c for c in draft.data["contacts"]}


def test_rooms_that_take_calls_are_places_not_posts() -> None:
    draft = run(
        [
            "江阴某化纤有限公司聚合釜泄漏事故现场处置方案",
            "六、应急联系电话",
            "消防控制室　0510-86700119",
            "生产调度中心：0510-86700100",
            "镇政府值班室：0510-86700200",
        ]
    )
    by_phone = _by_phone(draft)
    for phone, place in (
        ("0510-86700119", "消防控制室"),
        ("0510-86700100", "生产调度中心"),
        ("0510-86700200", "镇政府值班室"),
    ):
        assert (by_phone[phone]["org"], by_phone[phone]["role"]) == (place, "")


def test_a_units_round_the_clock_desk_is_a_role_of_that_unit() -> None:
    draft = run(["江阴某医院火灾事故应急预案", "附件　联系方式", "澄南医院总值班：0510-86700300"])
    contact = _by_phone(draft)["0510-86700300"]
    assert (contact["org"], contact["role"]) == ("澄南医院", "总值班")


def test_local_numbers_without_an_area_code_after_a_label_or_a_number() -> None:
    draft = run(
        [
            "江阴某纸业有限公司蒸煮锅爆炸事故现场处置方案",
            "五、联系方式",
            "厂区应急电话：86700411",
            "镇卫生院　0510-86700500、86700501",
            "四、应急物资",
            "仓库存放编织袋80000000条。",
        ]
    )
    by_phone = _by_phone(draft)
    assert by_phone["86700411"]["role"] == "应急电话"
    assert by_phone["86700501"]["org"] == "镇卫生院"
    assert "80000000" not in by_phone


def test_a_post_card_table_fills_the_unit_its_posts_were_set_up_in() -> None:
    table = [
        ["岗位", "处置要点"],
        ["工段长（组长）", "组织停机；向生产部报告"],
        ["巡检工", "关闭进料阀；设置警戒"],
        ["电工", "切断电源"],
    ]
    draft = run(
        [
            "江阴某纸业有限公司蒸煮锅爆炸事故现场处置方案",
            "二、应急组织",
            "由制浆车间组成应急抢险组，工段长任组长，值班巡检工和电工为组员。",
            "（一）处置要点表",
            table,
        ]
    )
    units = draft.data["org_units"]
    assert [u["name"] for u in units] == ["应急抢险组"]
    roles = {(r["title"], r["holder"]): r["duties"] for r in units[0]["roles"]}
    assert roles[("组长", "工段长")] == ["组织停机", "向生产部报告"]
    assert roles[("组员", "值班巡检工")] == ["关闭进料阀", "设置警戒"]
    assert roles[("组员", "电工")] == ["切断电源"]


def test_a_bare_number_in_a_cards_phone_row_is_the_posts_line() -> None:
    card = [["项目", "内容"], ["岗位", "巡检工"], ["处置措施", "关闭进料阀"], ["联系电话", "0510-86700622"]]
    draft = run(
        [
            "江阴某纸业有限公司蒸煮锅爆炸事故现场处置方案",
            "二、应急组织",
            "车间成立应急抢险组，组长由工段长担任，成员为巡检工。",
            "（一）巡检工处置卡",
            card,
        ]
    )
    assert _by_phone(draft)["0510-86700622"]["role"] == "巡检工"


def test_a_working_taskforce_is_the_top_body_with_its_office_and_posts() -> None:
    draft = run(
        [
            "江阴市某局燃气安全事故应急预案",
            "二、组织体系",
            "市某局成立燃气安全应急工作专班，局长任专班组长，分管燃气的副局长任副组长，各科室负责人为成员。",
            "工作专班下设办公室，设在燃气管理科，由燃气管理科科长兼任办公室主任，负责专班日常事务。",
            "办公室根据需要组建以下专班：",
            "排险专班由燃气管理科牵头，负责组织供气企业关阀排险。",
        ]
    )
    top = _unit(draft, "燃气安全应急工作专班")
    assert top["parent"] is None
    assert {(r["title"], r["holder"]) for r in top["roles"]} >= {
        ("组长", "局长"),
        ("副组长", "分管燃气的副局长"),
    }
    office = _unit(draft, "工作专班办公室")
    assert office["parent"] == "燃气安全应急工作专班"
    assert [(r["title"], r["holder"]) for r in office["roles"]] == [("主任", "燃气管理科科长")]
    assert _unit(draft, "排险专班")["duties"] == ["负责组织供气企业关阀排险"]


def test_member_units_below_a_member_duties_heading() -> None:
    draft = run(
        [
            "江阴市某局粮食仓储安全事故应急预案",
            "2 组织机构",
            "2.1 领导小组",
            "市某局成立粮食仓储安全事故领导小组，组长由局长担任。",
            "2.2 各成员单位职责",
            "仓储管理科：负责指导粮库开展先期处置；统计受损粮食。",
            "市粮油质量监测所：负责受损粮食的质量检测。",
            "市交通运输局：负责调运粮食所需车辆。",
            "3 应急响应",
            "质检科：0510-86700900",
        ]
    )
    for name, duties in (
        ("仓储管理科", ["负责指导粮库开展先期处置", "统计受损粮食"]),
        ("市粮油质量监测所", ["负责受损粮食的质量检测"]),
        ("市交通运输局", ["负责调运粮食所需车辆"]),
    ):
        member = _unit(draft, name)
        assert (member["parent"], member["duties"]) == ("粮食仓储安全事故领导小组", duties)
    assert all(u["name"] != "质检科" for u in draft.data["org_units"])


def test_levels_in_prose_with_the_commander_as_subject() -> None:
    draft = run(
        [
            "江阴市某局供水突发事件应急预案",
            "4 应急响应",
            "一般供水事件发生后，启动Ⅳ级响应。分管供水的副局长负责指挥，水务公司派出抢修队伍；"
            "供水科核实停水范围；办公室发布停水公告。",
            "较大供水事件发生后，局长亲自指挥，启动Ⅲ级响应，应急小组成员全部到岗；协调消防车辆送水；"
            "每两小时报告一次进展。",
        ]
    )
    low, high = _level(draft, "四级"), _level(draft, "三级")
    assert (low["trigger"], low["commander"]) == ("一般供水事件发生", "分管供水的副局长")
    assert low["actions"] == ["水务公司派出抢修队伍", "供水科核实停水范围", "办公室发布停水公告"]
    assert (high["trigger"], high["commander"]) == ("较大供水事件发生", "局长")
    assert high["actions"][0] == "应急小组成员全部到岗"


def test_unmapped_tier_responses_are_ranked_and_read_clause_by_clause() -> None:
    draft = run(
        [
            "江阴某化工有限公司氯乙烯泄漏事故现场处置方案",
            "3 应急响应",
            "泄漏点可以在岗位隔离的，为班组级响应，由班长指挥，采取关阀隔离措施；泄漏扩大到装置区的，为车间级响应，"
            "由车间主任指挥，采取装置停车、喷淋稀释等措施。",
        ]
    )
    low, high = _level(draft, "二级"), _level(draft, "一级")
    assert (low["name"], low["trigger"], low["commander"]) == ("班组级响应", "泄漏点可以在岗位隔离", "班长")
    assert low["actions"] == ["采取关阀隔离措施"]
    assert (high["name"], high["commander"]) == ("车间级响应", "车间主任")
    assert high["actions"] == ["采取装置停车、喷淋稀释等措施"]


def test_tier_names_are_not_ranked_when_the_plan_maps_them() -> None:
    from plans.rules_level_fields import named_levels

    mapped = ["响应分为车间级、公司级两个级别，分别对应二级、一级响应。", "车间级响应由车间主任指挥。"]
    assert named_levels(mapped) == {"车间级": "二级", "公司级": "一级"}
    assert named_levels(["公司级响应由总经理指挥。"]) == {}  # one tier alone ranks nothing
    assert named_levels(["岗位级响应：…", "厂级响应：…"]) == {"厂级": "一级", "岗位级": "二级"}


def test_a_long_cover_title_in_a_pdf_does_not_swallow_the_company_line() -> None:
    from evals.plan_corpus_render import render_pdf
    from plans.pdf_parser import parse_pdf

    blocks = [
        {"title": "热处理车间淬火油槽着火爆炸事故现场处置方案"},
        {"center": "江阴某机械公司"},
        {"pagebreak": True},
        {"h1": "一、事故风险分析"},
        {"p": "淬火油槽内存有淬火油约12吨，工件入油温度过高或油温失控时可能引起油槽着火。" * 3},
        {"p": "本方案适用于热处理车间淬火油槽着火事故的现场处置。" * 2},
    ]
    parsed = parse_pdf(render_pdf(blocks, "热处理车间淬火油槽着火爆炸事故现场处置方案", None, False, None))
    assert [b.text for b in parsed.blocks[:2]] == [
        "热处理车间淬火油槽着火爆炸事故现场处置方案",
        "江阴某机械公司",
    ]


def test_worn_suits_and_wheelchairs_are_equipment_and_quilts_count_in_beds() -> None:
    draft = run(
        [
            "江阴市某局福利院火灾应急预案",
            "五、应急保障",
            "福利院储备耐碱服4套、电动轮椅6辆、毛毯50床，由后勤科负责管理。",
        ]
    )
    kinds = {r["name"]: (r["type"], r["quantity"], r["unit"]) for r in draft.data["resources"]}
    assert kinds["耐碱服"][0] == "装备" and kinds["电动轮椅"][0] == "装备"
    assert kinds["毛毯"] == ("物资", 50, "床")
