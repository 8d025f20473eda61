"""Planguide16 round (development data: round 15's held-out misses): workers knocked out and sent to
hospital are injured; a leak that cannot be stopped and drifts out of the works meets a firm plan's top
level; dust that burns and then blasts is a dust explosion. Worded unlike the eval lines."""

from __future__ import annotations

from agents.chat import plan_account, plan_guide, plan_severity

# A works' and a city sector plan's levels as they are read (other wording than the eval plans').
FIRM = [
    {"level": "一级", "trigger": "泄漏无法控制，或者有毒气体可能扩散至厂区以外的", "commander": "总经理"},
    {"level": "二级", "trigger": "阀门、管线少量泄漏，通过关阀堵漏能够控制的", "commander": "车间主任"},
]
SECTOR = [
    {"level": "一级", "trigger": "造成3人以上死亡或10人以上重伤的事故", "commander": "总指挥"},
    {"level": "二级", "trigger": "造成1至2人死亡或3至9人重伤的事故", "commander": "副总指挥"},
    {"level": "三级", "trigger": "造成1至2人重伤的事故", "commander": "办公室主任"},
]


def _levels(question: str, levels: list[dict[str, str]]) -> list[str]:
    toll = plan_severity.toll_of(plan_severity.toll_param(question, {}))
    assert toll is not None
    return [str(lv["level"]) for lv in plan_severity.level_for(levels, toll)]


def _types(question: str) -> list[str]:
    return list(plan_guide.slot_values(question).get("accident_types") or [])


# ---- knocked out, then sent to hospital ---------------------------------------------------------------------
def test_workers_knocked_out_and_taken_to_hospital_are_counted_injured() -> None:
    toll = plan_severity.asked_toll("污水站里3名员工被熏倒送医院了，暂时没人死亡")
    assert toll is not None and toll.injured == 3
    assert _levels("冷库两个搬运工昏倒后送到医院抢救，市里几级响应", SECTOR) == ["三级"]


def test_knocked_out_with_no_hospital_is_still_no_toll() -> None:
    # a person down and not responding is no count yet (guide10 (1)): no injured figure is read
    toll = plan_severity.asked_toll("1个工人晕倒在罐边，叫不醒")
    assert toll is None or not toll.injured


# ---- a leak that cannot be stopped, drifting out of the works ---------------------------------------------
def test_a_leak_that_cannot_be_plugged_is_beyond_control() -> None:
    said = plan_account.facts("储罐根部法兰刺漏，打了卡子还是堵不住")
    assert said.get("uncontrolled") is True and said.get("controlled") is False


def test_gas_drifting_towards_outside_the_fence_is_beyond_the_site() -> None:
    assert plan_account.facts("氯气正往厂区外扩散").get("beyond_site") is True
    assert plan_account.facts("苯的气味朝厂外飘过去了").get("beyond_site") is True
    assert _levels("制冷管道漏了，关阀也止不住，味道往厂外飘，谁指挥", FIRM) == ["一级"]


def test_a_leak_held_inside_the_works_stays_the_lower_level() -> None:
    assert _levels("阀门少量泄漏，关阀后已经控制住了，谁指挥", FIRM) == ["二级"]


# ---- dust burning, then blasting ----------------------------------------------------------------------------
def test_dust_that_burns_then_blasts_is_a_dust_explosion() -> None:
    assert "粉尘爆炸" in _types("木业厂砂光机的木粉在风管里烧起来，后来闪爆了一声，谁指挥")
    assert "粉尘爆炸" in _types("面粉加工车间的粉尘先着了火又爆开了，报给哪个部门")
    assert "粉尘爆炸" in _types("抛丸间的除尘器突然炸了，有人受伤，走哪个预案")


def test_dusty_air_alone_is_no_explosion() -> None:
    assert "粉尘爆炸" not in _types("打磨车间粉尘很大，工人一直咳嗽，要不要启动预案")
