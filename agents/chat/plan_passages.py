"""Plan passages (预案知识库) for a chat answer: the cited paragraphs, and one quoted in the answer.

For ``plan_for`` the passages come from the plans the answer names, best-ranked plan first: a
question about reporting limits or first steps ("泄漏后多长时间内上报") is answered by the text of
the plan the duty officer is pointed to, not by the closest paragraph of some other firm's plan.
The structured fields (levels, commanders, actions) stay the answer's facts; the quote adds what the
graph does not hold as fields (reporting chains, time limits, site steps), word for word and cited.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from agents.chat import plan_severity
from agents.chat.models import Citation
from agents.chat.plan_aspects import ON_POINT_SECTION, ON_POINT_TEXT, STEP_SECTION, aspect
from agents.chat.plan_post import asked_post, post_at
from agents.chat.plan_shelter_release import naming_sentence
from core.errors import SafeCloudError

log = logging.getLogger(__name__)

# (question, scope, plan ids or None) → [{plan_id, title, text, …}] best first
PlanPassageSearch = Callable[..., list[dict[str, Any]]]

PROCEDURAL = re.compile(r"怎么办|如何处置|怎么处置|处置流程|应急处置|怎么做|程序|步骤")
CITED = 3
CANDIDATES = 30  # a plan with many post cards holds a dozen passages sharing the step words
QUOTED_CHARS = 160
_MIN_CHARS = 20
# Section words the search is aimed with, per aspect: the plan's own headings for that matter.
_AIM = {
    "reporting": "信息报告 报告时限 ",
    "warning": "预警 预警分级 预警发布 ",
    "ending": "响应终止 响应结束 ",
    "steps": "应急处置 处置措施 现场处置 ",
    "shelter": "避难场所 安置点 群众转移安置 ",
    "release": "信息发布 新闻发布 舆情引导 工作组 ",
}
_COLOUR = re.compile(r"[红橙黄蓝]色")
# A passage that ends a response says who declares it ("由…宣布应急响应终止"); a command's duties
# ("决定启动和终止应急响应") only share the word.
_DECLARED_END = re.compile(r"宣布.{0,10}(?:终止|结束)")


def plan_passages(
    search: PlanPassageSearch | None,
    question: str,
    scope: Any,
    intent_id: str,
    rows: Sequence[Mapping[str, Any]],
) -> list[dict[str, Any]]:
    """Passages to cite: for ``plan_for`` only from the plans found (in their answer order); for a
    procedural question on another template, the closest passages the caller may read."""
    if search is None or (intent_id != "plan_for" and not PROCEDURAL.search(question)):
        return []
    plan_ids = [str(r["id"]) for r in rows if r.get("id")][:CITED] if intent_id == "plan_for" else None
    if intent_id == "plan_for" and not plan_ids:
        return []
    try:
        # more candidates than cited: the passage on the point may rank below a 总则 sharing the words
        found = search(_aimed(question), scope, plan_ids, CANDIDATES) if plan_ids else search(question, scope)
    except SafeCloudError as exc:
        log.warning("plan passage search failed: %s", exc.message)
        return []
    if plan_ids:  # on the point first, then the plan the answer puts first
        order = {pid: i for i, pid in enumerate(plan_ids)}
        found = sorted(
            found,
            key=lambda p: (
                not _holds_post(p, question),  # "我是当班班长…": that post's own line first
                not _on_point(p, question),
                _aside(p, question),
                order.get(str(p.get("plan_id")), len(order)),
                _step_order(p, question),
            ),
        )
    return found[:CITED]


# A plan's own handling procedure, as against one post's card (岗位应急处置卡) that shares its words.
_PROCEDURE = re.compile(r"现场处置|处置措施|处置程序|处置流程|应急处置|响应措施")
_POST_CARD = re.compile(r"卡|岗位")


def _holds_post(passage: Mapping[str, Any], question: str) -> bool:
    """A step question from a post (我是…的操作工) and a passage holding that post's line."""
    post = asked_post(question) if aspect(question) == "steps" else None
    return post_at(re.sub(r"\s+", "", str(passage.get("text", ""))), post) >= 0


