"""A step already done: "阀门已经关了，下一步做什么" — the plan's next measure, the done one marked.

A duty officer rings back once the first measure is under way and asks what comes next. The answer
listed the level's measures from the first, so the caller had to find the one already done and read on;
worse, the step they reported could be repeated back to them as the thing to do. This module reads the
clause that says what was done (已经/已…了, …好了/完了/过了) when the question asks what comes next
(下一步, 接下来, 然后呢, 还要做什么), finds the measure of the level that clause describes (the one sharing
the most two-character words with it) and writes which one is done and which one is next. Pure text work.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

NEXT_ASKED = re.compile(
    r"下一步|接下来|接着|然后(?:呢|做|干|要|该|还)|之后(?:呢|做|干|要|该|还)|"
    r"还(?:要|需要|应该|得|该)(?:做|干|采取)(?:什么|啥|哪些)|再(?:做|干)(?:什么|啥)"
)
# A clause reporting a step done: 已经/已 … (了), or a verb with its result (关好了, 拉完了, 打过了, 停了).
_DONE = re.compile(r"已经|已(?!知)|(?:好|完|过|掉|停|关|开|启动|到位|拉起来?)了")
_CLAUSE = re.compile(r"[，,。；;！!？?\s]+")
_FILLER = re.compile(r"已经|已|了|都|我们|厂里|公司|镇里|街道|现场|的")
_MIN_SHARED = 2


def done_clause(question: str) -> str | None:
    """The clause of ``question`` that reports a step done, when the question asks what comes next."""
    if not NEXT_ASKED.search(question):
        return None
    done = [c for c in _CLAUSE.split(question) if c and _DONE.search(c) and not NEXT_ASKED.search(c)]
    return done[-1] if done else None  # the latest report: a follow-up's words come after the history's


def _pairs(text: str) -> set[str]:
    text = _FILLER.sub("", text)
    return {text[i : i + 2] for i in range(len(text) - 1)}


def done_index(actions: Sequence[str], clause: str) -> int | None:
    """The measure ``clause`` reports done: the one sharing most two-character words (at least two)."""
    said = _pairs(clause)
    best, best_shared = None, _MIN_SHARED - 1
    for i, action in enumerate(actions):
        shared = len(said & _pairs(action))
        if shared > best_shared:
            best, best_shared = i, shared
    return best


def lines(levels: Sequence[Mapping[str, Any]], clause: str | None) -> list[str]:
    """For each level whose measures hold the step done: which one it is and what comes after it."""
    if not clause:
        return []
    out = []
    for level in levels:
        actions = [str(a) for a in level.get("actions") or [] if a]
        i = done_index(actions, clause)
        if i is None:
            continue
        name = level.get("name") or level.get("level") or ""
        if i + 1 < len(actions):
            rest = "；".join(actions[i + 2 : i + 4])
            after = f"（之后：{rest}）" if rest else ""
            out.append(f"   {name}：已完成“{actions[i]}”，下一步：{actions[i + 1]}{after}")
        else:
            out.append(
                f"   {name}：已完成“{actions[i]}”，该级措施已全部完成，请按现场情况判断是否升级或终止响应。"
            )
    return out


__all__ = ["NEXT_ASKED", "done_clause", "done_index", "lines"]
