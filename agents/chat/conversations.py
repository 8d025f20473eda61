"""Per-user chat history in the graph (Cypher in ``graph.conversations``)."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable, Sequence

from agents.chat.models import Citation, ConversationDetail, ConversationSummary, TurnState, TurnView
from core.errors import NotFoundError
from core.ports import GraphStore
from core.text_input import shown_controls
from graph import conversations as q

TITLE_CHARS = 40


class ConversationStore:
    def __init__(self, store: GraphStore, clock: Callable[[], int]) -> None:
        self.store = store
        self.clock = clock
        # The asker's ``seq`` was read before the (slow) answer; turns of one conversation asked at
        # once all took the same number. The number is settled and written under one lock (one
        # process serves a graph's chat).
        self._turn_lock = threading.Lock()

    def create(self, user_id: str, title: str) -> str:
        cid = uuid.uuid4().hex
        self.store.write(
            q.CREATE_CONVERSATION,
            {"id": cid, "user_id": user_id, "title": title[:TITLE_CHARS], "now": self.clock()},
        )
        return cid

    def _summary(self, user_id: str, conversation_id: str) -> ConversationSummary:
        rows = self.store.read(q.CONVERSATION, {"conversation_id": conversation_id, "user_id": user_id})
        if not rows:
            raise NotFoundError("未找到该会话（或不属于当前用户）", code="conversation_not_found")
        return ConversationSummary(**_shown_title(rows[0]))

    def exists(self, user_id: str, conversation_id: str) -> bool:
        return bool(self.store.read(q.CONVERSATION, {"conversation_id": conversation_id, "user_id": user_id}))

    def last_state(self, user_id: str, conversation_id: str) -> tuple[int, TurnState | None]:
        """(sequence number of the last turn, its follow-up state); (0, None) for a new conversation."""
        rows = self.store.read(q.LAST_TURN_STATE, {"conversation_id": conversation_id, "user_id": user_id})
        if not rows:
            return 0, None
        return int(rows[0]["seq"]), TurnState.model_validate_json(rows[0]["state"] or "{}")

    def add_turn(
        self,
        user_id: str,
        conversation_id: str,
        *,
        seq: int,
        question: str,
        answer: str,
        intent: str | None,
        path: str,
        state: TurnState,
        citations: Sequence[Citation] = (),
    ) -> str:
        tid = uuid.uuid4().hex
        with self._turn_lock:
            latest, _ = self.last_state(user_id, conversation_id)
            self.store.write(
                q.ADD_TURN,
                {
                    "conversation_id": conversation_id,
                    "user_id": user_id,
                    "id": tid,
                    "seq": max(seq, latest + 1),
                    "question": question,
                    "answer": answer,
                    "intent": intent or "",
                    "path": path,
                    "state": state.model_dump_json(),
                    "citations": _citations_json(citations),
                    "now": self.clock(),
                },
            )
        return tid

    def list(self, user_id: str, limit: int = 50, offset: int = 0) -> list[ConversationSummary]:
        """Newest first; ``offset`` skips that many (the next page starts at the count shown)."""
        params = {"user_id": user_id, "limit": max(1, limit), "offset": max(0, offset)}
        rows = self.store.read(q.LIST_CONVERSATIONS, params)
        return [ConversationSummary(**_shown_title(r)) for r in rows]

    def get(self, user_id: str, conversation_id: str) -> ConversationDetail:
        summary = self._summary(user_id, conversation_id)
        rows = self.store.read(q.TURNS, {"conversation_id": conversation_id, "user_id": user_id})
        items = [
            TurnView(
                **{k: v for k, v in r.items() if k not in ("state", "citations", "intent", "question")},
                question=shown_controls(str(r["question"] or "")),
                intent=r["intent"] or None,
                citations=_citations_of(r.get("citations")),
            )
            for r in rows
        ]
        return ConversationDetail(**summary.model_dump(), items=items)

    def delete(self, user_id: str, conversation_id: str) -> None:
        self._summary(user_id, conversation_id)  # NotFound for another user's id, too
        params = {"conversation_id": conversation_id, "user_id": user_id}
        self.store.write(q.DELETE_TURNS, params)
        self.store.write(q.DELETE_CONVERSATION, params)


def _shown_title(row: dict[str, object]) -> dict[str, object]:
    """A title stored before control characters were refused, shown with them visible."""
    return {**row, "title": shown_controls(str(row.get("title") or ""))}


def _citations_json(citations: Sequence[Citation]) -> str:
    return json.dumps([c.model_dump() for c in citations], ensure_ascii=False, default=str)


def _citations_of(stored: str | None) -> list[Citation]:
    """A turn's stored citations; turns stored before citations were kept have none."""
    if not stored:
        return []
    return [Citation.model_validate(c) for c in json.loads(stored)]


def dump_slots(slots: dict[str, object]) -> str:
    return json.dumps(slots, ensure_ascii=False, default=list)
