"""Planguide7 round: a level said by the toll (死了N个人, N人受伤, 损失X万), accidents said by what happened,
natural disasters beside production accidents, one-piece questions."""

from __future__ import annotations

from typing import Any

import pytest

from agents.chat.plan_severity import Toll, asked_toll, level_for, number


@pytest.mark.parametrize(
    "question,toll",
    [("青阳一家厂锅炉爆了，死了三个人", Toll(3)),
     ("仓库倒塌，2名工人死亡，5人受伤", Toll(2, 5)),
     ("化工厂闪爆，造成一死两伤", Toll(1, 2)),
     ("车间着火，二十多人被烧伤送医", Toll(None, 20)),
     ("中毒了7个人，还有2个轻伤", Toll(None, 7)),
     ("火烧了一夜，直接经济损失1200万元", Toll(None, None, 1200)),
     ("厂房全烧了，损失估计有六千多万", Toll(None, None, 6000)),
     ("听说损失上亿", Toll(None, None, 10000)),
     ("一级响应谁指挥", None), ("两个车间着火了", None), ("3号罐泄漏", None)],
)  # fmt: skip
def test_the_toll_a_question_states(question: str, toll: Toll | None) -> None:
    assert asked_toll(question) == toll


@pytest.mark.parametrize("text,value", [("12", 12), ("两", 2), ("十", 10), ("二十三", 23), ("三千", 3000)])
def test_numbers_in_words(text: str, value: float) -> None:
    assert number(text) == value


@pytest.mark.parametrize(
    "toll,grade",
    [(Toll(2), "一般"), (Toll(3), "较大"), (Toll(None, 9), "一般"), (Toll(None, 12), "较大"),
     (Toll(None, 60), "重大"), (Toll(None, None, 800), "一般"), (Toll(None, None, 4000), "较大"),
     (Toll(None, None, 20000), "特别重大"), (Toll(1, 55, None), "重大"), (Toll(31), "特别重大")],
)  # fmt: skip
def test_the_national_class_is_the_highest_any_figure_reaches(toll: Toll, grade: str) -> None:
    assert toll.national_class() == grade


def _lv(level: str, trigger: str) -> dict[str, Any]:
    return {
        "level": level,
        "name": level,
        "trigger": trigger,
        "commander": f"{level}指挥",
        "actions": ["赶赴现场"],
    }


# A plan that writes its own casualty conditions (three levels, none of them the national classes).
OWN = [_lv("一级", "造成5人以上死亡的，或需要市里统一处置的"), _lv("二级", "造成1至4人死亡或5人以上重伤的"),
       _lv("三级", "有人员受伤、事态可控的")]  # fmt: skip
# A plan whose levels are the national classes.
NATIONAL = [_lv("一级", "发生特别重大生产安全事故"), _lv("二级", "发生重大生产安全事故"),
            _lv("三级", "发生较大生产安全事故，或者一般生产安全事故有扩大趋势时"),
            _lv("四级", "发生一般生产安全事故，事发单位无法有效处置时")]  # fmt: skip
COUNTED = [
    _lv("三级", "造成3人以上10人以下死亡的"),
    _lv("四级", "造成3人以下死亡或者10人以下重伤，未造成人员死亡的除外"),
]


@pytest.mark.parametrize(
    "levels,toll,level",
    [(OWN, Toll(2), "二级"), (OWN, Toll(6), "一级"), (OWN, Toll(None, 2), "三级"), (OWN, Toll(None, 8), "二级"),
     (NATIONAL, Toll(1), "四级"), (NATIONAL, Toll(None, 15), "三级"), (NATIONAL, Toll(None, None, 2000), "三级"),
     (NATIONAL, Toll(12), "二级"), (COUNTED, Toll(5), "三级"), (COUNTED, Toll(1), "四级")],
)  # fmt: skip
def test_the_level_is_the_plans_own_condition_else_the_national_class(
    levels: list[dict[str, Any]], toll: Toll, level: str
) -> None:
    assert [lv["level"] for lv in level_for(levels, toll)] == [level]


def test_a_condition_that_excludes_deaths_is_not_met_by_a_death() -> None:
    levels = [_lv("二级", "造成1人以上死亡的"), _lv("四级", "发生事故但未造成人员死亡的")]
    assert [lv["level"] for lv in level_for(levels, Toll(1))] == ["二级"]
