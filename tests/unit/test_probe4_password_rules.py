"""Probe round 4: a password typed with a Chinese input method in 全角 mode ("ＨｕａＳｈｉ２０２６")
has letters and digits, but not the ASCII ones the policy counts; the refusal now says why."""

from __future__ import annotations

import pytest

from core.auth import password_problem


@pytest.mark.parametrize(
    "password",
    ["ｙｕｅｃｈｅｎｇ２０２６", "yuecheng２０２６ab", "２０２６１１２７ｘｑ", "ＺＨＵＴＡＮＧzhutang"],
)
def test_full_width_letters_or_digits_are_named_in_the_refusal(password: str) -> None:
    problem = password_problem(password)
    assert problem is not None and "全角" in problem and "半角" in problem


@pytest.mark.parametrize("password", ["xinqiaozhenanjian", "20261127112233", "新桥镇安监办新桥镇安监办"])
def test_a_password_without_full_width_characters_keeps_the_plain_reason(password: str) -> None:
    assert password_problem(password) == "密码须同时包含字母和数字"


def test_full_width_characters_beside_ascii_letters_and_digits_pass() -> None:
    assert password_problem("Yuecheng2026（镇）") is None
