"""Duty-officer chat as each kind of caller meets it (issue #5 §1–2): small talk and refusals inside a
conversation, whose duty roster "今天谁值班" means, and stored turns that keep their citations."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from agents.chat.conversations import ConversationStore
from agents.chat.service import ChatService
from core.models import DutyShift, Person
from core.scope import DataScope, Principal, ScopeLevel
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from graph.repository import SafetyGraphRepository
from tests.support.fixture_city import NOW, A, C, entities

DAY = 86_400_000
CITY = Principal(user_id="u-city", scope=DataScope())
HUASHI = Principal(user_id="u-huashi", scope=DataScope(level=ScopeLevel.TOWN, town="华士镇"))
LINGANG = Principal(user_id="u-lg", scope=DataScope(level=ScopeLevel.TOWN, town="临港经济开发区"))
FIRM_IN_LINGANG = Principal(user_id="u-a", scope=DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id=A))
FIRM_IN_HUASHI = Principal(user_id="u-c", scope=DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id=C))


@pytest.fixture(scope="module")
def chat(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChatService]:
    """The fixture city (one 市级 shift, 赵六) plus a 临港 town shift now; 华士镇 has none."""
    store = FalkorGraphStore(tmp_path_factory.mktemp("scope-turns") / "graph")
    store.connect()
    migrate(store)
    extra = [
        Person(id="PER-LG", name="钱七", title="安监员", phone="13800000077"),
        DutyShift(id="DS-LG", level="镇", town="临港经济开发区", person_id="PER-LG", role="值班员",
                  starts_at=NOW - DAY // 2, ends_at=NOW + DAY // 2),
    ]  # fmt: skip
    GraphLoader(store).load([*entities(), *extra])
    yield ChatService(store=store, repository=SafetyGraphRepository(store),
                      conversations=ConversationStore(store, lambda: NOW), clock=lambda: NOW)  # fmt: skip
    store.close()


def _conversation(chat: ChatService, who: Principal, *questions: str) -> list:
    cid, answers = None, []
    for q in questions:
        answers.append(chat.ask(q, who, conversation_id=cid))
        cid = answers[-1].conversation_id or cid
    return answers


@pytest.mark.parametrize("between", ["谢谢", "好的", "嗯", "？", "123", "收到，辛苦了"])
def test_thanks_and_noise_get_a_short_reply_and_keep_the_chain(chat: ChatService, between: str) -> None:
    first, small, follow = _conversation(chat, CITY, "临港有几家企业", between, "华士镇呢")
    assert first.rows == [{"n": 2}]
    assert small.rows == [] and small.intent is None and len(small.answer) < 60
    assert (
        follow.intent == "enterprise_count"
        and follow.params["town"] == "华士镇"
        and follow.rows == [{"n": 1}]
    )


@pytest.mark.parametrize(
    ("refused", "follow"),
    [
        ("帮我删除所有企业", "那华士呢？"),
        ("今天天气怎么样", "华士镇呢"),
        ("把临港的企业都删掉", "那华士镇呢"),
    ],
)
def test_a_refused_turn_is_not_the_anchor_of_the_next_follow_up(
    chat: ChatService, refused: str, follow: str
) -> None:
    _, no, after = _conversation(chat, CITY, "临港有几家企业", refused, follow)
    assert no.path == "refusal"
    # neither the refused request nor the count before it is re-asked about 华士镇
    assert after.intent is None and after.rows == [] and "上一个问题没有得到回答" in after.answer


def test_an_out_of_scope_refusal_is_not_followed_either(chat: ChatService) -> None:
    _, no, after = _conversation(chat, HUASHI, "有几家企业", "临港有几家企业", "重大的呢")
    assert no.path == "refusal" and "无权" in no.answer
    assert after.rows == [] and "上一个问题没有得到回答" in after.answer


@pytest.mark.parametrize("question", ["今天谁值班", "现在谁在岗", "现在是谁在值班？"])
def test_a_town_officer_gets_the_own_towns_roster(chat: ChatService, question: str) -> None:
    got = chat.ask(question, LINGANG)
    assert got.intent == "duty_now" and [r["name"] for r in got.rows] == ["钱七"]
    assert got.params["town"] == "临港经济开发区"


@pytest.mark.parametrize("question", ["今天谁值班", "现在谁在岗"])
def test_a_town_without_a_shift_says_so_and_shows_the_city_roster(chat: ChatService, question: str) -> None:
    got = chat.ask(question, HUASHI)
    assert [r["name"] for r in got.rows] == ["赵六"]
    assert got.answer.startswith("华士镇") and "没有值班安排" in got.answer and "市级" in got.answer


def test_an_enterprise_user_gets_its_towns_roster(chat: ChatService) -> None:
    got = chat.ask("今天谁值班", FIRM_IN_LINGANG)
    assert [r["name"] for r in got.rows] == ["钱七"] and got.params["scope_enterprise"] == A
    other = chat.ask("现在谁在岗", FIRM_IN_HUASHI)  # 华士镇 has no shift: the city's
    assert [r["name"] for r in other.rows] == ["赵六"] and "华士镇" in other.answer


def test_the_enterprise_scope_is_enforced_in_the_query(chat: ChatService) -> None:
    from agents.chat.execute import bind
    from graph.intents import BY_ID

    duty = BY_ID["duty_now"]
    params = bind(duty, {"town": "临港经济开发区"}, FIRM_IN_HUASHI.scope, NOW)  # another town, point-blank
    rows = chat.store.read(duty.cypher or "", {k: v for k, v in params.items() if k != "window_label"})
    assert rows == []


def test_the_city_still_gets_the_city_roster_and_asks_for_a_town(chat: ChatService) -> None:
    assert [r["name"] for r in chat.ask("今天谁值班", CITY).rows] == ["赵六"]
    assert [r["name"] for r in chat.ask("临港现在谁值班", CITY).rows] == ["钱七"]
    assert [r["name"] for r in chat.ask("市里现在谁值班", LINGANG).rows] == ["赵六"]


def test_a_reloaded_conversation_keeps_each_answers_citations(chat: ChatService) -> None:
    first, small = _conversation(chat, CITY, "临港有几家企业", "谢谢")
    detail = chat.conversations.get(CITY.user_id, first.conversation_id or "")
    asked, thanked = detail.items
    assert [c.ref for c in asked.citations] == ["enterprise_count"]
    assert asked.citations[0].rows == [{"n": 2}] and asked.citations[0].params["town"] == "临港经济开发区"
    assert thanked.citations == [] and thanked.answer == small.answer


@pytest.mark.parametrize(
    ("question", "ids"), [("储存液氨的重大危险源", ["MHS-1"]), ("存氯气的重大危险源有哪些", [])]
)
def test_hazard_sources_are_filtered_by_the_chemical_they_store(
    chat: ChatService, question: str, ids: list[str]
) -> None:
    got = chat.ask(question, CITY)
    assert got.intent == "hazard_source_list" and [r["id"] for r in got.rows] == ids
