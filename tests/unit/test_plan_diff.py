"""Version diff at JSON-pointer level."""

from __future__ import annotations

from plans.diff import diff_documents
from tests.support.sample_plans import chemical_plan


def test_diff_names_added_removed_and_changed_fields() -> None:
    old = chemical_plan()
    new = old.model_copy(deep=True)
    new.response_levels[0].trigger = "液氨泄漏扩散至厂界外"
    new.response_levels[1].actions.append("通知周边企业")
    new.resources.pop()  # 应急专项资金
    new.response_levels[1].commander = "副总指挥"
    new.sources = []  # provenance is not part of the plan's content
    changes = [
        (c.field, c.change, c.old, c.new)
        for c in diff_documents(old.model_dump(mode="json"), new.model_dump(mode="json"))
    ]
    assert sorted(changes, key=lambda c: c[0]) == [
        (
            "/resources/4",
            "removed",
            {"type": "资金", "name": "应急专项资金", "quantity": None, "unit": None, "holder": None},
            None,
        ),
        ("/response_levels/0/trigger", "changed", "液氨大量泄漏并扩散至厂外", "液氨泄漏扩散至厂界外"),
        ("/response_levels/1/actions/1", "added", None, "通知周边企业"),
        ("/response_levels/1/commander", "added", None, "副总指挥"),
    ]


def test_identical_documents_have_no_diff() -> None:
    doc = chemical_plan().model_dump(mode="json")
    assert diff_documents(doc, doc) == []
