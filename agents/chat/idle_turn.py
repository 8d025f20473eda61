"""Turns in a conversation that ask nothing the chat can read: answered "没看懂", the context kept.

After an answered question a duty officer may type words that name nothing the graph holds ("苹果香蕉",
"西瓜葡萄" — a slip of the input method, a message meant for another chat), write in English, or paste
a whole duty log. Read as follow-ups, the short ones re-ran the previous question and repeated its
answer as if it were the reply (chat round 23); the English and over-long ones were refused, and the
refusal broke the conversation, so "换成夏港街道呢" after them had nothing to follow.

Such a turn now gets a plain Chinese "没看懂" reply (or the length limit) and leaves the conversation
where it was, as "谢谢" does (``declined_turn.small_talk``). A turn counts as naming nothing only when
it has no slot value, no time character, no question or follow-up word and no intent of its own — any
of those and it goes down the ordinary path. Pure functions; no I/O.
"""

from __future__ import annotations

import re

from agents.chat.declined_turn import check_question, small_talk
from agents.chat.examples import chat_examples
from agents.chat.followup import ELLIPTIC
from agents.chat.models import TurnState
from agents.chat.router import THRESHOLD, route
from agents.chat.slots import MAX_QUESTION_CHARS, Gazetteer, extract_slots, normalise_question
from core.scope import DataScope

_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Any of these may carry a question or a follow-up ("几", "哪", "列", "其中", "它", "刚才", "第二"), a
# time ("今", "月", "夜", "点"), a place or person said loosely ("本", "我们", "这", "那"), or a word of
# the records a bare follow-up names ("负责人", "电话", "重大", "红色", "在线", "按镇", "汇总", "详细"); a
# turn with one of them is read by the ordinary rules, which know far more words than this guard.
_MAY_ASK = re.compile(
    r"[几多哪谁吗么啥咋怎什列查看排统计给有是要呢那其这它他她们刚前后第本我今昨明去上下近月周年日天时点半早晚夜"
    r"季度号星礼拜次个家条起人红橙黄蓝级类最总全所都按分镇街村区厂]|\d"
    r"|详细|信息|情况|明细|负责|电话|地址|法人|联系|继续|更多|重大|较大|一般|在线|离线|汇总|平均|合计|数量|名单|清单"
    r"|企业|公司|隐患|检查|处罚|罚款|告警|报警|事件|作业|值班|救援|物资|预案|风险|危化|危险|传感|摄像|监控|整改|状态"
    r"|位置|号码|金额|原因|结果|等级|出租|承租|演练|装备|仓库|专家|医院|消防"
)
_NOT_READ = "没看懂“{turn}”是要查什么。请直接说出要查的内容，例如：{example}"
_NOT_CHINESE = "没看懂这句话：目前仅支持中文提问，例如：{example}"


def names_nothing(text: str, gazetteer: Gazetteer) -> bool:
    """True when a normalised turn of Chinese words names no slot, time, question word or intent."""
    if not _CJK.search(text) or _MAY_ASK.search(text) or ELLIPTIC.search(text):
        return False
    slots = extract_slots(text, gazetteer)
    if slots.filled():
        return False
    return route(text, slots).confidence < THRESHOLD


def idle_reply(
    question: str, scope: DataScope | None, previous: TurnState | None, gazetteer: Gazetteer
) -> str | None:
    """The reply to a turn that asks nothing readable, or None for a turn to answer.

    Thanks and stray marks are ``small_talk`` anywhere. Within a conversation that has an answered
    turn to keep, nonsense of real words, an English turn and an over-long one are answered here too,
    so the next follow-up still reads against that answered turn.
    """
    if (chat := small_talk(question, scope)) is not None:
        return chat
    if previous is None or previous.declined:
        return None  # nothing to keep: the ordinary checks answer it (refusal, hint)
    text = normalise_question(question)
    example = chat_examples(scope)[0]
    if len(text) > MAX_QUESTION_CHARS:
        return check_question(text, scope)
    if not _CJK.search(text) and _LATIN_WORD.search(text):
        return _NOT_CHINESE.format(example=example)
    if names_nothing(text, gazetteer):
        return _NOT_READ.format(turn=text[:20], example=example)
    return None


__all__ = ["idle_reply", "names_nothing"]
