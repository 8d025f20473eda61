"""A reviewer's refused value is quoted in the message, but a pasted page is not: the message
quoted all 3,000 characters of a paragraph pasted into the issue date or a phone cell."""

from __future__ import annotations

import pytest

from core.errors import ValidationError
from plans.review_values import check_edited_values


@pytest.mark.parametrize("pointer", ["/issued_at", "/contacts/0/phone"])
def test_a_pasted_paragraph_is_quoted_clipped(pointer: str) -> None:
    pasted = "本预案由江阴市某某街道办事处负责解释" * 150
    with pytest.raises(ValidationError) as refused:
        check_edited_values([(pointer, pasted)])

    message = refused.value.message
    assert len(message) < 150 and "本预案由江阴市某某街道办事处负责解释"[:10] in message and "…" in message


def test_a_short_wrong_value_is_quoted_whole() -> None:
    with pytest.raises(ValidationError) as refused:
        check_edited_values([("/issued_at", "2025-13-45")])
    assert "“2025-13-45”不是有效日期" in refused.value.message
