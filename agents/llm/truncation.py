"""Fit a conversation into the model's context window. Pure: no I/O, no tokenizer download.

Token counts are *estimates*: a CJK character is ≈ 1/1.5 token for Qwen-family tokenizers and other
text ≈ 1/3 token (a conservative rate for code and English), plus a few tokens of chat-template
overhead per message. Over-estimating is deliberate: the server's real count must stay under.

Policy when the prompt does not fit (never raises):

1. keep every system message and the last user message;
2. drop the history between them, oldest first;
3. if still too long, cut the tail of the last user message (marked with ``TRUNCATION_MARK``);
4. if the system messages alone leave the user message less than a quarter of the budget, cut the
   system messages' tails first, then the user message.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from core.ai import ChatMessage

TRUNCATION_MARK = "……（内容过长，已截断）"
MESSAGE_OVERHEAD_TOKENS = 4
CJK_CHARS_PER_TOKEN = 1.5
OTHER_CHARS_PER_TOKEN = 3.0


def _is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF  # CJK unified ideographs
        or 0x3400 <= cp <= 0x4DBF  # extension A
        or 0x3000 <= cp <= 0x303F  # CJK punctuation
        or 0xFF00 <= cp <= 0xFFEF  # full-width forms
        or 0x20000 <= cp <= 0x2FFFF  # extensions B+
    )


def estimate_tokens(text: str) -> int:
    """Estimated token count of ``text`` (see the module docstring for the rates)."""
    cjk = sum(1 for ch in text if _is_cjk(ch))
    other = len(text) - cjk
    return math.ceil(cjk / CJK_CHARS_PER_TOKEN + other / OTHER_CHARS_PER_TOKEN)


def estimate_messages_tokens(messages: Sequence[ChatMessage]) -> int:
    return sum(estimate_tokens(m.content) + MESSAGE_OVERHEAD_TOKENS for m in messages)


@dataclass(frozen=True)
class FitResult:
    messages: list[ChatMessage]
    estimated_tokens: int
    dropped_messages: int = 0
    trimmed: bool = False

    @property
    def changed(self) -> bool:
        return self.dropped_messages > 0 or self.trimmed


def trim_to_tokens(text: str, max_tokens: int) -> str:
    """The longest head of ``text`` that, with ``TRUNCATION_MARK``, fits in ``max_tokens``."""
    if estimate_tokens(text) <= max_tokens:
        return text
    room = max_tokens - estimate_tokens(TRUNCATION_MARK)
    if room <= 0:
        return ""
    lo, hi = 0, len(text)
    while lo < hi:  # binary search on the cut position: estimate_tokens is monotone in the prefix
        mid = (lo + hi + 1) // 2
        if estimate_tokens(text[:mid]) <= room:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo] + TRUNCATION_MARK


def fit_messages(messages: Sequence[ChatMessage], budget_tokens: int) -> FitResult:
    """Apply the module's truncation policy so the estimate is ≤ ``budget_tokens`` where possible."""
    msgs = list(messages)
    total = estimate_messages_tokens(msgs)
    if total <= budget_tokens or not msgs:
        return FitResult(msgs, total)

    last_user = max((i for i, m in enumerate(msgs) if m.role == "user"), default=len(msgs) - 1)
    keep = {i for i, m in enumerate(msgs) if m.role == "system"} | {last_user}
    droppable = [i for i in range(len(msgs)) if i not in keep]  # oldest first

    dropped: set[int] = set()
    for i in droppable:
        if total <= budget_tokens:
            break
        dropped.add(i)
        total -= estimate_tokens(msgs[i].content) + MESSAGE_OVERHEAD_TOKENS
    kept = [i for i in range(len(msgs)) if i not in dropped]
    user_pos = kept.index(last_user)
    msgs = [msgs[i] for i in kept]
    if total <= budget_tokens:
        return FitResult(msgs, total, dropped_messages=len(dropped))

    overhead = MESSAGE_OVERHEAD_TOKENS * len(msgs)

    def room_for_user() -> int:
        others = sum(estimate_tokens(m.content) for i, m in enumerate(msgs) if i != user_pos)
        return budget_tokens - overhead - others

    min_user = max(budget_tokens // 4, 0)
    if room_for_user() < min_user and len(msgs) > 1:
        # The system messages crowd out the question: give each of them an equal share.
        share = max((budget_tokens - overhead - min_user) // (len(msgs) - 1), 0)
        msgs = [
            m if i == user_pos else m.model_copy(update={"content": trim_to_tokens(m.content, share)})
            for i, m in enumerate(msgs)
        ]
    user = msgs[user_pos]
    msgs[user_pos] = user.model_copy(
        update={"content": trim_to_tokens(user.content, max(room_for_user(), 0))}
    )
    return FitResult(msgs, estimate_messages_tokens(msgs), dropped_messages=len(dropped), trimmed=True)
