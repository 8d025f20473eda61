"""Layout families from the plans-robust29 round, one rule each on small synthetic inputs worded differently
from the corpus: a level table graded by a column whose header does not say 条件, a body's members only in a
roster with phones, a 管理部门 column of a stock table, kit whose 配置地点 is a body, a listed service number
after a long body name, a report by 对讲机, a contact line whose name ends in a colon."""

from __future__ import annotations

from plans.draft import PlanDraft
from plans.rules_contacts import extract_phone_contacts
from tests.support.plan_draft import extract_blocks, numbered_blocks


def test_a_level_table_graded_by_an_unlabelled_column_gives_the_triggers() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "江阴某化工有限公司火灾事故专项应急预案"),
            ("h1", "4 应急响应"),
            ("table", [
                ["响应级别", "受影响人数", "指挥", "处置措施"],
                ["三级", "需疏散50人以下", "车间主任", "①关闭物料阀门；②启动喷淋"],
                ["二级", "需疏散50至200人", "生产副总", "①疏散厂区人员；②通知园区"],
            ]),
        )
    )  # fmt: skip
    levels = {r["level"]: r for r in data["response_levels"]}
    assert levels["三级"]["trigger"] == "需疏散50人以下"
    assert levels["二级"]["trigger"] == "需疏散50至200人"
    assert levels["二级"]["commander"] == "生产副总"
    assert levels["二级"]["actions"] == ["疏散厂区人员", "通知园区"]


def test_a_roster_with_phones_under_its_body_gives_the_body_one_role_per_row() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "江阴某学校校园安全事故应急预案"),
            ("h1", "2 组织机构"),
            ("h2", "2.1 校园安全应急领导小组"),
            ("p", "学校成立校园安全应急领导小组，组成人员如下："),
            ("table", [
                ["应急职务", "姓名", "分管工作", "联系电话"],
                ["组长", "周国栋", "全面工作", "13912345601"],
                ["副组长", "孙晓燕", "教学、德育", "13912345602"],
                ["成员", "钱伟", "后勤", "13912345603"],
                ["成员", "李芳", "安保", "13912345604"],
            ]),
        )
    )  # fmt: skip
    body = next(u for u in data["org_units"] if u["name"] == "校园安全应急领导小组")
    assert [(r["title"], r["holder"]) for r in body["roles"]] == [
        ("组长", "周国栋"), ("副组长", "孙晓燕"), ("成员", "钱伟"), ("成员", "李芳"),
    ]  # fmt: skip


def test_an_appendix_contact_table_is_still_no_roster() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "江阴某学校校园安全事故应急预案"),
            ("h1", "2 组织机构"),
            ("h2", "2.1 校园安全应急领导小组"),
            ("p", "组长：校长；副组长：副校长。"),
            ("p", "附表"),
            ("table", [["应急职务", "姓名", "联系电话"], ["组长", "周国栋", "13912345601"]]),
        )
    )  # fmt: skip
    body = next(u for u in data["org_units"] if u["name"] == "校园安全应急领导小组")
    assert ("组长", "周国栋") not in [(r["title"], r["holder"]) for r in body["roles"]]


def test_a_managing_department_column_holds_the_stock_and_a_mounting_place_does_not() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "江阴某医院火灾事故应急预案"),
            ("h1", "5 应急保障"),
            ("table", [["器材名称", "数量", "存放地点", "责任部门"], ["担架", "10副", "急诊科", "总务科"]]),
            ("table", [["器材名称", "数量", "安装位置"], ["消防水炮", "2门", "消防站"]]),
        )
    )  # fmt: skip
    holders = {r["name"]: r["holder"] for r in data["resources"]}
    assert holders == {"担架": "总务科", "消防水炮": None}


def _contacts(*lines: str) -> list[dict[str, str]]:
    draft = PlanDraft(
        numbered_blocks(("p", "江阴某厂中毒事故现场处置方案"), *(("p", line) for line in lines))
    )
    extract_phone_contacts(draft)
    return draft.data["contacts"]


def test_a_long_body_name_before_a_public_number_in_a_listing_is_a_contact() -> None:
    contacts = _contacts("外部救援：江阴市消防救援支队119；澄江街道卫生院0510-86001234。")
    assert {"org": "江阴市消防救援支队", "phone": "119"}.items() <= contacts[0].items()
    assert not _contacts("发现着火后立即联系江阴市消防救援支队119。")


def test_a_post_and_name_line_ending_in_a_colon_keeps_the_name() -> None:
    contacts = _contacts("安环部主任　陶建平：13806161234")
    assert (contacts[0]["role"], contacts[0]["name"]) == ("安环部主任", "陶建平")
    labelled = _contacts("镇安监办　电话：0510-86120000")  # a phone label before the colon is no name
    assert (labelled[0]["org"], labelled[0]["name"]) == ("镇安监办", "")


def test_a_report_by_radio_has_the_radio_as_its_channel() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "江阴某码头火灾事故现场处置方案"),
            ("h1", "3 应急处置"),
            ("h2", "3.1 信息报告"),
            ("p", "巡检人员发现险情后，立即通过对讲机报告码头调度。"),
        )
    )  # fmt: skip
    assert data["reporting"][0]["channel"] == "对讲机"


def test_a_duty_table_with_one_column_per_post_gives_each_post_its_duties() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "江阴某化工有限公司反应釜超压现场处置方案"),
            ("h1", "2 应急组织"),
            ("p", "车间成立超压处置小组，组长：当班班长；组员：DCS操作员、巡检工。分工如下："),
            ("table", [
                ["处置阶段", "班长", "DCS操作员", "巡检工"],
                ["发现", "确认超压报警", "降低进料量", "到现场查看压力表"],
                ["处置", "决定紧急泄压", "打开泄压阀", "—"],
            ]),
        )
    )  # fmt: skip
    unit = next(u for u in data["org_units"] if u["name"] == "超压处置小组")
    roles = {(r["title"], r["holder"]): r["duties"] for r in unit["roles"]}
    assert roles[("组长", "当班班长")] == ["确认超压报警", "决定紧急泄压"]
    assert roles[("组员", "DCS操作员")] == ["降低进料量", "打开泄压阀"]
    assert roles[("组员", "巡检工")] == ["到现场查看压力表"]


def test_two_situations_defined_in_one_sentence_are_two_grades() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "江阴某仓储有限公司泄漏事故现场处置方案"),
            ("h1", "3 险情分类"),
            ("p", "泄漏险情分为两类：少量泄漏是指阀门填料处滴漏且可以关阀止漏的，由当班班长组织处置；"
                  "大量泄漏是指管线破裂无法关阀的，由公司应急指挥部总指挥指挥处置。"),
        )
    )  # fmt: skip
    levels = [(r["level"], r["name"], r["trigger"], r["commander"]) for r in data["response_levels"]]
    assert levels == [
        ("一级", "大量泄漏", "管线破裂无法关阀", "公司应急指挥部总指挥"),
        ("二级", "少量泄漏", "阀门填料处滴漏且可以关阀止漏", "当班班长"),
    ]
