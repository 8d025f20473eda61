"""Review edits of dates and phone numbers must be values a person can use (third product probe: an
issue date edited to 2025-13-45 and a contact phone edited to letters were saved as verified)."""

from __future__ import annotations

import pytest

from core.errors import ValidationError
from core.plan_document import Contact, EmergencyPlan
from plans.models import Decision
from plans.review import apply_decisions, initial_state
from tests.support.sample_plans import chemical_plan


def _plan() -> tuple[EmergencyPlan, dict[str, str]]:
    plan = chemical_plan().model_copy(
        update={"contacts": [Contact(name="值班室", role="24小时值班", phone="0510-86881234")]}
    )
    return plan, dict(initial_state(plan))


@pytest.mark.parametrize("value", ["2025-02-30", "2025-13-01", "二〇二五年六月", "2025/06/01", "明天"])
def test_an_impossible_or_non_iso_issue_date_is_refused(value: str) -> None:
    plan, state = _plan()
    with pytest.raises(ValidationError) as exc:
        apply_decisions(plan, state, [Decision(field="/issued_at", action="edit", value=value)])
    assert exc.value.code == "invalid_field_value"
    assert value in exc.value.message and "YYYY-MM-DD" in exc.value.message


def test_a_real_issue_date_is_kept() -> None:
    plan, state = _plan()
    edited, new_state = apply_decisions(
        plan, state, [Decision(field="/issued_at", action="edit", value="2024-02-29")]
    )
    assert edited.issued_at == "2024-02-29" and new_state["/issued_at"] == "edited"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("/contacts/0/phone", "待补充"),
        ("/contacts/0", {"name": "值班室", "phone": "see roster"}),
        ("/contacts", [{"name": "值班室", "phone": "——"}]),
    ],
)
def test_a_phone_without_a_single_digit_is_refused(field: str, value: object) -> None:
    plan, state = _plan()
    with pytest.raises(ValidationError) as exc:
        apply_decisions(plan, state, [Decision(field=field, action="edit", value=value)])
    assert exc.value.code == "invalid_field_value" and "电话" in exc.value.message


@pytest.mark.parametrize("phone", ["13961600000", "0510-86881234 转 8001", "内线 8001", ""])
def test_phones_as_plans_write_them_are_kept(phone: str) -> None:
    plan, state = _plan()
    edited, _ = apply_decisions(
        plan, state, [Decision(field="/contacts/0/phone", action="edit", value=phone)]
    )
    assert edited.contacts[0].phone == phone
