"""Duty-room shorthand and context-first questions, read before the rules look at a question.

Typed in a hurry, questions shorten the long terms — 重大源 or 重危源 for 重大危险源, 特作 for
特殊作业 — and use chat slang for the question word (有木有 = 有没有) or Jiangyin day words (今朝,
明朝). The routing rules and the vocabulary tables are written against the full words; expanding
the short forms here keeps each of them from having to learn every abbreviation.

A question may also open with its context ("明天检查组要去申港，先看看那边哪些企业有重大源"):
the clause before 先看看 / 先查一下 says why the caller asks, and its words (检查组, 明天) are not
what is asked. ``asked_part`` is the part after that pivot; the router tries it first.
"""

from __future__ import annotations

import re

from agents.chat import mixed_words
from agents.chat.excluded_level import other_hazard_level
from agents.chat.legal_names import register_form
from agents.chat.plainwords import expand_plain_words
from agents.chat.purpose_clause import without_purpose_clause
from agents.chat.replaced_part import without_replaced_part
from agents.chat.spoken_counts import spoken_counts
from agents.chat.wordslips import fix_word_slips
from agents.chat.wu_dialect import plain_mandarin

_SHORT_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"重大源|重危源|重大危源"), "重大危险源"),
    (re.compile(r"特作(?!业)"), "特殊作业"),
    (re.compile(r"有木有"), "有没有"),
    (re.compile(r"木有"), "没有"),
    # Jiangyin/Wu day words: 今朝 = 今天, 明朝 = 明天 (the dynasty only with 时期/年间/末年/初年)
    (re.compile(r"今朝"), "今天"),
    (re.compile(r"明朝(?!时期|年间|末年|初年)"), "明天"),
    # the alarm word split by its count ("报了多少起警", "报过几次警"): 报警 counted (chat round 29)
    (re.compile(r"报[了过]?((?:多少|几|[0-9一二两三四五六七八九十]+)[起次回]?)警"), r"报警\1"),
    # 动火 said as a verb ("动过几次火", "动了火没有"): the 动火 operation, counted (chat round 30)
    (re.compile(r"动[了过]?((?:多少|几|[0-9一二两三四五六七八九十]+)[次回])火"), r"动火作业\1"),
    (re.compile(r"动[了过]火"), "动火作业"),
    # an event status with 经 in it ("已经处置的", "已经派发了"): the status word (chat round 30)
    (re.compile(r"已经(处置|派发)"), r"已\1"),
    # taking over the shift ("明早接班的是谁", "谁来换班"): who is on duty then; 交班前 / 交接 stay
    (re.compile(r"(?:接|换)班(?:的)?(?:人|人员)?(?=是谁|是哪位|是哪个)"), "值班的"),
    (re.compile(r"谁(?:来)?(?:接|换)班"), "谁值班"),
    # "检查过但还没整改完的企业" with no subject: the firms' hazards are what is not rectified (chat round 32)
    (
        re.compile(
            r"^(?!.*(?:隐患|隐换|问题))(.*?)((?:还|仍|尚|至今)?(?:没有?|未)(?:整改|改)(?:完|好)?的(?:企业|单位|公司|厂|家))"
        ),
        r"\1隐患\2",
    ),
    # A greeting first ("早上好，昨晚到现在…"): its 早上 / 晚上 is no part of the day asked about.
    (re.compile(r"^(?:(?:早上|早晨|上午|中午|下午|晚上)好|早安|晚安|你好|您好)(?:啊|呀)?[,，!！。\s]*"), ""),
)

# "…，先看看 / 我先了解下 / 先帮我查一下 …": what follows is the question itself.
_PIVOT = re.compile(
    r"[,;。\s](?:我|你)?(?:想)?先(?:帮我|给我)?(?:看看|看下|看一下|查查|查下|查一下|了解下|了解一下|问下|问一下)"
)


def expand_shorthand(text: str) -> str:
    """The question with its duty-room abbreviations written out ("夏港三级重大源" → "夏港三级重大危险源")."""
    text = spoken_counts(
        register_form(mixed_words.normalise(text))
    )  # "lingang 这周 alarm 几次"; "X（江阴）有限责任公司"
    text = plain_mandarin(text)  # Jiangyin 几化 / 哪搭 / 啥
    for pattern, full in _SHORT_FORMS:
        text = pattern.sub(full, text)
    return expand_plain_words(
        fix_word_slips(without_purpose_clause(other_hazard_level(without_replaced_part(text))))
    )  # 除了一般隐患 = 重大隐患; a briefing's "早上要给领导汇报，" dropped; slipped nouns (加由站) and a new hire's descriptions written out


def asked_part(text: str) -> str:
    """The question after a context clause ("明天检查组要去申港,先看看那边的隐患" → "那边的隐患"),
    or the whole text when it has no such pivot or nothing follows it."""
    found = None
    for found in _PIVOT.finditer(text):  # noqa: B007 - the last pivot: context may have several clauses
        pass
    if found is None or not text[found.end() :].strip():
        return text
    return text[found.end() :].strip()
