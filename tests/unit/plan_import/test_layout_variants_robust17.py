"""Layout families from the plans-robust17 round, one rule each on small synthetic inputs worded
differently from the corpus: contact lines with the number first, a hospital's 急诊 line, two public
numbers on one line, a warning column with bare colours outside the 预警 section, run-on duties after a
"X组：负责…" lead, "以X为Y" posts, a 由 clause that is a condition, a "在…统一领导下，" frame, "组建以下专班"
lists, event classes naming levels, a "指挥：X在…前组织…" label, posts whose duties come under their
holder's name, and a Q&A scope question."""

from __future__ import annotations

from plans.draft import PlanDraft
from plans.qa_text import question_title
from plans.rules_contact_lines import contact_after
from tests.support.plan_draft import org_unit as _unit
from tests.support.plan_draft import response_level as _level
from tests.unit.plan_import.test_layout_variants_robust13 import run


def _by_phone(draft: PlanDraft) -> dict[str, dict[str, str]]:
    return {c["phone"]: c for c in draft.data["contacts"]}


def _roles(unit: dict[str, object]) -> dict[tuple[str, str], list[str]]:
    return {(r["title"], r["holder"]): r["duties"] for r in unit["roles"]}  # type: ignore[attr-defined]


def test_words_after_a_number_that_opens_its_line_name_the_contact() -> None:
    assert contact_after("（设备科长　韩立）") == {"name": "韩立", "role": "设备科长", "org": ""}
    assert contact_after("　中控室（夜间）")["org"] == "中控室"  # type: ignore[index]
    assert contact_after("，请于") is None
    draft = run(
        [
            "江阴某造纸有限公司蒸汽管道爆裂事故现场处置方案",
            "五、通讯联络",
            "13771230001（值班长　蔡明）",
            "0510-86702233　北门岗门卫室（全天）",
            "0510-86702244　青阳镇安全生产办公室",
        ]
    )
    by_phone = _by_phone(draft)
    assert (by_phone["13771230001"]["role"], by_phone["13771230001"]["name"]) == ("值班长", "蔡明")
    assert by_phone["0510-86702233"]["org"] == "北门岗门卫室"
    assert by_phone["0510-86702244"]["org"] == "青阳镇安全生产办公室"


def test_a_hospitals_emergency_desk_and_two_public_numbers_on_a_line() -> None:
    draft = run(
        [
            "江阴某钢构有限公司起重伤害事故现场处置方案",
            "六、联系电话",
            "澄东人民医院急诊：0510-86703120",
            "报警110　消防119",
            "班组长　沈涛　13506160002；仓库　0510-86703300",
        ]
    )
    by_phone = _by_phone(draft)
    assert (by_phone["0510-86703120"]["org"], by_phone["0510-86703120"]["role"]) == ("澄东人民医院急诊", "")
    assert (by_phone["119"]["role"], by_phone["119"]["name"]) == ("消防", "")
    assert (by_phone["13506160002"]["role"], by_phone["13506160002"]["name"]) == ("班组长", "沈涛")


def test_a_warning_column_with_bare_colours_in_a_grading_part_filed_under_response() -> None:
    table = [
        ["预警信号", "对应级别", "发布条件", "负责人", "措施"],
        [
            "蓝色",
            "四级",
            "仓库温度超过30℃并持续2小时以上的情况",
            "仓库主任",
            "加密巡查次数并记录温度变化；开启通风设备和喷淋降温系统；通知消防控制室值班人员",
        ],
        ["红色", "一级", "仓库发生冒烟或明火", "总经理", "全员撤离"],
    ]
    draft = run(["江阴某物流有限公司仓储火灾应急预案", "4 应急响应", "4.1 预警和响应分级", table])
    by_level = {w["level"]: w for w in draft.data["warning_levels"]}
    assert by_level["四级"]["color"] == "蓝色"
    assert by_level["四级"]["criteria"] == "仓库温度超过30℃并持续2小时以上的情况"
    assert by_level["一级"]["criteria"] == "仓库发生冒烟或明火"


def test_duties_after_a_units_first_duty_run_on_whatever_their_verb() -> None:
    draft = run(
        [
            "江阴某电镀有限公司综合应急预案",
            "二、组织机构",
            "公司成立应急指挥部，总经理任总指挥。",
            "指挥部下设抢修组和警戒组。",
            "抢修组：负责关闭总阀；更换破损管段；恢复供水。",
        ]
    )
    assert _unit(draft, "抢修组")["duties"] == ["负责关闭总阀", "更换破损管段", "恢复供水"]


