"""A duty word that only says who called: "码头值班员打电话说一名装卸工落水了，几级响应".

The router sends any shift word (值班, 当班, 夜班 …) to ``duty_now``: "今晚谁值班" asks the roster. In an
incident account the same words often name the person who reports it — a wharf's 值班员, a works'
当班班长, the 值班室 that rang — or the post that asks its own duty ("我是当班班长，罐区漏了，我该干什么"),
or the caller who says he is on duty ("我是临港开发区值班的，…算几级").
Such a question asks the plan for the accident, not who is on duty. So a shift word counts for the
roster only when it is not part of a post or room noun; the router asks this before it routes to
``duty_now`` and only for a question that is already a plan question (an accident with what to do).
Pure text work.
"""

from __future__ import annotations

import re

# The roster words the router reads (kept in step with ``router``'s duty rule).
DUTY = re.compile(r"值班|带班|值守|在岗|当班|在班|值夜班|当值|在值|夜班|白班|谁值(?!得)|[值带当][的了过]班")
# A post or a room named by its shift: 值班员, 值班长, 值班室, 当班班长, 当班的调度员, 夜班保安, 带班领导.
_POST = re.compile(
    r"(?:值班|当班|带班|夜班|白班|在班)的?"
    r"(?:员|长|人员|室|保安|门卫|工人|班长|班组长|组长|调度员?|操作工|外操|主操|电工|司炉工|师傅|领导|干部|医生|护士|经理|主管|主任)"
    # "值班的说闻到氨味", "当班的发现漏了": the one on shift as the teller of an accident, no shift asked
    r"|(?:值班|当班|夜班|在班)的(?=说|讲|报|打电话|发现|反映|闻到|听到|看到|喊)"
    # the caller saying who he is: "我是临港开发区值班的", "我在镇应急办值夜班", "今天我当班，…"
    r"|我(?:是|在|们是)[^，,。；;？?！!]{0,14}?(?:值班|带班|值守|当班|在班|值夜班|夜班|白班)的?(?:人员|员|干部)?"
    r"|(?:今天|今晚|现在)我(?:值班|当班|带班)"
)


def names_only_posts(text: str) -> bool:
    """Every shift word of ``text`` is part of a post or room noun (who called, who asks)."""
    return DUTY.search(text) is not None and DUTY.search(_POST.sub("", text)) is None


__all__ = ["DUTY", "names_only_posts"]
