"""The chat eval scores what the user asked (chat-robust18): a count is the number, not a list that
happens to hold it; 多了还是少了 needs both periods' numbers."""

from __future__ import annotations

from evals.chat import answer_ok, execution_ok

ROWS3 = [{"id": "S-1", "level": 3}, {"id": "S-2", "level": 1}, {"id": "S-3", "level": 2}]


def test_a_count_row_with_the_number_passes() -> None:
    assert execution_ok("count", [12], [{"n": 12}], answer="共 12 个。")
    assert not execution_ok("count", [12], [{"n": 11}], answer="共 11 个。")


def test_a_list_passes_a_count_only_when_it_has_that_many_rows_and_says_so() -> None:
    assert execution_ok("count", [3], ROWS3, answer="共查到 3 个：…")
    assert not execution_ok("count", [3], ROWS3, answer="1. S-1 2. S-2 3. S-3")  # never says how many
    assert not execution_ok("count", [4], ROWS3, answer="共查到 3 个：…")


def test_a_field_of_the_first_row_is_no_count() -> None:
    # one hazard source of level 2 listed, while two were asked about: the old rule matched the level
    assert not execution_ok("count", [2], [{"id": "S-9", "level": 2}], answer="共查到 1 个：S-9（2级）")
    assert not execution_ok("count", [3], ROWS3[:1] * 2, answer="共查到 2 个")


def test_zero_is_no_rows_said_as_nothing() -> None:
    assert execution_ok("count", [0], [], answer="没有查到符合条件的记录。")
    assert execution_ok("count", [0], [{"n": 0}], answer="共 0 条。")
    assert not execution_ok("count", [0], [], answer="请说明要查询的内容。")


def test_more_or_fewer_needs_both_periods() -> None:
    assert execution_ok("versus", [7, 9], [{"this_period": 7, "earlier": 9, "change": -2}])
    assert execution_ok("versus", [7, 9], [{"period": "本周", "n": 7}, {"period": "上周", "n": 9}])
    assert not execution_ok("versus", [7, 9], [{"n": 9}])  # only the earlier period
    assert not execution_ok("versus", [7, 9], [{"n": 7}, {"n": 1}, {"n": 9}])  # a list, not a comparison
    assert answer_ok("versus", [7, 9], "本周 7 起，上周 9 起，少了 2 起。")
    assert not answer_ok("versus", [7, 9], "上周 9 起。")
