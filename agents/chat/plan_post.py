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
    """Where the post's own line starts in a passage's ``text`` (-1: not there): the post (with the place
    or workshop written before it, 加氯间操作工) followed by its duty — "当班班长：…", "加酸工职责：…", a
    card row "罐区操作工|…" — not the post only named in another line ("呼叫当班班长").
    """
    if not post:
        return -1
    m = re.search(r"[^\s|｜，,。；;：:、（）()\[\]]{0,6}" + re.escape(post) + _DUTY_AFTER, text)
    return m.start() if m else -1


# What follows a post at the head of its own line: its bracketed role, 职责, then a colon or a cell bar.
_DUTY_AFTER = r"(?:[（(][^）)]{0,10}[）)])?(?:的?职责|应急职责)?[：:|｜]"


__all__ = ["asked_post", "post_at"]