def test_posts_written_with_yi_x_wei_y() -> None:
    draft = run(
        [
            "江阴某木业有限公司粉尘爆炸专项应急预案",
            "三、组织机构",
            "公司设立粉尘事故应急指挥部，以董事长为总指挥，以设备副总为副总指挥。",
            "（1）抢险组：以维修主管为组长，组员包括电工和焊工。负责抢修设备。",
        ]
    )
    hq = _roles(_unit(draft, "粉尘事故应急指挥部"))
    assert ("总指挥", "董事长") in hq and ("副总指挥", "设备副总") in hq
    crew = _roles(_unit(draft, "抢险组"))
    assert ("组长", "维修主管") in crew and ("组员", "电工和焊工") in crew


def test_a_title_before_wei_is_not_a_holder() -> None:
    draft = run(
        [
            "江阴市某局事故应急预案",
            "二、组织机构",
            "局成立事故应急领导小组，组长由局长担任。",
            "领导小组派出以下工作组：",
            "宣传组",
            "由办公室负责，组长为办公室副主任。负责新闻发布。",
        ]
    )
    assert _roles(_unit(draft, "宣传组")) == {("组长", "办公室副主任"): []}


def test_a_by_clause_ending_in_shi_is_the_condition_not_the_commander() -> None:
    draft = run(
        [
            "江阴某化工有限公司泄漏事故专项应急预案",
            "4 响应分级",
            "三级响应：泄漏量小，可由岗位人员处理时启动，由值班长指挥，采取以下措施：关闭根部阀；用吸附棉覆盖。",
        ]
    )
    level = _level(draft, "三级")
    assert level["commander"] == "值班长"
    assert level["actions"] == ["关闭根部阀", "用吸附棉覆盖"]


def test_a_leadership_frame_before_a_bodys_duty() -> None:
    draft = run(
        [
            "某街道危险化学品事故应急预案",
            "二、组织体系",
            "街道成立危化品事故应急指挥部，由街道主任任总指挥。",
            "指挥部在区委、区政府的统一指挥下，负责辖区危化品事故的先期处置，协调各方救援力量。",
        ]
    )
    assert _unit(draft, "危化品事故应急指挥部")["duties"] == [
        "负责辖区危化品事故的先期处置，协调各方救援力量"
    ]


def test_a_phrase_announcing_taskforces_and_a_taskforce_heading_name_no_body() -> None:
    draft = run(
        [
            "某镇地质灾害应急预案",
            "二、组织机构",
            "（一）指挥部",
            "镇成立地质灾害应急指挥部，由镇长任总指挥。",
            "（二）专班",
            "险情发生后，指挥部组建如下专班：",
            "1.监测专班：由规划建设局牵头，负责险情监测。",
        ]
    )
    names = [u["name"] for u in draft.data["org_units"]]
    assert names == ["地质灾害应急指挥部", "监测专班"]


def test_an_event_class_before_a_bracketed_level_is_the_levels_name() -> None:
    draft = run(
        [
            "某镇燃气事故应急预案",
            "三、应急响应",
            "（一）较大事故（Ⅲ级响应）",
            "启动条件：燃气管道破裂并引发火灾。",
            "指挥：副镇长在县级工作组到场前组织现场处置。",
            "措施：关闭上游阀门；疏散周边居民。",
        ]
    )
    level = _level(draft, "三级")
    assert level["name"] == "较大事故（Ⅲ级响应）"
    assert level["commander"] == "副镇长"


def test_post_duties_under_the_holders_short_name_split_a_listing_of_posts() -> None:
    draft = run(
        [
            "江阴某热电有限公司灰库坍塌事故现场处置方案",
            "二、应急组织",
            "成立灰库事故处置小组，运行部值长任组长，组员由输灰工、检修钳工和司机组成。",
            "1.值长职责：指挥现场处置；向调度报告。",
            "2.输灰工职责：停运输灰系统。",
            "3.检修钳工职责：加固支撑。",
            "4.司机职责：转运伤员。",
        ]
    )
    roles = _roles(_unit(draft, "灰库事故处置小组"))
    assert roles == {
        ("组长", "运行部值长"): ["指挥现场处置", "向调度报告"],
        ("组员", "输灰工"): ["停运输灰系统"],
        ("组员", "检修钳工"): ["加固支撑"],
        ("组员", "司机"): ["转运伤员"],
    }


def test_a_question_about_what_a_plan_applies_to_is_the_scope_heading() -> None:
    assert question_title("问3：这份预案适用于哪些场所？") == "适用范围"
    assert question_title("问4：谁来指挥？") == "谁来指挥"
