"""超过10条了吗: a yes/no threshold on one total (chat round 22; below bounds and 二十家以上, round 38).

"临港逾期隐患超过10条了吗", "周庄镇A类企业满20家了吗", "本镇这个月报警到100次了没有", "全市离线摄像头
是不是超过50个了", "今年全市罚款超过50万了吗": the caller wants the total and whether it passed the
bound. No template holds a bound on its own total, and the coverage check declined the question as a
threshold ("数量门槛" — meant for "罚款超过5万元的企业", a bound on each firm). Here the bound must close
the sentence (only 了/吗/没有 after it), so a bound on each record ("…超过5万元的企业有哪些") is left
alone: the total is asked without the bound ("临港逾期隐患有多少条"), through the usual pipeline, and
the verdict is put in front of that answer, whose rows stay as they are.
"""

from __future__ import annotations

import re

from agents.chat.models import ChatAnswer, TurnState
from agents.chat.versus import Answer, value
from agents.llm.vocab import cn_to_int
from core.scope import Principal

_NUMBER = r"[0-9.]+|[零一二两三四五六七八九十百千]+"
# The bound closing the question: "(有没有|是不是)超过 10 条(了)(吗|没有)", "满20家了吗", "到100次了没有".
_BOUND = re.compile(
    r"(?P<ask>有没有|是不是|是否|已经|已)?(?P<op>超过了?|超出了?|多于|大于|高于|突破了?|过了?|满了?|达到了?|到了?|够了?|上了?)"
    rf"\s*(?P<num>{_NUMBER})\s*(?P<wan>万)?\s*(?P<unit>条|家|个|次|起|元|块钱|块|处|台|名|人|张|项|辆)?"
    r"\s*(?P<tail>了吗|了没有?|了没|了么|了|吗|么|没有?)?[？?。！!，,\s]*$"
)
# The bound said after the number: "(有没有|是不是)二十家以上(了)(吗)", "是否在5条以下" (chat round 38).
_SUFFIX_BOUND = re.compile(
    r"(?P<ask>有没有|是不是|是否|有|够|在|已经|已)+\s*(?:在|有|达到)?\s*"
    rf"(?P<num>{_NUMBER})\s*(?P<wan>万)?\s*(?P<unit>条|家|个|次|起|元|块钱|块|处|台|名|人|张|项|辆)\s*"
    r"(?P<op>及以上|以上|及以下|以下)\s*(?P<tail>了吗|了没有?|了没|了么|了|吗|么|没有?)?[？?。！!，,\s]*$"
)
# Below a bound: "是不是不到十条", "有没有少于5家", "没超过20个吧" (chat round 38).
_BELOW = {"不到": "<", "不足": "<", "少于": "<", "低于": "<", "没到": "<", "未到": "<", "没达到": "<",
          "不超过": "<=", "没超过": "<=", "没有超过": "<=", "未超过": "<="}  # fmt: skip
_BELOW_BOUND = re.compile(
    r"(?P<ask>有没有|是不是|是否|还|已经)?\s*(?P<op>"
    + "|".join(("(?<!有)" if w == "没有超过" else "") + w for w in sorted(_BELOW, key=len, reverse=True))
    + r")\s*"
    rf"(?P<num>{_NUMBER})\s*(?P<wan>万)?\s*(?P<unit>条|家|个|次|起|元|块钱|块|处|台|名|人|张|项|辆)?"
    r"\s*(?P<tail>了吗|了没有?|了没|了么|了|吗|么|吧|没有?)?[？?。！!，,\s]*$"
)
_STRICT = (
    "超过",
    "超出",
    "多于",
    "大于",
    "高于",
    "突破",
    "过",
)  # the others (满, 达到, 到, 够, 上) include the bound
_MONEY = re.compile(r"罚款|罚了|罚金|钱")
# "有企业罚款超过5万元吗", "哪家公司隐患超过10条了": a bound on each firm, not on the total
_EACH_FIRM = re.compile(r"(?:有|哪)(?:没有)?(?:一?家|个|些)?(?:企业|公司|单位|厂)")


def bound(text: str) -> tuple[str, str, float, str] | None:
    """(the question without the bound, ">", ">=", "<" or "<=", the bound, its unit), or None.

    The bound must be asked (a 吗/没有 after it, or 有没有/是不是 before it) and close the sentence."""
    asked = (m for rx in (_BELOW_BOUND, _SUFFIX_BOUND, _BOUND) if (m := rx.search(text)))
    m = next((m for m in asked if m["ask"] or (m["tail"] and m["tail"] != "了")), None)
    if m is None:
        return None
    subject = re.sub(r"[的，,\s]+$", "", text[: m.start()])
    number = float(m["num"]) if m["num"][0].isdigit() else cn_to_int(m["num"])
    if not subject or number is None or _EACH_FIRM.search(subject):
        return None
    if m.re is _BELOW_BOUND:
        op = _BELOW[m["op"]]
    elif m.re is _SUFFIX_BOUND:
        op = ">=" if m["op"].endswith("以上") else "<="
    else:
        op = ">" if m["op"].startswith(_STRICT) else ">="
    unit = "元" if m["wan"] or m["unit"] in ("元", "块", "块钱") else (m["unit"] or "")
    return subject, op, float(number) * (10_000 if m["wan"] else 1), unit


def _total_question(subject: str, unit: str) -> str:
    if unit == "元" or (_MONEY.search(subject) and not unit):  # "罚款超过50万了吗": the sum of the fines
        return subject + ("总额是多少" if "罚款" in subject else "罚款总额是多少")
    if re.search(r"多少|几", subject):
        return subject
    return subject + "有多少" + unit


def _show(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:.2f}"


def _verdict(op: str, n: float, limit: float, unit: str) -> str:
    """是/否 and the bound as asked, then the total: "是，不到 10 条（共 8 条）。"."""
    passed = {">": n > limit, ">=": n >= limit, "<": n < limit, "<=": n <= limit}[op]
    said = {
        ">": ("已超过", "未超过"),
        ">=": ("已达到", "未达到"),
        "<": ("不到", "已达到"),
        "<=": ("未超过", "已超过"),
    }[op]
    return f"{'是' if passed else '否'}，{said[0] if passed else said[1]} {_show(limit)} {unit}（共 {_show(n)} {unit}）。\n"


def asker(ask: Answer) -> Answer:
    """``ask``, answering a yes/no bound on a total with the total and the verdict."""

    def answer(
        text: str, principal: Principal, previous: TurnState | None, use_llm: bool
    ) -> tuple[ChatAnswer, TurnState | None]:
        found = bound(text)
        if found is None:
            return ask(text, principal, previous, use_llm)
        subject, op, limit, unit = found
        question = _total_question(subject, unit)
        result, state = ask(question, principal, previous, use_llm)
        if result.intent is None or result.path in ("clarify", "refusal"):
            return ask(text, principal, previous, use_llm)  # no total to judge: the usual handling
        n = value(result, question)
        verdict = _verdict(op, n, limit, unit)
        return result.model_copy(update={"answer": verdict + result.answer}), state

    return answer


__all__ = ["asker", "bound"]
