"""Pydantic and FastAPI value errors reach users in Chinese (probe round 5: a form's file part
without a file name answered "Expected UploadFile, received: <class 'str'>")."""

from __future__ import annotations

from core.validation_messages import field_message


def test_a_file_part_without_a_file_is_explained_in_chinese() -> None:
    error = {
        "type": "value_error",
        "loc": ("body", "file"),
        "msg": "Value error, Expected UploadFile, received: <class 'str'>",
    }
    message = field_message(error)
    assert "请选择要上传的文件" in message and "Expected" not in message


def test_other_value_errors_pass_through_for_their_callers() -> None:
    own = {"type": "value_error", "msg": "Value error, 请提供一句话（sentence）或检索条件（filter）"}
    assert field_message(own) == "请提供一句话（sentence）或检索条件（filter）"
    # api.cli_errors turns Typer's choice error into Chinese from these words
    choice = {"type": "value_error", "msg": "Value error, 'gpt' is not one of 'none', 'auto'"}
    assert field_message(choice) == "'gpt' is not one of 'none', 'auto'"
    assert (
        field_message({"type": "assertion_error", "msg": "Assertion failed, 页码应为正数"}) == "页码应为正数"
    )
