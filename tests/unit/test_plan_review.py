"""Field review: pointers, the accept/edit/reject state machine, validation of edits."""

from __future__ import annotations

import re

import pytest

from core.errors import ValidationError
from plans.models import Decision
from plans.review import accept_above, apply_decisions, initial_state, leaf_fields, review_fields
from tests.support.sample_plans import chemical_plan


def test_fields_are_non_empty_leaves_outside_sections_and_sources() -> None:
    pointers = dict(leaf_fields(chemical_plan()))
    assert pointers["/response_levels/0/actions/2"] == "请求临港危化救援队增援"
    assert pointers["/org_units/1/roles/0/holder"] == "孙八"
    assert pointers["/resources/1/quantity"] == 20
    assert "/response_levels/1/commander" not in pointers  # None: nothing to review
    assert not any(p.startswith(("/sections", "/sources")) for p in pointers)


def test_each_field_shows_its_own_or_its_rows_source() -> None:
    fields = {f.field: f for f in review_fields(chemical_plan(), {})}
    own = fields["/response_levels/1/trigger"]
    assert (own.source.paragraph, own.confidence, own.source.method) == (8, 0.6, "llm")  # type: ignore[union-attr]
    inherited = fields["/response_levels/0/actions/1"]
    assert (inherited.source.page, inherited.source.paragraph, inherited.confidence) == (3, 7, 0.95)  # type: ignore[union-attr]
    assert fields["/issuing_unit"].source is None and fields["/issuing_unit"].confidence is None
    assert fields["/org_units/0/name"].section == "组织机构及职责"
    assert {f.status for f in fields.values()} == {"pending"}


def test_accept_edit_reject_update_state_and_document() -> None:
    plan = chemical_plan()
    edited, state = apply_decisions(
        plan,
        initial_state(plan),
        [
            Decision(field="/response_levels/0/trigger", action="edit", value="液氨泄漏扩散至厂界外"),
            Decision(field="/org_units/0/roles/2/holder", action="reject"),
            Decision(field="/title", action="accept"),
        ],
    )
    assert edited.response_levels[0].trigger == "液氨泄漏扩散至厂界外"
    assert plan.response_levels[0].trigger == "液氨大量泄漏并扩散至厂外"  # the input is not mutated
    assert state["/response_levels/0/trigger"] == "edited"
    assert state["/org_units/0/roles/2/holder"] == "rejected"
    assert state["/title"] == "accepted" and state["/scope"] == "pending"


@pytest.mark.parametrize(
    ("decision", "code"),
    [
        (Decision(field="/response_levels/0/level", action="edit", value="五级"), "invalid_field_value"),
        (Decision(field="/resources/1/quantity", action="edit", value=-3), "invalid_field_value"),
        (Decision(field="/response_levels/9/trigger", action="accept"), "unknown_field"),
        (Decision(field="/sources/0/confidence", action="edit", value=1.0), "invalid_field"),
        (Decision(field="title", action="accept"), "invalid_field"),
        (Decision(field="/title", action="edit"), "missing_value"),
    ],
)
def test_bad_decisions_are_refused_in_chinese_and_change_nothing(decision: Decision, code: str) -> None:
    plan = chemical_plan()
    state = initial_state(plan)
    with pytest.raises(ValidationError) as err:
        apply_decisions(plan, state, [Decision(field="/title", action="accept"), decision])
    assert err.value.code == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err.value.message)
    assert state["/title"] == "pending"


@pytest.mark.parametrize(
    ("pointer", "value", "explained"),
    [
        ("/title", "", "至少 1 个字符"),
        ("/title", ["预案", "标题"], "应为字符串"),
        ("/resources/1/quantity", "若干", "应为数字"),
        ("/resources/1/quantity", -3, "应大于或等于 0"),
    ],
)
def test_a_refused_edit_is_explained_in_chinese_not_pydantic_english(
    pointer: str, value: object, explained: str
) -> None:
    with pytest.raises(ValidationError) as err:
        apply_decisions(chemical_plan(), {}, [Decision(field=pointer, action="edit", value=value)])
    assert f"{pointer}：{explained}" in err.value.message
    assert not re.search(r"[A-Za-z]{4,}", err.value.message.replace(pointer, "")), err.value.message


@pytest.mark.parametrize(
    ("pointer", "value"),
    [("/scope", "适" * 20_001), ("/response_levels/0/actions", ["疏散周边人员"] * 3_000)],
)
def test_an_edit_far_longer_than_anything_typed_is_refused(pointer: str, value: object) -> None:
    plan = chemical_plan()
    with pytest.raises(ValidationError) as err:
        apply_decisions(plan, initial_state(plan), [Decision(field=pointer, action="edit", value=value)])
    assert err.value.code == "value_too_long" and pointer in err.value.message
    edited, _ = apply_decisions(plan, {}, [Decision(field="/scope", action="edit", value="适" * 5_000)])
    assert len(edited.scope) == 5_000


def test_edit_may_fill_an_empty_field() -> None:
    plan = chemical_plan()
    edited, state = apply_decisions(
        plan,
        initial_state(plan),
        [Decision(field="/response_levels/1/commander", action="edit", value="副总指挥")],
    )
    assert (
        edited.response_levels[1].commander == "副总指挥"
        and state["/response_levels/1/commander"] == "edited"
    )


def test_accept_above_threshold_only_touches_pending_fields_with_enough_confidence() -> None:
    plan = chemical_plan()
    state = initial_state(plan)
    state["/response_levels/0/trigger"] = "rejected"
    new_state, n = accept_above(plan, state, 0.9)
    assert new_state["/response_levels/0/trigger"] == "rejected"  # a decision already made stands
    assert new_state["/response_levels/0/level"] == "accepted"  # 0.95 via its row
    assert new_state["/response_levels/1/level"] == "accepted"  # 0.9
    assert new_state["/response_levels/1/trigger"] == "pending"  # its own source says 0.6
    assert new_state["/org_units/0/name"] == "pending"  # 0.85
    assert new_state["/issuing_unit"] == "pending"  # no source, no confidence
    assert n == sum(1 for k, v in new_state.items() if v == "accepted")


def test_editing_a_whole_list_verifies_every_leaf_typed_by_the_person() -> None:
    plan = chemical_plan().model_copy(update={"response_levels": []})
    levels = [{"level": "三级", "name": "Ⅲ级响应", "trigger": "少量泄漏", "actions": ["关闭阀门", "警戒"]}]
    edited, state = apply_decisions(
        plan, {}, [Decision(field="/response_levels", action="edit", value=levels)]
    )
    assert edited.response_levels[0].actions == ["关闭阀门", "警戒"]
    assert {k: v for k, v in state.items() if k.startswith("/response_levels/")} == {
        "/response_levels/0/level": "edited",
        "/response_levels/0/name": "edited",
        "/response_levels/0/trigger": "edited",
        "/response_levels/0/actions/0": "edited",
        "/response_levels/0/actions/1": "edited",
    }
