"""Turns asked at once in one conversation keep distinct sequence numbers (third product probe: four
follow-ups sent together were stored as turns 2, 2, 3, 3, so the conversation's order was lost)."""

from __future__ import annotations

import threading

from agents.chat.conversations import ConversationStore
from agents.chat.models import TurnState
from core.ports import GraphStore


def test_turns_written_at_once_with_one_stale_sequence_number_are_numbered_in_turn(
    falkor_store: GraphStore,
) -> None:
    store = ConversationStore(falkor_store, lambda: 1_700_000_000_000)
    cid = store.create("officer-1", "华士镇有哪些企业？")
    store.add_turn(
        "officer-1",
        cid,
        seq=1,
        question="华士镇有哪些企业？",
        answer="…",
        intent=None,
        path="template",
        state=TurnState(),
    )
    # Each request read "last turn = 1" before answering, so each asks to be turn 2.
    threads = [
        threading.Thread(
            target=store.add_turn,
            args=("officer-1", cid),
            kwargs={
                "seq": 2,
                "question": f"追问{i}",
                "answer": "…",
                "intent": None,
                "path": "template",
                "state": TurnState(),
            },
        )
        for i in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    turns = store.get("officer-1", cid).items
    assert [t.seq for t in turns] == [1, 2, 3, 4, 5]
    assert store.last_state("officer-1", cid)[0] == 5