# The first step asked ("第一步怎么做", "先干什么"): of one plan's handling passages, the one it writes first.
_FIRST = re.compile(r"第一步|先做|先干|先弄|先采取|首先|最先|第一时间")


def _step_order(passage: Mapping[str, Any], question: str) -> int:
    """A first-step question reads a plan's procedure from its start (a form's rows are passages of their
    own: "（3）救护" shares the accident's words but is not what comes first); otherwise the search order."""
    if aspect(question) != "steps" or not _FIRST.search(question) or _aside(passage, question):
        return 0  # a post's card or a level's table is no procedure to read from its start
    return int(passage.get("paragraph") or 0)


def _aside(passage: Mapping[str, Any], question: str) -> bool:
    """For a step question, a passage that is not the plan's handling procedure (a post's card, a
    group's duties) comes after one that is, whatever plan it is from."""
    if aspect(question) != "steps":
        return False
    section = str(passage.get("section") or "")
    return not _PROCEDURE.search(section) or bool(_POST_CARD.search(section))


def _aimed(question: str) -> str:
    """The question with the section words of the aspect it asks about, so that the plan's 信息报告,
    预警, 响应终止 or 应急处置 passage outranks its 总则 passages that share the accident words."""
    return _AIM.get(aspect(question) or "", "") + question


def citations(passages: Sequence[Mapping[str, Any]]) -> list[Citation]:
    return [
        Citation(
            kind="plan",
            ref=str(p.get("plan_id", "")),
            title=str(p.get("title", "")),
            text=str(p.get("text", "")),
        )
        for p in passages
    ]


def wants_quote(question: str, params: Mapping[str, Any], rows: Sequence[Mapping[str, Any]]) -> bool:
    """Quote a passage when the question asks what the level fields do not answer: reporting,
    warnings, the end of a response, or steps when no level was asked (an asked level's fields
    already give its first actions)."""
    asked = aspect(question)
    if asked in ("reporting", "warning", "ending", "shelter", "release"):
        return True
    levels_shown = (
        params.get("response_level") or params.get("response_tier") or _toll_said(params)
    ) and any(r.get("levels") for r in rows)
    return asked == "steps" and not levels_shown


def _toll_said(params: Mapping[str, Any]) -> bool:
    """A toll is said (死了2个人), not only what happened (着火了): only a toll picks the level shown."""
    toll = plan_severity.toll_of(params)
    return toll is not None and toll.counted


def _on_point(passage: Mapping[str, Any], question: str) -> bool:
    """The passage speaks to the aspect asked: reporting or a warning in its text (the colour asked,
    when one is), the declared end of a response, or steps in its section name (a working group's
    duties or a warning paragraph share words with a step question, not its point). A heading alone
    ("总则") says nothing."""
    text = re.sub(r"\s+", "", str(passage.get("text", "")))
    if len(text) < _MIN_CHARS:
        return False
    asked = aspect(question)
    section = str(passage.get("section") or "")
    if asked == "warning":
        colour = _COLOUR.search(question)
        said = ON_POINT_TEXT["warning"].search(text) or ON_POINT_SECTION["warning"].search(section)
        return bool(said) and (colour is None or colour.group() in text)
    if asked == "ending":
        return bool(_DECLARED_END.search(text) or ON_POINT_SECTION["ending"].search(section))
    if asked == "shelter":  # the line naming the places, not a step that moves people "to the 安置点"
        return naming_sentence(text) >= 0
    if asked in ("reporting", "release"):
        return ON_POINT_TEXT[asked].search(text) is not None
    return bool(STEP_SECTION.search(section))


def quote(passages: Sequence[Mapping[str, Any]], question: str) -> str:
    """The best passage on the point asked as one answer line: its plan and section, the text cut
    at a sentence end; empty when no passage is on the point (the citations still list them)."""
    best = next((p for p in passages if _states_limit(p, question)), None)
    best = best or next((p for p in passages if _holds_post(p, question)), None)
    best = best or next((p for p in passages if _on_point(p, question) and _holds_force(p, question)), None)
    best = best or next((p for p in passages if _on_point(p, question)), None)
    if best is None:
        return ""
    text = _from_the_point(re.sub(r"\s+", "", str(best.get("text", ""))), question)
    if len(text) > QUOTED_CHARS:
        cut = max(text.rfind(mark, 0, QUOTED_CHARS) for mark in "。；;")
        text = text[: cut + 1] if cut > QUOTED_CHARS // 2 else text[:QUOTED_CHARS] + "…"
    section = str(best.get("section") or "").strip()
    where = f"《{best.get('title')}》" + (f"“{section}”" if section else "")
    return f"相关条文（{where}）：{text}"


