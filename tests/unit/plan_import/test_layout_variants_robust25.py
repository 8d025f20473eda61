"""Layout families from the plans-robust25 round, one rule each on small synthetic inputs worded
differently from the corpus: contact lines led by a place ("花园小区：楼长 …；保洁主管 …"), whose label
is every number's org, and a prose contact "X联系人：姓名，电话…" whose X is the org."""

from __future__ import annotations

from typing import Any

from plans.draft import PlanDraft
from plans.pipeline import extract_fields
from plans.rules_contact_places import line_place
from plans.rules_contacts import contact_before
from plans.sections import outline
from plans.structure import Block
from tests.support.plan_draft import extracted as _plan


def _contacts(data: dict[str, Any]) -> set[tuple[str, str, str, str]]:
    return {(c["name"], c["role"], c["org"], c["phone"]) for c in data["contacts"]}


def test_a_place_label_leads_a_contact_line_but_a_body_label_does_not() -> None:
    assert line_place("花园小区：楼长 钱伟 ") == "花园小区"
    assert line_place("2. 河塘村：村主任 ") == "河塘村"
    assert line_place("抢修组：组长 李强 ") is None  # a body: the post rules read it
    assert line_place("联系方式：站长 张三 ") is None


def test_every_person_on_a_place_line_gets_the_place_as_org() -> None:
    data = _plan(
        ("p", "某街道内涝应急预案"),
        ("h1", "五、各小区责任人"),
        ("p", "花园小区：楼长 钱伟 13812345601；保洁主管 孙梅 13912345602"),
        ("p", "河塘村：村主任 赵海 13712345603"),
    )
    assert _contacts(data) >= {
        ("钱伟", "楼长", "花园小区", "13812345601"),
        ("孙梅", "保洁主管", "花园小区", "13912345602"),
        ("赵海", "村主任", "河塘村", "13712345603"),
    }


def test_the_body_before_lianxiren_is_the_org_and_no_role_is_left() -> None:
    assert contact_before("市环境监测站联系人：周波，电话") == {
        "name": "周波",
        "role": "",
        "org": "市环境监测站",
    }
    assert contact_before("0510-1234567；区供电所联系人：严明，电话")["org"] == "区供电所"
    # no body before it: the label stays the role, as before
    assert contact_before("联系人：陆敏，电话") == {"name": "陆敏", "role": "联系人", "org": ""}


def test_a_tier_named_first_with_its_level_in_brackets_leads_a_level_item() -> None:
    data = _plan(
        ("p", "某物流公司叉车事故专项应急预案"),
        ("h1", "四、应急响应"),
        ("p", "响应由低到高分为两级："),
        ("p", "仓库级（二级）：叉车碰撞货架无人受伤。由仓库主管指挥。措施：停止作业；清点货物。"),
        ("p", "公司级（一级）响应：有人员受伤。由总经理指挥。措施：送医救治；保护现场。"),
    )
    levels = {(r["level"], r["name"], r["commander"]) for r in data["response_levels"]}
    assert levels == {("二级", "仓库级（二级）", "仓库主管"), ("一级", "公司级（一级）响应", "总经理")}
    first = next(r for r in data["response_levels"] if r["level"] == "二级")
    assert first["trigger"] == "叉车碰撞货架无人受伤"
    assert first["actions"] == ["停止作业", "清点货物"]


def test_a_tier_label_without_a_commander_is_no_level() -> None:
    data = _plan(
        ("p", "某公司综合应急预案"),
        ("h1", "一、总则"),
        ("p", "车间级（二级）：车间内可控的事故。"),
    )
    assert data["response_levels"] == []


def test_crew_post_labels_under_a_units_heading_are_its_roles() -> None:
    data = _plan(
        ("p", "某物流公司危险货物运输事故专项应急预案"),
        ("h1", "2 组织机构及职责"),
        ("h2", "2.1 应急领导小组"),
        ("p", "组长：董事长；副组长：运营总监；成员：各部门负责人。"),
        ("h2", "2.2 冷链车队"),
        ("p", "车队长：韩涛；调度员：值班调度；驾驶员：各车驾驶员。"),
        ("p", "冷链车队负责冷藏车辆的出车检查。"),
    )
    roles = {
        (r["title"], r["holder"]) for u in data["org_units"] if u["name"] == "冷链车队" for r in u["roles"]
    }
    assert roles == {("车队长", "韩涛"), ("调度员", "值班调度"), ("驾驶员", "各车驾驶员")}


def test_a_headcount_label_is_no_post() -> None:
    from plans.rules_org_names import ROLE_HOLDER

    assert ROLE_HOLDER.match("押运员：各车押运员")
    assert ROLE_HOLDER.match("参加人员：全体员工") is None


def test_a_transport_fleet_is_a_standing_team_not_a_group_of_the_hq() -> None:
    from plans.rules_org_names import headquarters

    units = {"应急领导小组": 0, "抢险组": 1}
    assert headquarters(units, "危货车队") is None
    assert headquarters(units, "抢险组") == "应急领导小组"


def test_monitors_of_any_kind_are_equipment() -> None:
    from plans.rules_resources import resource_type

    assert resource_type("移动式泡沫炮") == "装备"
    assert resource_type("车载消防炮") == "装备"


def test_a_branch_written_right_after_its_company_is_the_cover_issuer() -> None:
    from plans.rules_meta import _SUB_UNIT_LINE

    assert _SUB_UNIT_LINE.match("江阴某某物流有限公司璜土中转站")
    assert _SUB_UNIT_LINE.match("某某化工有限公司 储运车间")
    assert _SUB_UNIT_LINE.match("某某化工有限公司液氯泄漏现场处置方案") is None


def _with_table(rows: list[list[str]], *before: tuple[str, str]) -> dict[str, Any]:
    parsed = []
    for n, (kind, text) in enumerate(before):
        if kind.startswith("h"):
            parsed.append(Block(kind="heading", text=text, paragraph=n, heading_level=int(kind[1])))
        else:
            parsed.append(Block(kind="paragraph", text=text, paragraph=n))
    text = "\n".join("\t".join(r) for r in rows)
    parsed.append(Block(kind="table", text=text, paragraph=len(before), cells=rows))
    draft = PlanDraft(parsed)
    extract_fields(draft, outline(parsed, title_paragraph=0))
    return draft.data


def test_a_step_in_a_step_table_that_reports_gives_a_reporting_rule() -> None:
    data = _with_table(
        [
            ["序号", "处置步骤", "操作内容", "责任人"],
            ["1", "停机", "立即按下急停按钮", "操作工"],
            ["2", "报告", "10分钟内电话报告车间主任和安全科", "班长"],
        ],
        ("p", "冲压车间机械伤害事故现场处置方案"),
        ("h1", "3 应急处置"),
    )
    rules = {(r["time_limit_minutes"], r["to"], r["channel"]) for r in data["reporting"]}
    assert rules == {(10, "车间主任和安全科", "电话")}
    assert data["org_units"] == []  # the 责任人 column sets up no unit


def test_a_team_that_opens_its_own_headcount_sentence_holds_nothing() -> None:
    data = _plan(
        ("p", "某超市火灾事故应急预案"),
        ("h1", "五、应急保障"),
        ("p", "义务消防队配备队员12人。"),
    )
    team = next(r for r in data["resources"] if r["type"] == "救援队伍")
    assert (team["name"], team["quantity"], team["holder"]) == ("义务消防队", 12, None)
