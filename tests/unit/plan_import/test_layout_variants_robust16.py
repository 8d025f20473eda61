"""Layout families from the plans-robust16 round (department plans of other bureaus, workshop 现场处置方案
with contacts as plain lines), one rule each on small synthetic inputs worded differently from the
corpus: rooms that take calls (控制室, 调度中心, 值班室 of a named body) are places, not posts; a hospital's
"总值班" line; local numbers without an area code after a label or another number."""

from __future__ import annotations

from plans.draft import PlanDraft
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
