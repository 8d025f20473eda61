"""Plans left without a parent are reported with the level that is missing above them."""

from __future__ import annotations

from plans.plan_orphans import orphan_reason, orphans
from tests.unit.test_plan_tiers import node

CITY = node("c0", "江阴市突发事件总体应急预案", "总体", "江阴市人民政府")
CITY_CHEM = node(
    "c3", "江阴市危险化学品事故专项应急预案", "专项", "江阴市人民政府办公室", None, "危险化学品事故"
)
QS = node("t5", "青阳镇生产安全事故总体应急预案", "总体", "青阳镇人民政府", "青阳镇", "火灾")
QS_DUST = node("t6", "青阳镇粉尘爆炸事故专项应急预案", "专项", "青阳镇人民政府", "青阳镇", "粉尘爆炸")
DYE = node("f5", "江阴青阳华丰印染有限公司综合应急预案", "总体", "江阴青阳华丰印染有限公司", "祝塘镇", "火灾")
WATER = node("w1", "江阴市自来水公司外的水源污染应急预案", "部门", "江阴市水利农机局", None, "中毒和窒息")


def test_without_a_city_overall_plan_the_city_and_town_tops_say_it_is_missing() -> None:
    plans = [CITY_CHEM, QS, QS_DUST]
    found = {o["id"]: o for o in orphans(plans)}
    assert set(found) == {"c3", "t5"}  # the town's dust plan answers to the town 总体
    assert found["c3"]["reason"] == "无可挂接的上级预案：市级总体预案未录入"
    assert found["t5"]["tier"] == "总体" and "市级总体预案未录入" in found["t5"]["reason"]
    # once the city 总体 is filed nothing is orphaned, and the city 总体 itself is the top, not an orphan
    assert orphans([CITY, *plans]) == []
    assert orphan_reason(CITY, [CITY, *plans]) is None


def test_a_firm_plan_lists_every_level_looked_at_in_order() -> None:
    reason = orphan_reason(DYE, [DYE, QS, CITY_CHEM])  # another town's plans are no parent of it
    assert reason is not None
    looked = ["所在镇街（祝塘镇）同类专项预案", "所在镇街（祝塘镇）总体预案", "市级同类部门预案",
              "市级同类专项预案", "市级总体预案"]  # fmt: skip
    positions = [reason.index(part) for part in looked]
    assert positions == sorted(positions) and reason.endswith("均未录入")


def test_a_plan_naming_no_sector_is_told_why_no_sector_plan_can_take_it() -> None:
    reason = orphan_reason(WATER, [WATER, CITY_CHEM])
    assert reason is not None and "本预案未标明行业" in reason
    assert "市级同类部门预案" not in reason  # a department plan never answers to another department's


def test_a_scoped_user_is_told_the_missing_plan_may_be_out_of_sight() -> None:
    [orphan] = orphans([QS], scoped=True)
    assert orphan["reason"].endswith("（或不在您的数据范围内）")
