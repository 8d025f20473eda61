"""A level table with no commander column may say who leads inside its measures cell ("生产副总赶赴现场",
"现场由值班长指挥"). A clause whose subject is a crowd or several bodies ("全体成员赶赴现场", "各抢险小组赶赴现场",
"抢修组和警戒组赶赴现场") is a measure of that level, not its commander."""

from __future__ import annotations

from tests.support.plan_draft import response_level as _level
from tests.unit.plan_import.test_extractors import run


def _table(*rows: list[str]) -> list[str | list[list[str]]]:
    return ["四、分级响应", [["响应级别", "启动情形", "应对措施"], *rows]]


def test_one_post_going_to_the_scene_leads_the_level() -> None:
    draft = run(_table(["二级", "反应釜超温无法控制", "生产副总赶赴现场；关停相关装置；疏散东区人员"]))
    level = _level(draft, "二级")
    assert (level["commander"], level["actions"]) == ("生产副总", ["关停相关装置", "疏散东区人员"])


def test_a_whole_body_or_every_group_going_to_the_scene_is_a_measure() -> None:
    draft = run(
        _table(
            ["一级", "发生爆炸或3人以上受伤", "厂指挥部全体成员赶赴现场；组织厂区人员撤离"],
            ["二级", "储罐泄漏无法封堵", "各抢险小组赶赴现场；设置警戒区"],
            ["三级", "管线渗漏", "抢修组和警戒组赶赴现场；现场由值班长指挥"],
        )
    )
    first, second, third = (_level(draft, n) for n in ("一级", "二级", "三级"))
    assert (first["commander"], first["actions"]) == (
        None,
        ["厂指挥部全体成员赶赴现场", "组织厂区人员撤离"],
    )
    assert (second["commander"], second["actions"]) == (None, ["各抢险小组赶赴现场", "设置警戒区"])
    assert (third["commander"], third["actions"]) == ("值班长", ["抢修组和警戒组赶赴现场"])