# A wind force said in a warning question ("风力可能到10级以上", "8到9级大风"): the plan's row for that force
# is the point, not the paragraph on how warnings are sent out (which "谁发布" also matches).
_FORCE = re.compile(
    r"(?:风力|风)[^，,。；;\d]{0,6}(\d{1,2})\s*(?:到|至|-|～)?\s*\d{0,2}\s*级|(\d{1,2})\s*级(?:以上|及以上)?的?(?:大风|风)"
)


def _holds_force(passage: Mapping[str, Any], question: str) -> bool:
    m = _FORCE.search(question) if aspect(question) == "warning" else None
    return m is not None and f"{m.group(1) or m.group(2)}级" in str(passage.get("text", ""))


# A reporting time limit ("30分钟内", "1小时内", "半小时内").
_LIMIT = re.compile(r"(?:\d+|[一二三四五六七八九十半两]+)个?(?:分钟|小时)(?:内|以内|之内)")


def _states_limit(passage: Mapping[str, Any], question: str) -> bool:
    """For who/when to report, the plan's reporting chain states its time limit: a level's measures
    ("向江阴市应急管理局报告并请求支援") share the word and come first when a level is asked too, but do
    not say when nor who reports. Not for the content of a report, which a limit does not answer."""
    if aspect(question) != "reporting" or "内容" in question or not _on_point(passage, question):
        return False
    return _LIMIT.search(re.sub(r"\s+", "", str(passage.get("text", "")))) is not None


_SENTENCE_END = "。；;"
_GROUP = re.compile(r"[\u4e00-\u9fff]{2,8}?组(?![长员织成])")


def _from_the_point(text: str, question: str) -> str:
    """The passage from the sentence that answers, when the plan writes it further on than a quote
    reaches: the colour asked in a warning section ("…蓝色预警：电梯等设备出现故障…", a colour's row in a
    warning table), the declared end in a response chapter, the content list in a reporting section.
    The start of the passage otherwise (a reporting chain and a step list begin there)."""
    asked = aspect(question)
    colour = _COLOUR.search(question)
    at = -1
    if asked == "warning" and colour:
        at = text.find(colour.group() + "预警")
        if at < 0:  # a table row or a list item starting with the colour
            at = max(text.find(colour.group() + mark) for mark in "|：:")
    elif asked == "ending" and (found := _DECLARED_END.search(text)):
        at = max(text.rfind(mark, 0, found.start()) for mark in _SENTENCE_END) + 1
    elif (
        asked == "reporting"
        and "内容" in question
        and (found := re.search(r"(?:报告|上报|报送)的?内容", text))
    ):
        at = found.start()
    elif asked == "steps" and (post := post_at(text, asked_post(question))) >= 0:
        at = post  # the asking post's own line
    elif asked == "shelter":
        at = naming_sentence(text)  # the sentence that names the places
    elif asked == "release" and (found := ON_POINT_TEXT[asked].search(text)):
        # the group whose duty it is: its name opens its row or paragraph ("宣传报道组|市委宣传部…|…舆情引导")
        groups = list(_GROUP.finditer(text, 0, found.start()))
        at = groups[-1].start() if groups else max(text.rfind(m, 0, found.start()) for m in _SENTENCE_END) + 1
    if at <= 0:
        return text
    return "…" + text[at:]


def quoted(answer: str, line: str) -> str:
    """The answer with the quote before its closing note (the last line), or at the end."""
    if not line:
        return answer
    head, sep, last = answer.rpartition("\n")
    return f"{head}\n{line}\n{last}" if sep and last.startswith("以上") else f"{answer}\n{line}"


__all__ = ["PROCEDURAL", "PlanPassageSearch", "citations", "plan_passages", "quote", "quoted", "wants_quote"]
