"""Checks on values a reviewer types that the plan model cannot make (it keeps what importers
extract, which may be partial): an edited issue date must be a real ISO date, an edited phone
must hold a digit. Without them an issue date of 2025-13-45 and a phone of "待补充" were saved
as verified facts and reached the graph and the contact lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from core.errors import ValidationError
from plans.issue_dates import issue_date_problem

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PHONE = re.compile(r"^/contacts/\d+/phone$")


def check_edited_values(edits: Iterable[tuple[str, Any]]) -> None:
    """``edits``: (JSON pointer, value) of every leaf an edit sets (the edited field and, for a
    row or list typed by a person, each value inside it)."""
    for pointer, value in edits:
        if pointer == "/issued_at" and value is not None and not _real_date(value):
            raise ValidationError(
                f"修改后的值不符合预案结构：/issued_at：“{_quoted(value)}”不是有效日期，请按 YYYY-MM-DD 填写（如 2025-06-01）",
                code="invalid_field_value",
                details={"errors": [{"field": pointer, "type": "date"}]},
            )
        if pointer == "/issued_at" and isinstance(value, str) and (problem := issue_date_problem(value)):
            raise ValidationError(
                f"修改后的值不符合预案结构：/issued_at：{problem}",
                code="invalid_field_value",
                details={"errors": [{"field": pointer, "type": "date"}]},
            )
        if _PHONE.match(pointer) and isinstance(value, str) and value and not any(c.isdigit() for c in value):
            raise ValidationError(
                f"修改后的值不符合预案结构：{pointer}：电话“{_quoted(value)}”中没有号码，请填写电话号码或留空",
                code="invalid_field_value",
                details={"errors": [{"field": pointer, "type": "phone"}]},
            )


def _quoted(value: Any, limit: int = 30) -> str:
    """The refused value as the message quotes it: whole when short, else its start (a pasted page)."""
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _real_date(value: Any) -> bool:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


__all__ = ["check_edited_values"]
