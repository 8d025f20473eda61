"""A bad option value on the command line is refused in Chinese, constraint included: the typed
options are checked by pydantic, whose English sentence used to be shown in brackets
("参数 --page 的值无效（Input should be greater than or equal to 1）")."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from api.cli import app

runner = CliRunner()

CASES = [
    (["events", "search", "火灾", "--page", "0"], "参数 --page 的值无效（应大于或等于 1）"),
    (["events", "search", "火灾", "--size", "5000"], "参数 --size 的值无效（应小于或等于 200）"),
    (["demo", "load", "--scale", "很多"], "参数 --scale 的值无效（应为整数）"),
    (["bus", "prune", "--max-rows", "-3"], "参数 --max-rows 的值无效（应大于或等于 0）"),
    (
        ["plans", "import", "x.docx", "--llm", "gpt"],
        "参数 --llm 的值无效（“gpt”不是可选值，可选：none、auto）",
    ),
]


@pytest.mark.parametrize(("args", "message"), CASES, ids=[" ".join(a[:3]) for a, _ in CASES])
def test_a_bad_option_value_is_refused_in_chinese(args: list[str], message: str) -> None:
    r = runner.invoke(app, args)
    assert r.exit_code == 2
    assert message in r.stderr, r.stderr
    assert not re.search(r"[A-Za-z]{3,} [a-z]{3,}", r.stderr.split("。运行")[0]), (
        r.stderr
    )  # no English sentence
