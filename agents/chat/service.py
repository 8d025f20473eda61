"""``ChatService``: a Chinese question → a cited answer, template first.

    question ─ checks ─ slots (rules) ─ follow-up merge ─ route (rules → LLM) ─┬─ template  → rows → answer
                                                                                └─ text-to-Cypher → rows → answer
The template path needs no LLM; the LLM, text-to-Cypher and plan search are injected (``None`` = unavailable).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from agents.chat import aggregate_run, composed_followup, compound_run, places, plan_followup, records, versus
from agents.chat import answer as synth
from agents.chat.conversations import ConversationStore
from agents.chat.coverage import declined_answer, only_enterprises_asked, uncovered
from agents.chat.credit_codes import UNFOUND_CODE, named_by_code
from agents.chat.declined_turn import after_declined, check_question, declined, own_place_anchor
from agents.chat.derived_run import asker as derived
from agents.chat.examples import chat_examples
from agents.chat.execute import TemplateRun, remembered_slots, run_template
from agents.chat.firms_behind import firms_asked
from agents.chat.followup import (
    ELLIPTIC,
    bare_levels,
    carried_enterprise,
    continues,
    follow_form,
    landlord_decision,
    landlord_said,
    list_form,
    nothing_to_refer_to,
    referred_ids,
    refers_to_rows,
    same_device,
)
from agents.chat.idle_turn import idle_reply
from agents.chat.llm_router import llm_route
from agents.chat.models import MAX_CITED_ROWS, ChatAnswer, Citation, TurnState
from agents.chat.ownscope import own_scope, place_of
from agents.chat.penalty_amounts import absorb as absorb_amount_bound
from agents.chat.plan_passages import PlanPassageSearch, plan_passages, quote, quoted, wants_quote
from agents.chat.plan_passages import citations as passage_citations
from agents.chat.ranking_cut import restate as restated_cut
from agents.chat.registration import guarded as applied_or_declined
from agents.chat.resolve import (
    FuzzyEnterpriseSearch,
    ResolvedEnterprise,
    ResolvedLessor,
    lessor_in,
    resolve_enterprise,
    unfound_name,
)
from agents.chat.router import CONFIDENT, THRESHOLD, family, plan_question, route
from agents.chat.sameperiod import same_period
from agents.chat.scope_notice import narrower_scope_notice
from agents.chat.shifted_period import moved_back
from agents.chat.slots import MAX_QUESTION_CHARS, Gazetteer, Slots, extract_slots, normalise_question
from agents.chat.sole_firm import sole_firm
from agents.chat.threshold_check import asker as total_bound
from agents.chat.timewords import TimeParser, time_window
from agents.chat.town_pair import asker as both_towns
from agents.chat.villages import narrow, not_found
from agents.llm.prompts import PromptLibrary, complete_prompt
from core.errors import LLMError, NotFoundError, SafeCloudError
from core.ports import ChatModel, GraphStore
from core.scope import DataScope, Principal
from core.text_input import refuse_control_characters
from graph import queries as gq
from graph.intents import BY_ID
from graph.repository import SafetyGraphRepository

log = logging.getLogger(__name__)
_SCHEDULED = ("duty_now", "special_operations")  # planned ahead: "周六" is the coming Saturday
COVERED = "可查企业、隐患、重大危险源、检查处罚、监测告警、特殊作业、值班、救援资源和预案"  # said when nothing fits: weather or revenue is beyond the graph  # fmt: skip


class CypherAnswerer(Protocol):
    """``agents.cypher.answer_with_cypher`` (built by the text-to-Cypher work)."""

    def __call__(
        self, question: str, *, scope: Any, chat_model: ChatModel, store: GraphStore, context: str = ""
    ) -> Any: ...


@dataclass
class ChatService:
    store: GraphStore
    repository: SafetyGraphRepository
    conversations: ConversationStore
    clock: Callable[[], int]
    search: FuzzyEnterpriseSearch | None = None
    chat_model: ChatModel | None = None
    cypher_answerer: CypherAnswerer | None = None
    time_parser: TimeParser | None = None
    plan_search: PlanPassageSearch | None = None
    phrase_with_llm: bool = False
    use_rules: bool = True  # False only in evals: measures the LLM router alone
    prompts: PromptLibrary = field(default_factory=PromptLibrary)
    _gazetteer: Gazetteer | None = None

    # ---- public ----------------------------------------------------------------------------
    def ask(
        self, question: str, principal: Principal, *, conversation_id: str | None = None, use_llm: bool = True
    ) -> ChatAnswer:
        started = time.perf_counter()
        # Before the answer and its LLM call: controls were stored, or refused late (core.text_input)
        refuse_control_characters(question, field="问题", param="question")
        seq, previous = 0, None
        if conversation_id:
            if not self.conversations.exists(principal.user_id, conversation_id):
                raise NotFoundError("未找到该会话（或不属于当前用户）", code="conversation_not_found")
            seq, previous = self.conversations.last_state(principal.user_id, conversation_id)
        if (chat := idle_reply(question, principal.scope, previous, self.gazetteer())) is not None:
            result, state = ChatAnswer(answer=chat, path="clarify"), previous
        else:  # a refused or not-understood turn is no anchor: the question is read afresh
            after_refusal = previous is not None and previous.declined
            previous = own_place_anchor(previous, question, principal.scope) if after_refusal else previous
            asked = firms_asked(moved_back(normalise_question(question), previous), previous)
            restated = composed_followup.restate(asked, previous, self.gazetteer()) or restated_cut(asked, previous)  # fmt: skip
            text = restated or plan_followup.restate(asked, previous, self.gazetteer()) or asked  # "那一级响应谁指挥"  # fmt: skip
            ask = both_towns(applied_or_declined(self._answer, self.clock), self.gazetteer)  # "法人姓王": applied or declined  # fmt: skip
            ask = derived(total_bound(ask), self.gazetteer, self)  # 超过10条了吗; 占比, 增长率, 分组 (ADR 0018)  # fmt: skip
            result, state = versus.answer(ask, text, principal, previous, use_llm, asked)
            result.answer = composed_followup.echo(asked, text) + result.answer
            result = after_declined(text, result, principal.scope) if after_refusal else result
            state = state or declined(result, state, text, previous)
        result.latency_ms = round((time.perf_counter() - started) * 1000, 1)
        result.notice += narrower_scope_notice(question, principal.scope, result.path)
        if (result.path != "refusal" and chat is None) or conversation_id:  # no new conversation for "谢谢"
            cid = conversation_id or self.conversations.create(principal.user_id,
                                                               normalise_question(question) or "对话")  # fmt: skip
            result.conversation_id = cid
            result.turn_id = self.conversations.add_turn(
                principal.user_id, cid, seq=seq + 1, question=question[:MAX_QUESTION_CHARS], answer=result.answer,
                intent=result.intent, path=result.path, state=state or previous or TurnState(),
                citations=result.citations,
            )  # fmt: skip
        return result

    @staticmethod
    def events(result: ChatAnswer) -> Iterator[tuple[str, dict[str, Any]]]:
        """SSE events for an answer: ``meta`` (intent, path, query), ``token`` chunks, ``citations``, ``done``."""
        yield "meta", {"intent": result.intent, "path": result.path, "query": result.query,
                       "conversation_id": result.conversation_id, "slots": result.slots}  # fmt: skip
        for i in range(0, len(result.answer), 16):
            yield "token", {"text": result.answer[i : i + 16]}
        yield "citations", {"citations": [c.model_dump() for c in result.citations]}
        yield "done", {"answer": result.answer, "latency_ms": result.latency_ms, "turn_id": result.turn_id,
                       "columns": result.columns, "row_count": len(result.rows), "notice": result.notice}  # fmt: skip

    # ---- pipeline --------------------------------------------------------------------------
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = places.gazetteer_with_villages(self.store)
        return self._gazetteer

    def _answer(
        self, text: str, principal: Principal, previous: TurnState | None, use_llm: bool
    ) -> tuple[ChatAnswer, TurnState | None]:
        refusal = check_question(text, principal.scope)
        if refusal:
            return ChatAnswer(answer=refusal, path="refusal"), None
        scope = principal.scope
        own = own_scope(text, scope)  # "本镇", "我们公司": the caller's own town or enterprise
        named = named_by_code(own.text, scope, self.repository)  # "9132…的法人是谁": the firm's name
        if named.unfound:  # dropped, the question was answered for the whole scope as if for that firm
            return ChatAnswer(answer=UNFOUND_CODE.format(code=named.unfound), path="refusal"), None
        text = named.text
        slots = narrow(text, extract_slots(text, self.gazetteer()), self.gazetteer())
        slots.town = place_of(own, slots.town, slots.town_mention)
        if (unknown := slots.unknown_town or places.unknown_place(text, slots)) and not slots.town:
            return ChatAnswer(answer=not_found(unknown, self.gazetteer()), path="refusal"), None
        if slots.town and not scope.allows_town(slots.town):
            return ChatAnswer(
                answer=f"无权查看“{slots.town}”的数据（超出您的数据范围）。", path="refusal"
            ), None
        enterprise: ResolvedEnterprise | None = None
        if slots.enterprise_mention:  # a town said with it picks the firm there ("新桥那个特种气体厂")
            enterprise = resolve_enterprise(slots.enterprise_mention, scope, self.repository, self.search,
                                            fuzzy=slots.enterprise_mention_strong, town=slots.town)  # fmt: skip
        enterprise = enterprise or sole_firm(text, slots, scope, self.repository)  # "新桥那个加油站": its only one  # fmt: skip
        lessor = self._lessor(text, scope) if enterprise is None and landlord_said(text, previous) else None  # a person or collective landlord: "夏丽洁名下有几家承租企业"  # fmt: skip
        unresolved = enterprise is None and lessor is None and not plan_question(text)  # a plan's firm: no node?  # fmt: skip
        if unresolved and unfound_name(slots, scope, self.repository, self.search):
            return ChatAnswer(answer=f"没有找到名为“{slots.enterprise_mention}”的企业（或不在您的数据范围内）。",
                              path="refusal"), None  # fmt: skip
        refers_back = previous is not None and refers_to_rows(text, previous)
        enterprise_ids = [own.enterprise_id] if own.enterprise_id and enterprise is None else None
        if lessor is not None:
            enterprise_ids = [lessor.id]
        if enterprise is None and enterprise_ids is None and refers_back and previous is not None:
            if (nothing := nothing_to_refer_to(text, listed := self._listed(previous, scope))) is not None:
                return ChatAnswer(answer=nothing, path="clarify"), None
            enterprise_ids = referred_ids(text, listed)
        decision = route(text, slots, has_enterprise=enterprise is not None or bool(enterprise_ids))
        decision = landlord_decision(decision, lessor, text, previous)
        if previous is not None:  # "离线的呢" after "本镇摄像头有多少个"
            decision = replace(decision, intent=same_device(text, previous.intent, decision.intent))
        if (
            enterprise is None
            and not enterprise_ids
            and (carried := carried_enterprise(text, slots, previous))
        ):
            about_it = route(text, slots, has_enterprise=True)  # "被罚过吗" after "嘉汇化学的法人是谁"
            if about_it.intent is not None and about_it.confidence >= CONFIDENT:
                decision, enterprise_ids = about_it, [carried]
        intent_id = decision.intent if decision.confidence >= THRESHOLD and self.use_rules else None
        merged = records.slot_values(text, _slot_values(slots), previous.slots if previous else None)
        implied = own.enterprise_id is not None and enterprise is None
        if implied and decision.confidence < CONFIDENT:
            intent_id = (
                None  # a guess from an implied enterprise ("都列出来" by an enterprise user) is no rule
            )
        if (
            previous is not None
            and previous.intent
            and (
                (intent_id is None and (refers_back or ELLIPTIC.search(text) is not None or len(text) <= 8))
                or (refers_back and family(intent_id) == family(previous.intent) and family(intent_id))
                or continues(
                    text, previous.intent, intent_id, moved=slots.town is not None or enterprise is not None
                )
            )
        ):  # "华士镇呢？", "那其中重大隐患呢？", "都检查了哪些企业": the previous question, new conditions
            intent_id = follow_form(text, previous.intent, intent_id)  # "都列出来", "各镇呢"
            # a new town or enterprise replaces the old place and the old result-set restriction
            moved = slots.town is not None or enterprise is not None
            dropped = {"town", "village", "enterprise_id", "enterprise_ids"} if moved else set()
            if intent_id != previous.intent and BY_ID[intent_id].key_kind == "town":
                dropped |= {"town"}  # "临港有几家加油站" → "各镇呢": every town; "按类型统计" keeps it
            base = {k: v for k, v in previous.slots.items() if k not in dropped}
            merged = base | bare_levels(text, intent_id) | merged
        if intent_id is None and implied and decision.confidence >= THRESHOLD and self.use_rules:
            intent_id = decision.intent  # no conversation to follow: the guess stands
        path = "template"
        notice = ""
        if intent_id is None and use_llm and self.chat_model is not None:
            try:
                chosen = llm_route(
                    self.chat_model, text, previous.question if previous else "", prompts=self.prompts
                )
                if chosen.intent != "none":
                    intent_id, path = chosen.intent, "llm_template"
            except LLMError as exc:
                notice = f"大模型不可用（{exc.message}），仅使用规则匹配。"
        if intent_id is None:  # a ranking or per-town count: grouped from template rows (ADR 0013)
            return (aggregate_run.answer(text, slots, scope, self.store, self.gazetteer(), self.clock(), self.time_parser) if self.use_rules and enterprise is None and not enterprise_ids else None) or self._cypher_or_clarify(text, principal, use_llm, notice)  # fmt: skip
        if enterprise is not None:
            merged["enterprise_id"] = enterprise.id
        elif enterprise_ids:
            if len(enterprise_ids) == 1:
                merged["enterprise_id"] = enterprise_ids[0]
            else:
                merged["enterprise_ids"] = enterprise_ids
        window = time_window(text, self.clock(), self.time_parser, ahead=intent_id in _SCHEDULED)
        window = same_period(text, window, merged, self.clock(), self.time_parser)  # "去年同期呢"
        if window is not None and merged.get("due_within_ms") is None:  # "七天内到期": the deadline's
            merged |= {"from_ms": window.from_ms, "to_ms": window.to_ms, "window_label": window.label}
        intent = BY_ID[intent_id]
        missing = uncovered(
            text, slots, intent_id, towns=len({t for _, t in self.gazetteer().find(_unnamed(text, slots))}),
            restricted=enterprise is not None or bool(merged.get("enterprise_id") or merged.get("enterprise_ids")),
        )  # fmt: skip
        if missing:  # a template for one of the conditions would silently drop the others
            landlord = compound_run.landlord(
                intent_id, lessor.id if lessor else enterprise.id if enterprise else None
            )
            unrestricted = (
                landlord or (enterprise is None and not enterprise_ids)
            ) and intent_id == decision.intent
            composed = compound_run.answer(text, slots, missing, scope, self.store, self.gazetteer(), self.clock(),
                                       self.time_parser, landlord=landlord) or aggregate_run.answer(text, slots, scope,
                                       self.store, self.gazetteer(), self.clock(), self.time_parser) if unrestricted else None  # fmt: skip
            if composed is not None:  # every condition mapped, or grouped from template rows: exact, no LLM
                return composed
        if (missing := absorb_amount_bound(text, intent_id, missing, merged)) and not only_enterprises_asked(missing):  # fmt: skip
            declined = declined_answer(intent_id, missing)
            return self._cypher_or_clarify(text, principal, use_llm, notice, declined)
        merged |= {"_text": text, "_question": text}
        try:
            run = run_template(
                intent, merged, scope, self.store, self.repository, self.clock(), enterprise=enterprise
            )
        except SafeCloudError as exc:
            return ChatAnswer(answer=exc.message, path="refusal", intent=intent.id, notice=notice), None
        result = self._template_answer(text, intent.id, run, enterprise, path, notice, use_llm, scope)
        state = TurnState(
            question=text, intent=intent.id, slots=remembered_slots(merged, run.params),
            result_ids=[str(r.get(intent.key)) for r in run.rows[:500] if r.get(intent.key) is not None],
            result_enterprises=_enterprise_ids(intent.key_kind, run.rows), key_kind=intent.key_kind,
        )  # fmt: skip
        return result, state

    def _lessor(self, text: str, scope: DataScope) -> ResolvedLessor | None:
        places = [mention for mention, _ in self.gazetteer().find(text)]
        return lessor_in(text, self.store.read(gq.LESSOR_NAMES, scope.as_params()), places=places)

    def _listed(self, previous: TurnState, scope: DataScope) -> TurnState:
        """The previous turn with its rows; a count ("有几家") is listed again so "它们" has rows to mean."""
        listing = list_form(previous.intent) if previous.key_kind == "count" else None
        if listing is None:
            return previous
        intent = BY_ID[listing]
        values = previous.slots | {"_question": previous.question, "_text": previous.question}
        run = run_template(intent, values, scope, self.store, self.repository, self.clock())
        return previous.model_copy(
            update={"key_kind": intent.key_kind, "result_enterprises": _enterprise_ids(intent.key_kind, run.rows),
                    "result_ids": [str(r.get(intent.key)) for r in run.rows[:500] if r.get(intent.key) is not None]}
        )  # fmt: skip

    def _template_answer(
        self, text: str, intent_id: str, run: TemplateRun, enterprise: ResolvedEnterprise | None,
        path: str, notice: str, use_llm: bool, scope: DataScope,
    ) -> ChatAnswer:  # fmt: skip
        intent = BY_ID[intent_id]
        answer = synth.templated_answer(intent, run.rows, run.params | {"_question": text},  # "哪些厂": firms said
                                        enterprise_name=enterprise.name if enterprise else None)  # fmt: skip
        citations = [Citation(kind="resource" if intent.cypher is None else "template", ref=intent.id, title=intent.title,
                              query=run.query, params=_jsonable(run.params), columns=list(run.columns),
                              rows=run.rows[:MAX_CITED_ROWS], row_count=len(run.rows))]  # fmt: skip
        passages = plan_passages(self.plan_search, text, scope, intent.id, run.rows)
        citations += passage_citations(passages)
        if intent.id == "plan_for" and passages and wants_quote(text, run.params, run.rows):
            answer = quoted(answer, quote(passages, text))
        result = ChatAnswer(
            answer=answer, path=path, intent=intent.id, query=intent.id, params=_jsonable(run.params),
            columns=list(run.columns), rows=run.rows, citations=citations, notice=notice,
            slots={k: v for k, v in _jsonable(run.params).items() if v is not None and not k.startswith("scope_")},
        )  # fmt: skip
        if self.phrase_with_llm and use_llm and self.chat_model is not None and run.rows:
            self._phrase(text, result)
        return result

    def _phrase(self, text: str, result: ChatAnswer) -> None:
        facts = result.answer + "\n" + "\n".join(str(r) for r in result.rows[:20])
        try:
            reply = complete_prompt(self.chat_model, self.prompts.render("chat_answer", question=text, facts=facts),  # type: ignore[arg-type]
                                    max_tokens=300).text.strip()  # fmt: skip
        except LLMError as exc:
            result.notice = f"大模型不可用（{exc.message}），使用模板回答。"
            return
        bad = synth.unsupported_facts(reply, result.rows, result.answer)
        if reply and not bad:
            result.answer, result.phrased_by_llm = reply, True
        else:
            result.notice = "大模型回答含有查询结果之外的内容，已改用模板回答。"

    def _cypher_or_clarify(
        self, text: str, principal: Principal, use_llm: bool, notice: str, declined: str = ""
    ) -> tuple[ChatAnswer, TurnState | None]:
        """Text-to-Cypher with an LLM; else, or when it fails, ``declined`` (what fixed queries answer) or a hint."""
        if use_llm and self.chat_model is not None and self.cypher_answerer is not None:
            try:
                got = self.cypher_answerer(
                    text, scope=principal.scope, chat_model=self.chat_model, store=self.store
                )
            except SafeCloudError as exc:
                notice = f"{notice}无法自动生成查询：{exc.message}".strip()
            else:
                rows = [dict(r) for r in got.rows]
                cite = Citation(kind="cypher", ref="text2cypher", query=got.query, params=_jsonable(got.params),
                                columns=list(got.columns), rows=rows[:MAX_CITED_ROWS], row_count=len(rows))  # fmt: skip
                return ChatAnswer(
                    answer=synth.generic_rows_answer(got.columns, rows), path="cypher", query=got.query,
                    params=_jsonable(got.params), columns=list(got.columns), rows=rows, citations=[cite], notice=notice,
                ), TurnState(question=text, key_kind="rows")  # fmt: skip
        if declined:
            return ChatAnswer(answer=declined, path="clarify", notice=notice), None
        hint = "；".join(chat_examples(principal.scope)[:3])
        return ChatAnswer(answer=f"抱歉，没能理解您的问题，或系统里没有这方面的数据（{COVERED}）。可以这样问：{hint}。",
                          path="clarify", notice=notice), None  # fmt: skip


def _unnamed(text: str, slots: Slots) -> str:
    """The question without the enterprise name it mentions ("江阴周庄长寿加油站" names no town)."""
    return text.replace(slots.enterprise_mention, " ") if slots.enterprise_mention else text


def _slot_values(slots: Slots) -> dict[str, Any]:
    skip = {"town_mention", "unknown_town", "enterprise_mention", "enterprise_mention_strong"}
    values: dict[str, Any] = {k: v for k, v in slots.filled().items() if k not in skip}
    if slots.category_group is not None:
        values["category_group"] = list(slots.category_group)
    return values


def _enterprise_ids(key_kind: str, rows: list[dict[str, Any]]) -> list[str]:
    column = "id" if key_kind == "enterprise" else "enterprise_id"
    return list(dict.fromkeys(str(r[column]) for r in rows if r.get(column)))[:500]


def _jsonable(params: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in params.items() if not k.startswith("_")}


__all__ = ["ChatService", "CypherAnswerer", "PlanPassageSearch", "check_question"]
