"""Planguide18 round (development data: round 17's held-out misses): the one on shift telling of an accident
(值班的说…) asks no shift; people trapped count as the deaths an 已经或可能造成 condition names; a retail
shop is a 商贸流通 place. Worded unlike the eval lines."""

from __future__ import annotations

from agents.chat import plan_sectors
from agents.chat.plan_severity import asked_toll, level_for
from agents.chat.router import route
from agents.chat.slots import Slots

HUANGTU_LIKE = [
    {"level": "三级", "trigger": "发生较大生产安全事故，或者事故已经或可能造成3人以上10人以下死亡的"},
    {"level": "四级", "trigger": "发生一般生产安全事故，造成3人以下死亡或者10人以下重伤，事态能够控制的"},
]


# ---- the one on shift as the teller -----------------------------------------------------------------------
def test_the_one_on_shift_telling_of_a_leak_asks_for_the_plan() -> None:
    decision = route("一家化工厂凌晨当班的发现储罐泄漏了，启动几级响应，谁指挥", Slots())
    assert decision.intent == "plan_for"


def test_a_shift_still_asked_is_still_the_duty_roster() -> None:
    assert route("今晚值班的是谁", Slots()).intent == "duty_now"
    assert route("当班的是哪个领导", Slots()).intent == "duty_now"


# ---- trapped = deaths it may cause ------------------------------------------------------------------------
def test_people_trapped_meet_a_may_cause_deaths_level() -> None:
    toll = asked_toll("一栋在建楼板坍塌，4名工人被埋在下面，正在挖")
    assert toll is not None and toll.trapped == 4
    assert [lv["level"] for lv in level_for(HUANGTU_LIKE, toll)] == ["三级"]


def test_trapped_do_not_meet_a_condition_of_deaths_caused() -> None:
    toll = asked_toll("厂房屋顶塌了，被困3人，消防在救")
    assert toll is not None and toll.trapped == 3
    only_caused = [{"level": "三级", "trigger": "造成3人以上10人以下死亡"},
                   {"level": "四级", "trigger": "造成3人以下死亡"}]  # fmt: skip
    assert [lv["level"] for lv in level_for(only_caused, toll)] == ["四级"]


def test_no_one_trapped_adds_nothing() -> None:
    toll = asked_toll("仓库塌了一角，没有人受伤")
    assert toll is not None and not toll.trapped


# ---- a retail shop is a 商贸流通 place ---------------------------------------------------------------------
def _sectors(question: str) -> set[str]:
    return {s.name for s in plan_sectors.SECTORS if s.question.search(question)}


def test_a_retail_shop_is_in_the_commerce_sector() -> None:
    assert "商贸" in _sectors("青阳镇一家便利店后面的小仓库起火了，启动哪个预案")
    assert "商贸" in _sectors("一个杂货店里放的打火机烧起来了")


def test_a_restaurant_is_not() -> None:
    assert "商贸" not in _sectors("饭店后厨起火了，启动哪个预案")


# ---- a leak said by how much it leaks or what cracked -----------------------------------------------------
def test_a_leak_said_as_seen_on_a_crashed_tanker_is_a_leak() -> None:
    from agents.chat import plan_guide

    types = plan_guide.slot_values("锡澄高速一辆液碱槽车撞了护栏，罐体破了一个口子，漏得满地都是，按哪个预案")
    assert "泄漏" in (types.get("accident_types") or [])
