"""Chat defects chatfix3 left (chatfix4), each tested on wording that is not in the eval set: a list cut at
the listing limit states its true total and that only the first rows are listed, and 谁家 / 哪家 with a
ranking asks for firms, not for the per-town counts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.coverage import ENTERPRISE_NOUN
from agents.chat.timewords import CST
from core.scope import DataScope, Principal
from graph.list_totals import total_rows
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)  # a Thursday
CITY = Principal(user_id="t", scope=DataScope())


class _Recorder:
    """A store that records the query it is asked and answers one count."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, dict[str, object]]] = []

    def read(self, cypher: str, params: dict[str, object]) -> list[dict[str, object]]:
        self.asked.append((cypher, params))
        return [{"n": 1234}]


def test_the_total_drops_only_the_trailing_cut() -> None:
    store = _Recorder()
    query = "MATCH (e:Enterprise) WHERE e.town = $town RETURN e.id AS id ORDER BY e.name LIMIT $limit"
    assert total_rows(store, query, {"town": "周庄镇", "limit": 500}) == 1234  # type: ignore[arg-type]
    counted, params = store.asked[0]
    assert "LIMIT" not in counted and "count(*)" in counted and "e.town = $town" in counted
    assert params["town"] == "周庄镇"  # scoped like the list
    assert total_rows(store, "MATCH (e:Enterprise) RETURN count(e) AS n", {}) is None  # type: ignore[arg-type]


def test_shui_jia_names_a_firm() -> None:
    assert ENTERPRISE_NOUN.search("谁家报警最多")
    assert not ENTERPRISE_NOUN.search("哪个镇报警最多")


# ---- through the chat service on the demo city ----------------------------------------------------------


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="chatfix4-") as chat:
        yield chat


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("全市风险点清单给我看看", "处"),
        ("全市的企业都列一下", "家"),
        ("今年全市做过的执法检查都有哪些", "次"),
    ],
)
def test_a_list_past_the_limit_states_its_true_total(service, question: str, unit: str) -> None:  # type: ignore[no-untyped-def]
    got = service.ask(question, CITY)
    assert len(got.rows) == 500  # the listing limit
    total = int(got.answer.split("共查到 ")[1].split(" ")[0])
    assert total > 500
    assert f"列出前 500 {unit}" in got.answer


def test_a_list_within_the_limit_says_no_cut(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("申港的风险点都有哪些", CITY)
    assert 0 < len(got.rows) < 500
    head = got.answer.splitlines()[0]
    assert head.startswith(f"共查到 {len(got.rows)} ") and "列出前" not in head


def test_shui_jia_with_most_ranks_firms_of_the_town(service) -> None:  # type: ignore[no-untyped-def]
    for question in ("璜土谁家没整改的隐患最多", "华士镇哪家的隐患最多"):
        got = service.ask(question, CITY)
        assert got.path == "aggregate" and got.rows, question
        assert all(r.get("enterprise_id") for r in got.rows), question  # firms, not towns
        assert "企业" in got.answer


def test_a_number_the_user_said_is_no_cut(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("全市最近的一次执法检查是哪天", CITY)
    assert len(got.rows) == 1
    assert "列出前" not in got.answer
