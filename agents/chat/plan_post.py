"""A post asking its own duty: "我是罐区的当班班长，管线漏了，我该干什么".

An enterprise's 现场处置方案 gives each post its duty (a 岗位职责 line, a post's 应急处置卡 row, "加酸工
职责：…"). A worker who says which post they hold wants that line, not the plan's general procedure nor
another post's card. The step answer put the procedure first and a post's card after it, whoever
asked. This module reads the post the caller names after 我是 (the firm or workshop before 的 dropped)
and finds it in a passage, so the quote can start at that post's line. Pure text work.
"""

from __future__ import annotations

import re

_I_AM = re.compile(r"我是([^，,。；;！!？?]{2,24})")
# How posts end: 班长, 班组长, 主任, 操作工, 外操, 司炉工, 调度员, 安全员, 值班长, 师傅, 经理 …
_POST_END = re.compile(r"(?:班长|组长|主任|经理|科长|站长|外操|主操|工|员|长|师傅)$")
_MAX_POST = 8


def asked_post(question: str) -> str | None:
    """The post the caller says they hold (当班班长, 加氯间操作工 → 操作工 after 的), or None."""
    m = _I_AM.search(question)
    if m is None:
        return None
    said = m.group(1).rsplit("的", 1)[-1]
    return said if 2 <= len(said) <= _MAX_POST and _POST_END.search(said) else None


def post_at(text: str, post: str | None) -> int:
    """Where the post's own line starts in a passage's ``text`` (-1: not there). The post as said, or
    as the passage writes it with a place before it (操作工 in 加氯间操作工: the line starts at the place)."""
    if not post:
        return -1
    at = text.find(post)
    if at < 0:
        return -1
    start = at
    while start > 0 and text[start - 1] not in "|｜，,。；;：:、（）()[]\n 　-—①②③④⑤⑥⑦⑧⑨0123456789.．":
        start -= 1
    return start


__all__ = ["asked_post", "post_at"]
