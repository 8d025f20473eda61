"""Duty-officer chat over a real embedded FalkorDB loaded with the hand-made fixture city."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from agents.chat.conversations import ConversationStore
from agents.chat.execute import bind
from agents.chat.service import ChatService
from agents.llm.errors import LLMUnavailableError
from agents.llm.fake_chat_model import FakeChatModel
from api.app import create_app
from api.bootstrap import Container, build_chat
from api.settings import Settings
from core.ai import ChatMessage
from core.models.enterprise import LeaseAgreement, Lessor
from core.scope import DataScope, Principal, ScopeLevel
from graph.falkor_graph_store import FalkorGraphStore
from graph.intents import INTENTS, Intent
from graph.loader import GraphLoader
from graph.migrations import migrate
from graph.repository import SafetyGraphRepository
from tests.support.fixture_city import NOW, A, B, C, entities

CITY = Principal(user_id="u-city", scope=DataScope())
HUASHI = Principal(user_id="u-huashi", scope=DataScope(level=ScopeLevel.TOWN, town="华士镇"))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorGraphStore]:
    s = FalkorGraphStore(tmp_path_factory.mktemp("chat") / "graph")
    s.connect()
    migrate(s)
    GraphLoader(s).load(entities())
    yield s
    s.close()


def service(store: FalkorGraphStore, **kw: Any) -> ChatService:
    return ChatService(
        store=store,
        repository=SafetyGraphRepository(store),
        conversations=ConversationStore(store, lambda: NOW),
        clock=lambda: NOW,
        **kw,
    )


def down(_: list[ChatMessage]) -> str:
    raise LLMUnavailableError("大模型服务不可用")


def test_template_path_answers_with_citations_and_the_llm_down(store: FalkorGraphStore) -> None:
    chat = service(store, chat_model=FakeChatModel(down))
    r = chat.ask("逾期未整改的重大隐患有哪些？", CITY)
    assert (r.path, r.intent) == ("template", "overdue_hazards")
    assert [row["id"] for row in r.rows] == ["H-1"]
    assert "江阴市澄星化工有限公司" in r.answer and "液氨储罐区可燃气体报警器失效" in r.answer
    cite = r.citations[0]
    assert cite.kind == "template" and cite.ref == "overdue_hazards" and "$scope_town" in cite.query
    assert cite.rows[0]["id"] == "H-1" and cite.row_count == 1


def test_counts_and_empty_results_are_stated_plainly(store: FalkorGraphStore) -> None:
    chat = service(store)
    r = chat.ask("临港有多少家企业？", CITY)
    assert r.intent == "enterprise_count" and r.rows == [{"n": 2}] and "2" in r.answer
    r = chat.ask("华士镇有哪些一级重大危险源？", CITY)
    assert r.rows == [] and r.answer.startswith("没有查到")


def test_duty_officer_and_nearest_resources(store: FalkorGraphStore) -> None:
    chat = service(store)
    r = chat.ask("现在谁值班？", CITY)
    assert r.intent == "duty_now" and [x["name"] for x in r.rows] == ["赵六"]
    r = chat.ask("离澄星化工最近的危化救援队", CITY)
    assert r.intent == "nearest_resources" and r.rows[0]["name"] == "临港危化救援队"
    assert all(row["detail"].startswith("危化") for row in r.rows)


def test_an_enterprise_user_gets_resources_near_its_own_site(store: FalkorGraphStore) -> None:
    own = Principal(user_id="u-ent", scope=DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id=C))
    r = service(store).ask("离我们最近的消防队", own)
    assert r.intent == "nearest_resources" and r.rows[0]["name"] == "华士镇专职消防队"
    r = service(store).ask("有哪些企业", own)
    assert [row["id"] for row in r.rows] == [C]


def test_town_officer_never_sees_another_town(store: FalkorGraphStore) -> None:
    chat = service(store)
    r = chat.ask("临港有哪些企业？", HUASHI)
    assert r.path == "refusal" and "无权" in r.answer and r.rows == []
    r = chat.ask("有哪些企业？", HUASHI)
    assert [row["id"] for row in r.rows] == [C]
    r = chat.ask("逾期未整改的隐患有哪些", HUASHI)
    assert r.rows == []
    r = chat.ask("江阴市澄星化工有限公司的法人是谁", HUASHI)
    assert r.path == "refusal" and "没有找到" in r.answer and "张三" not in r.answer
    r = chat.ask("最近的告警", HUASHI)
    assert r.rows == []


def test_follow_ups_resolve_against_the_previous_turn(store: FalkorGraphStore) -> None:
    chat = service(store)
    first = chat.ask("逾期未整改的隐患有哪些", CITY)
    cid = first.conversation_id
    assert [row["id"] for row in first.rows] == ["H-1"]
    legal = chat.ask("它的法人是谁", CITY, conversation_id=cid)
    assert legal.intent == "enterprise_profile" and legal.rows[0]["id"] == A and "张三" in legal.answer
    listing = chat.ask("临港有哪些企业", CITY, conversation_id=cid)
    assert {row["id"] for row in listing.rows} == {A, B}
    hazards = chat.ask("那其中未整改的隐患呢？", CITY, conversation_id=cid)
    assert hazards.intent == "hazard_list" and {row["id"] for row in hazards.rows} == {"H-1", "H-3"}
    again = chat.ask("华士镇呢？", CITY, conversation_id=cid)
    assert again.intent == "hazard_list" and again.params["town"] == "华士镇"
    assert again.params["enterprise_ids"] is None  # a new place drops the earlier result-set restriction
    unrelated = chat.ask("化工园区到底有多少人在上班啊", CITY, conversation_id=cid)
    assert unrelated.path == "clarify"  # a new, unplaceable question does not inherit the last intent


def test_conversations_are_per_user(store: FalkorGraphStore) -> None:
    chat = service(store)
    r = chat.ask("现在谁值班", CITY)
    cid = r.conversation_id
    assert cid and cid in {c.id for c in chat.conversations.list(CITY.user_id)}
    assert cid not in {c.id for c in chat.conversations.list(HUASHI.user_id)}
    detail = chat.conversations.get(CITY.user_id, cid)
    assert [t.question for t in detail.items] == ["现在谁值班"]
    with pytest.raises(Exception, match="未找到该会话"):
        chat.ask("华士镇呢", HUASHI, conversation_id=cid)
    with pytest.raises(Exception, match="未找到该会话"):
        chat.conversations.delete(HUASHI.user_id, cid)
    chat.conversations.delete(CITY.user_id, cid)
    assert cid not in {c.id for c in chat.conversations.list(CITY.user_id)}


@pytest.mark.parametrize(
    ("question", "expected"),
    [("", "请输入问题"), ("隐患" * 5000, "问题过长"), ("who is on duty?", "仅支持中文"),
     ("马家镇有哪些企业", "没有找到名为“马家镇”的镇街"), ("江阴市不存在有限公司的电话", "没有找到名为")],
)  # fmt: skip
def test_bad_input_gets_a_clear_chinese_reply(store: FalkorGraphStore, question: str, expected: str) -> None:
    r = service(store, chat_model=FakeChatModel(down)).ask(question, CITY)
    assert r.path == "refusal" and expected in r.answer


def test_gibberish_with_the_llm_down_asks_to_rephrase(store: FalkorGraphStore) -> None:
    r = service(store, chat_model=FakeChatModel(down)).ask("叽里咕噜乌拉拉", CITY)
    assert r.path == "clarify" and "没能理解" in r.answer and "大模型不可用" in r.notice
    r = service(store, chat_model=FakeChatModel(down)).ask("啊啊哦哦嗯嗯", CITY)  # sounds only: no LLM asked
    assert r.path == "clarify" and "没能理解" in r.answer and r.rows == []


def test_a_combined_question_with_the_llm_down_says_which_fixed_queries_answer_the_parts(
    store: FalkorGraphStore,
) -> None:
    def unavailable(*_: Any, **__: Any) -> Any:
        raise LLMUnavailableError("大模型服务不可用")

    chat = service(store, chat_model=FakeChatModel(down), cypher_answerer=unavailable)
    r = chat.ask("罚款在1万到3万之间的企业", CITY)  # a band: no template, no composition
    assert r.path == "clarify" and "数量门槛" in r.answer and "没能理解" not in r.answer
    assert "无法自动生成查询" in r.notice


def test_llm_chooses_from_the_closed_intent_list_when_rules_do_not_fit(store: FalkorGraphStore) -> None:
    model = FakeChatModel(lambda _: json.dumps({"intent": "duty_now", "town": None, "enterprise": None}))
    r = service(store, chat_model=model).ask("今晚找谁汇报", CITY)
    assert (r.path, r.intent) == ("llm_template", "duty_now") and r.rows[0]["name"] == "赵六"


def test_text_to_cypher_fallback_gets_the_principal_scope(store: FalkorGraphStore) -> None:
    seen: dict[str, Any] = {}

    def answer_with_cypher(
        question: str, *, scope: DataScope, chat_model: Any, store: Any, context: str = ""
    ) -> Any:
        seen["scope"] = scope
        return SimpleNamespace(query="MATCH (e:Enterprise) RETURN count(e) AS n LIMIT 1", params={}, columns=["n"],
                               rows=[{"n": 3}], attempts=1)  # fmt: skip

    model = FakeChatModel(lambda _: json.dumps({"intent": "none"}))
    r = service(store, chat_model=model, cypher_answerer=answer_with_cypher).ask("叽里咕噜乌拉拉", HUASHI)
    assert r.path == "cypher" and seen["scope"] == HUASHI.scope and "3" in r.answer
    assert r.citations[0].kind == "cypher" and r.citations[0].query.startswith("MATCH")


def test_two_conditions_that_no_one_template_holds_are_not_half_answered(store: FalkorGraphStore) -> None:
    # a threshold the compound planner cannot map either (ADR 0012; composed answers: test_chat_compound.py)
    question = "今年罚款超过1万元、还有重大危险源的企业名单"
    r = service(store).ask(question, CITY)  # no LLM: say so instead of listing every hazard-source holder
    assert (r.path, r.intent, r.rows) == ("clarify", None, []) and "行政处罚" in r.answer
    seen: dict[str, Any] = {}

    def answer_with_cypher(
        question: str, *, scope: DataScope, chat_model: Any, store: Any, context: str = ""
    ) -> Any:
        seen["question"] = question
        return SimpleNamespace(query="MATCH (e:Enterprise) RETURN e.name AS name LIMIT 1", params={},
                               columns=["name"], rows=[{"name": "江阴市澄星化工有限公司"}], attempts=1)  # fmt: skip

    model = FakeChatModel(lambda _: json.dumps({"intent": "none"}))
    r = service(store, chat_model=model, cypher_answerer=answer_with_cypher).ask(question, CITY)
    assert r.path == "cypher" and seen["question"] == question and "澄星化工" in r.answer


def test_llm_phrasing_is_used_only_when_it_sticks_to_the_rows(store: FalkorGraphStore) -> None:
    honest = service(store, chat_model=FakeChatModel(lambda _: "现在的值班员是赵六。"), phrase_with_llm=True)
    r = honest.ask("现在谁值班", CITY)
    assert r.phrased_by_llm and r.answer == "现在的值班员是赵六。"
    liar = service(
        store, chat_model=FakeChatModel(lambda _: "值班员赵六，电话 13912345678。"), phrase_with_llm=True
    )
    r = liar.ask("现在谁值班", CITY)
    assert not r.phrased_by_llm and "13912345678" not in r.answer and "赵六" in r.answer


@pytest.fixture(scope="module")
def client(store: FalkorGraphStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data = tmp_path_factory.mktemp("chat-api")
    settings = Settings(
        data_dir=data, env="test", api={"web_dist": Path(data / "no-dist")}, chat={"use_llm": False}
    )
    container = Container(settings, store, SafetyGraphRepository(store), clock=lambda: NOW)
    container.chat = build_chat(container)
    app = create_app(container=container)
    with TestClient(app) as c:
        yield c


def test_api_streams_meta_tokens_citations_done(client: TestClient) -> None:
    r = client.post("/api/v1/chat", json={"question": "逾期未整改的隐患有哪些"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
    events = [(b.split("\n")[0][7:], json.loads(b.split("\n")[1][6:])) for b in r.text.strip().split("\n\n")]
    names = [n for n, _ in events]
    assert names[0] == "meta" and names[-2:] == ["citations", "done"] and "token" in names
    assert events[0][1]["intent"] == "overdue_hazards"
    assert "".join(d["text"] for n, d in events if n == "token") == events[-1][1]["answer"]


def test_api_json_mode_and_conversations(client: TestClient) -> None:
    body = client.post("/api/v1/chat", json={"question": "现在谁值班", "stream": False}).json()
    assert body["intent"] == "duty_now" and body["rows"][0]["name"] == "赵六"
    cid = body["conversation_id"]
    assert cid in {c["id"] for c in client.get("/api/v1/chat/conversations").json()}
    assert client.get(f"/api/v1/chat/conversations/{cid}").json()["items"][0]["question"] == "现在谁值班"
    other = {"X-SafeCloud-Town": quote("华士镇")}
    assert client.get(f"/api/v1/chat/conversations/{cid}", headers=other).status_code == 404
    assert client.delete(f"/api/v1/chat/conversations/{cid}").status_code == 204
    assert client.get(f"/api/v1/chat/conversations/{cid}").status_code == 404


def test_api_scope_header_limits_answers(client: TestClient) -> None:
    body = client.post(
        "/api/v1/chat",
        json={"question": "有哪些企业", "stream": False},
        headers={"X-SafeCloud-Town": quote("华士镇")},
    ).json()
    assert [row["id"] for row in body["rows"]] == [C]


@pytest.mark.parametrize("intent", [i for i in INTENTS if i.cypher is not None], ids=lambda i: i.id)
def test_every_template_keeps_a_town_officer_in_town(store: FalkorGraphStore, intent: Intent) -> None:
    """Even asked point-blank about a 临港 enterprise, a 华士镇 scope returns nothing of 临港."""
    target = B if intent.id == "lessors_of_enterprise" else A  # B leases from A
    values: dict[str, Any] = {
        "enterprise_id": target,
        "from_ms": NOW - 400 * 86_400_000,
        "to_ms": NOW + 86_400_000,
    }
    params = bind(intent, values, HUASHI.scope, NOW)
    rows = store.read(intent.cypher or "", {k: v for k, v in params.items() if k != "window_label"})
    flat = json.dumps(rows, ensure_ascii=False)
    assert A not in flat and B not in flat and "临港" not in flat, intent.id
    city_params = bind(intent, values, CITY.scope, NOW)
    if intent.id not in (
        "duty_now",
        "materials_low_stock",
        "town_overview",
        "plan_for",
        "camera_count",
        "cameras_offline",
        "lessor_list",
        "risk_points",
        "drill_list",
    ):  # fmt: skip  (no such rows in the fixture)
        # the same question at city scope does reach 临港 data, so the empty answer above is the scope
        city_rows = store.read(
            intent.cypher or "", {k: v for k, v in city_params.items() if k != "window_label"}
        )
        assert city_rows, intent.id


def test_scoped_callers_and_pronouns_after_a_count(store: FalkorGraphStore) -> None:
    chat = service(store)
    count = chat.ask("临港有几家企业", CITY)
    them = chat.ask("它们的法人", CITY, conversation_id=count.conversation_id)
    assert them.intent == "enterprise_profile" and {r["id"] for r in them.rows} == {A, B}
    firm = Principal(user_id="u-firm", scope=DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id=A))
    stock = chat.ask("存了哪些危化品", firm)
    assert stock.intent == "enterprise_chemicals" and [r["id"] for r in stock.rows] == ["CS-1"]
    open_count = chat.ask("我们公司有几条隐患没整改", firm)
    listed = chat.ask("都列出来", firm, conversation_id=open_count.conversation_id)
    assert listed.intent == "hazard_list" and listed.params["enterprise_id"] == A
    duty = chat.ask("我们镇现在谁值班", HUASHI)
    # the town's own roster; the fixture's 华士镇 has no shift, so it says so and gives the city's
    assert duty.intent == "duty_now" and duty.answer.startswith("华士镇") and duty.rows[0]["name"] == "赵六"


def test_a_landlord_who_is_a_person_is_found_in_scope(tmp_path: Path) -> None:
    s = FalkorGraphStore(tmp_path / "graph")
    s.connect()
    migrate(s)
    person = Lessor(id="L-9", name="钱国栋", lessor_type="自然人", grade="红", town="临港经济开发区")
    lease = LeaseAgreement(id="LA-9", lessor_id="L-9", lessee_id=B, area_m2=300.0,
                           lease_start=NOW - 10 * 86_400_000, lease_end=NOW + 10 * 86_400_000)  # fmt: skip
    GraphLoader(s).load([*entities(), person, lease])
    try:
        chat = service(s)
        got = chat.ask("钱国栋的厂房租给了哪几家", CITY)
        assert (got.intent, [r["id"] for r in got.rows]) == ("lessees_of_lessor", [B])
        assert (
            chat.ask("钱国栋向谁租的厂房", CITY).intent == "lessees_of_lessor"
        )  # a person rents from no one
        assert not chat.ask("钱国栋的厂房租给了哪几家", HUASHI).rows  # another town's landlord
    finally:
        s.close()
