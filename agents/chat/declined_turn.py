"""Turns that ask nothing, and turns the chat declined: what the next follow-up may lean on.

A duty officer says "谢谢", "好的", "嗯" between questions, or sends a stray "？" or "123". Read as
follow-ups (short, no intent of their own), they re-ran the previous question and answered it again.
They get a short polite reply instead and leave the conversation where it was, so "重大的呢" after
"华士镇未整改隐患多少条 / 谢谢" still narrows the hazard count.

A refused or not-understood turn ("帮我删除所有企业", "今天天气怎么样", a question the rules could not
place) is no anchor: "那华士呢？" after it used to re-ask the turn before the refusal, answering a question
the officer had moved away from. Such a turn is stored as ``declined``; the next question is read afresh,
and a headless follow-up ("那华士呢？", "重大的呢") is asked to say what it wants.
Pure functions; no I/O.
"""

from __future__ import annotations

import re

from agents.chat.examples import chat_examples
from agents.chat.models import ChatAnswer, TurnState
from agents.chat.slots import MAX_QUESTION_CHARS
from agents.chat.unanswerable import unanswerable
from core.scope import DataScope

_CJK = re.compile(r"[\u4e00-\u9fff]")
# Words that thank, acknowledge or fill, and nothing else; the whole turn must be made of them.
_THANKS = ("谢谢你", "谢谢您", "谢谢", "多谢", "感谢", "谢了", "谢啦", "辛苦了", "辛苦", "麻烦了", "劳驾了")
_GREETINGS = ("你好", "您好", "在吗", "在不在", "早上好", "晚上好")
_ACKS = (
    "好的", "好吧", "好嘞", "好滴", "好", "行吧", "行", "可以", "收到", "明白", "知道", "了解", "懂",
    "没问题", "是的", "对的", "对", "ok", "okay", "嗯", "恩", "哦", "噢", "喔",
)  # fmt: skip
_FILLERS = ("阿巴", "哈", "呵", "嘿", "嘻", "啊", "呀", "啦", "了", "吧", "哇", "呃", "额", "诶", "欸", "哎", "唉",
            "您", "你", "咯", "哟", "嗨", "thanks", "thank you", "thx", "测试")  # fmt: skip
_SOUNDS = {w for w in _ACKS + _FILLERS if len(w) == 1 and w not in "好行对懂您你了"}
_OUT_OF_SCOPE = "超出您的数据范围"  # the scope refusal's wording (ChatService._answer)
_REPHRASE = "抱歉，没能理解您的意思，请直接说出要查的内容，例如："
_TOKENS = sorted(_THANKS + _GREETINGS + _ACKS + _FILLERS, key=len, reverse=True)
_PUNCT = re.compile(r"[\s\W_]+")  # spaces, punctuation (？！。…), emoji
_DIGITS = re.compile(r"^[0-9０-９]+$")
_HEADLESS = re.compile(r"呢[?？]?$|^(?:那|还有|换成|改成|如果是)|^(?:只|光|仅)(?:看|要|查)")


def small_talk(question: str, scope: DataScope | None = None) -> str | None:
    """The short reply to a turn that asks nothing (thanks, an acknowledgement, a stray mark or number),
    or None for anything that may be a question."""
    if not question.strip():
        return None  # an empty box: check_question asks for a question
    bare = _PUNCT.sub("", question).lower()
    if not bare or _DIGITS.match(bare):  # "？", "…", "123"
        return _REPHRASE + chat_examples(scope)[0]
    rest, said = bare, []
    while rest:
        word = next((t for t in _TOKENS if rest.startswith(t)), None)
        if word is None:
            return None
        said.append(word)
        rest = rest[len(word) :]
    if len({w for w in said if w in _SOUNDS}) > 1:  # "啊啊哦哦嗯嗯": sounds, not a nod
        return _REPHRASE + chat_examples(scope)[0]
    if any(w in _THANKS or w.startswith("thank") or w == "thx" for w in said):
        return "不客气。还需要查什么，直接问就行。"
    if any(w in _GREETINGS for w in said):
        return f"您好，请问要查什么？例如：{chat_examples(scope)[0]}"
    if any(w in _ACKS for w in said):
        return "好的。还需要查什么，直接问就行。"
    return _REPHRASE + chat_examples(scope)[0]  # "阿巴阿巴", "哈哈"


def declined(
    result: ChatAnswer, state: TurnState | None, text: str, previous: TurnState | None = None
) -> TurnState | None:
    """The state stored for a turn the chat refused or did not understand (no rows, no template), which
    the next turn must not follow; None for an answered turn.

    A place outside the caller's scope ("换成周庄镇呢" by a 华士镇 officer) is refused for where it
    points, not for what it asks: the stored state is the caller's last answered question, marked so
    that only a next turn naming the caller's own place follows it (``own_place_anchor``)."""
    if state is None and result.path == "refusal" and _OUT_OF_SCOPE in result.answer and previous is not None:
        return previous.model_copy(update={"declined": True, "refused_elsewhere": True})
    if state is None and result.path in ("refusal", "clarify"):
        return TurnState(question=text, declined=True)
    return None


_OWN_PLACE = re.compile(r"(?:我们|咱们|俺们|我|本|咱|俺)(?:镇|街道|街|区|园区|开发区|公司|厂|企业|单位)")


def own_place_anchor(previous: TurnState | None, question: str, scope: DataScope | None) -> TurnState | None:
    """The anchor for a turn after a declined one: none, except after a refusal for another place
    when the turn names the caller's own ("那我们镇的加油站呢" follows the last answered question).
    A bare "重大的呢" after "临港有几家企业" was refused gets nothing to follow: read against the
    caller's own last question it would answer for the wrong place."""
    if previous is None or not previous.refused_elsewhere:
        return None
    town = (scope.town or "") if scope is not None else ""
    if _OWN_PLACE.search(question) or (len(town) >= 2 and town[:2] in question):
        return previous.model_copy(update={"declined": False, "refused_elsewhere": False})
    return None


def after_declined(text: str, result: ChatAnswer, scope: DataScope | None = None) -> ChatAnswer:
    """A headless follow-up ("那华士呢？") after a declined turn has nothing to follow: say so, rather
    than the general hint, when read afresh it still could not be answered."""
    if result.path == "clarify" and _HEADLESS.search(text):
        example = chat_examples(scope)[0]
        result.answer = f"上一个问题没有得到回答，无法接着问。请把要查的内容说完整，例如：{example}"
    return result


def check_question(text: str, scope: DataScope | None = None) -> str | None:
    """Why a normalised question can't be answered, or None: the chat replies it, the CLI fails with it.
    Its examples name only places in ``scope`` (city-wide when None)."""
    examples = chat_examples(scope)
    if not text:
        return f"请输入问题，例如：{examples[0]}"
    if len(text) > MAX_QUESTION_CHARS:
        return f"问题过长（{len(text)} 字，上限 {MAX_QUESTION_CHARS} 字），请精简后再提问。"
    if not _CJK.search(text):
        return f"目前仅支持中文提问，例如：{examples[1]}"
    return unanswerable(text)
